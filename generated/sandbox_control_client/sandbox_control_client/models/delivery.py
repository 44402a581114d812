from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_headers import DeliveryHeaders


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Attributes:
        id (str):
        account_id (str):
        event (str):
        url (str):
        status (DeliveryStatus):
        attempts (int):
        headers (DeliveryHeaders):
        body (str):
        created_at (float):
        last_status (int | None | Unset):
        last_error (None | str | Unset):
        delivered_at (float | None | Unset):
    """

    id: str
    account_id: str
    event: str
    url: str
    status: DeliveryStatus
    attempts: int
    headers: DeliveryHeaders
    body: str
    created_at: float
    last_status: int | None | Unset = UNSET
    last_error: None | str | Unset = UNSET
    delivered_at: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        event = self.event

        url = self.url

        status = self.status.value

        attempts = self.attempts

        headers = self.headers.to_dict()

        body = self.body

        created_at = self.created_at

        last_status: int | None | Unset
        if isinstance(self.last_status, Unset):
            last_status = UNSET
        else:
            last_status = self.last_status

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        delivered_at: float | None | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        else:
            delivered_at = self.delivered_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "event": event,
                "url": url,
                "status": status,
                "attempts": attempts,
                "headers": headers,
                "body": body,
                "created_at": created_at,
            }
        )
        if last_status is not UNSET:
            field_dict["last_status"] = last_status
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_headers import DeliveryHeaders  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        event = d.pop("event")

        url = d.pop("url")

        status = DeliveryStatus(d.pop("status"))

        attempts = d.pop("attempts")

        headers = DeliveryHeaders.from_dict(d.pop("headers"))

        body = d.pop("body")

        created_at = d.pop("created_at")

        def _parse_last_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_status = _parse_last_status(d.pop("last_status", UNSET))

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        def _parse_delivered_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))

        delivery = cls(
            id=id,
            account_id=account_id,
            event=event,
            url=url,
            status=status,
            attempts=attempts,
            headers=headers,
            body=body,
            created_at=created_at,
            last_status=last_status,
            last_error=last_error,
            delivered_at=delivered_at,
        )

        delivery.additional_properties = d
        return delivery

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
