"""The emulator's durable state: SQLite (a file or `:memory:`), WAL, one transaction per request.

This module is the only place with SQL. Providers read and write through typed records and filters:
accounts, credentials, balances keyed by (account, wallet, asset), whitelisted destinations, objects
(withdrawals, intents, requests...) with a public body and private bookkeeping kept apart, a ledger,
scheduled jobs and the webhook outbox.

Money is stored as decimal TEXT and only ever handled as `Decimal`. Requests are served one at a
time on the event loop, and every write happens inside `transaction()` (`BEGIN IMMEDIATE`), so a
balance check and the debit that follows it can never interleave with another request's, even if a
second process opens the same file. A transaction is committed before its response is sent; with
WAL the commit is in the file when the response leaves, so a SIGKILL cannot lose an acknowledged
write.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..credentials import Credential
from ..money import MONEY, json_number

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, data TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS credentials (
    key_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, secret TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1, data TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS balances (
    account_id TEXT NOT NULL, wallet TEXT NOT NULL, asset TEXT NOT NULL, available TEXT NOT NULL,
    frozen TEXT NOT NULL, PRIMARY KEY (account_id, wallet, asset));
CREATE TABLE IF NOT EXISTS whitelist (
    account_id TEXT NOT NULL, network TEXT NOT NULL, address TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (account_id, network, address));
CREATE TABLE IF NOT EXISTS objects (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL, account_id TEXT NOT NULL,
    status TEXT NOT NULL, asset TEXT NOT NULL DEFAULT '', wallet TEXT NOT NULL DEFAULT '',
    hold TEXT NOT NULL DEFAULT '0', idem_key TEXT, body TEXT NOT NULL, private TEXT NOT NULL DEFAULT '{}',
    UNIQUE (kind, id));
CREATE INDEX IF NOT EXISTS objects_by_owner ON objects (kind, account_id, seq DESC);
CREATE INDEX IF NOT EXISTS objects_by_status ON objects (kind, status, account_id, asset);
CREATE UNIQUE INDEX IF NOT EXISTS objects_by_idem ON objects (kind, account_id, idem_key) WHERE idem_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS object_counts (
    kind TEXT NOT NULL, account_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, account_id)) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS objects_counted AFTER INSERT ON objects BEGIN
    INSERT INTO object_counts (kind, account_id, n) VALUES (new.kind, new.account_id, 1)
    ON CONFLICT (kind, account_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS objects_uncounted AFTER DELETE ON objects BEGIN
    UPDATE object_counts SET n = n - 1 WHERE kind = old.kind AND account_id = old.account_id;
END;
CREATE TABLE IF NOT EXISTS ledger (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL,
    wallet TEXT NOT NULL DEFAULT '', asset TEXT NOT NULL, entry_type TEXT NOT NULL, amount TEXT NOT NULL,
    balance_after TEXT NOT NULL, description TEXT NOT NULL, ref TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_by_owner ON ledger (account_id, seq DESC);
CREATE TABLE IF NOT EXISTS schedule (
    kind TEXT NOT NULL, object_id TEXT NOT NULL, job TEXT NOT NULL, due_at REAL NOT NULL,
    PRIMARY KEY (kind, object_id, job));
CREATE INDEX IF NOT EXISTS schedule_by_due ON schedule (due_at);
CREATE TABLE IF NOT EXISTS webhooks (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, event TEXT NOT NULL,
    url TEXT NOT NULL, body BLOB NOT NULL, headers TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    next_attempt_at REAL NOT NULL, created_at REAL NOT NULL, last_status INTEGER, last_error TEXT,
    delivered_at REAL, endpoint TEXT);
CREATE INDEX IF NOT EXISTS webhooks_pending ON webhooks (status, next_attempt_at);
"""
TABLES = (
    "meta",
    "accounts",
    "credentials",
    "balances",
    "whitelist",
    "objects",
    "object_counts",
    "ledger",
    "schedule",
    "webhooks",
)
_COUNTS_BUILT = "schema:object_counts"  # meta key: the counts table was filled from the objects already stored

