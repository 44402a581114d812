from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency

T = TypeVar("T", bound="WithdrawNowRequest")


@_attrs_define
class WithdrawNowRequest:
    """The two documented required attributes; fields not listed here are ignored.

    Attributes:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).
        currency (Currency): The currency codes known today, from the provider's official client model ("Token codes
            update",
            May 2025). The prefix names the chain: `b`/`bt` Binance main/test, `p`/`pa` Polygon main/Amoy,
            `a`/`as` Arbitrum main/Sepolia, `e`/`es` Ethereum main/Sepolia. A request (`withdraw_now`)
            takes exactly these. Response fields use `CurrencyCode`, which also accepts codes not listed
            here: the provider adds codes over time, and its currencies dictionary is authoritative.
            Retired codes that old withdrawals may carry: `pmUSDC`, `pmUSDT` (Mumbai), `USDT`, `USDC`,
            `DAI`, `sUSDT`, `sUSDC` (now `e`/`es`-prefixed).
    """

    merchant_id: str
    currency: Currency
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merchant_id = self.merchant_id

        currency = self.currency.value

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

        currency = Currency(d.pop("currency"))

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
