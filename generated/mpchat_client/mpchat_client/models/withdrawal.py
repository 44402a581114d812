from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.network import Network
from ..models.withdrawal_status import WithdrawalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Withdrawal")


@_attrs_define
class Withdrawal:
    """
    Attributes:
        id (str): Withdrawal identifier (`wd_...`).
        amount (str): A non-negative decimal number written as a string (USDT).
        fee (str): A non-negative decimal number written as a string (USDT).
        status (str | WithdrawalStatus): One of `WithdrawalStatus`, or a status added later (the set is open).
        destination_address (str):
        network (Network | str): One of `Network`, or a network added later (the set is open).
        tx_hash (None | str): On-chain transaction hash; `null` until the withdrawal is `COMPLETED`.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        merchant_id (str | Unset): The owning merchant; absent from list items in the provider's example.
    """

    id: str
    amount: str
    fee: str
    status: str | WithdrawalStatus
    destination_address: str
    network: Network | str
    tx_hash: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    merchant_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        amount = self.amount

        fee = self.fee

        status: str
        if isinstance(self.status, WithdrawalStatus):
            status = self.status.value
        else:
            status = self.status

        destination_address = self.destination_address

        network: str
        if isinstance(self.network, Network):
            network = self.network.value
        else:
            network = self.network

        tx_hash: None | str
        tx_hash = self.tx_hash

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        merchant_id = self.merchant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "amount": amount,
                "fee": fee,
                "status": status,
                "destination_address": destination_address,
                "network": network,
                "tx_hash": tx_hash,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        amount = d.pop("amount")

        fee = d.pop("fee")

        def _parse_status(data: object) -> str | WithdrawalStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = WithdrawalStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | WithdrawalStatus, data)

        status = _parse_status(d.pop("status"))

        destination_address = d.pop("destination_address")

        def _parse_network(data: object) -> Network | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                network_type_0 = Network(data)

                return network_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Network | str, data)

        network = _parse_network(d.pop("network"))

        def _parse_tx_hash(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tx_hash = _parse_tx_hash(d.pop("tx_hash"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        merchant_id = d.pop("merchant_id", UNSET)

        withdrawal = cls(
            id=id,
            amount=amount,
            fee=fee,
            status=status,
            destination_address=destination_address,
            network=network,
            tx_hash=tx_hash,
            created_at=created_at,
            updated_at=updated_at,
            merchant_id=merchant_id,
        )

        withdrawal.additional_properties = d
        return withdrawal

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
