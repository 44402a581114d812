from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TransitionRequest")


@_attrs_define
class TransitionRequest:
    """
    Attributes:
        transition (str):
    """

    transition: str

    def to_dict(self) -> dict[str, Any]:
        transition = self.transition

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "transition": transition,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transition = d.pop("transition")

        transition_request = cls(
            transition=transition,
        )

        return transition_request
