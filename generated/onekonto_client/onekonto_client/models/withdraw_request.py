from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_status import RequestStatus
from ..models.withdraw_type import WithdrawType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawRequest")


@_attrs_define
class WithdrawRequest:
    """One withdraw request as the query returns it (*inferred*: the docs show no record, so no field
    is required; the withdrawal-apis emulator sends every field that applies).

        Attributes:
            withdraw_request_id (str | Unset):
            account_id (str | Unset):
            type_ (str | Unset | WithdrawType): `blockchain`, or the fiat transfer method (see `WithdrawType`).
            amount (str | Unset): `"<decimal> <ASSET>"` as responses carry it: an optional minus sign, a plain decimal (no
                exponent), one space and the asset symbol. In a transaction the sign tells the direction
                (negative when funds leave the account). A withdraw request sends a `WithdrawAmount`.
            network (str | Unset): Blockchain requests only.
            address (str | Unset): Blockchain requests only.
            routing_number (str | Unset): Fiat requests only.
            account_number (str | Unset): Fiat requests only.
            instructions (list[str] | Unset):
            request_status (RequestStatus | str | Unset): The request's status (see `RequestStatus`).
            submitted_at (datetime.datetime | Unset): UTC, seven fractional digits as elsewhere in the API
                (`2023-02-21T22:07:38.6325460Z`).
            updated_at (datetime.datetime | Unset):
    """

    withdraw_request_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    type_: str | Unset | WithdrawType = UNSET
    amount: str | Unset = UNSET
    network: str | Unset = UNSET
    address: str | Unset = UNSET
    routing_number: str | Unset = UNSET
    account_number: str | Unset = UNSET
    instructions: list[str] | Unset = UNSET
    request_status: RequestStatus | str | Unset = UNSET
    submitted_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdraw_request_id = self.withdraw_request_id

        account_id = self.account_id

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, WithdrawType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        amount = self.amount

        network = self.network

        address = self.address

        routing_number = self.routing_number

        account_number = self.account_number

        instructions: list[str] | Unset = UNSET
        if not isinstance(self.instructions, Unset):
            instructions = self.instructions

        request_status: str | Unset
        if isinstance(self.request_status, Unset):
            request_status = UNSET
        elif isinstance(self.request_status, RequestStatus):
            request_status = self.request_status.value
        else:
            request_status = self.request_status

        submitted_at: str | Unset = UNSET
        if not isinstance(self.submitted_at, Unset):
            submitted_at = self.submitted_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if withdraw_request_id is not UNSET:
            field_dict["withdrawRequestId"] = withdraw_request_id
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if amount is not UNSET:
            field_dict["amount"] = amount
        if network is not UNSET:
            field_dict["network"] = network
        if address is not UNSET:
            field_dict["address"] = address
        if routing_number is not UNSET:
            field_dict["routingNumber"] = routing_number
        if account_number is not UNSET:
            field_dict["accountNumber"] = account_number
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if request_status is not UNSET:
            field_dict["requestStatus"] = request_status
        if submitted_at is not UNSET:
            field_dict["submittedAt"] = submitted_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdraw_request_id = d.pop("withdrawRequestId", UNSET)

        account_id = d.pop("accountId", UNSET)

        def _parse_type_(data: object) -> str | Unset | WithdrawType:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = WithdrawType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | Unset | WithdrawType, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        amount = d.pop("amount", UNSET)

        network = d.pop("network", UNSET)

        address = d.pop("address", UNSET)

        routing_number = d.pop("routingNumber", UNSET)

        account_number = d.pop("accountNumber", UNSET)

        instructions = cast(list[str], d.pop("instructions", UNSET))

        def _parse_request_status(data: object) -> RequestStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_status_type_0 = RequestStatus(data)

                return request_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RequestStatus | str | Unset, data)

        request_status = _parse_request_status(d.pop("requestStatus", UNSET))

        _submitted_at = d.pop("submittedAt", UNSET)
        submitted_at: datetime.datetime | Unset
        if isinstance(_submitted_at, Unset):
            submitted_at = UNSET
        else:
            submitted_at = datetime.datetime.fromisoformat(_submitted_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        withdraw_request = cls(
            withdraw_request_id=withdraw_request_id,
            account_id=account_id,
            type_=type_,
            amount=amount,
            network=network,
            address=address,
            routing_number=routing_number,
            account_number=account_number,
            instructions=instructions,
            request_status=request_status,
            submitted_at=submitted_at,
            updated_at=updated_at,
        )

        withdraw_request.additional_properties = d
        return withdraw_request

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
