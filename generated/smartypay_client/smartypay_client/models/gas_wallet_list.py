from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gas_wallet import GasWallet


T = TypeVar("T", bound="GasWalletList")


@_attrs_define
class GasWalletList:
    """
    Attributes:
        gas_wallets (list[GasWallet]):
    """

    gas_wallets: list[GasWallet]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gas_wallets = []
        for gas_wallets_item_data in self.gas_wallets:
            gas_wallets_item = gas_wallets_item_data.to_dict()
            gas_wallets.append(gas_wallets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gasWallets": gas_wallets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gas_wallet import GasWallet  # noqa: PLC0415

        d = dict(src_dict)
        gas_wallets = []
        _gas_wallets = d.pop("gasWallets")
        for gas_wallets_item_data in _gas_wallets:
            gas_wallets_item = GasWallet.from_dict(gas_wallets_item_data)

            gas_wallets.append(gas_wallets_item)

        gas_wallet_list = cls(
            gas_wallets=gas_wallets,
        )

        gas_wallet_list.additional_properties = d
        return gas_wallet_list

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
