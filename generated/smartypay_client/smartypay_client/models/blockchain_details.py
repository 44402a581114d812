from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blockchain import Blockchain
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.native_asset import NativeAsset


T = TypeVar("T", bound="BlockchainDetails")


@_attrs_define
class BlockchainDetails:
    """One blockchain of the dictionary. The object may carry fields not listed here; ignore them.

    Attributes:
        blockchain (Blockchain | str): A blockchain code, one of `Blockchain` or any code the provider adds later.
        api_type (str | Unset): The class of the blockchain's RPC API (values not documented; our emulator sends `EVM`).
        is_active (bool | Unset): Whether the blockchain is enabled for processing operations.
        net (str | Unset): Whether the blockchain is a test network or a main network (values not documented; our
            emulator
            sends `MainNet` or `TestNet`, the values of the `network` search predicate).
        native_asset (NativeAsset | Unset): The native token of a blockchain, which pays its gas. Documented as an
            object without fields; the
            two below are what our emulator sends (inferred).
    """

    blockchain: Blockchain | str
    api_type: str | Unset = UNSET
    is_active: bool | Unset = UNSET
    net: str | Unset = UNSET
    native_asset: NativeAsset | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blockchain: str
        if isinstance(self.blockchain, Blockchain):
            blockchain = self.blockchain.value
        else:
            blockchain = self.blockchain

        api_type = self.api_type

        is_active = self.is_active

        net = self.net

        native_asset: dict[str, Any] | Unset = UNSET
        if not isinstance(self.native_asset, Unset):
            native_asset = self.native_asset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blockchain": blockchain,
            }
        )
        if api_type is not UNSET:
            field_dict["apiType"] = api_type
        if is_active is not UNSET:
            field_dict["isActive"] = is_active
        if net is not UNSET:
            field_dict["net"] = net
        if native_asset is not UNSET:
            field_dict["nativeAsset"] = native_asset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.native_asset import NativeAsset  # noqa: PLC0415

        d = dict(src_dict)

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

        api_type = d.pop("apiType", UNSET)

        is_active = d.pop("isActive", UNSET)

        net = d.pop("net", UNSET)

        _native_asset = d.pop("nativeAsset", UNSET)
        native_asset: NativeAsset | Unset
        if isinstance(_native_asset, Unset):
            native_asset = UNSET
        else:
            native_asset = NativeAsset.from_dict(_native_asset)

        blockchain_details = cls(
            blockchain=blockchain,
            api_type=api_type,
            is_active=is_active,
            net=net,
            native_asset=native_asset,
        )

        blockchain_details.additional_properties = d
        return blockchain_details

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
