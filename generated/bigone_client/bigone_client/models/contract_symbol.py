from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractSymbol")


@_attrs_define
class ContractSymbol:
    """One perpetual contract of the contract API (`BTCUSD`): its base, quote and settlement
    currencies, whether it is inverse (settled in the base currency), the contract multiplier,
    price step and bounds, precisions, risk limits and margins. Numbers are JSON numbers here, as
    in the documentation's example; read them as decimals.

        Attributes:
            symbol (str): The contract's name, e.g. `BTCUSD`.
            base_currency (str):
            quote_currency (str):
            settle_currency (str | Unset):
            base_name (str | Unset):
            enable (bool | Unset): Whether the contract trades now.
            is_inverse (bool | Unset):
            multiplier (float | Unset):
            price_step (float | Unset):
            price_min (float | Unset):
            price_max (float | Unset):
            price_precision (int | Unset):
            value_precision (int | Unset):
            fee_precision (int | Unset):
            initial_margin (float | Unset):
            maintenance_margin (float | Unset):
            risk_limit (float | Unset):
            min_risk_limit (float | Unset):
            max_risk_limit (float | Unset):
            risk_step (float | Unset):
    """

    symbol: str
    base_currency: str
    quote_currency: str
    settle_currency: str | Unset = UNSET
    base_name: str | Unset = UNSET
    enable: bool | Unset = UNSET
    is_inverse: bool | Unset = UNSET
    multiplier: float | Unset = UNSET
    price_step: float | Unset = UNSET
    price_min: float | Unset = UNSET
    price_max: float | Unset = UNSET
    price_precision: int | Unset = UNSET
    value_precision: int | Unset = UNSET
    fee_precision: int | Unset = UNSET
    initial_margin: float | Unset = UNSET
    maintenance_margin: float | Unset = UNSET
    risk_limit: float | Unset = UNSET
    min_risk_limit: float | Unset = UNSET
    max_risk_limit: float | Unset = UNSET
    risk_step: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        base_currency = self.base_currency

        quote_currency = self.quote_currency

        settle_currency = self.settle_currency

        base_name = self.base_name

        enable = self.enable

        is_inverse = self.is_inverse

        multiplier = self.multiplier

        price_step = self.price_step

        price_min = self.price_min

        price_max = self.price_max

        price_precision = self.price_precision

        value_precision = self.value_precision

        fee_precision = self.fee_precision

        initial_margin = self.initial_margin

        maintenance_margin = self.maintenance_margin

        risk_limit = self.risk_limit

        min_risk_limit = self.min_risk_limit

        max_risk_limit = self.max_risk_limit

        risk_step = self.risk_step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "baseCurrency": base_currency,
                "quoteCurrency": quote_currency,
            }
        )
        if settle_currency is not UNSET:
            field_dict["settleCurrency"] = settle_currency
        if base_name is not UNSET:
            field_dict["baseName"] = base_name
        if enable is not UNSET:
            field_dict["enable"] = enable
        if is_inverse is not UNSET:
            field_dict["isInverse"] = is_inverse
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier
        if price_step is not UNSET:
            field_dict["priceStep"] = price_step
        if price_min is not UNSET:
            field_dict["priceMin"] = price_min
        if price_max is not UNSET:
            field_dict["priceMax"] = price_max
        if price_precision is not UNSET:
            field_dict["pricePrecision"] = price_precision
        if value_precision is not UNSET:
            field_dict["valuePrecision"] = value_precision
        if fee_precision is not UNSET:
            field_dict["feePrecision"] = fee_precision
        if initial_margin is not UNSET:
            field_dict["initialMargin"] = initial_margin
        if maintenance_margin is not UNSET:
            field_dict["maintenanceMargin"] = maintenance_margin
        if risk_limit is not UNSET:
            field_dict["riskLimit"] = risk_limit
        if min_risk_limit is not UNSET:
            field_dict["minRiskLimit"] = min_risk_limit
        if max_risk_limit is not UNSET:
            field_dict["maxRiskLimit"] = max_risk_limit
        if risk_step is not UNSET:
            field_dict["riskStep"] = risk_step

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        base_currency = d.pop("baseCurrency")

        quote_currency = d.pop("quoteCurrency")

        settle_currency = d.pop("settleCurrency", UNSET)

        base_name = d.pop("baseName", UNSET)

        enable = d.pop("enable", UNSET)

        is_inverse = d.pop("isInverse", UNSET)

        multiplier = d.pop("multiplier", UNSET)

        price_step = d.pop("priceStep", UNSET)

        price_min = d.pop("priceMin", UNSET)

        price_max = d.pop("priceMax", UNSET)

        price_precision = d.pop("pricePrecision", UNSET)

        value_precision = d.pop("valuePrecision", UNSET)

        fee_precision = d.pop("feePrecision", UNSET)

        initial_margin = d.pop("initialMargin", UNSET)

        maintenance_margin = d.pop("maintenanceMargin", UNSET)

        risk_limit = d.pop("riskLimit", UNSET)

        min_risk_limit = d.pop("minRiskLimit", UNSET)

        max_risk_limit = d.pop("maxRiskLimit", UNSET)

        risk_step = d.pop("riskStep", UNSET)

        contract_symbol = cls(
            symbol=symbol,
            base_currency=base_currency,
            quote_currency=quote_currency,
            settle_currency=settle_currency,
            base_name=base_name,
            enable=enable,
            is_inverse=is_inverse,
            multiplier=multiplier,
            price_step=price_step,
            price_min=price_min,
            price_max=price_max,
            price_precision=price_precision,
            value_precision=value_precision,
            fee_precision=fee_precision,
            initial_margin=initial_margin,
            maintenance_margin=maintenance_margin,
            risk_limit=risk_limit,
            min_risk_limit=min_risk_limit,
            max_risk_limit=max_risk_limit,
            risk_step=risk_step,
        )

        contract_symbol.additional_properties = d
        return contract_symbol

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
