from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Merchant")


@_attrs_define
class Merchant:
    """A merchant of the partner, created in the Partner UI. The object may carry fields not listed here;
    ignore them.

        Attributes:
            id (str): The merchant identifier, the `merchantId` of the other operations.
            name (str | Unset): The merchant's name.
            partner_address (str | Unset): The address of the partner (PSP) that controls the merchant.
            is_kyb_finished (bool | Unset): Whether the partner marked the merchant's KYB (Know Your Business) checks as
                finished.
            created_at (datetime.datetime | Unset): When the merchant was created, ISO 8601.
    """

    id: str
    name: str | Unset = UNSET
    partner_address: str | Unset = UNSET
    is_kyb_finished: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        partner_address = self.partner_address

        is_kyb_finished = self.is_kyb_finished

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if partner_address is not UNSET:
            field_dict["partnerAddress"] = partner_address
        if is_kyb_finished is not UNSET:
            field_dict["isKYBFinished"] = is_kyb_finished
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        partner_address = d.pop("partnerAddress", UNSET)

        is_kyb_finished = d.pop("isKYBFinished", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        merchant = cls(
            id=id,
            name=name,
            partner_address=partner_address,
            is_kyb_finished=is_kyb_finished,
            created_at=created_at,
        )

        merchant.additional_properties = d
        return merchant

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
