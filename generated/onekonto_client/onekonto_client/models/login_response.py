from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoginResponse")


@_attrs_define
class LoginResponse:
    """
    Attributes:
        user (str): The user id.
        token (str): The bearer token, valid for 24 hours.
        status (str):
        http_status_code (int):
        email (str | Unset):
        name (str | Unset):
    """

    user: str
    token: str
    status: str
    http_status_code: int
    email: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user

        token = self.token

        status = self.status

        http_status_code = self.http_status_code

        email = self.email

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "token": token,
                "status": status,
                "httpStatusCode": http_status_code,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user = d.pop("user")

        token = d.pop("token")

        status = d.pop("status")

        http_status_code = d.pop("httpStatusCode")

        email = d.pop("email", UNSET)

        name = d.pop("name", UNSET)

        login_response = cls(
            user=user,
            token=token,
            status=status,
            http_status_code=http_status_code,
            email=email,
            name=name,
        )

        login_response.additional_properties = d
        return login_response

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
