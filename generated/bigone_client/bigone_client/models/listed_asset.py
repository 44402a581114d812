from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_gateway import AssetGateway


T = TypeVar("T", bound="ListedAsset")


@_attrs_define
class ListedAsset:
    """An asset and the gateways it moves through. Undocumented (see `list_assets`).

    Attributes:
        symbol (str):
        binding_gateways (list[AssetGateway]):
        uuid (str | Unset):
        name (str | Unset):
        scale (int | Unset):
        is_fiat (bool | Unset):
        is_transfer_enabled (bool | Unset):
        transfer_scale (int | Unset): The most decimals a transfer between your accounts may have.
    """

    symbol: str
    binding_gateways: list[AssetGateway]
    uuid: str | Unset = UNSET
    name: str | Unset = UNSET
    scale: int | Unset = UNSET
    is_fiat: bool | Unset = UNSET
    is_transfer_enabled: bool | Unset = UNSET
    transfer_scale: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        binding_gateways = []
        for binding_gateways_item_data in self.binding_gateways:
            binding_gateways_item = binding_gateways_item_data.to_dict()
            binding_gateways.append(binding_gateways_item)

        uuid = self.uuid

        name = self.name

        scale = self.scale

        is_fiat = self.is_fiat

        is_transfer_enabled = self.is_transfer_enabled

        transfer_scale = self.transfer_scale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "binding_gateways": binding_gateways,
            }
        )
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if name is not UNSET:
            field_dict["name"] = name
        if scale is not UNSET:
            field_dict["scale"] = scale
        if is_fiat is not UNSET:
            field_dict["is_fiat"] = is_fiat
        if is_transfer_enabled is not UNSET:
            field_dict["is_transfer_enabled"] = is_transfer_enabled
        if transfer_scale is not UNSET:
            field_dict["transfer_scale"] = transfer_scale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.asset_gateway import AssetGateway  # noqa: PLC0415

        d = dict(src_dict)
        symbol = d.pop("symbol")

        binding_gateways = []
        _binding_gateways = d.pop("binding_gateways")
        for binding_gateways_item_data in _binding_gateways:
            binding_gateways_item = AssetGateway.from_dict(binding_gateways_item_data)

            binding_gateways.append(binding_gateways_item)

        uuid = d.pop("uuid", UNSET)

        name = d.pop("name", UNSET)

        scale = d.pop("scale", UNSET)

        is_fiat = d.pop("is_fiat", UNSET)

        is_transfer_enabled = d.pop("is_transfer_enabled", UNSET)

        transfer_scale = d.pop("transfer_scale", UNSET)

        listed_asset = cls(
            symbol=symbol,
            binding_gateways=binding_gateways,
            uuid=uuid,
            name=name,
            scale=scale,
            is_fiat=is_fiat,
            is_transfer_enabled=is_transfer_enabled,
            transfer_scale=transfer_scale,
        )

        listed_asset.additional_properties = d
        return listed_asset

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
