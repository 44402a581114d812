from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blockchain import Blockchain

T = TypeVar("T", bound="GasWallet")


@_attrs_define
class GasWallet:
    """
    Attributes:
        address (str):
        blockchain (Blockchain | str): A blockchain code, one of `Blockchain` or any code the provider adds later.
        is_out_of_service (bool): True when the wallet stopped working; sweeps on its blockchain then fail.
        native_balance (str): The native token balance in its smallest unit (wei for BNB, MATIC and ETH).
    """

    address: str
    blockchain: Blockchain | str
    is_out_of_service: bool
    native_balance: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        blockchain: str
        if isinstance(self.blockchain, Blockchain):
            blockchain = self.blockchain.value
        else:
            blockchain = self.blockchain

        is_out_of_service = self.is_out_of_service

        native_balance = self.native_balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "blockchain": blockchain,
                "isOutOfService": is_out_of_service,
                "nativeBalance": native_balance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        def _parse_blockchain(data: object) -> Blockchain | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_blockchain_code_type_0 = Blockchain(data)

                return componentsschemas_blockchain_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Blockchain | str, data)

        blockchain = _parse_blockchain(d.pop("blockchain"))

        is_out_of_service = d.pop("isOutOfService")

        native_balance = d.pop("nativeBalance")

        gas_wallet = cls(
            address=address,
            blockchain=blockchain,
            is_out_of_service=is_out_of_service,
            native_balance=native_balance,
        )

        gas_wallet.additional_properties = d
        return gas_wallet

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
