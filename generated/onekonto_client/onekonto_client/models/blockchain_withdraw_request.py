from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BlockchainWithdrawRequest")


@_attrs_define
class BlockchainWithdrawRequest:
    """
    Attributes:
        amount (str): `"<decimal> <ASSET>"`: an optional minus sign, a plain decimal (no exponent), one space and the
            asset symbol. The server requires the value to be positive, the asset to be present and known,
            and no more decimal places than the asset has; it answers `ValidationFailed` otherwise.
        network (str | Unset): The network of your whitelisted wallet, e.g. `bitcoin`.
        address (str | Unset): Your whitelisted wallet's address.
        instructions (list[str] | Unset): Any additional instructions, as free text.
    """

    amount: str
    network: str | Unset = UNSET
    address: str | Unset = UNSET
    instructions: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        network = self.network

        address = self.address

        instructions: list[str] | Unset = UNSET
        if not isinstance(self.instructions, Unset):
            instructions = self.instructions

        field_dict: dict[str, Any] = {}

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

        return blockchain_withdraw_request
