from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWithdrawalRequest")


@_attrs_define
class CreateWithdrawalRequest:
    """Fields not listed here are ignored.

    Attributes:
        symbol (str): An asset's ticker symbol, e.g. `BTC`, `USDT`.
        target_address (str): The destination; it must be on the account's trusted-address list. Its format depends on
            the
            gateway (Base58 or bech32 for Bitcoin, `0x` + 40 hex for Ethereum, `T...` for Tron, an account
            name for EOS); the server checks it.
        amount (str): How much to send, as a positive decimal string. The fee is charged on top of it, and the number
            of decimals may not exceed the asset's withdrawal precision (checked by the server).
        memo (str | Unset): Memo or tag, required by memo-based chains (EOS among the documented gateways).
        guid (str | Unset): The client's identifier for one withdrawal or one transfer, normally a UUID. The
            documentation
            gives no format; this pattern (letters, digits, `-` and `_`, at most 64) is ours, so that it fits
            in a path segment.
        gateway_name (str | Unset): The chain to send on, for assets on several chains: e.g. `symbol` `USDT` with
            `gateway_name`
            `Ethereum`. The documentation lists `Bitcoin`, `Ethereum`, `Tron`, `EOS` and `Mixin`; BigONE
            supports more. When absent, the asset's default chain is used.
    """

    symbol: str
    target_address: str
    amount: str
    memo: str | Unset = UNSET
    guid: str | Unset = UNSET
    gateway_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        target_address = self.target_address

        amount = self.amount

        memo = self.memo

        guid = self.guid

        gateway_name = self.gateway_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "target_address": target_address,
                "amount": amount,
            }
        )
        if memo is not UNSET:
            field_dict["memo"] = memo
        if guid is not UNSET:
            field_dict["guid"] = guid
        if gateway_name is not UNSET:
            field_dict["gateway_name"] = gateway_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        target_address = d.pop("target_address")

        amount = d.pop("amount")

        memo = d.pop("memo", UNSET)

        guid = d.pop("guid", UNSET)

        gateway_name = d.pop("gateway_name", UNSET)

        create_withdrawal_request = cls(
            symbol=symbol,
            target_address=target_address,
            amount=amount,
            memo=memo,
            guid=guid,
            gateway_name=gateway_name,
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
