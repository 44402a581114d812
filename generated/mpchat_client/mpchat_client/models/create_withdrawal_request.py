from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.network import Network

T = TypeVar("T", bound="CreateWithdrawalRequest")


@_attrs_define
class CreateWithdrawalRequest:
    """
    Attributes:
        amount (str): USDT amount as a decimal string: positive (the lookahead rules out zero), at most 12 integer
            digits and 6 decimal places, and together with the fee not above the available balance.
        destination_address (str): Address on the chosen network: a 34-character TRON address starting with `T` for
            `TRC20`, or
            `0x` and 40 hex digits for `ERC20`. The checksum (Base58Check, or EIP-55 when mixed case) is
            verified by the server, not by this pattern.
        network (Network): `TRC20` is USDT on TRON, `ERC20` is USDT on Ethereum.
    """

    amount: str
    destination_address: str
    network: Network

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        destination_address = self.destination_address

        network = self.network.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "destination_address": destination_address,
                "network": network,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        destination_address = d.pop("destination_address")

        network = Network(d.pop("network"))

        create_withdrawal_request = cls(
            amount=amount,
            destination_address=destination_address,
            network=network,
        )

        return create_withdrawal_request
