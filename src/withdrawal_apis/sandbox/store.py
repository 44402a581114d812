"""The emulator's durable state: SQLite (a file or `:memory:`), WAL, one transaction per request.

Money is stored as decimal TEXT and only ever handled as `Decimal`. Requests are served one at a
time on the event loop, and every write happens inside `transaction()` (`BEGIN IMMEDIATE`), so a
balance check and the debit that follows it can never interleave with another request's, even if a
second process opens the same file. A transaction is committed before its response is sent; with
WAL the commit is in the file when the response leaves, so a SIGKILL cannot lose an acknowledged
write.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Context, Decimal, Inexact
from typing import Any

from ..credentials import Credential

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, data TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS credentials (
    key_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, secret TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1, data TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS balances (
    account_id TEXT NOT NULL, asset TEXT NOT NULL, available TEXT NOT NULL, frozen TEXT NOT NULL,
    PRIMARY KEY (account_id, asset));
CREATE TABLE IF NOT EXISTS whitelist (
    account_id TEXT NOT NULL, network TEXT NOT NULL, address TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (account_id, network, address));
CREATE TABLE IF NOT EXISTS objects (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL, account_id TEXT NOT NULL,
    status TEXT NOT NULL, asset TEXT NOT NULL DEFAULT '', hold TEXT NOT NULL DEFAULT '0', idem_key TEXT,
    body TEXT NOT NULL, UNIQUE (kind, id));
CREATE INDEX IF NOT EXISTS objects_by_owner ON objects (kind, account_id, seq DESC);
CREATE UNIQUE INDEX IF NOT EXISTS objects_by_idem ON objects (kind, account_id, idem_key) WHERE idem_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS ledger (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, asset TEXT NOT NULL,
    entry_type TEXT NOT NULL, amount TEXT NOT NULL, balance_after TEXT NOT NULL, description TEXT NOT NULL,
    ref TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_by_owner ON ledger (account_id, seq DESC);
CREATE TABLE IF NOT EXISTS schedule (
    kind TEXT NOT NULL, object_id TEXT NOT NULL, transition TEXT NOT NULL, due_at REAL NOT NULL,
    PRIMARY KEY (kind, object_id, transition));
CREATE INDEX IF NOT EXISTS schedule_by_due ON schedule (due_at);
CREATE TABLE IF NOT EXISTS webhooks (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, event TEXT NOT NULL,
    url TEXT NOT NULL, body BLOB NOT NULL, headers TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    next_attempt_at REAL NOT NULL, created_at REAL NOT NULL, last_status INTEGER, last_error TEXT,
    delivered_at REAL);
"""
TABLES = ("meta", "accounts", "credentials", "balances", "whitelist", "objects", "ledger", "schedule", "webhooks")


# Balances of 18-decimal assets outgrow the default 28 significant digits; this context is wide
# enough for any amount a chain can hold, and it raises rather than round if that is ever wrong.
MONEY = Context(prec=96, traps=[Inexact])


_SQL_MAX = 2**63 - 1


def _page(limit: int, offset: int) -> tuple[int, int]:
    """SQLite binds 64-bit integers; a larger (schema-valid) offset simply means past the end."""
    return min(limit, _SQL_MAX), min(offset, _SQL_MAX)


class InsufficientFunds(Exception):
    def __init__(self, asset: str, available: Decimal, needed: Decimal) -> None:
        super().__init__(f"insufficient {asset}: {available} available, {needed} needed")
        self.asset, self.available, self.needed = asset, available, needed


@dataclass(frozen=True)
class Balance:
    available: Decimal
    frozen: Decimal


