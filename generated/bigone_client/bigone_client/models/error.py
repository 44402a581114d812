from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Every failure; `code` is non-zero.

    Example:
        {'code': 40004, 'message': 'Unauthorized'}

    Attributes:
        code (int): BigONE's error codes, with their HTTP statuses:

            | code | HTTP | message | meaning |
            |---|---|---|---|
            | 40004 | 401 | Unauthorized | no credentials, or an unknown API key |
            | 40106 | 401 | Invalid token | the JWT is malformed, badly signed, not HS256, has wrong claims, or its nonce is
            outside the window |
            | 40107 | 400 | Unexpected request header | the Authorization header is not `Bearer {token}` |
            | 10403 | 403 | Permission denied | the key lacks the scope, or the caller's IP is not allowed |
            | 10429 | 429 | Too many requests | rate limit exceeded |
            | 10005 | 500 | Internal error | server-side failure |
            | 10007 | 400 | Parameter error | a parameter is missing or invalid |
            | 10013 | 404 | Resource not found | no such resource |
            | 10014 | 400 | Insufficient funds | the balance is too low |

            Seen in real withdrawal responses by third-party clients, not in BigONE's table (statuses inferred):
            `40103` invalid otp code (400), `40104` invalid asset pin code (400), `40301` Permission denied
            withdrawal create (403), `40302` already requested (403).
        message (str):
    """

    code: int
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        error = cls(
            code=code,
            message=message,
        )

        error.additional_properties = d
        return error

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
