"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_balances import AccountBalances
from .account_response import AccountResponse
from .account_source import AccountSource
from .balance import Balance
from .blockchain_withdraw_request import BlockchainWithdrawRequest
from .fiat_transfer_type import FiatTransferType
from .fiat_withdraw_request import FiatWithdrawRequest
from .login_request import LoginRequest
from .login_response import LoginResponse
from .request_errors import RequestErrors
from .request_status import RequestStatus
from .status_error import StatusError
from .withdraw_instruction import WithdrawInstruction
from .withdraw_instruction_asset_type import WithdrawInstructionAssetType
from .withdraw_instructions import WithdrawInstructions
from .withdraw_request import WithdrawRequest
from .withdraw_request_created import WithdrawRequestCreated
from .withdraw_request_list import WithdrawRequestList
from .withdraw_type import WithdrawType

__all__ = (
    "Account",
    "AccountBalances",
    "AccountResponse",
    "AccountSource",
    "Balance",
    "BlockchainWithdrawRequest",
    "FiatTransferType",
    "FiatWithdrawRequest",
    "LoginRequest",
    "LoginResponse",
    "RequestErrors",
    "RequestStatus",
    "StatusError",
    "WithdrawInstruction",
    "WithdrawInstructionAssetType",
    "WithdrawInstructions",
    "WithdrawRequest",
    "WithdrawRequestCreated",
    "WithdrawRequestList",
    "WithdrawType",
)
