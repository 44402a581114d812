"""Contains all the data models used in inputs/outputs"""

from .account_list import AccountList
from .account_list_accounts_item import AccountListAccountsItem
from .account_state import AccountState
from .account_state_wallets import AccountStateWallets
from .advance_clock import AdvanceClock
from .clock import Clock
from .config import Config
from .config_advance import ConfigAdvance
from .control_balances import ControlBalances
from .control_balances_additional_property import ControlBalancesAdditionalProperty
from .control_error import ControlError
from .delivery import Delivery
from .delivery_headers import DeliveryHeaders
from .delivery_list import DeliveryList
from .delivery_status import DeliveryStatus
from .fault import Fault
from .fault_list import FaultList
from .fault_status import FaultStatus
from .get_control_spec_response_200 import GetControlSpecResponse200
from .get_control_spec_response_200_info import GetControlSpecResponse200Info
from .get_control_spec_response_200_paths import GetControlSpecResponse200Paths
from .seed import Seed
from .seed_account import SeedAccount
from .seed_account_balances import SeedAccountBalances
from .seed_account_extra import SeedAccountExtra
from .seed_account_wallets import SeedAccountWallets
from .seed_account_wallets_additional_property import SeedAccountWalletsAdditionalProperty
from .seed_credential import SeedCredential
from .seed_credential_data import SeedCredentialData
from .seed_destination import SeedDestination
from .seed_destination_data import SeedDestinationData
from .seed_result import SeedResult
from .seed_webhook import SeedWebhook
from .transition_request import TransitionRequest
from .withdrawal_state import WithdrawalState

__all__ = (
    "AccountList",
    "AccountListAccountsItem",
    "AccountState",
    "AccountStateWallets",
    "AdvanceClock",
    "Clock",
    "Config",
    "ConfigAdvance",
    "ControlBalances",
    "ControlBalancesAdditionalProperty",
    "ControlError",
    "Delivery",
    "DeliveryHeaders",
    "DeliveryList",
    "DeliveryStatus",
    "Fault",
    "FaultList",
    "FaultStatus",
    "GetControlSpecResponse200",
    "GetControlSpecResponse200Info",
    "GetControlSpecResponse200Paths",
    "Seed",
    "SeedAccount",
    "SeedAccountBalances",
    "SeedAccountExtra",
    "SeedAccountWallets",
    "SeedAccountWalletsAdditionalProperty",
    "SeedCredential",
    "SeedCredentialData",
    "SeedDestination",
    "SeedDestinationData",
    "SeedResult",
    "SeedWebhook",
    "TransitionRequest",
    "WithdrawalState",
)
