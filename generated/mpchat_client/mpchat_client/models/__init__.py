"""Contains all the data models used in inputs/outputs"""

from .balance import Balance
from .create_webhook_request import CreateWebhookRequest
from .create_withdrawal_request import CreateWithdrawalRequest
from .entry_type import EntryType
from .error import Error
from .ledger_entry import LedgerEntry
from .merchant import Merchant
from .merchant_environment import MerchantEnvironment
from .merchant_status import MerchantStatus
from .merchant_tier import MerchantTier
from .network import Network
from .transaction_list import TransactionList
from .webhook import Webhook
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_list import WebhookDeliveryList
from .webhook_event_type import WebhookEventType
from .withdrawal import Withdrawal
from .withdrawal_event_name import WithdrawalEventName
from .withdrawal_list import WithdrawalList
from .withdrawal_status import WithdrawalStatus
from .withdrawal_webhook_event import WithdrawalWebhookEvent

__all__ = (
    "Balance",
    "CreateWebhookRequest",
    "CreateWithdrawalRequest",
    "EntryType",
    "Error",
    "LedgerEntry",
    "Merchant",
    "MerchantEnvironment",
    "MerchantStatus",
    "MerchantTier",
    "Network",
    "TransactionList",
    "Webhook",
    "WebhookDelivery",
    "WebhookDeliveryList",
    "WebhookEventType",
    "Withdrawal",
    "WithdrawalEventName",
    "WithdrawalList",
    "WithdrawalStatus",
    "WithdrawalWebhookEvent",
)
