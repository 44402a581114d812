from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.network import Network

T = TypeVar("T", bound="CreateWithdrawalRequest")


@_attrs_define
class CreateWithdrawalRequest:
    """Fields not listed here are not refused (MPChat documents no such rule); our emulator ignores them.

    Attributes:
        amount (str): USDT amount as a decimal string. Documented: positive (the lookahead rules out zero) and not
            above the available balance. Ours: the pattern's limits of 12 integer digits and 6 decimal
            places, and any rule about the fee. MPChat does not say whether the fee is added on top of
            the amount (Known deviations 3); our emulator, by default, requires amount plus fee to be
            available and answers 400 `insufficient balance` otherwise.
        destination_address (str): Address on the chosen network: a 34-character TRON address, `T` and 33 Base58
            characters,
            for `TRC20`, or `0x` and 40 hex digits for `ERC20`. The checksum (Base58Check, or EIP-55
            when mixed case) is verified by the server (`x-business-rules`), not by the schema.
        network (Network): `TRC20` is USDT on TRON, `ERC20` is USDT on Ethereum. A request takes exactly these; a
            withdrawal may name a network added later.
    """

    amount: str
    destination_address: str
    network: Network
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        destination_address = self.destination_address

        network = self.network.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        create_withdrawal_request.additional_properties = d
        return create_withdrawal_request

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
