from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NativeAsset")


@_attrs_define
class NativeAsset:
    """The native token of a blockchain, which pays its gas. Documented as an object without fields; the
    two below are what our emulator sends (inferred).

        Attributes:
            code (str | Unset): The token's symbol (`BNB`, `MATIC`, `ETH`); inferred.
            decimals (int | Unset): The decimals of its smallest unit (18 for wei); inferred.
    """

    code: str | Unset = UNSET
    decimals: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        decimals = self.decimals

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if decimals is not UNSET:
            field_dict["decimals"] = decimals

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        decimals = d.pop("decimals", UNSET)

        native_asset = cls(
            code=code,
            decimals=decimals,
        )

        native_asset.additional_properties = d
        return native_asset

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
