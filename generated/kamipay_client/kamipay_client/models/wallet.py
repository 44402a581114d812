from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Wallet")


@_attrs_define
class Wallet:
    """
    Attributes:
        merchant_id (int): Your merchant id.
        wallet_id (int): The wallet's id (used when creating a checkout).
        wallet_desc (str): A human-readable label.
        currency_id (int): The wallet's currency (meaning of the integer undocumented).
        address (str): The wallet's on-chain address, where settlements arrive and withdrawals leave from.
        network_id (int): The wallet's network (meaning of the integer undocumented).
    """

    merchant_id: int
    wallet_id: int
    wallet_desc: str
    currency_id: int
    address: str
    network_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merchant_id = self.merchant_id

        wallet_id = self.wallet_id

        wallet_desc = self.wallet_desc

        currency_id = self.currency_id

        address = self.address

        network_id = self.network_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merchant_id": merchant_id,
                "wallet_id": wallet_id,
                "wallet_desc": wallet_desc,
                "currency_id": currency_id,
                "address": address,
                "network_id": network_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        merchant_id = d.pop("merchant_id")

        wallet_id = d.pop("wallet_id")

        wallet_desc = d.pop("wallet_desc")

        currency_id = d.pop("currency_id")

        address = d.pop("address")

        network_id = d.pop("network_id")

        wallet = cls(
            merchant_id=merchant_id,
            wallet_id=wallet_id,
            wallet_desc=wallet_desc,
            currency_id=currency_id,
            address=address,
            network_id=network_id,
        )

        wallet.additional_properties = d
        return wallet

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
