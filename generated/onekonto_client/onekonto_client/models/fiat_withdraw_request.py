from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.fiat_transfer_type import FiatTransferType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FiatWithdrawRequest")


@_attrs_define
class FiatWithdrawRequest:
    """
    Attributes:
        amount (str): `"<decimal> <ASSET>"`: an optional minus sign, a plain decimal (no exponent), one space and the
            asset symbol. The server requires the value to be positive, the asset to be present and known,
            and no more decimal places than the asset has; it answers `ValidationFailed` otherwise.
        type_ (FiatTransferType): The fiat page's enum; `undefined` reads as "not set" and is refused
            (`ValidationFailed: Type: required`).
        routing_number (str | Unset): Your bank's routing number.
        account_number (str | Unset): Your account number at that bank.
        instructions (list[str] | Unset): Any additional instructions, as free text.
    """

    amount: str
    type_: FiatTransferType
    routing_number: str | Unset = UNSET
    account_number: str | Unset = UNSET
    instructions: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        type_ = self.type_.value

        routing_number = self.routing_number

        account_number = self.account_number

        instructions: list[str] | Unset = UNSET
        if not isinstance(self.instructions, Unset):
            instructions = self.instructions

        field_dict: dict[str, Any] = {}

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

        return fiat_withdraw_request
