from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.balance_token import BalanceToken

T = TypeVar("T", bound="TokenBalance")


@_attrs_define
class TokenBalance:
    """
    Attributes:
        token (BalanceToken | str): One of `BalanceToken`, or a token added later (the set is open).
        balance (float): The balance as a JSON number, up to 18 (MATIC) or 6 (USDT) decimal places; read it as a
            decimal.
    """

    token: BalanceToken | str
    balance: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token: str
        if isinstance(self.token, BalanceToken):
            token = self.token.value
        else:
            token = self.token

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

        def _parse_token(data: object) -> BalanceToken | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_type_0 = BalanceToken(data)

                return token_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BalanceToken | str, data)

        token = _parse_token(d.pop("token"))

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
