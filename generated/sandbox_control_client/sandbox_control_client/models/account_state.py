from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_state_wallets import AccountStateWallets
    from ..models.control_balances import ControlBalances
    from ..models.seed_destination import SeedDestination


T = TypeVar("T", bound="AccountState")


@_attrs_define
class AccountState:
    """
    Attributes:
        id (str):
        balances (ControlBalances): Asset code to the available and frozen amounts.
        whitelist (list[SeedDestination]):
        key_ids (list[str]):
        wallets (AccountStateWallets | Unset): Wallet (or sub-account) name to its balances, for providers that keep
            several.
    """

    id: str
    balances: ControlBalances
    whitelist: list[SeedDestination]
    key_ids: list[str]
    wallets: AccountStateWallets | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        balances = self.balances.to_dict()

        whitelist = []
        for whitelist_item_data in self.whitelist:
            whitelist_item = whitelist_item_data.to_dict()
            whitelist.append(whitelist_item)

        key_ids = self.key_ids

        wallets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.wallets, Unset):
            wallets = self.wallets.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "balances": balances,
                "whitelist": whitelist,
                "key_ids": key_ids,
            }
        )
        if wallets is not UNSET:
            field_dict["wallets"] = wallets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_state_wallets import AccountStateWallets  # noqa: PLC0415
        from ..models.control_balances import ControlBalances  # noqa: PLC0415
        from ..models.seed_destination import SeedDestination  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        balances = ControlBalances.from_dict(d.pop("balances"))

        whitelist = []
        _whitelist = d.pop("whitelist")
        for whitelist_item_data in _whitelist:
            whitelist_item = SeedDestination.from_dict(whitelist_item_data)

            whitelist.append(whitelist_item)

        key_ids = cast(list[str], d.pop("key_ids"))

        _wallets = d.pop("wallets", UNSET)
        wallets: AccountStateWallets | Unset
        if isinstance(_wallets, Unset):
            wallets = UNSET
        else:
            wallets = AccountStateWallets.from_dict(_wallets)

        account_state = cls(
            id=id,
            balances=balances,
            whitelist=whitelist,
            key_ids=key_ids,
            wallets=wallets,
        )

        account_state.additional_properties = d
        return account_state

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
