from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.withdrawal_event_name import WithdrawalEventName

if TYPE_CHECKING:
    from ..models.withdrawal import Withdrawal


T = TypeVar("T", bound="WithdrawalWebhookEvent")


@_attrs_define
class WithdrawalWebhookEvent:
    """The envelope of every webhook delivery; for withdrawal events `data` is the Withdrawal (inferred).

    Attributes:
        event (WithdrawalEventName):
        timestamp (datetime.datetime):
        data (Withdrawal):
    """

    event: WithdrawalEventName
    timestamp: datetime.datetime
    data: Withdrawal
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event = self.event.value

        timestamp = self.timestamp.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "timestamp": timestamp,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.withdrawal import Withdrawal  # noqa: PLC0415

        d = dict(src_dict)
        event = WithdrawalEventName(d.pop("event"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = Withdrawal.from_dict(d.pop("data"))

        withdrawal_webhook_event = cls(
            event=event,
            timestamp=timestamp,
            data=data,
        )

        withdrawal_webhook_event.additional_properties = d
        return withdrawal_webhook_event

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
