from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.withdrawal_intent import WithdrawalIntent


T = TypeVar("T", bound="WithdrawNowResponse")


@_attrs_define
class WithdrawNowResponse:
    """
    Attributes:
        intent (WithdrawalIntent): A sweep of one currency scheduled for `processAt`. The object table names the token
            `currency`
            and the search example names it `asset`; at least one of the two is present (see Known deviations).
        merchant_id (str):
    """

    intent: WithdrawalIntent
    merchant_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        intent = self.intent.to_dict()

        merchant_id = self.merchant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "intent": intent,
                "merchantId": merchant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.withdrawal_intent import WithdrawalIntent  # noqa: PLC0415

        d = dict(src_dict)
        intent = WithdrawalIntent.from_dict(d.pop("intent"))

        merchant_id = d.pop("merchantId")

        withdraw_now_response = cls(
            intent=intent,
            merchant_id=merchant_id,
        )

        withdraw_now_response.additional_properties = d
        return withdraw_now_response

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
