from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transfer_account import TransferAccount
from ..models.transfer_type import TransferType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTransferRequest")


@_attrs_define
class CreateTransferRequest:
    """Fields not listed here are ignored. `sub_account` goes with a `type` other than `NORMAL` and
    only with one (the transfer page); `from` and `to` name two different accounts (inferred: a
    transfer to the account it leaves would move nothing, and our emulator refuses it).

        Attributes:
            symbol (str): An asset's ticker symbol, e.g. `BTC`, `USDT`.
            amount (str): How much to move; greater than 0, with no more decimals than the asset allows.
            guid (str): The client's identifier for one withdrawal or one transfer, normally a UUID. The documentation
                gives no format; this pattern (letters, digits, `-` and `_`, at most 64) is ours, so that it fits
                in a path segment.
            from_ (TransferAccount): One of your accounts: `FUND` (deposits land here and withdrawals are taken from here),
                `SPOT`
                (spot trading) or `CONTRACT` (contract trading).
            to (TransferAccount): One of your accounts: `FUND` (deposits land here and withdrawals are taken from here),
                `SPOT`
                (spot trading) or `CONTRACT` (contract trading).
            type_ (TransferType | Unset): `NORMAL`: between the accounts of the caller (a master account or a sub-account).
                `MASTER_TO_SUB`: from the calling master account to `sub_account`. `SUB_TO_MASTER`: from
                `sub_account` to the calling master account. `SUB_INTERNAL`: between the accounts of `sub_account`.
                 Default: TransferType.NORMAL.
            sub_account (str | Unset): The user name of a sub-account; required unless `type` is `NORMAL`, and absent then.
    """

    symbol: str
    amount: str
    guid: str
    from_: TransferAccount
    to: TransferAccount
    type_: TransferType | Unset = TransferType.NORMAL
    sub_account: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        amount = self.amount

        guid = self.guid

        from_ = self.from_.value

        to = self.to.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        sub_account = self.sub_account

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "amount": amount,
                "guid": guid,
                "from": from_,
                "to": to,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if sub_account is not UNSET:
            field_dict["sub_account"] = sub_account

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        amount = d.pop("amount")

        guid = d.pop("guid")

        from_ = TransferAccount(d.pop("from"))

        to = TransferAccount(d.pop("to"))

        _type_ = d.pop("type", UNSET)
        type_: TransferType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = TransferType(_type_)

        sub_account = d.pop("sub_account", UNSET)

        create_transfer_request = cls(
            symbol=symbol,
            amount=amount,
            guid=guid,
            from_=from_,
            to=to,
            type_=type_,
            sub_account=sub_account,
        )

        create_transfer_request.additional_properties = d
        return create_transfer_request

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
