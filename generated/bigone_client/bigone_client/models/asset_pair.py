from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pair_asset import PairAsset


T = TypeVar("T", bound="AssetPair")


@_attrs_define
class AssetPair:
    """A spot market. `base_scale` and `quote_scale` are the decimals of amounts and prices;
    `min_quote_value`/`max_quote_value` bound an order's value in the quote asset.

        Attributes:
            name (str): `BASE-QUOTE`, e.g. `BTC-USDT`; the `asset_pair_name` other endpoints take.
            base_asset (PairAsset): One side of an asset pair.
            quote_asset (PairAsset): One side of an asset pair.
            id (str | Unset):
            base_scale (int | Unset):
            quote_scale (int | Unset):
            min_quote_value (str | Unset): A non-negative decimal number written as a string.
            max_quote_value (str | Unset): A non-negative decimal number written as a string.
    """

    name: str
    base_asset: PairAsset
    quote_asset: PairAsset
    id: str | Unset = UNSET
    base_scale: int | Unset = UNSET
    quote_scale: int | Unset = UNSET
    min_quote_value: str | Unset = UNSET
    max_quote_value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        base_asset = self.base_asset.to_dict()

        quote_asset = self.quote_asset.to_dict()

        id = self.id

        base_scale = self.base_scale

        quote_scale = self.quote_scale

        min_quote_value = self.min_quote_value

        max_quote_value = self.max_quote_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "base_asset": base_asset,
                "quote_asset": quote_asset,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if base_scale is not UNSET:
            field_dict["base_scale"] = base_scale
        if quote_scale is not UNSET:
            field_dict["quote_scale"] = quote_scale
        if min_quote_value is not UNSET:
            field_dict["min_quote_value"] = min_quote_value
        if max_quote_value is not UNSET:
            field_dict["max_quote_value"] = max_quote_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pair_asset import PairAsset  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        base_asset = PairAsset.from_dict(d.pop("base_asset"))

        quote_asset = PairAsset.from_dict(d.pop("quote_asset"))

        id = d.pop("id", UNSET)

        base_scale = d.pop("base_scale", UNSET)

        quote_scale = d.pop("quote_scale", UNSET)

        min_quote_value = d.pop("min_quote_value", UNSET)

        max_quote_value = d.pop("max_quote_value", UNSET)

        asset_pair = cls(
            name=name,
            base_asset=base_asset,
            quote_asset=quote_asset,
            id=id,
            base_scale=base_scale,
            quote_scale=quote_scale,
            min_quote_value=min_quote_value,
            max_quote_value=max_quote_value,
        )

        asset_pair.additional_properties = d
        return asset_pair

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
