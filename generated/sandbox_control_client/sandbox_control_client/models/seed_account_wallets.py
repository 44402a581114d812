from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.seed_account_wallets_additional_property import SeedAccountWalletsAdditionalProperty


T = TypeVar("T", bound="SeedAccountWallets")


@_attrs_define
class SeedAccountWallets:
    """Wallet (or sub-account) name to its balances, asset code to available amount, for providers
    that keep balances per wallet; each provider's documentation names its wallets.

    """

    additional_properties: dict[str, SeedAccountWalletsAdditionalProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seed_account_wallets_additional_property import SeedAccountWalletsAdditionalProperty  # noqa: PLC0415

        d = dict(src_dict)
        seed_account_wallets = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = SeedAccountWalletsAdditionalProperty.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        seed_account_wallets.additional_properties = additional_properties
        return seed_account_wallets

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> SeedAccountWalletsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: SeedAccountWalletsAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
