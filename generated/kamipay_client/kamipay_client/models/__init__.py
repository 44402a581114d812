"""Contains all the data models used in inputs/outputs"""

from .address_balance_response import AddressBalanceResponse
from .address_balances import AddressBalances
from .balance_token import BalanceToken
from .chain import Chain
from .detail_error import DetailError
from .gateway_error import GatewayError
from .result_status import ResultStatus
from .token_balance import TokenBalance
from .token_request import TokenRequest
from .token_response import TokenResponse
from .token_type import TokenType
from .transaction_status import TransactionStatus
from .wallet import Wallet
from .withdraw_request import WithdrawRequest
from .withdraw_response import WithdrawResponse
from .withdraw_result import WithdrawResult
from .withdraw_token import WithdrawToken

__all__ = (
    "AddressBalanceResponse",
    "AddressBalances",
    "BalanceToken",
    "Chain",
    "DetailError",
    "GatewayError",
    "ResultStatus",
    "TokenBalance",
    "TokenRequest",
    "TokenResponse",
    "TokenType",
    "TransactionStatus",
    "Wallet",
    "WithdrawRequest",
    "WithdrawResponse",
    "WithdrawResult",
    "WithdrawToken",
)
