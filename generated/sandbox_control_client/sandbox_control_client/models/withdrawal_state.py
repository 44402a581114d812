from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WithdrawalState")


@_attrs_define
class WithdrawalState:
    """
    Attributes:
        id (str):
        account_id (str):
        status (str):
        available_transitions (list[str]):
    """

    id: str
    account_id: str
    status: str
    available_transitions: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        status = self.status

        available_transitions = self.available_transitions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "status": status,
                "available_transitions": available_transitions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        status = d.pop("status")

        available_transitions = cast(list[str], d.pop("available_transitions"))

        withdrawal_state = cls(
            id=id,
            account_id=account_id,
            status=status,
            available_transitions=available_transitions,
        )

        withdrawal_state.additional_properties = d
        return withdrawal_state

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
