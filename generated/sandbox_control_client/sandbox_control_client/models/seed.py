from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.seed_account import SeedAccount


T = TypeVar("T", bound="Seed")


@_attrs_define
class Seed:
    """
    Attributes:
        accounts (list[SeedAccount]):
    """

    accounts: list[SeedAccount]

    def to_dict(self) -> dict[str, Any]:
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accounts": accounts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seed_account import SeedAccount  # noqa: PLC0415

        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = SeedAccount.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        seed = cls(
            accounts=accounts,
        )

        return seed
