from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditBalance")


@_attrs_define
class CreditBalance:
    """One asset's funds and credit, as JSON numbers (read them as exact decimals). In the docs'
    examples `availableToTrade` is `availableFunds` plus `availableCredit`, and `totalCredit` is
    `availableCredit` plus `usedCredit`.

        Attributes:
            available_to_trade (float | Unset): What can be traded with, own funds and credit together.
            total_funds (float | Unset): The account's own funds, available and locked.
            available_funds (float | Unset): Own funds that are not locked.
            locked_funds (float | Unset): Own funds that are held (for example by pending withdraw requests).
            total_credit (float | Unset): The credit line.
            available_credit (float | Unset): Credit not used yet.
            used_credit (float | Unset): Credit in use.
    """

    available_to_trade: float | Unset = UNSET
    total_funds: float | Unset = UNSET
    available_funds: float | Unset = UNSET
    locked_funds: float | Unset = UNSET
    total_credit: float | Unset = UNSET
    available_credit: float | Unset = UNSET
    used_credit: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_to_trade = self.available_to_trade

        total_funds = self.total_funds

        available_funds = self.available_funds

        locked_funds = self.locked_funds

        total_credit = self.total_credit

        available_credit = self.available_credit

        used_credit = self.used_credit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if available_to_trade is not UNSET:
            field_dict["availableToTrade"] = available_to_trade
        if total_funds is not UNSET:
            field_dict["totalFunds"] = total_funds
        if available_funds is not UNSET:
            field_dict["availableFunds"] = available_funds
        if locked_funds is not UNSET:
            field_dict["lockedFunds"] = locked_funds
        if total_credit is not UNSET:
            field_dict["totalCredit"] = total_credit
        if available_credit is not UNSET:
            field_dict["availableCredit"] = available_credit
        if used_credit is not UNSET:
            field_dict["usedCredit"] = used_credit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available_to_trade = d.pop("availableToTrade", UNSET)

        total_funds = d.pop("totalFunds", UNSET)

        available_funds = d.pop("availableFunds", UNSET)

        locked_funds = d.pop("lockedFunds", UNSET)

        total_credit = d.pop("totalCredit", UNSET)

        available_credit = d.pop("availableCredit", UNSET)

        used_credit = d.pop("usedCredit", UNSET)

        credit_balance = cls(
            available_to_trade=available_to_trade,
            total_funds=total_funds,
            available_funds=available_funds,
            locked_funds=locked_funds,
            total_credit=total_credit,
            available_credit=available_credit,
            used_credit=used_credit,
        )

        credit_balance.additional_properties = d
        return credit_balance

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
