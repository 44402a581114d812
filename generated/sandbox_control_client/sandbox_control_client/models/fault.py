from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.fault_status import FaultStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Fault")


@_attrs_define
class Fault:
    """
    Attributes:
        count (int):
        status (FaultStatus | Unset):
        latency_ms (int | Unset):
        retry_after (int | Unset):  Default: 1.
        commit (bool | Unset): Handle the request and commit its effects before the fault replaces the answer. Default:
            False.
        drop (bool | Unset): Close the connection without an answer (instead of answering `status`). Default: False.
    """

    count: int
    status: FaultStatus | Unset = UNSET
    latency_ms: int | Unset = UNSET
    retry_after: int | Unset = 1
    commit: bool | Unset = False
    drop: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        latency_ms = self.latency_ms

        retry_after = self.retry_after

        commit = self.commit

        drop = self.drop

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if latency_ms is not UNSET:
            field_dict["latency_ms"] = latency_ms
        if retry_after is not UNSET:
            field_dict["retry_after"] = retry_after
        if commit is not UNSET:
            field_dict["commit"] = commit
        if drop is not UNSET:
            field_dict["drop"] = drop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        _status = d.pop("status", UNSET)
        status: FaultStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = FaultStatus(_status)

        latency_ms = d.pop("latency_ms", UNSET)

        retry_after = d.pop("retry_after", UNSET)

        commit = d.pop("commit", UNSET)

        drop = d.pop("drop", UNSET)

        fault = cls(
            count=count,
            status=status,
            latency_ms=latency_ms,
            retry_after=retry_after,
            commit=commit,
            drop=drop,
        )

        return fault
