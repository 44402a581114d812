from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blockchain import Blockchain
from ..models.currency import Currency
from ..models.intent_status import IntentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawalIntent")


@_attrs_define
class WithdrawalIntent:
    """A sweep of one currency scheduled for `processAt`. The object table names the token `currency`
    and the search example names it `asset`; at least one of the two is present (see Known deviations).

        Attributes:
            id (str): The intent identifier.
            blockchain (Blockchain): A blockchain network code (all EVM). `BinanceMainNet`, `PolygonMainNet`,
                `ArbitrumMainNet` and
                `EthereumMainNet` are main networks; `BinanceTestNet`, `PolygonMumbaiNet`, `ArbitrumSepolia` and
                `EthereumSepolia` are test networks. The generated client tolerates codes not listed here.
            process_at (datetime.datetime): When the intent will be (or was) processed, ISO 8601 in UTC.
            status (IntentStatus): - `Pending`: waiting for `processAt`.
                - `Succeeded`: processed; a withdrawal was started (or there was nothing to sweep).
                - `Failed`: processed, but the sweep could not start (for example the gas wallet could not pay).
                The generated client tolerates values not listed here.
            currency (Currency | Unset): A token code; the prefix hints at the chain (`b`/`bt` Binance main/test, `p`/`pm`
                Polygon
                main/Mumbai, `a`/`as` Arbitrum main/Sepolia, none/`s` Ethereum main/Sepolia). The list comes from
                the provider's official client model; the authoritative list is the currencies dictionary, and
                the generated client tolerates codes not listed here.
            asset (Currency | Unset): A token code; the prefix hints at the chain (`b`/`bt` Binance main/test, `p`/`pm`
                Polygon
                main/Mumbai, `a`/`as` Arbitrum main/Sepolia, none/`s` Ethereum main/Sepolia). The list comes from
                the provider's official client model; the authoritative list is the currencies dictionary, and
                the generated client tolerates codes not listed here.
    """

    id: str
    blockchain: Blockchain
    process_at: datetime.datetime
    status: IntentStatus
    currency: Currency | Unset = UNSET
    asset: Currency | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        blockchain = self.blockchain.value

        process_at = self.process_at.isoformat()

        status = self.status.value

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        asset: str | Unset = UNSET
        if not isinstance(self.asset, Unset):
            asset = self.asset.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "blockchain": blockchain,
                "processAt": process_at,
                "status": status,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if asset is not UNSET:
            field_dict["asset"] = asset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        blockchain = Blockchain(d.pop("blockchain"))

        process_at = datetime.datetime.fromisoformat(d.pop("processAt"))

        status = IntentStatus(d.pop("status"))

        _currency = d.pop("currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = Currency(_currency)

        _asset = d.pop("asset", UNSET)
        asset: Currency | Unset
        if isinstance(_asset, Unset):
            asset = UNSET
        else:
            asset = Currency(_asset)

        withdrawal_intent = cls(
            id=id,
            blockchain=blockchain,
            process_at=process_at,
            status=status,
            currency=currency,
            asset=asset,
        )

        withdrawal_intent.additional_properties = d
        return withdrawal_intent

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
