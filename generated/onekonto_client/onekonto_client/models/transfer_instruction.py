from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transfer_instruction_asset_type import TransferInstructionAssetType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransferInstruction")


@_attrs_define
class TransferInstruction:
    """One place funds can go: an address on a network (`assetType: blockchain`, with `networkType`
    and `address`) or a bank account (`assetType: fiat`, with `method` and the bank and
    beneficiary fields). In deposit instructions it is 1Konto's side; in withdraw instructions
    (*inferred*) it is one of the account's whitelisted destinations.

        Attributes:
            asset_type (TransferInstructionAssetType):
            asset (str | Unset): The asset this destination receives.
            network_type (str | Unset): The network; in a blockchain withdraw request, send it as `network`.
            address (str | Unset): The address; in a blockchain withdraw request, send it as `address`.
            method (str | Unset): The fiat transfer method (`FedWire` on the deposit page); in a fiat withdraw request, send
                it as `type`.
            bank_name (str | Unset):
            bank_address (str | Unset):
            bank_routing_number (str | Unset): In a fiat withdraw request, send it as `routingNumber`.
            bank_swift_number (str | Unset):
            beneficiary_name (str | Unset):
            beneficiary_address (str | Unset):
            beneficiary_account_number (str | Unset): In a fiat withdraw request, send it as `accountNumber`.
            special_instructions (str | Unset): What to quote with a deposit (for example the reference that identifies the
                account).
    """

    asset_type: TransferInstructionAssetType
    asset: str | Unset = UNSET
    network_type: str | Unset = UNSET
    address: str | Unset = UNSET
    method: str | Unset = UNSET
    bank_name: str | Unset = UNSET
    bank_address: str | Unset = UNSET
    bank_routing_number: str | Unset = UNSET
    bank_swift_number: str | Unset = UNSET
    beneficiary_name: str | Unset = UNSET
    beneficiary_address: str | Unset = UNSET
    beneficiary_account_number: str | Unset = UNSET
    special_instructions: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_type = self.asset_type.value

        asset = self.asset

        network_type = self.network_type

        address = self.address

        method = self.method

        bank_name = self.bank_name

        bank_address = self.bank_address

        bank_routing_number = self.bank_routing_number

        bank_swift_number = self.bank_swift_number

        beneficiary_name = self.beneficiary_name

        beneficiary_address = self.beneficiary_address

        beneficiary_account_number = self.beneficiary_account_number

        special_instructions = self.special_instructions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assetType": asset_type,
            }
        )
        if asset is not UNSET:
            field_dict["asset"] = asset
        if network_type is not UNSET:
            field_dict["networkType"] = network_type
        if address is not UNSET:
            field_dict["address"] = address
        if method is not UNSET:
            field_dict["method"] = method
        if bank_name is not UNSET:
            field_dict["bankName"] = bank_name
        if bank_address is not UNSET:
            field_dict["bankAddress"] = bank_address
        if bank_routing_number is not UNSET:
            field_dict["bankRoutingNumber"] = bank_routing_number
        if bank_swift_number is not UNSET:
            field_dict["bankSwiftNumber"] = bank_swift_number
        if beneficiary_name is not UNSET:
            field_dict["beneficiaryName"] = beneficiary_name
        if beneficiary_address is not UNSET:
            field_dict["beneficiaryAddress"] = beneficiary_address
        if beneficiary_account_number is not UNSET:
            field_dict["beneficiaryAccountNumber"] = beneficiary_account_number
        if special_instructions is not UNSET:
            field_dict["specialInstructions"] = special_instructions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_type = TransferInstructionAssetType(d.pop("assetType"))

        asset = d.pop("asset", UNSET)

        network_type = d.pop("networkType", UNSET)

        address = d.pop("address", UNSET)

        method = d.pop("method", UNSET)

        bank_name = d.pop("bankName", UNSET)

        bank_address = d.pop("bankAddress", UNSET)

        bank_routing_number = d.pop("bankRoutingNumber", UNSET)

        bank_swift_number = d.pop("bankSwiftNumber", UNSET)

        beneficiary_name = d.pop("beneficiaryName", UNSET)

        beneficiary_address = d.pop("beneficiaryAddress", UNSET)

        beneficiary_account_number = d.pop("beneficiaryAccountNumber", UNSET)

        special_instructions = d.pop("specialInstructions", UNSET)

        transfer_instruction = cls(
            asset_type=asset_type,
            asset=asset,
            network_type=network_type,
            address=address,
            method=method,
            bank_name=bank_name,
            bank_address=bank_address,
            bank_routing_number=bank_routing_number,
            bank_swift_number=bank_swift_number,
            beneficiary_name=beneficiary_name,
            beneficiary_address=beneficiary_address,
            beneficiary_account_number=beneficiary_account_number,
            special_instructions=special_instructions,
        )

        transfer_instruction.additional_properties = d
        return transfer_instruction

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
