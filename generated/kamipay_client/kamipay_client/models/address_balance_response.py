from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_status import ResultStatus

if TYPE_CHECKING:
    from ..models.address_balances import AddressBalances


T = TypeVar("T", bound="AddressBalanceResponse")


@_attrs_define
class AddressBalanceResponse:
    """
    Attributes:
        status (ResultStatus): `ok` when the call succeeded.
        msg (str):
        data (AddressBalances):
    """

    status: ResultStatus
    msg: str
    data: AddressBalances
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
        from ..models.address_balances import AddressBalances  # noqa: PLC0415

        d = dict(src_dict)
        status = ResultStatus(d.pop("status"))

        msg = d.pop("msg")

        data = AddressBalances.from_dict(d.pop("data"))

        address_balance_response = cls(
            status=status,
            msg=msg,
            data=data,
        )

        address_balance_response.additional_properties = d
        return address_balance_response

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
