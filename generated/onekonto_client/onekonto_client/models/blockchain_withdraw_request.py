from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BlockchainWithdrawRequest")


@_attrs_define
class BlockchainWithdrawRequest:
    """Fields not listed here are ignored.

    Attributes:
        amount (str): How much to withdraw: `"<decimal> <ASSET>"`, a positive plain decimal (no sign, no exponent),
            one space and the asset symbol (`"1 BTC"`, `"100 USD"`). The server answers an amount without
            those the docs' `ValidationFailed: Amount: must be positive. Asset: required`. Which assets
            exist, which are fiat and how many decimal places each has are the account's terms, listed
            under each withdraw request's `x-business-rules`.
        network (str | Unset): The network of your whitelisted wallet, e.g. `bitcoin`. Optional (an empty string counts
            as
            absent): without it, the network of the whitelisted wallet at `address`.
        address (str | Unset): Your whitelisted wallet's address. Optional (an empty string counts as absent): without
            it, the account's one whitelisted wallet that receives the asset (on `network`, if given);
            refused with 400 when none or several do.
        instructions (list[str] | Unset): Any additional instructions, as free text.
    """

    amount: str
    network: str | Unset = UNSET
    address: str | Unset = UNSET
    instructions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        network = self.network

        address = self.address

        instructions: list[str] | Unset = UNSET
        if not isinstance(self.instructions, Unset):
            instructions = self.instructions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if network is not UNSET:
            field_dict["network"] = network
        if address is not UNSET:
            field_dict["address"] = address
        if instructions is not UNSET:
            field_dict["instructions"] = instructions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        network = d.pop("network", UNSET)

        address = d.pop("address", UNSET)

        instructions = cast(list[str], d.pop("instructions", UNSET))

        blockchain_withdraw_request = cls(
            amount=amount,
            network=network,
            address=address,
            instructions=instructions,
        )

        blockchain_withdraw_request.additional_properties = d
        return blockchain_withdraw_request

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
