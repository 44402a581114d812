from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.schedule_period import SchedulePeriod

T = TypeVar("T", bound="WithdrawalSchedule")


@_attrs_define
class WithdrawalSchedule:
    """
    Attributes:
        period (SchedulePeriod): `NotSet` turns automatic sweeps off; the others sweep on the first day of each week or
            month.
        unified_min_amount (float): The smallest balance, in whole tokens of any currency, that a scheduled sweep takes.
            Typed
            "string" by the provider but a JSON number in every example (see Known deviations).
    """

    period: SchedulePeriod
    unified_min_amount: float

    def to_dict(self) -> dict[str, Any]:
        period = self.period.value

        unified_min_amount = self.unified_min_amount

        field_dict: dict[str, Any] = {}

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

        return withdrawal_schedule
