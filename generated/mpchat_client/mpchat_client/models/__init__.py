"""Contains all the data models used in inputs/outputs"""

from .balance import Balance
from .create_withdrawal_request import CreateWithdrawalRequest
from .entry_type import EntryType
from .error import Error
from .ledger_entry import LedgerEntry
from .network import Network
from .transaction_list import TransactionList
from .withdrawal import Withdrawal
from .withdrawal_event_name import WithdrawalEventName
from .withdrawal_list import WithdrawalList
from .withdrawal_status import WithdrawalStatus
from .withdrawal_webhook_event import WithdrawalWebhookEvent

__all__ = (
    "Balance",
    "CreateWithdrawalRequest",
    "EntryType",
    "Error",
    "LedgerEntry",
    "Network",
    "TransactionList",
    "Withdrawal",
    "WithdrawalEventName",
    "WithdrawalList",
    "WithdrawalStatus",
    "WithdrawalWebhookEvent",
)
