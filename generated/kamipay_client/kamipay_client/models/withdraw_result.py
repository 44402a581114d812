from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transaction_status import TransactionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawResult")


@_attrs_define
class WithdrawResult:
    """
    Attributes:
        status (str | TransactionStatus): One of `TransactionStatus`, or a state added later (the set is open).
        transaction_hash (str): The Polygon transaction hash (camelCase here, unlike `transaction_hash` on other kamiPay
            pages).
        to (str): The destination address (the provider's example shows it with a doubled `00x`).
        usdt_amount (float | Unset): The USDT sent, for a `usdt` withdrawal. The key contains a space.
        matic_amount (float | Unset): The MATIC sent, for a `matic` withdrawal (key name inferred, see Known
            deviations).
    """

    status: str | TransactionStatus
    transaction_hash: str
    to: str
    usdt_amount: float | Unset = UNSET
    matic_amount: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, TransactionStatus):
            status = self.status.value
        else:
            status = self.status

        transaction_hash = self.transaction_hash

        to = self.to

        usdt_amount = self.usdt_amount

        matic_amount = self.matic_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "transactionHash": transaction_hash,
                "to": to,
            }
        )
        if usdt_amount is not UNSET:
            field_dict["usdt amount"] = usdt_amount
        if matic_amount is not UNSET:
            field_dict["matic amount"] = matic_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_status(data: object) -> str | TransactionStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = TransactionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TransactionStatus, data)

        status = _parse_status(d.pop("status"))

        transaction_hash = d.pop("transactionHash")

        to = d.pop("to")

        usdt_amount = d.pop("usdt amount", UNSET)

        matic_amount = d.pop("matic amount", UNSET)

        withdraw_result = cls(
            status=status,
            transaction_hash=transaction_hash,
            to=to,
            usdt_amount=usdt_amount,
            matic_amount=matic_amount,
        )

        withdraw_result.additional_properties = d
        return withdraw_result

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
