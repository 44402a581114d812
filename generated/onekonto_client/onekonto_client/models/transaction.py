from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transaction_type import TransactionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Transaction")


@_attrs_define
class Transaction:
    """One entry of the account's ledger (*inferred*: the docs show the query's parameters, not its
    response; every field is this document's reading, and none is required).

        Attributes:
            transaction_id (str | Unset): The transaction's id, as the `transactionId` filter takes it.
            account_id (str | Unset):
            ordering (int | Unset): Its place in 1Konto's global order of transactions; pass it on as `startAtOrdering`.
            type_ (str | TransactionType | Unset): What moved the funds.
            asset (str | Unset):
            amount (str | Unset): `"<decimal> <ASSET>"` as responses carry it: an optional minus sign, a plain decimal (no
                exponent), one space and the asset symbol. In a transaction the sign tells the direction
                (negative when funds leave the account). A withdraw request sends a `WithdrawAmount`.
            withdraw_request_id (str | Unset): For a `withdrawal`, the withdraw request it pays out.
            created_at (datetime.datetime | Unset): When the funds moved; UTC, seven fractional digits as elsewhere in the
                API.
    """

    transaction_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    ordering: int | Unset = UNSET
    type_: str | TransactionType | Unset = UNSET
    asset: str | Unset = UNSET
    amount: str | Unset = UNSET
    withdraw_request_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        account_id = self.account_id

        ordering = self.ordering

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, TransactionType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        asset = self.asset

        amount = self.amount

        withdraw_request_id = self.withdraw_request_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if ordering is not UNSET:
            field_dict["ordering"] = ordering
        if type_ is not UNSET:
            field_dict["type"] = type_
        if asset is not UNSET:
            field_dict["asset"] = asset
        if amount is not UNSET:
            field_dict["amount"] = amount
        if withdraw_request_id is not UNSET:
            field_dict["withdrawRequestId"] = withdraw_request_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transaction_id = d.pop("transactionId", UNSET)

        account_id = d.pop("accountId", UNSET)

        ordering = d.pop("ordering", UNSET)

        def _parse_type_(data: object) -> str | TransactionType | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = TransactionType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TransactionType | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        asset = d.pop("asset", UNSET)

        amount = d.pop("amount", UNSET)

        withdraw_request_id = d.pop("withdrawRequestId", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        transaction = cls(
            transaction_id=transaction_id,
            account_id=account_id,
            ordering=ordering,
            type_=type_,
            asset=asset,
            amount=amount,
            withdraw_request_id=withdraw_request_id,
            created_at=created_at,
        )

        transaction.additional_properties = d
        return transaction

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
