from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Balance")


@_attrs_define
class Balance:
    """One asset's balance, as JSON numbers (read them as exact decimals).

    Attributes:
        free (float): Available to trade and to withdraw.
        locked (float): Not available (held, for example by pending withdraw requests).
        limit (float | Unset): Not explained by the docs.
        pending_deposit (float | Unset): Not explained by the docs.
        available (float | Unset): Not explained by the docs (the example shows 0 next to `free` 100).
    """

    free: float
    locked: float
    limit: float | Unset = UNSET
    pending_deposit: float | Unset = UNSET
    available: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        free = self.free

        locked = self.locked

        limit = self.limit

        pending_deposit = self.pending_deposit

        available = self.available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "free": free,
                "locked": locked,
            }
        )
        if limit is not UNSET:
            field_dict["limit"] = limit
        if pending_deposit is not UNSET:
            field_dict["pendingDeposit"] = pending_deposit
        if available is not UNSET:
            field_dict["available"] = available

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        free = d.pop("free")

        locked = d.pop("locked")

        limit = d.pop("limit", UNSET)

        pending_deposit = d.pop("pendingDeposit", UNSET)

        available = d.pop("available", UNSET)

        balance = cls(
            free=free,
            locked=locked,
            limit=limit,
            pending_deposit=pending_deposit,
            available=available,
        )

        balance.additional_properties = d
        return balance

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
