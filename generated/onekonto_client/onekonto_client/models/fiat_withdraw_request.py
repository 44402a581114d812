from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fiat_transfer_type import FiatTransferType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FiatWithdrawRequest")


@_attrs_define
class FiatWithdrawRequest:
    """Fields not listed here are ignored.

    Attributes:
        amount (str): How much to withdraw: `"<decimal> <ASSET>"`, a positive plain decimal (no sign, no exponent),
            one space and the asset symbol (`"1 BTC"`, `"100 USD"`). The server answers an amount without
            those the docs' `ValidationFailed: Amount: must be positive. Asset: required`. Which assets
            exist, which are fiat and how many decimal places each has are the account's terms, listed
            under each withdraw request's `x-business-rules`.
        type_ (FiatTransferType): The fiat page's transfer methods, which the create body takes. The page's enum also
            lists
            `undefined`, which reads as "not set": it is not a method, and the schema leaves it out (the
            server refuses it, `ValidationFailed: Type: required`). The newer revision of the page points
            at a separate "Fiat Methods" list instead (see Known deviations 3).
        routing_number (str | Unset): Your bank's routing number. Optional (an empty string counts as absent), like
            `accountNumber`: without them, the account's one whitelisted bank account that takes the
            method and the currency; refused with 400 when none or several do.
        account_number (str | Unset): Your account number at that bank. Optional, as `routingNumber`.
        instructions (list[str] | Unset): Any additional instructions, as free text.
    """

    amount: str
    type_: FiatTransferType
    routing_number: str | Unset = UNSET
    account_number: str | Unset = UNSET
    instructions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        type_ = self.type_.value

        routing_number = self.routing_number

        account_number = self.account_number

        instructions: list[str] | Unset = UNSET
        if not isinstance(self.instructions, Unset):
            instructions = self.instructions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "type": type_,
            }
        )
        if routing_number is not UNSET:
            field_dict["routingNumber"] = routing_number
        if account_number is not UNSET:
            field_dict["accountNumber"] = account_number
        if instructions is not UNSET:
            field_dict["instructions"] = instructions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        type_ = FiatTransferType(d.pop("type"))

        routing_number = d.pop("routingNumber", UNSET)

        account_number = d.pop("accountNumber", UNSET)

        instructions = cast(list[str], d.pop("instructions", UNSET))

        fiat_withdraw_request = cls(
            amount=amount,
            type_=type_,
            routing_number=routing_number,
            account_number=account_number,
            instructions=instructions,
        )

        fiat_withdraw_request.additional_properties = d
        return fiat_withdraw_request

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
