from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LoginRequest")


@_attrs_define
class LoginRequest:
    """
    Attributes:
        user (str): Your user id (the docs' example uses an e-mail address).
        password (str): The lowercase hex SHA-256 digest of the password, never the password itself.
    """

    user: str
    password: str

    def to_dict(self) -> dict[str, Any]:
        user = self.user

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user": user,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user = d.pop("user")

        password = d.pop("password")

        login_request = cls(
            user=user,
            password=password,
        )

        return login_request
