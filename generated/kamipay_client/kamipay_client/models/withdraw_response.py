from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_status import ResultStatus

if TYPE_CHECKING:
    from ..models.withdraw_result import WithdrawResult


T = TypeVar("T", bound="WithdrawResponse")


@_attrs_define
class WithdrawResponse:
    """
    Attributes:
        status (ResultStatus): `ok` when the call succeeded.
        msg (str): A human-readable summary (`transaction succesful`, spelled so).
        data (WithdrawResult):
    """

    status: ResultStatus
    msg: str
    data: WithdrawResult
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        msg = self.msg

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "msg": msg,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.withdraw_result import WithdrawResult  # noqa: PLC0415

        d = dict(src_dict)
        status = ResultStatus(d.pop("status"))

        msg = d.pop("msg")

        data = WithdrawResult.from_dict(d.pop("data"))

        withdraw_response = cls(
            status=status,
            msg=msg,
            data=data,
        )

        withdraw_response.additional_properties = d
        return withdraw_response

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
