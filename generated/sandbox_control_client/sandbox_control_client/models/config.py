from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.config_advance import ConfigAdvance
from ..types import UNSET, Unset

T = TypeVar("T", bound="Config")


@_attrs_define
class Config:
    """
    Attributes:
        advance (ConfigAdvance | Unset):
        rate_limit (int | Unset): Requests per the provider's window; 0 turns the limit off. At most a billion (ours:
            the
            store keeps it as a 64-bit integer, and no window sees more).
    """

    advance: ConfigAdvance | Unset = UNSET
    rate_limit: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        advance: str | Unset = UNSET
        if not isinstance(self.advance, Unset):
            advance = self.advance.value

        rate_limit = self.rate_limit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if advance is not UNSET:
            field_dict["advance"] = advance
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _advance = d.pop("advance", UNSET)
        advance: ConfigAdvance | Unset
        if isinstance(_advance, Unset):
            advance = UNSET
        else:
            advance = ConfigAdvance(_advance)

        rate_limit = d.pop("rate_limit", UNSET)

        config = cls(
            advance=advance,
            rate_limit=rate_limit,
        )

        return config
