from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blockchain import Blockchain
from ..models.withdrawal_status import WithdrawalStatus

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="Withdrawal")


@_attrs_define
class Withdrawal:
    """A sweep of one currency to the merchant's address. Fields not listed here may appear; ignore them.

    Attributes:
        id (str): The withdrawal identifier.
        blockchain (Blockchain | str): A blockchain code, one of `Blockchain` or any code the provider adds later.
        destination_address (str): The merchant's confirmed address the tokens go to.
        amount (Money): An amount of one token. Example: {'value': '998', 'currency': 'bUSDT'}.
        status (str | WithdrawalStatus): One of `WithdrawalStatus`, or a status added later (the set is open).
    """

    id: str
    blockchain: Blockchain | str
    destination_address: str
    amount: Money
    status: str | WithdrawalStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        blockchain: str
        if isinstance(self.blockchain, Blockchain):
            blockchain = self.blockchain.value
        else:
            blockchain = self.blockchain

        destination_address = self.destination_address

        amount = self.amount.to_dict()

        status: str
        if isinstance(self.status, WithdrawalStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "blockchain": blockchain,
                "destinationAddress": destination_address,
                "amount": amount,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

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

        destination_address = d.pop("destinationAddress")

        amount = Money.from_dict(d.pop("amount"))

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

        withdrawal = cls(
            id=id,
            blockchain=blockchain,
            destination_address=destination_address,
            amount=amount,
            status=status,
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
