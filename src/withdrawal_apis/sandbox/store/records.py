"""The records the store reads and writes, and the filters that select them.

Providers see only these: typed records with money as `Decimal`, and filters whose `where` the store
turns into SQL (every value through a placeholder).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ...money import MONEY, json_number

SQL_MAX = 2**63 - 1  # both backends bind 64-bit integers
FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")

JsonField = Callable[[str, tuple[str, ...], tuple[Any, ...]], tuple[str, list[Any]]]
"""(column, path of keys, values) -> SQL that holds when the JSON value at the path is one of the values."""


class InsufficientFunds(Exception):
    def __init__(self, asset: str, available: Decimal, needed: Decimal) -> None:
        super().__init__(f"insufficient {asset}: {available} available, {needed} needed")
        self.asset, self.available, self.needed = asset, available, needed


# -- records ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Account:
    id: str
    extra: dict[str, Any]
    webhook: dict[str, Any] | None


@dataclass(frozen=True)
class Balance:
    available: Decimal
    frozen: Decimal

    @property
    def total(self) -> Decimal:
        return MONEY.add(self.available, self.frozen)


@dataclass(frozen=True)
class Destination:
    """A whitelisted destination: an address on a network, with provider-specific `data`."""

    network: str
    address: str
    data: dict[str, Any]


@dataclass(frozen=True)
class StoredObject:
    """A withdrawal, intent or request: its public `body` as served, and `private` bookkeeping apart."""

    kind: str
    id: str
    account_id: str
    status: str
    asset: str
    wallet: str
    hold: Decimal
    body: dict[str, Any]
    private: dict[str, Any]
    seq: int


@dataclass(frozen=True)
class LedgerEntry:
    id: str
    account_id: str
    asset: str
    entry_type: str
    amount: Decimal
    balance_after: Decimal
    description: str
    created_at: str
    ref: str | None = None
    wallet: str = ""
    seq: int = 0  # assigned by the store: ascending across every account, never reused


@dataclass(frozen=True)
class LedgerFilter:
    """Which ledger entries of one account: every given criterion must hold.

    `from_seq` keeps entries at or after a sequence number (a cursor); `created_from` (inclusive)
    and `created_before` (exclusive) compare `created_at` as text, so they need timestamps written
    in one fixed-width UTC form.
    """

    account_id: str
    ids: tuple[str, ...] | None = None
    asset: str | None = None
    entry_types: tuple[str, ...] | None = None
    from_seq: int | None = None
    created_from: str | None = None
    created_before: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = ["account_id = ?"]
        args: list[Any] = [self.account_id]
        for column, values in (("id", self.ids), ("entry_type", self.entry_types)):
            if values is not None:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})" if values else "FALSE")
                args.extend(values)
        for clause, value in (
            ("asset = ?", self.asset),
            ("seq >= ?", None if self.from_seq is None else min(max(self.from_seq, -SQL_MAX), SQL_MAX)),
            ("created_at >= ?", self.created_from),
            ("created_at < ?", self.created_before),
        ):
            if value is not None:
                clauses.append(clause)
                args.append(value)
        return " AND ".join(clauses), args


@dataclass(frozen=True)
class Job:
    """Scheduled work on an object: a lifecycle transition or a provider job, due on the virtual clock."""

    kind: str
    object_id: str
    name: str
    due_at: float


@dataclass(frozen=True)
class Delivery:
    id: str
    account_id: str
    event: str
    url: str
    body: bytes
    headers: dict[str, str]
    status: str
    attempts: int
    created_at: float
    last_status: int | None
    last_error: str | None
    delivered_at: float | None
    endpoint: str | None = None  # the provider's id of the registered endpoint it went to, if it has one


@dataclass(frozen=True)
class Filter:
    """Which objects of `kind`: every given criterion must hold.

    `fields` compares top-level fields of the public body for equality; a tuple or frozenset value
    means "any of these".
    """

    kind: str
    owners: tuple[str, ...] | None = None
    ids: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    asset: str | None = None
    wallet: str | None = None
    hold: Decimal | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)

    def where(self, json_field: JsonField) -> tuple[str, list[Any]]:
        clauses, args = ["kind = ?"], [self.kind]
        for column, values in (("account_id", self.owners), ("id", self.ids), ("status", self.statuses)):
            if values is not None:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})" if values else "FALSE")
                args.extend(values)
        for column, value in (("asset", self.asset), ("wallet", self.wallet)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        if self.hold is not None:
            clauses.append("hold = ?")
            args.append(json_number(self.hold))
        for name, value in self.fields.items():
            if not FIELD.fullmatch(name):
                raise ValueError(f"not a field name: {name!r}")
            values = tuple(value) if isinstance(value, tuple | frozenset) else (value,)
            if not values:
                clauses.append("FALSE")
                continue
            clause, field_args = json_field("body", (name,), values)
            clauses.append(clause)
            args.extend(field_args)
        return " AND ".join(clauses), args

    @property
    def few_owners(self) -> bool:
        """Only the objects of a kind that a few owners have: positions answer these too, by a search."""
        return self.owners is not None and 1 < len(self.owners) <= 16 and self == Filter(self.kind, owners=self.owners)

    @property
    def one_owner(self) -> bool:
        """Only the objects of a kind that one owner has: the query positions answer (see `Store.find`)."""
        return self.owners is not None and len(self.owners) == 1 and self == Filter(self.kind, owners=self.owners)
