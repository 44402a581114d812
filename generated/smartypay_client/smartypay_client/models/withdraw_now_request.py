from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

T = TypeVar("T", bound="WithdrawNowRequest")


@_attrs_define
class WithdrawNowRequest:
    """The two documented required attributes; fields not listed here are ignored.

    Attributes:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).
        currency (Currency | str): A currency code, one of `Currency` or any code the provider adds later.
    """

    merchant_id: str
    currency: Currency | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merchant_id = self.merchant_id

        currency: str
        if isinstance(self.currency, Currency):
            currency = self.currency.value
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merchantId": merchant_id,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        merchant_id = d.pop("merchantId")

        def _parse_currency(data: object) -> Currency | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_currency_code_type_0 = Currency(data)

                return componentsschemas_currency_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Currency | str, data)

        currency = _parse_currency(d.pop("currency"))

        withdraw_now_request = cls(
            merchant_id=merchant_id,
            currency=currency,
        )

        withdraw_now_request.additional_properties = d
        return withdraw_now_request

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
