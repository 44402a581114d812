from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.withdraw_request import WithdrawRequest


T = TypeVar("T", bound="WithdrawRequestList")


@_attrs_define
class WithdrawRequestList:
    """The query response (*inferred* envelope).

    Attributes:
        withdraw_requests (list[WithdrawRequest] | Unset):
        status (str | Unset):
        http_status_code (int | Unset):
    """

    withdraw_requests: list[WithdrawRequest] | Unset = UNSET
    status: str | Unset = UNSET
    http_status_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdraw_requests: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.withdraw_requests, Unset):
            withdraw_requests = []
            for withdraw_requests_item_data in self.withdraw_requests:
                withdraw_requests_item = withdraw_requests_item_data.to_dict()
                withdraw_requests.append(withdraw_requests_item)

        status = self.status

        http_status_code = self.http_status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if withdraw_requests is not UNSET:
            field_dict["withdrawRequests"] = withdraw_requests
        if status is not UNSET:
            field_dict["status"] = status
        if http_status_code is not UNSET:
            field_dict["httpStatusCode"] = http_status_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.withdraw_request import WithdrawRequest  # noqa: PLC0415

        d = dict(src_dict)
        _withdraw_requests = d.pop("withdrawRequests", UNSET)
        withdraw_requests: list[WithdrawRequest] | Unset = UNSET
        if _withdraw_requests is not UNSET:
            withdraw_requests = []
            for withdraw_requests_item_data in _withdraw_requests:
                withdraw_requests_item = WithdrawRequest.from_dict(withdraw_requests_item_data)

                withdraw_requests.append(withdraw_requests_item)

        status = d.pop("status", UNSET)

        http_status_code = d.pop("httpStatusCode", UNSET)

        withdraw_request_list = cls(
            withdraw_requests=withdraw_requests,
            status=status,
            http_status_code=http_status_code,
        )

        withdraw_request_list.additional_properties = d
        return withdraw_request_list

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
