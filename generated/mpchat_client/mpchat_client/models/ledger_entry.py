from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_type import EntryType

T = TypeVar("T", bound="LedgerEntry")


@_attrs_define
class LedgerEntry:
    """
    Attributes:
        id (str):
        merchant_id (str):
        order_id (None | str): The order that produced a credit; `null` for withdrawal debits.
        entry_type (EntryType):
        amount (str): A non-negative decimal number written as a string (USDT).
        balance_after (str): A non-negative decimal number written as a string (USDT).
        description (str): Free text; for a withdrawal debit it reads `Withdrawal {id}`.
        created_at (datetime.datetime):
    """

    id: str
    merchant_id: str
    order_id: None | str
    entry_type: EntryType
    amount: str
    balance_after: str
    description: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        merchant_id = self.merchant_id

        order_id: None | str
        order_id = self.order_id

        entry_type = self.entry_type.value

        amount = self.amount

        balance_after = self.balance_after

        description = self.description

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "merchant_id": merchant_id,
                "order_id": order_id,
                "entry_type": entry_type,
                "amount": amount,
                "balance_after": balance_after,
                "description": description,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        merchant_id = d.pop("merchant_id")

        def _parse_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        entry_type = EntryType(d.pop("entry_type"))

        amount = d.pop("amount")

        balance_after = d.pop("balance_after")

        description = d.pop("description")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ledger_entry = cls(
            id=id,
            merchant_id=merchant_id,
            order_id=order_id,
            entry_type=entry_type,
            amount=amount,
            balance_after=balance_after,
            description=description,
            created_at=created_at,
        )

        ledger_entry.additional_properties = d
        return ledger_entry

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
