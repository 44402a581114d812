"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_balances import AccountBalances
from .account_credit_response import AccountCreditResponse
from .account_response import AccountResponse
from .account_source import AccountSource
from .balance import Balance
from .blockchain_withdraw_request import BlockchainWithdrawRequest
from .credit_account import CreditAccount
from .credit_account_balances import CreditAccountBalances
from .credit_balance import CreditBalance
from .fiat_transfer_type import FiatTransferType
from .fiat_withdraw_request import FiatWithdrawRequest
from .login_request import LoginRequest
from .login_response import LoginResponse
from .request_errors import RequestErrors
from .request_status import RequestStatus
from .status_error import StatusError
from .transaction import Transaction
from .transaction_list import TransactionList
from .transaction_type import TransactionType
from .transfer_instruction import TransferInstruction
from .transfer_instruction_asset_type import TransferInstructionAssetType
from .transfer_instructions import TransferInstructions
from .withdraw_request import WithdrawRequest
from .withdraw_request_created import WithdrawRequestCreated
from .withdraw_request_list import WithdrawRequestList
from .withdraw_type import WithdrawType

__all__ = (
    "Account",
    "AccountBalances",
    "AccountCreditResponse",
    "AccountResponse",
    "AccountSource",
    "Balance",
    "BlockchainWithdrawRequest",
    "CreditAccount",
    "CreditAccountBalances",
    "CreditBalance",
    "FiatTransferType",
    "FiatWithdrawRequest",
    "LoginRequest",
    "LoginResponse",
    "RequestErrors",
    "RequestStatus",
    "StatusError",
    "Transaction",
    "TransactionList",
    "TransactionType",
    "TransferInstruction",
    "TransferInstructionAssetType",
    "TransferInstructions",
    "WithdrawRequest",
    "WithdrawRequestCreated",
    "WithdrawRequestList",
    "WithdrawType",
)
