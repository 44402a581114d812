from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_status import RequestStatus

T = TypeVar("T", bound="WithdrawRequestCreated")


@_attrs_define
class WithdrawRequestCreated:
    """
    Attributes:
        withdraw_request_id (str): The new request's id (22 URL-safe base64 characters in the docs' example).
        request_status (RequestStatus): - `pending`: accepted, waiting to be processed; the amount is locked.
            - `completed`: paid out; the amount has left the account (terminal).
            - `canceled`: withdrawn before processing; the amount is free again (terminal).
            - `rejected`: refused by 1Konto; the amount is free again (terminal).
            - `invalid`: listed by the docs without a meaning; it reads as the unset default of the enum.
            What happens to the funds is not documented; the notes above are the withdrawal-apis reading.
            The generated client tolerates values not listed here.
        status (str):
        http_status_code (int):
    """

    withdraw_request_id: str
    request_status: RequestStatus
    status: str
    http_status_code: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdraw_request_id = self.withdraw_request_id

        request_status = self.request_status.value

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

        request_status = RequestStatus(d.pop("requestStatus"))

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
