from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_control_spec_response_200_info import GetControlSpecResponse200Info
    from ..models.get_control_spec_response_200_paths import GetControlSpecResponse200Paths


T = TypeVar("T", bound="GetControlSpecResponse200")


@_attrs_define
class GetControlSpecResponse200:
    """
    Attributes:
        openapi (str):
        paths (GetControlSpecResponse200Paths):
        info (GetControlSpecResponse200Info | Unset):
    """

    openapi: str
    paths: GetControlSpecResponse200Paths
    info: GetControlSpecResponse200Info | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        openapi = self.openapi

        paths = self.paths.to_dict()

        info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.info, Unset):
            info = self.info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "openapi": openapi,
                "paths": paths,
            }
        )
        if info is not UNSET:
            field_dict["info"] = info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_control_spec_response_200_info import GetControlSpecResponse200Info  # noqa: PLC0415
        from ..models.get_control_spec_response_200_paths import GetControlSpecResponse200Paths  # noqa: PLC0415

        d = dict(src_dict)
        openapi = d.pop("openapi")

        paths = GetControlSpecResponse200Paths.from_dict(d.pop("paths"))

        _info = d.pop("info", UNSET)
        info: GetControlSpecResponse200Info | Unset
        if isinstance(_info, Unset):
            info = UNSET
        else:
            info = GetControlSpecResponse200Info.from_dict(_info)

        get_control_spec_response_200 = cls(
            openapi=openapi,
            paths=paths,
            info=info,
        )

        get_control_spec_response_200.additional_properties = d
        return get_control_spec_response_200

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
