from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.withdrawal_kind import WithdrawalKind
from ..models.withdrawal_state import WithdrawalState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Withdrawal")


@_attrs_define
class Withdrawal:
    """One withdrawal. There is no `guid` field (see Known deviations).

    Attributes:
        id (int): BigONE's numeric identifier.
        customer_id (int | str): The owning customer; a string in the documentation, a number in a captured response.
        asset_symbol (str):
        amount (str): A non-negative decimal number written as a string.
        state (str | WithdrawalState): One of `WithdrawalState`, or a state added later (the set is open).
        txid (str): Transaction hash; empty until the withdrawal is sent.
        target_address (str):
        is_internal (bool): Whether it went to another BigONE user without touching a chain.
        inserted_at (datetime.datetime):
        asset_uuid (str | Unset): Listed in the attribute table, never shown in an example.
        fee (str | Unset): A non-negative decimal number written as a string.
        kind (str | Unset | WithdrawalKind): One of `WithdrawalKind`, or a kind added later (the set is open).
        memo (str | Unset): The memo or tag sent with it; empty when none.
        note (str | Unset): Free text (the documentation's example fills it with a timestamp).
        recipient_id (str | Unset): Listed in the attribute table, never shown in an example.
        updated_at (datetime.datetime | Unset):
        completed_at (datetime.datetime | Unset): When it completed; absent while it has not.
    """

    id: int
    customer_id: int | str
    asset_symbol: str
    amount: str
    state: str | WithdrawalState
    txid: str
    target_address: str
    is_internal: bool
    inserted_at: datetime.datetime
    asset_uuid: str | Unset = UNSET
    fee: str | Unset = UNSET
    kind: str | Unset | WithdrawalKind = UNSET
    memo: str | Unset = UNSET
    note: str | Unset = UNSET
    recipient_id: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        customer_id: int | str
        customer_id = self.customer_id

        asset_symbol = self.asset_symbol

        amount = self.amount

        state: str
        if isinstance(self.state, WithdrawalState):
            state = self.state.value
        else:
            state = self.state

        txid = self.txid

        target_address = self.target_address

        is_internal = self.is_internal

        inserted_at = self.inserted_at.isoformat()

        asset_uuid = self.asset_uuid

        fee = self.fee

        kind: str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, WithdrawalKind):
            kind = self.kind.value
        else:
            kind = self.kind

        memo = self.memo

        note = self.note

        recipient_id = self.recipient_id

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "asset_symbol": asset_symbol,
                "amount": amount,
                "state": state,
                "txid": txid,
                "target_address": target_address,
                "is_internal": is_internal,
                "inserted_at": inserted_at,
            }
        )
        if asset_uuid is not UNSET:
            field_dict["asset_uuid"] = asset_uuid
        if fee is not UNSET:
            field_dict["fee"] = fee
        if kind is not UNSET:
            field_dict["kind"] = kind
        if memo is not UNSET:
            field_dict["memo"] = memo
        if note is not UNSET:
            field_dict["note"] = note
        if recipient_id is not UNSET:
            field_dict["recipient_id"] = recipient_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_customer_id(data: object) -> int | str:
            return cast(int | str, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))

        asset_symbol = d.pop("asset_symbol")

        amount = d.pop("amount")

        def _parse_state(data: object) -> str | WithdrawalState:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = WithdrawalState(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | WithdrawalState, data)

        state = _parse_state(d.pop("state"))

        txid = d.pop("txid")

        target_address = d.pop("target_address")

        is_internal = d.pop("is_internal")

        inserted_at = datetime.datetime.fromisoformat(d.pop("inserted_at"))

        asset_uuid = d.pop("asset_uuid", UNSET)

        fee = d.pop("fee", UNSET)

        def _parse_kind(data: object) -> str | Unset | WithdrawalKind:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = WithdrawalKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | Unset | WithdrawalKind, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        memo = d.pop("memo", UNSET)

        note = d.pop("note", UNSET)

        recipient_id = d.pop("recipient_id", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _completed_at = d.pop("completed_at", UNSET)
        completed_at: datetime.datetime | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = datetime.datetime.fromisoformat(_completed_at)

        withdrawal = cls(
            id=id,
            customer_id=customer_id,
            asset_symbol=asset_symbol,
            amount=amount,
            state=state,
            txid=txid,
            target_address=target_address,
            is_internal=is_internal,
            inserted_at=inserted_at,
            asset_uuid=asset_uuid,
            fee=fee,
            kind=kind,
            memo=memo,
            note=note,
            recipient_id=recipient_id,
            updated_at=updated_at,
            completed_at=completed_at,
        )

        withdrawal.additional_properties = d
        return withdrawal

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
