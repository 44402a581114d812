from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MerchantPredicates")


@_attrs_define
class MerchantPredicates:
    """Filters, combined with AND; an absent predicate does not filter, an unknown one is ignored.

    Attributes:
        name_like (str | Unset): A part of the merchant's name, compared without regard to case.
    """

    name_like: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name_like = self.name_like

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name_like is not UNSET:
            field_dict["nameLike"] = name_like

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name_like = d.pop("nameLike", UNSET)

        merchant_predicates = cls(
            name_like=name_like,
        )

        merchant_predicates.additional_properties = d
        return merchant_predicates

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
