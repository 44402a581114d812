from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transfer_instruction import TransferInstruction


T = TypeVar("T", bound="TransferInstructions")


@_attrs_define
class TransferInstructions:
    """
    Attributes:
        account_id (str):
        instructions (list[TransferInstruction]):
        status (str | Unset):
        http_status_code (int | Unset):
    """

    account_id: str
    instructions: list[TransferInstruction]
    status: str | Unset = UNSET
    http_status_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        instructions = []
        for instructions_item_data in self.instructions:
            instructions_item = instructions_item_data.to_dict()
            instructions.append(instructions_item)

        status = self.status

        http_status_code = self.http_status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accountId": account_id,
                "instructions": instructions,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if http_status_code is not UNSET:
            field_dict["httpStatusCode"] = http_status_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transfer_instruction import TransferInstruction  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("accountId")

        instructions = []
        _instructions = d.pop("instructions")
        for instructions_item_data in _instructions:
            instructions_item = TransferInstruction.from_dict(instructions_item_data)

            instructions.append(instructions_item)

        status = d.pop("status", UNSET)

        http_status_code = d.pop("httpStatusCode", UNSET)

        transfer_instructions = cls(
            account_id=account_id,
            instructions=instructions,
            status=status,
            http_status_code=http_status_code,
        )

        transfer_instructions.additional_properties = d
        return transfer_instructions

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