_SQL_MAX = 2**63 - 1
_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


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
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})" if values else "0")
                args.extend(values)
        for clause, value in (
            ("asset = ?", self.asset),
            ("seq >= ?", None if self.from_seq is None else min(max(self.from_seq, -_SQL_MAX), _SQL_MAX)),
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

    def where(self) -> tuple[str, list[Any]]:
        clauses, args = ["kind = ?"], [self.kind]
        for column, values in (("account_id", self.owners), ("id", self.ids), ("status", self.statuses)):
            if values is not None:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})" if values else "0")
                args.extend(values)
        for column, value in (("asset", self.asset), ("wallet", self.wallet)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        if self.hold is not None:
            clauses.append("hold = ?")
            args.append(json_number(self.hold))
        for name, value in self.fields.items():
            if not _FIELD.fullmatch(name):
                raise ValueError(f"not a field name: {name!r}")
            path = f'$."{name}"'
            if isinstance(value, tuple | frozenset):
                clauses.append(f"json_extract(body, ?) IN ({', '.join('?' for _ in value)})" if value else "0")
                args.extend([path, *value])
            else:
                clauses.append("json_extract(body, ?) = ?")
                args.extend([path, value])
        return " AND ".join(clauses), args


class Store:
    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._lock = threading.RLock()
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        if path != ":memory:":
            self.db.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable against a killed process (the WAL is written before COMMIT returns);
            # only an OS crash or power loss could drop the last transactions.
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring a store file written by an earlier version up to SCHEMA (columns added since)."""
        columns = {row["name"] for row in self.db.execute("PRAGMA table_info(webhooks)")}
        if "endpoint" not in columns:
            self.db.execute("ALTER TABLE webhooks ADD COLUMN endpoint TEXT")
        self.db.execute("CREATE INDEX IF NOT EXISTS webhooks_by_endpoint ON webhooks (account_id, endpoint, seq DESC)")
        # Objects stored before the counts table existed are counted once; the triggers keep it from then on.
        with self.transaction():
            if self.get_meta(_COUNTS_BUILT) is None:
                self.db.execute("DELETE FROM object_counts")
                self.db.execute(
                    "INSERT INTO object_counts (kind, account_id, n) "
                    "SELECT kind, account_id, COUNT(*) FROM objects GROUP BY kind, account_id"
                )
                self.set_meta(_COUNTS_BUILT, "1")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nested calls join the outer transaction."""
        with self._lock:
            if self.db.in_transaction:
                yield
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def reset(self) -> None:
        with self.transaction():
            for table in TABLES:
                self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self.set_meta(_COUNTS_BUILT, "1")  # nothing stored, nothing counted: in step

    # -- meta and counters --------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row["value"]) if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def next_value(self, counter: str) -> int:
        """1, 2, 3... per counter name, durable and never repeated."""
        with self.transaction():
            value = int(self.get_meta(f"counter:{counter}", "0") or 0) + 1
            self.set_meta(f"counter:{counter}", str(value))
            return value

    # -- accounts and credentials -------------------------------------------------------------
    def put_account(self, account_id: str, extra: Mapping[str, Any], webhook: Mapping[str, Any] | None) -> None:
        data = json.dumps({"extra": dict(extra), "webhook": dict(webhook) if webhook else None})
        with self.transaction():
            self.db.execute(
                "INSERT INTO accounts (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                (account_id, data),
            )

    def account(self, account_id: str) -> Account | None:
        row = self.db.execute("SELECT id, data FROM accounts WHERE id = ?", (account_id,)).fetchone()
        return _account(row) if row else None

    def accounts(self, extra: Mapping[str, Any] | None = None) -> list[Account]:
        """Every account in the order they were seeded, or those whose `extra` has each given top-level value."""
        clauses, args = ["1"], []
        for name, value in (extra or {}).items():
            if not _FIELD.fullmatch(name):
                raise ValueError(f"not a field name: {name!r}")
            clauses.append("json_extract(data, ?) = ?")
            args += [f'$.extra."{name}"', value]
        sql = f"SELECT id, data FROM accounts WHERE {' AND '.join(clauses)} ORDER BY rowid"  # noqa: S608
        return [_account(row) for row in self.db.execute(sql, args)]

    def put_credential(self, credential: Credential) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO credentials (key_id, account_id, secret, active, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (key_id) DO UPDATE SET account_id = excluded.account_id, secret = excluded.secret, "
                "active = excluded.active, data = excluded.data",
                (
                    credential.key_id,
                    credential.account_id,
                    credential.secret,
                    int(credential.active),
                    json.dumps(dict(credential.data)),
                ),
            )

    def credential(self, key_id: str) -> Credential | None:
        row = self.db.execute("SELECT * FROM credentials WHERE key_id = ?", (key_id,)).fetchone()
        return _credential(row) if row else None

    def credentials(self, account_id: str | None = None) -> list[Credential]:
        if account_id is None:
            rows = self.db.execute("SELECT * FROM credentials ORDER BY key_id")
        else:
            rows = self.db.execute("SELECT * FROM credentials WHERE account_id = ? ORDER BY key_id", (account_id,))
        return [_credential(row) for row in rows]

    # -- whitelist ----------------------------------------------------------------------------
    def add_destination(self, account_id: str, destination: Destination) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO whitelist (account_id, network, address, data) VALUES (?, ?, ?, ?)",
                (account_id, destination.network, destination.address, json.dumps(destination.data)),
            )

    def destinations(self, account_id: str, network: str | None = None) -> list[Destination]:
        if network is None:
            rows = self.db.execute(
                "SELECT * FROM whitelist WHERE account_id = ? ORDER BY network, address", (account_id,)
            )
        else:
            rows = self.db.execute(
                "SELECT * FROM whitelist WHERE account_id = ? AND network = ? ORDER BY address", (account_id, network)
            )
        return [Destination(row["network"], row["address"], json.loads(row["data"])) for row in rows]

    def destination(self, account_id: str, network: str, address: str) -> Destination | None:
        row = self.db.execute(
            "SELECT * FROM whitelist WHERE account_id = ? AND network = ? AND address = ?",
            (account_id, network, address),
        ).fetchone()
        return Destination(row["network"], row["address"], json.loads(row["data"])) if row else None

    # -- balances -----------------------------------------------------------------------------
    def balance(self, account_id: str, asset: str, wallet: str = "") -> Balance:
        row = self.db.execute(
            "SELECT available, frozen FROM balances WHERE account_id = ? AND wallet = ? AND asset = ?",
            (account_id, wallet, asset),
        ).fetchone()
        return Balance(Decimal(row["available"]), Decimal(row["frozen"])) if row else Balance(Decimal(0), Decimal(0))

    def balances(self, account_id: str, wallet: str = "") -> dict[str, Balance]:
        """The balances of one wallet of the account, by asset."""
        rows = self.db.execute(
            "SELECT asset, available, frozen FROM balances WHERE account_id = ? AND wallet = ? ORDER BY asset",
            (account_id, wallet),
        )
        return {row["asset"]: Balance(Decimal(row["available"]), Decimal(row["frozen"])) for row in rows}

    def wallets(self, account_id: str) -> dict[str, dict[str, Balance]]:
        """Every balance of the account: wallet -> asset -> balance."""
        found: dict[str, dict[str, Balance]] = {}
        rows = self.db.execute(
            "SELECT wallet, asset, available, frozen FROM balances WHERE account_id = ? ORDER BY wallet, asset",
            (account_id,),
        )
        for row in rows:
            found.setdefault(row["wallet"], {})[row["asset"]] = Balance(
                Decimal(row["available"]), Decimal(row["frozen"])
            )
        return found

    def _write_balance(self, account_id: str, asset: str, wallet: str, balance: Balance) -> None:
        self.db.execute(
            "INSERT INTO balances (account_id, wallet, asset, available, frozen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (account_id, wallet, asset) DO UPDATE SET available = excluded.available, "
            "frozen = excluded.frozen",
            (account_id, wallet, asset, str(balance.available), str(balance.frozen)),
        )

    def set_available(self, account_id: str, asset: str, available: Decimal, wallet: str = "") -> None:
        """Set what is available, keeping what is frozen for withdrawals in flight."""
        with self.transaction():
            frozen = self.balance(account_id, asset, wallet).frozen
            self._write_balance(account_id, asset, wallet, Balance(available, frozen))

    def freeze(self, account_id: str, asset: str, amount: Decimal, wallet: str = "") -> Balance:
        """Move `amount` from available to frozen, or raise InsufficientFunds."""
        with self.transaction():
            current = self.balance(account_id, asset, wallet)
            if amount > current.available:
                raise InsufficientFunds(asset, current.available, amount)
            updated = Balance(MONEY.subtract(current.available, amount), MONEY.add(current.frozen, amount))
            self._write_balance(account_id, asset, wallet, updated)
            return updated

    def release(self, account_id: str, asset: str, amount: Decimal, wallet: str = "") -> Balance:
        """Return frozen funds to available (a withdrawal that will not happen)."""
        with self.transaction():
            current = self.balance(account_id, asset, wallet)
            updated = Balance(MONEY.add(current.available, amount), MONEY.subtract(current.frozen, amount))
            self._write_balance(account_id, asset, wallet, updated)
            return updated

    def settle(self, account_id: str, asset: str, amount: Decimal, wallet: str = "") -> Balance:
        """Remove frozen funds for good (a withdrawal that left)."""
        with self.transaction():
            current = self.balance(account_id, asset, wallet)
            updated = Balance(current.available, MONEY.subtract(current.frozen, amount))
            self._write_balance(account_id, asset, wallet, updated)
            return updated

    def debit(self, account_id: str, asset: str, amount: Decimal, wallet: str = "") -> Balance:
        """Take `amount` out of available for good in one step (a payout that settles at once)."""
        with self.transaction():
            current = self.balance(account_id, asset, wallet)
            if amount > current.available:
                raise InsufficientFunds(asset, current.available, amount)
            updated = Balance(MONEY.subtract(current.available, amount), current.frozen)
            self._write_balance(account_id, asset, wallet, updated)
            return updated

    def credit(self, account_id: str, asset: str, amount: Decimal, wallet: str = "") -> Balance:
        with self.transaction():
            current = self.balance(account_id, asset, wallet)
            updated = Balance(MONEY.add(current.available, amount), current.frozen)
            self._write_balance(account_id, asset, wallet, updated)
            return updated

    def transfer(self, account_id: str, asset: str, amount: Decimal, source: str, target: str) -> None:
        """Move available funds between two wallets of one account, or raise InsufficientFunds."""
        with self.transaction():
            self.debit(account_id, asset, amount, source)
            self.credit(account_id, asset, amount, target)

    # -- ledger -------------------------------------------------------------------------------
    def add_ledger_entry(self, entry: LedgerEntry) -> int:
        """Append an entry; returns its sequence number."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO ledger (id, account_id, wallet, asset, entry_type, amount, balance_after, description, "
                "ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.id,
                    entry.account_id,
                    entry.wallet,
                    entry.asset,
                    entry.entry_type,
                    str(entry.amount),
                    str(entry.balance_after),
                    entry.description,
                    entry.ref,
                    entry.created_at,
                ),
            )
        return int(cursor.lastrowid or 0)

    def ledger(self, account_id: str, limit: int, offset: int = 0) -> tuple[list[LedgerEntry], int]:
        """One page of the account's ledger, newest first, and the number of entries in all."""
        rows = self.db.execute(
            "SELECT * FROM ledger WHERE account_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
            (account_id, *_page(limit, offset)),
        )
        entries = [_ledger_entry(row) for row in rows]
        total = self.db.execute("SELECT COUNT(*) FROM ledger WHERE account_id = ?", (account_id,)).fetchone()[0]
        return entries, int(total)

    def find_ledger(self, query: LedgerFilter, *, limit: int, oldest_first: bool = False) -> list[LedgerEntry]:
        """At most `limit` matching entries, newest first unless `oldest_first`."""
        where, args = query.where()
        order = "ASC" if oldest_first else "DESC"
        # `where` is assembled from fixed text; every value goes through a placeholder.
        sql = f"SELECT * FROM ledger WHERE {where} ORDER BY seq {order} LIMIT ?"  # noqa: S608
        return [_ledger_entry(row) for row in self.db.execute(sql, (*args, min(limit, _SQL_MAX)))]

    # -- objects (withdrawals, intents, requests...) ------------------------------------------
    def insert_object(
        self,
        kind: str,
        obj_id: str,
        account_id: str,
        status: str,
        body: dict[str, Any],
        *,
        asset: str = "",
        wallet: str = "",
        hold: Decimal = Decimal(0),
        idem_key: str | None = None,
        private: dict[str, Any] | None = None,
    ) -> StoredObject:
        private = private or {}
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO objects (kind, id, account_id, status, asset, wallet, hold, idem_key, body, private) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    obj_id,
                    account_id,
                    status,
                    asset,
                    wallet,
                    json_number(hold),
                    idem_key,
                    json.dumps(body),
                    json.dumps(private),
                ),
            )
        seq = int(cursor.lastrowid or 0)
        return StoredObject(kind, obj_id, account_id, status, asset, wallet, hold, body, private, seq)

    def copy_object(self, template: StoredObject, copies: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Insert copies of a stored object in bulk (one transaction, one statement); returns how many.

        Each copy has its own id and public body; owner, status, asset, wallet, hold and private data
        are the template's, and where the template has an idempotency key each copy's is that key with
        `:{id}` appended. This fills a store fast (the scale benchmark), through the same schema.
        """
        rows = ((obj_id, obj_id, json.dumps(body), template.kind, template.id) for obj_id, body in copies)
        with self.transaction():
            cursor = self.db.executemany(
                "INSERT INTO objects (kind, id, account_id, status, asset, wallet, hold, idem_key, body, private) "
                "SELECT kind, ?, account_id, status, asset, wallet, hold, idem_key || ':' || ?, ?, private "
                "FROM objects WHERE kind = ? AND id = ?",
                rows,
            )
        return int(cursor.rowcount)

    def update_object(
        self, obj: StoredObject, status: str, body: dict[str, Any], private: dict[str, Any] | None = None
    ) -> StoredObject:
        private = obj.private if private is None else private
        with self.transaction():
            self.db.execute(
                "UPDATE objects SET status = ?, body = ?, private = ? WHERE kind = ? AND id = ?",
                (status, json.dumps(body), json.dumps(private), obj.kind, obj.id),
            )
        return StoredObject(
            obj.kind, obj.id, obj.account_id, status, obj.asset, obj.wallet, obj.hold, body, private, obj.seq
        )

    def get_object(self, kind: str, obj_id: str) -> StoredObject | None:
        row = self.db.execute("SELECT * FROM objects WHERE kind = ? AND id = ?", (kind, obj_id)).fetchone()
        return _object(row) if row else None

    def object_by_idem_key(self, kind: str, account_id: str, idem_key: str) -> StoredObject | None:
        row = self.db.execute(
            "SELECT * FROM objects WHERE kind = ? AND account_id = ? AND idem_key = ?", (kind, account_id, idem_key)
        ).fetchone()
        return _object(row) if row else None

    def find(
        self,
        query: Filter,
        *,
        limit: int,
        offset: int = 0,
        before_seq: int | None = None,
        oldest_first: bool = False,
    ) -> list[StoredObject]:
        """One page of matching objects, newest first unless `oldest_first`.

        `before_seq` gives keyset paging (objects older than a seen one) that stays stable while new
        objects arrive; `offset` gives plain offset paging.
        """
        where, args = query.where()
        if before_seq is not None:
            where += " AND seq < ?"
            args.append(before_seq)
        order = "ASC" if oldest_first else "DESC"
        # `where` is assembled from fixed text; every value goes through a placeholder.
        if offset:
            # Skipped rows cost an index step each, not a row read: the page's sequence numbers come
            # from the index alone, and only the page's rows are read (no sort of whole rows either
            # when several owners are asked for).
            page = f"SELECT seq FROM objects WHERE {where} ORDER BY seq {order} LIMIT ? OFFSET ?"  # noqa: S608
            sql = f"SELECT * FROM objects WHERE seq IN ({page}) ORDER BY seq {order}"  # noqa: S608
        else:
            sql = f"SELECT * FROM objects WHERE {where} ORDER BY seq {order} LIMIT ? OFFSET ?"  # noqa: S608
        return [_object(row) for row in self.db.execute(sql, (*args, *_page(limit, offset)))]

    def first(self, query: Filter) -> StoredObject | None:
        """The oldest matching object."""
        found = self.find(query, limit=1, oldest_first=True)
        return found[0] if found else None

    def count(self, query: Filter) -> int:
        if query == Filter(query.kind, owners=query.owners) and query.owners is not None and len(query.owners) == 1:
            # One owner's objects of a kind: kept by triggers, so a list's total does not grow with the store.
            row = self.db.execute(
                "SELECT n FROM object_counts WHERE kind = ? AND account_id = ?", (query.kind, query.owners[0])
            ).fetchone()
            return int(row[0]) if row else 0
        where, args = query.where()
        return int(self.db.execute(f"SELECT COUNT(*) FROM objects WHERE {where}", args).fetchone()[0])  # noqa: S608

    # -- scheduled jobs -----------------------------------------------------------------------
    def schedule(self, job: Job) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO schedule (kind, object_id, job, due_at) VALUES (?, ?, ?, ?)",
                (job.kind, job.object_id, job.name, job.due_at),
            )

    def unschedule(self, kind: str, object_id: str) -> None:
        """Drop every job of an object (it reached a final state)."""
        with self.transaction():
            self.db.execute("DELETE FROM schedule WHERE kind = ? AND object_id = ?", (kind, object_id))

    def due_jobs(self, now: float) -> list[Job]:
        rows = self.db.execute("SELECT * FROM schedule WHERE due_at <= ? ORDER BY due_at, rowid", (now,)).fetchall()
        return [Job(row["kind"], row["object_id"], row["job"], row["due_at"]) for row in rows]

    def take_job(self, job: Job) -> bool:
        """Remove a due job before running it; False if another round already took it."""
        with self.transaction():
            cursor = self.db.execute(
                "DELETE FROM schedule WHERE kind = ? AND object_id = ? AND job = ? AND due_at = ?",
                (job.kind, job.object_id, job.name, job.due_at),
            )
        return cursor.rowcount > 0

    def jobs(self, kind: str, object_id: str) -> list[Job]:
        rows = self.db.execute(
            "SELECT * FROM schedule WHERE kind = ? AND object_id = ? ORDER BY due_at", (kind, object_id)
        )
        return [Job(row["kind"], row["object_id"], row["job"], row["due_at"]) for row in rows]

    # -- webhook outbox -----------------------------------------------------------------------
    def add_delivery(self, delivery: Delivery, next_attempt_at: float) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO webhooks (id, account_id, event, url, body, headers, status, attempts, next_attempt_at, "
                "created_at, endpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    delivery.id,
                    delivery.account_id,
                    delivery.event,
                    delivery.url,
                    delivery.body,
                    json.dumps(delivery.headers),
                    delivery.status,
                    delivery.attempts,
                    next_attempt_at,
                    delivery.created_at,
                    delivery.endpoint,
                ),
            )

    def deliveries(self, account_id: str | None = None) -> list[Delivery]:
        if account_id is None:
            rows = self.db.execute("SELECT * FROM webhooks ORDER BY seq")
        else:
            rows = self.db.execute("SELECT * FROM webhooks WHERE account_id = ? ORDER BY seq", (account_id,))
        return [_delivery(row) for row in rows]

    def endpoint_deliveries(
        self, account_id: str, endpoint: str, limit: int, offset: int = 0
    ) -> tuple[list[Delivery], int]:
        """One page of the deliveries made to one registered endpoint, newest first, and their number."""
        rows = self.db.execute(
            "SELECT * FROM webhooks WHERE account_id = ? AND endpoint = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
            (account_id, endpoint, *_page(limit, offset)),
        )
        found = [_delivery(row) for row in rows]
        total = self.db.execute(
            "SELECT COUNT(*) FROM webhooks WHERE account_id = ? AND endpoint = ?", (account_id, endpoint)
        ).fetchone()[0]
        return found, int(total)

    def due_deliveries(self, now: float, limit: int = 50) -> list[Delivery]:
        rows = self.db.execute(
            "SELECT * FROM webhooks WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY seq LIMIT ?",
            (now, limit),
        )
        return [_delivery(row) for row in rows]

    def record_attempt(
        self,
        delivery_id: str,
        *,
        attempts: int,
        status: str,
        last_status: int | None,
        last_error: str | None,
        next_attempt_at: float,
        delivered_at: float | None,
    ) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE webhooks SET attempts = ?, status = ?, last_status = ?, last_error = ?, next_attempt_at = ?, "
                "delivered_at = ? WHERE id = ?",
                (attempts, status, last_status, last_error, next_attempt_at, delivered_at, delivery_id),
            )

    def next_delivery_due(self) -> float | None:
        row = self.db.execute("SELECT MIN(next_attempt_at) FROM webhooks WHERE status = 'pending'").fetchone()
        return None if row[0] is None else float(row[0])


def _page(limit: int, offset: int) -> tuple[int, int]:
    """SQLite binds 64-bit integers; a larger (schema-valid) offset simply means past the end."""
    return min(limit, _SQL_MAX), min(offset, _SQL_MAX)


def _account(row: sqlite3.Row) -> Account:
    data = json.loads(row["data"])
    return Account(row["id"], data.get("extra") or {}, data.get("webhook"))


def _object(row: sqlite3.Row) -> StoredObject:
    return StoredObject(
        row["kind"],
        row["id"],
        row["account_id"],
        row["status"],
        row["asset"],
        row["wallet"],
        Decimal(row["hold"]),
        json.loads(row["body"]),
        json.loads(row["private"]),
        row["seq"],
    )


def _ledger_entry(row: sqlite3.Row) -> LedgerEntry:
    return LedgerEntry(
        id=row["id"],
        account_id=row["account_id"],
        wallet=row["wallet"],
        asset=row["asset"],
        entry_type=row["entry_type"],
        amount=Decimal(row["amount"]),
        balance_after=Decimal(row["balance_after"]),
        description=row["description"],
        ref=row["ref"],
        created_at=row["created_at"],
        seq=row["seq"],
    )


def _delivery(row: sqlite3.Row) -> Delivery:
    return Delivery(
        id=row["id"],
        account_id=row["account_id"],
        event=row["event"],
        url=row["url"],
        body=bytes(row["body"]),
        headers=json.loads(row["headers"]),
        status=row["status"],
        attempts=row["attempts"],
        created_at=row["created_at"],
        last_status=row["last_status"],
        last_error=row["last_error"],
        delivered_at=row["delivered_at"],
        endpoint=row["endpoint"],
    )


def _credential(row: sqlite3.Row) -> Credential:
    data = json.loads(row["data"])
    return Credential(
        row["key_id"], row["secret"], row["account_id"], bool(row["active"]), data if isinstance(data, dict) else {}
    )
