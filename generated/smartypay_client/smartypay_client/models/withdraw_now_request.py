from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.currency import Currency

T = TypeVar("T", bound="WithdrawNowRequest")


@_attrs_define
class WithdrawNowRequest:
    """
    Attributes:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).
        currency (Currency): A token code; the prefix hints at the chain (`b`/`bt` Binance main/test, `p`/`pm` Polygon
            main/Mumbai, `a`/`as` Arbitrum main/Sepolia, none/`s` Ethereum main/Sepolia). The list comes from
            the provider's official client model; the authoritative list is the currencies dictionary, and
            the generated client tolerates codes not listed here.
    """

    merchant_id: str
    currency: Currency

    def to_dict(self) -> dict[str, Any]:
        merchant_id = self.merchant_id

        currency = self.currency.value

        field_dict: dict[str, Any] = {}

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

        currency = Currency(d.pop("currency"))

        withdraw_now_request = cls(
            merchant_id=merchant_id,
            currency=currency,
        )

        return withdraw_now_request
