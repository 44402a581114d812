from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """One asset's balance. `locked_balance` is held by pending withdrawals and orders. Whether
    `balance` includes it is not documented (third-party clients disagree); our emulator reports
    `balance` as the total, locked part included.

        Attributes:
            asset_symbol (str):
            balance (str): A non-negative decimal number written as a string.
            locked_balance (str): A non-negative decimal number written as a string.
    """

    asset_symbol: str
    balance: str
    locked_balance: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_symbol = self.asset_symbol

        balance = self.balance

        locked_balance = self.locked_balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_symbol": asset_symbol,
                "balance": balance,
                "locked_balance": locked_balance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_symbol = d.pop("asset_symbol")

        balance = d.pop("balance")

        locked_balance = d.pop("locked_balance")

        account = cls(
            asset_symbol=asset_symbol,
            balance=balance,
            locked_balance=locked_balance,
        )

        account.additional_properties = d
        return account

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
