from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blockchain import Blockchain
from ..models.currency import Currency
from ..models.intent_status import IntentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawalIntent")


@_attrs_define
class WithdrawalIntent:
    """A sweep of one currency scheduled for `processAt`. The object table names the token `currency`
    and the search example names it `asset`; at least one of the two is present (see Known deviations).

        Attributes:
            id (str): The intent identifier.
            blockchain (Blockchain | str): A blockchain code, one of `Blockchain` or any code the provider adds later.
            process_at (datetime.datetime): When the intent will be (or was) processed, ISO 8601 in UTC.
            status (IntentStatus | str): One of `IntentStatus`, or a status added later (the set is open).
            currency (Currency | str | Unset): A currency code, one of `Currency` or any code the provider adds later.
            asset (Currency | str | Unset): A currency code, one of `Currency` or any code the provider adds later.
    """

    id: str
    blockchain: Blockchain | str
    process_at: datetime.datetime
    status: IntentStatus | str
    currency: Currency | str | Unset = UNSET
    asset: Currency | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        blockchain: str
        if isinstance(self.blockchain, Blockchain):
            blockchain = self.blockchain.value
        else:
            blockchain = self.blockchain

        process_at = self.process_at.isoformat()

        status: str
        if isinstance(self.status, IntentStatus):
            status = self.status.value
        else:
            status = self.status

        currency: str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, Currency):
            currency = self.currency.value
        else:
            currency = self.currency

        asset: str | Unset
        if isinstance(self.asset, Unset):
            asset = UNSET
        elif isinstance(self.asset, Currency):
            asset = self.asset.value
        else:
            asset = self.asset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "blockchain": blockchain,
                "processAt": process_at,
                "status": status,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if asset is not UNSET:
            field_dict["asset"] = asset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_blockchain(data: object) -> Blockchain | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_blockchain_code_type_0 = Blockchain(data)

                return componentsschemas_blockchain_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Blockchain | str, data)

        blockchain = _parse_blockchain(d.pop("blockchain"))

        process_at = datetime.datetime.fromisoformat(d.pop("processAt"))

        def _parse_status(data: object) -> IntentStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = IntentStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntentStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_currency(data: object) -> Currency | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_currency_code_type_0 = Currency(data)

                return componentsschemas_currency_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Currency | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_asset(data: object) -> Currency | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_currency_code_type_0 = Currency(data)

                return componentsschemas_currency_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Currency | str | Unset, data)

        asset = _parse_asset(d.pop("asset", UNSET))

        withdrawal_intent = cls(
            id=id,
            blockchain=blockchain,
            process_at=process_at,
            status=status,
            currency=currency,
            asset=asset,
        )

        withdrawal_intent.additional_properties = d
        return withdrawal_intent

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
