from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_period import SchedulePeriod

T = TypeVar("T", bound="WithdrawalSchedule")


@_attrs_define
class WithdrawalSchedule:
    """The automatic sweep configuration. Both fields must be set (the withdrawals guide: "the following
    parameters must be set"). The provider says the object may carry parameters it does not document,
    to be disregarded; the schema is open, in requests too.

        Attributes:
            period (SchedulePeriod): `NotSet` turns automatic sweeps off; the others sweep on the first day of each week or
                month.
            unified_min_amount (float): The smallest balance, in whole tokens of any currency, that a scheduled sweep takes.
                Typed
                "string" by the provider but a JSON number in every example (see Known deviations).
    """

    period: SchedulePeriod
    unified_min_amount: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period.value

        unified_min_amount = self.unified_min_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "unifiedMinAmount": unified_min_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = SchedulePeriod(d.pop("period"))

        unified_min_amount = d.pop("unifiedMinAmount")

        withdrawal_schedule = cls(
            period=period,
            unified_min_amount=unified_min_amount,
        )

        withdrawal_schedule.additional_properties = d
        return withdrawal_schedule

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
