from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

T = TypeVar("T", bound="Money")


@_attrs_define
class Money:
    """An amount of one token.

    Example:
        {'value': '998', 'currency': 'bUSDT'}

    Attributes:
        value (str): A non-negative decimal number written as a string, in whole tokens (`"10"`, `"998.5"`).
        currency (Currency): A token code; the prefix hints at the chain (`b`/`bt` Binance main/test, `p`/`pm` Polygon
            main/Mumbai, `a`/`as` Arbitrum main/Sepolia, none/`s` Ethereum main/Sepolia). The list comes from
            the provider's official client model; the authoritative list is the currencies dictionary, and
            the generated client tolerates codes not listed here.
    """

    value: str
    currency: Currency
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        currency = self.currency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        currency = Currency(d.pop("currency"))

        money = cls(
            value=value,
            currency=currency,
        )

        money.additional_properties = d
        return money

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
