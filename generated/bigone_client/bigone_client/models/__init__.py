"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_list_response import AccountListResponse
from .account_response import AccountResponse
from .asset_gateway import AssetGateway
from .asset_list_response import AssetListResponse
from .asset_pair import AssetPair
from .asset_pair_list_response import AssetPairListResponse
from .cancel_response import CancelResponse
from .contract_error import ContractError
from .contract_symbol import ContractSymbol
from .create_transfer_request import CreateTransferRequest
from .create_withdrawal_request import CreateWithdrawalRequest
from .error import Error
from .listed_asset import ListedAsset
from .pair_asset import PairAsset
from .ping_response import PingResponse
from .server_time import ServerTime
from .transfer_account import TransferAccount
from .transfer_response import TransferResponse
from .transfer_type import TransferType
from .withdrawal import Withdrawal
from .withdrawal_kind import WithdrawalKind
from .withdrawal_page import WithdrawalPage
from .withdrawal_response import WithdrawalResponse
from .withdrawal_state import WithdrawalState

__all__ = (
    "Account",
    "AccountListResponse",
    "AccountResponse",
    "AssetGateway",
    "AssetListResponse",
    "AssetPair",
    "AssetPairListResponse",
    "CancelResponse",
    "ContractError",
    "ContractSymbol",
    "CreateTransferRequest",
    "CreateWithdrawalRequest",
    "Error",
    "ListedAsset",
    "PairAsset",
    "PingResponse",
    "ServerTime",
    "TransferAccount",
    "TransferResponse",
    "TransferType",
    "Withdrawal",
    "WithdrawalKind",
    "WithdrawalPage",
    "WithdrawalResponse",
    "WithdrawalState",
)
