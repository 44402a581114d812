from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_account_balances import SeedAccountBalances
    from ..models.seed_account_extra import SeedAccountExtra
    from ..models.seed_account_wallets import SeedAccountWallets
    from ..models.seed_credential import SeedCredential
    from ..models.seed_destination import SeedDestination
    from ..models.seed_webhook import SeedWebhook


T = TypeVar("T", bound="SeedAccount")


@_attrs_define
class SeedAccount:
    """
    Attributes:
        id (str):
        credentials (list[SeedCredential] | Unset):
        balances (SeedAccountBalances | Unset): Asset code to available amount, in the account's default wallet.
        wallets (SeedAccountWallets | Unset): Wallet (or sub-account) name to its balances, asset code to available
            amount, for providers
            that keep balances per wallet; each provider's documentation names its wallets.
        whitelist (list[SeedDestination] | Unset):
        webhook (SeedWebhook | Unset):
        extra (SeedAccountExtra | Unset): Provider-specific settings, validated by that provider's emulator.
    """

    id: str
    credentials: list[SeedCredential] | Unset = UNSET
    balances: SeedAccountBalances | Unset = UNSET
    wallets: SeedAccountWallets | Unset = UNSET
    whitelist: list[SeedDestination] | Unset = UNSET
    webhook: SeedWebhook | Unset = UNSET
    extra: SeedAccountExtra | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        credentials: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = []
            for credentials_item_data in self.credentials:
                credentials_item = credentials_item_data.to_dict()
                credentials.append(credentials_item)

        balances: dict[str, Any] | Unset = UNSET
        if not isinstance(self.balances, Unset):
            balances = self.balances.to_dict()

        wallets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.wallets, Unset):
            wallets = self.wallets.to_dict()

        whitelist: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.whitelist, Unset):
            whitelist = []
            for whitelist_item_data in self.whitelist:
                whitelist_item = whitelist_item_data.to_dict()
                whitelist.append(whitelist_item)

        webhook: dict[str, Any] | Unset = UNSET
        if not isinstance(self.webhook, Unset):
            webhook = self.webhook.to_dict()

        extra: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra, Unset):
            extra = self.extra.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if balances is not UNSET:
            field_dict["balances"] = balances
        if wallets is not UNSET:
            field_dict["wallets"] = wallets
        if whitelist is not UNSET:
            field_dict["whitelist"] = whitelist
        if webhook is not UNSET:
            field_dict["webhook"] = webhook
        if extra is not UNSET:
            field_dict["extra"] = extra

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seed_account_balances import SeedAccountBalances  # noqa: PLC0415
        from ..models.seed_account_extra import SeedAccountExtra  # noqa: PLC0415
        from ..models.seed_account_wallets import SeedAccountWallets  # noqa: PLC0415
        from ..models.seed_credential import SeedCredential  # noqa: PLC0415
        from ..models.seed_destination import SeedDestination  # noqa: PLC0415
        from ..models.seed_webhook import SeedWebhook  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        _credentials = d.pop("credentials", UNSET)
        credentials: list[SeedCredential] | Unset = UNSET
        if _credentials is not UNSET:
            credentials = []
            for credentials_item_data in _credentials:
                credentials_item = SeedCredential.from_dict(credentials_item_data)

                credentials.append(credentials_item)

        _balances = d.pop("balances", UNSET)
        balances: SeedAccountBalances | Unset
        if isinstance(_balances, Unset):
            balances = UNSET
        else:
            balances = SeedAccountBalances.from_dict(_balances)

        _wallets = d.pop("wallets", UNSET)
        wallets: SeedAccountWallets | Unset
        if isinstance(_wallets, Unset):
            wallets = UNSET
        else:
            wallets = SeedAccountWallets.from_dict(_wallets)

        _whitelist = d.pop("whitelist", UNSET)
        whitelist: list[SeedDestination] | Unset = UNSET
        if _whitelist is not UNSET:
            whitelist = []
            for whitelist_item_data in _whitelist:
                whitelist_item = SeedDestination.from_dict(whitelist_item_data)

                whitelist.append(whitelist_item)

        _webhook = d.pop("webhook", UNSET)
        webhook: SeedWebhook | Unset
        if isinstance(_webhook, Unset):
            webhook = UNSET
        else:
            webhook = SeedWebhook.from_dict(_webhook)

        _extra = d.pop("extra", UNSET)
        extra: SeedAccountExtra | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = SeedAccountExtra.from_dict(_extra)

        seed_account = cls(
            id=id,
            credentials=credentials,
            balances=balances,
            wallets=wallets,
            whitelist=whitelist,
            webhook=webhook,
            extra=extra,
        )

        return seed_account