@dataclass(frozen=True)
class StoredObject:
    kind: str
    id: str
    account_id: str
    status: str
    asset: str
    hold: Decimal
    body: dict[str, Any]
    seq: int


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

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self.db.in_transaction:  # nested: join the outer transaction
                yield self.db
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def reset(self) -> None:
        with self.transaction() as db:
            for table in TABLES:
                db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names

    # -- meta ---------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row["value"]) if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- accounts and credentials -------------------------------------------------------------
    def put_account(self, account_id: str, data: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO accounts (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                (account_id, json.dumps(data)),
            )

    def account(self, account_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM accounts WHERE id = ?", (account_id,)).fetchone()
        return json.loads(row["data"]) if row else None

    def account_ids(self) -> list[str]:
        return [row["id"] for row in self.db.execute("SELECT id FROM accounts ORDER BY id")]

    def put_credential(self, key_id: str, account_id: str, secret: str, active: bool, data: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO credentials (key_id, account_id, secret, active, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (key_id) DO UPDATE SET account_id = excluded.account_id, secret = excluded.secret, "
                "active = excluded.active, data = excluded.data",
                (key_id, account_id, secret, int(active), json.dumps(data)),
            )

    def credential(self, key_id: str) -> Credential | None:
        row = self.db.execute("SELECT * FROM credentials WHERE key_id = ?", (key_id,)).fetchone()
        return _credential(row) if row else None

    def credentials(self) -> list[Credential]:
        return [_credential(row) for row in self.db.execute("SELECT * FROM credentials ORDER BY key_id")]

    # -- whitelist ----------------------------------------------------------------------------
    def add_whitelisted(self, account_id: str, network: str, address: str, data: dict[str, Any] | None = None) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO whitelist (account_id, network, address, data) VALUES (?, ?, ?, ?)",
                (account_id, network, address, json.dumps(data or {})),
            )

    def whitelisted(self, account_id: str, network: str, address: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT data FROM whitelist WHERE account_id = ? AND network = ? AND address = ?",
            (account_id, network, address),
        ).fetchone()
        return json.loads(row["data"]) if row else None

    def whitelist(self, account_id: str) -> list[sqlite3.Row]:
        return list(
            self.db.execute("SELECT * FROM whitelist WHERE account_id = ? ORDER BY network, address", (account_id,))
        )

    # -- balances -----------------------------------------------------------------------------
    def balance(self, account_id: str, asset: str) -> Balance:
        row = self.db.execute(
            "SELECT available, frozen FROM balances WHERE account_id = ? AND asset = ?", (account_id, asset)
        ).fetchone()
        return Balance(Decimal(row["available"]), Decimal(row["frozen"])) if row else Balance(Decimal(0), Decimal(0))

    def balances(self, account_id: str) -> dict[str, Balance]:
        rows = self.db.execute(
            "SELECT asset, available, frozen FROM balances WHERE account_id = ? ORDER BY asset", (account_id,)
        )
        return {row["asset"]: Balance(Decimal(row["available"]), Decimal(row["frozen"])) for row in rows}

    def _write_balance(self, account_id: str, asset: str, balance: Balance) -> None:
        self.db.execute(
            "INSERT INTO balances (account_id, asset, available, frozen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (account_id, asset) DO UPDATE SET available = excluded.available, frozen = excluded.frozen",
            (account_id, asset, str(balance.available), str(balance.frozen)),
        )

    def set_balance(self, account_id: str, asset: str, available: Decimal, frozen: Decimal = Decimal(0)) -> None:
        with self.transaction():
            self._write_balance(account_id, asset, Balance(available, frozen))

    def freeze(self, account_id: str, asset: str, amount: Decimal) -> Balance:
        """Move `amount` from available to frozen, or raise InsufficientFunds."""
        with self.transaction():
            current = self.balance(account_id, asset)
            if amount > current.available:
                raise InsufficientFunds(asset, current.available, amount)
            updated = Balance(MONEY.subtract(current.available, amount), MONEY.add(current.frozen, amount))
            self._write_balance(account_id, asset, updated)
            return updated

    def release(self, account_id: str, asset: str, amount: Decimal) -> Balance:
        """Return frozen funds to available (a withdrawal that will not happen)."""
        with self.transaction():
            current = self.balance(account_id, asset)
            updated = Balance(MONEY.add(current.available, amount), MONEY.subtract(current.frozen, amount))
            self._write_balance(account_id, asset, updated)
            return updated

    def settle(self, account_id: str, asset: str, amount: Decimal) -> Balance:
        """Remove frozen funds for good (a withdrawal that left)."""
        with self.transaction():
            current = self.balance(account_id, asset)
            updated = Balance(current.available, MONEY.subtract(current.frozen, amount))
            self._write_balance(account_id, asset, updated)
            return updated

    def debit(self, account_id: str, asset: str, amount: Decimal) -> Balance:
        """Take `amount` out of available for good in one step (a payout that settles at once)."""
        with self.transaction():
            current = self.balance(account_id, asset)
            if amount > current.available:
                raise InsufficientFunds(asset, current.available, amount)
            updated = Balance(MONEY.subtract(current.available, amount), current.frozen)
            self._write_balance(account_id, asset, updated)
            return updated

    def credit(self, account_id: str, asset: str, amount: Decimal) -> Balance:
        with self.transaction():
            current = self.balance(account_id, asset)
            updated = Balance(MONEY.add(current.available, amount), current.frozen)
            self._write_balance(account_id, asset, updated)
            return updated

    # -- ledger -------------------------------------------------------------------------------
    def add_ledger_entry(self, entry: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO ledger (id, account_id, asset, entry_type, amount, balance_after, description, ref, "
                "created_at) VALUES (:id, :account_id, :asset, :entry_type, :amount, :balance_after, :description, "
                ":ref, :created_at)",
                entry,
            )

    def ledger_page(self, account_id: str, limit: int, offset: int) -> tuple[list[sqlite3.Row], int]:
        rows = list(
            self.db.execute(
                "SELECT * FROM ledger WHERE account_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
                (account_id, limit, offset),
            )
        )
        total = self.db.execute("SELECT COUNT(*) FROM ledger WHERE account_id = ?", (account_id,)).fetchone()[0]
        return rows, int(total)

    # -- provider objects (withdrawals, intents, requests) ------------------------------------
    def insert_object(
        self,
        kind: str,
        obj_id: str,
        account_id: str,
        status: str,
        body: dict[str, Any],
        *,
        asset: str = "",
        hold: Decimal = Decimal(0),
        idem_key: str | None = None,
    ) -> StoredObject:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO objects (kind, id, account_id, status, asset, hold, idem_key, body) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (kind, obj_id, account_id, status, asset, str(hold), idem_key, json.dumps(body)),
            )
            return StoredObject(kind, obj_id, account_id, status, asset, hold, body, int(cursor.lastrowid or 0))

    def update_object(self, obj: StoredObject, status: str, body: dict[str, Any]) -> StoredObject:
        with self.transaction() as db:
            db.execute(
                "UPDATE objects SET status = ?, body = ? WHERE kind = ? AND id = ?",
                (status, json.dumps(body), obj.kind, obj.id),
            )
        return StoredObject(obj.kind, obj.id, obj.account_id, status, obj.asset, obj.hold, body, obj.seq)

    def get_object(self, kind: str, obj_id: str) -> StoredObject | None:
        row = self.db.execute("SELECT * FROM objects WHERE kind = ? AND id = ?", (kind, obj_id)).fetchone()
        return _object(row) if row else None

    def object_by_idem_key(self, kind: str, account_id: str, idem_key: str) -> StoredObject | None:
        row = self.db.execute(
            "SELECT * FROM objects WHERE kind = ? AND account_id = ? AND idem_key = ?", (kind, account_id, idem_key)
        ).fetchone()
        return _object(row) if row else None

    def objects_page(
        self,
        kind: str,
        account_id: str,
        limit: int,
        offset: int = 0,
        before_seq: int | None = None,
        where: str = "",
        args: tuple[Any, ...] = (),
    ) -> tuple[list[StoredObject], int]:
        """Newest first; `before_seq` gives keyset paging that stays stable while new objects arrive."""
        clause = "kind = ? AND account_id = ?" + (f" AND {where}" if where else "")
        base: tuple[Any, ...] = (kind, account_id, *args)
        # `clause` is assembled from fixed text only; every value goes through a placeholder.
        count_sql = f"SELECT COUNT(*) FROM objects WHERE {clause}"  # noqa: S608
        total = int(self.db.execute(count_sql, base).fetchone()[0])
        if before_seq is not None:
            clause += " AND seq < ?"
            base = (*base, before_seq)
        page_sql = f"SELECT * FROM objects WHERE {clause} ORDER BY seq DESC LIMIT ? OFFSET ?"  # noqa: S608
        rows = self.db.execute(page_sql, (*base, *_page(limit, offset)))
        return [_object(row) for row in rows], total


def _object(row: sqlite3.Row) -> StoredObject:
    return StoredObject(
        row["kind"],
        row["id"],
        row["account_id"],
        row["status"],
        row["asset"],
        Decimal(row["hold"]),
        json.loads(row["body"]),
        row["seq"],
    )


def _credential(row: sqlite3.Row) -> Credential:
    data = json.loads(row["data"])
    return Credential(
        row["key_id"], row["secret"], row["account_id"], bool(row["active"]), data if isinstance(data, dict) else {}
    )
