from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RequestErrors")


@_attrs_define
class RequestErrors:
    """The shape for refused requests: every problem as one string (`"<Reason>: <detail>"`), the HTTP
    status as a camel-case word in `status` and as an integer in `httpStatusCode`.

        Example:
            {'errors': ['Insufficient Funds: Requested 1100 BTC but only 999 BTC is available'], 'status': 'badRequest',
                'httpStatusCode': 400}

        Attributes:
            errors (list[str]):
            status (str): The HTTP status as a camel-case word (`badRequest`, `failedDependency`).
            http_status_code (int):
    """

    errors: list[str]
    status: str
    http_status_code: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = self.errors

        status = self.status

        http_status_code = self.http_status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "status": status,
                "httpStatusCode": http_status_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        errors = cast(list[str], d.pop("errors"))

        status = d.pop("status")

        http_status_code = d.pop("httpStatusCode")

        request_errors = cls(
            errors=errors,
            status=status,
            http_status_code=http_status_code,
        )

        request_errors.additional_properties = d
        return request_errors

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
