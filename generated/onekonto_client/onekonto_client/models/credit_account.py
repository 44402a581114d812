from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_source import AccountSource
    from ..models.credit_account_balances import CreditAccountBalances


T = TypeVar("T", bound="CreditAccount")


@_attrs_define
class CreditAccount:
    """
    Attributes:
        account_id (str):
        balances (CreditAccountBalances): Funds and credit per asset symbol.
        type_ (str | Unset): The kind of account (`client` in the docs' examples).
        name (str | Unset):
        sources (list[AccountSource] | Unset): Shown (empty) by one revision of the page only.
    """

    account_id: str
    balances: CreditAccountBalances
    type_: str | Unset = UNSET
    name: str | Unset = UNSET
    sources: list[AccountSource] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        balances = self.balances.to_dict()

        type_ = self.type_

        name = self.name

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accountId": account_id,
                "balances": balances,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if name is not UNSET:
            field_dict["name"] = name
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_source import AccountSource  # noqa: PLC0415
        from ..models.credit_account_balances import CreditAccountBalances  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("accountId")

        balances = CreditAccountBalances.from_dict(d.pop("balances"))

        type_ = d.pop("type", UNSET)

        name = d.pop("name", UNSET)

        _sources = d.pop("sources", UNSET)
        sources: list[AccountSource] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = AccountSource.from_dict(sources_item_data)

                sources.append(sources_item)

        credit_account = cls(
            account_id=account_id,
            balances=balances,
            type_=type_,
            name=name,
            sources=sources,
        )

        credit_account.additional_properties = d
        return credit_account

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
