from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetGateway")


@_attrs_define
class AssetGateway:
    """One gateway (chain) an asset is bound to, with its withdrawal terms. `withdrawal_fee` is charged
    on top of the amount; `min_withdrawal_amount` is the smallest amount; `withdrawal_scale` the most
    decimals; `is_memo_required` says whether `memo` must be sent; `is_withdrawal_enabled` whether
    withdrawals on this gateway are open now. Undocumented (see `list_assets`).

        Attributes:
            gateway_name (str): The name `gateway_name` takes in a withdrawal, e.g. `Ethereum`.
            guid (str | Unset):
            is_deposit_enabled (bool | Unset):
            is_withdrawal_enabled (bool | Unset):
            min_deposit_amount (str | Unset): A non-negative decimal number written as a string.
            min_withdrawal_amount (str | Unset): A non-negative decimal number written as a string.
            withdrawal_fee (str | Unset): A non-negative decimal number written as a string.
            is_memo_required (bool | Unset):
            withdrawal_scale (int | Unset):
            scale (int | Unset):
    """

    gateway_name: str
    guid: str | Unset = UNSET
    is_deposit_enabled: bool | Unset = UNSET
    is_withdrawal_enabled: bool | Unset = UNSET
    min_deposit_amount: str | Unset = UNSET
    min_withdrawal_amount: str | Unset = UNSET
    withdrawal_fee: str | Unset = UNSET
    is_memo_required: bool | Unset = UNSET
    withdrawal_scale: int | Unset = UNSET
    scale: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gateway_name = self.gateway_name

        guid = self.guid

        is_deposit_enabled = self.is_deposit_enabled

        is_withdrawal_enabled = self.is_withdrawal_enabled

        min_deposit_amount = self.min_deposit_amount

        min_withdrawal_amount = self.min_withdrawal_amount

        withdrawal_fee = self.withdrawal_fee

        is_memo_required = self.is_memo_required

        withdrawal_scale = self.withdrawal_scale

        scale = self.scale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gateway_name": gateway_name,
            }
        )
        if guid is not UNSET:
            field_dict["guid"] = guid
        if is_deposit_enabled is not UNSET:
            field_dict["is_deposit_enabled"] = is_deposit_enabled
        if is_withdrawal_enabled is not UNSET:
            field_dict["is_withdrawal_enabled"] = is_withdrawal_enabled
        if min_deposit_amount is not UNSET:
            field_dict["min_deposit_amount"] = min_deposit_amount
        if min_withdrawal_amount is not UNSET:
            field_dict["min_withdrawal_amount"] = min_withdrawal_amount
        if withdrawal_fee is not UNSET:
            field_dict["withdrawal_fee"] = withdrawal_fee
        if is_memo_required is not UNSET:
            field_dict["is_memo_required"] = is_memo_required
        if withdrawal_scale is not UNSET:
            field_dict["withdrawal_scale"] = withdrawal_scale
        if scale is not UNSET:
            field_dict["scale"] = scale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gateway_name = d.pop("gateway_name")

        guid = d.pop("guid", UNSET)

        is_deposit_enabled = d.pop("is_deposit_enabled", UNSET)

        is_withdrawal_enabled = d.pop("is_withdrawal_enabled", UNSET)

        min_deposit_amount = d.pop("min_deposit_amount", UNSET)

        min_withdrawal_amount = d.pop("min_withdrawal_amount", UNSET)

        withdrawal_fee = d.pop("withdrawal_fee", UNSET)

        is_memo_required = d.pop("is_memo_required", UNSET)

        withdrawal_scale = d.pop("withdrawal_scale", UNSET)

        scale = d.pop("scale", UNSET)

        asset_gateway = cls(
            gateway_name=gateway_name,
            guid=guid,
            is_deposit_enabled=is_deposit_enabled,
            is_withdrawal_enabled=is_withdrawal_enabled,
            min_deposit_amount=min_deposit_amount,
            min_withdrawal_amount=min_withdrawal_amount,
            withdrawal_fee=withdrawal_fee,
            is_memo_required=is_memo_required,
            withdrawal_scale=withdrawal_scale,
            scale=scale,
        )

        asset_gateway.additional_properties = d
        return asset_gateway

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
