"""Contains all the data models used in inputs/outputs"""

from .blockchain import Blockchain
from .blockchain_details import BlockchainDetails
from .blockchain_dictionary import BlockchainDictionary
from .currency import Currency
from .error import Error
from .gas_wallet import GasWallet
from .gas_wallet_list import GasWalletList
from .intent_list import IntentList
from .intent_predicates import IntentPredicates
from .intent_search_request import IntentSearchRequest
from .intent_status import IntentStatus
from .merchant import Merchant
from .merchant_balance import MerchantBalance
from .merchant_list import MerchantList
from .merchant_predicates import MerchantPredicates
from .merchant_search_request import MerchantSearchRequest
from .money import Money
from .native_asset import NativeAsset
from .network import Network
from .page_request import PageRequest
from .page_response import PageResponse
from .schedule_period import SchedulePeriod
from .withdraw_now_request import WithdrawNowRequest
from .withdraw_now_response import WithdrawNowResponse
from .withdrawal import Withdrawal
from .withdrawal_intent import WithdrawalIntent
from .withdrawal_list import WithdrawalList
from .withdrawal_predicates import WithdrawalPredicates
from .withdrawal_schedule import WithdrawalSchedule
from .withdrawal_search_request import WithdrawalSearchRequest
from .withdrawal_status import WithdrawalStatus

__all__ = (
    "Blockchain",
    "BlockchainDetails",
    "BlockchainDictionary",
    "Currency",
    "Error",
    "GasWallet",
    "GasWalletList",
    "IntentList",
    "IntentPredicates",
    "IntentSearchRequest",
    "IntentStatus",
    "Merchant",
    "MerchantBalance",
    "MerchantList",
    "MerchantPredicates",
    "MerchantSearchRequest",
    "Money",
    "NativeAsset",
    "Network",
    "PageRequest",
    "PageResponse",
    "SchedulePeriod",
    "Withdrawal",
    "WithdrawalIntent",
    "WithdrawalList",
    "WithdrawalPredicates",
    "WithdrawalSchedule",
    "WithdrawalSearchRequest",
    "WithdrawalStatus",
    "WithdrawNowRequest",
    "WithdrawNowResponse",
)
