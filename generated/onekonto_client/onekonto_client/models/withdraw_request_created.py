from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_status import RequestStatus

T = TypeVar("T", bound="WithdrawRequestCreated")


@_attrs_define
class WithdrawRequestCreated:
    """
    Attributes:
        withdraw_request_id (str): The new request's id (22 URL-safe base64 characters in the docs' example).
        request_status (RequestStatus | str): `pending` for a new request (see `RequestStatus`).
        status (str):
        http_status_code (int):
    """

    withdraw_request_id: str
    request_status: RequestStatus | str
    status: str
    http_status_code: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdraw_request_id = self.withdraw_request_id

        request_status: str
        if isinstance(self.request_status, RequestStatus):
            request_status = self.request_status.value
        else:
            request_status = self.request_status

        status = self.status

        http_status_code = self.http_status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "withdrawRequestId": withdraw_request_id,
                "requestStatus": request_status,
                "status": status,
                "httpStatusCode": http_status_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdraw_request_id = d.pop("withdrawRequestId")

        def _parse_request_status(data: object) -> RequestStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_status_type_0 = RequestStatus(data)

                return request_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RequestStatus | str, data)

        request_status = _parse_request_status(d.pop("requestStatus"))

        status = d.pop("status")

        http_status_code = d.pop("httpStatusCode")

        withdraw_request_created = cls(
            withdraw_request_id=withdraw_request_id,
            request_status=request_status,
            status=status,
            http_status_code=http_status_code,
        )

        withdraw_request_created.additional_properties = d
        return withdraw_request_created

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
