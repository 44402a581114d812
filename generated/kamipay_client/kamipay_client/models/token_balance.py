from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.balance_token import BalanceToken

T = TypeVar("T", bound="TokenBalance")


@_attrs_define
class TokenBalance:
    """
    Attributes:
        token (BalanceToken): Token symbol, upper case in balance answers.
        balance (float): The balance as a JSON number, up to 18 (MATIC) or 6 (USDT) decimal places; read it as a
            decimal.
    """

    token: BalanceToken
    balance: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token.value

        balance = self.balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
                "balance": balance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = BalanceToken(d.pop("token"))

        balance = d.pop("balance")

        token_balance = cls(
            token=token,
            balance=balance,
        )

        token_balance.additional_properties = d
        return token_balance

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
