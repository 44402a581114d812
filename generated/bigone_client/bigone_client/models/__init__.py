"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_list_response import AccountListResponse
from .account_response import AccountResponse
from .cancel_response import CancelResponse
from .create_withdrawal_request import CreateWithdrawalRequest
from .error import Error
from .ping_response import PingResponse
from .server_time import ServerTime
from .withdrawal import Withdrawal
from .withdrawal_kind import WithdrawalKind
from .withdrawal_page import WithdrawalPage
from .withdrawal_response import WithdrawalResponse
from .withdrawal_state import WithdrawalState

__all__ = (
    "Account",
    "AccountListResponse",
    "AccountResponse",
    "CancelResponse",
    "CreateWithdrawalRequest",
    "Error",
    "PingResponse",
    "ServerTime",
    "Withdrawal",
    "WithdrawalKind",
    "WithdrawalPage",
    "WithdrawalResponse",
    "WithdrawalState",
)
