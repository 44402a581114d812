"""The store: accounts, credentials, whitelists, balances, and the state one sandbox's processes share.

Objects and the ledger are in `objects.py`, scheduled jobs, the webhook outbox, faults and rate
windows in `work.py`; `Store` puts them together over one backend (`sqlite.py`, `postgres.py`).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...credentials import Credential
from ...money import MONEY
from .backend import Backend, Row, is_postgres
from .migrations import migrate
from .objects import ObjectsMixin
from .records import FIELD, Account, Balance, Destination, InsufficientFunds
from .sqlite import SQLiteBackend
from .work import WorkMixin

Refusal = Callable[[InsufficientFunds], Exception]
"""What a provider answers when a balance does not cover an amount (its own error, built from the shortfall)."""

# Emptied by a reset; `sandbox_state` is kept (its generation moves on) and so is `schema_version`.
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
    "faults",
    "rate_windows",
)


@dataclass(frozen=True)
class SandboxState:
    """What every process of one sandbox shares besides the data: read once per change of `generation`."""

    generation: int
    clock_offset: float
    advance: str | None  # set through the control API; None: as each process was started
    rate_limit: int | None
    faults: int  # faults waiting for requests


class Store(ObjectsMixin, WorkMixin):
    """The emulator's durable state, on SQLite (a file or `:memory:`) or PostgreSQL (`postgresql://...`).

    Every write happens inside `transaction()`, which the backend serializes with every other writer
    of the database, in this process or another; a transaction is committed before its response is
    sent, so nothing acknowledged is lost when a process dies.
    """

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._secrets: dict[str, str] = {}  # signing keys read once (see `secret`)
        self._b: Backend = _postgres(path) if is_postgres(path) else SQLiteBackend(path)
        try:
            self.schema_version = migrate(self._b)
        except BaseException:
            self._b.close()
            raise

    @property
    def shared(self) -> bool:
        """Other processes may be using this database (a file or PostgreSQL, not `:memory:`)."""
        return self._b.shared

    @property
    def location(self) -> str:
        """Where the data lives, fit to print (no password)."""
        return self._b.location

    @property
    def dialect(self) -> str:
        return self._b.dialect

    def close(self) -> None:
        self._b.close()

    def reopen(self) -> None:
        """A connection of this process's own (a forked worker must not use its parent's)."""
        self._b.reopen()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nested calls join the outer transaction."""
        with self._b.transaction():
            yield

    def reset(self) -> None:
        """Empty the store: the data, faults and rate windows; the clock back to wall time."""
        self.forget()
        with self.transaction():
            if self._b.dialect == "postgresql":
                self._b.execute(f"TRUNCATE {', '.join(TABLES)}")  # no row triggers, no row-by-row work
            else:
                for table in TABLES:
                    self._b.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self._b.execute("UPDATE sandbox_state SET generation = generation + 1, clock_offset = 0")

    def column_types(self, table: str) -> dict[str, str]:
        """Each column's declared type (what a test of the schema checks money is stored as)."""
        if self._b.dialect == "sqlite":
            rows = self._b.execute(f"PRAGMA table_info({table})")
            return {row["name"]: str(row["type"]).lower() for row in rows}
        rows = self._b.execute(
            "SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ?",
            (table,),
        )
        return {row["name"]: str(row["type"]).lower() for row in rows}

    # -- meta and counters --------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._b.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row["value"]) if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._b.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def meta_default(self, key: str, value: str) -> str:
        """The value under `key`, set to `value` first if there is none: one value however many processes ask."""
        existing = self.get_meta(key)
        if existing is not None:
            return existing
        with self.transaction():
            self._b.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", (key, value))
            return str(self.get_meta(key))

    def secret(self, key: str) -> str:
        """A random key kept under `key` (a signing key, say): made once per database, however many processes ask.

        Once read it is kept in memory: it never changes until a reset empties the store, and a reset
        moves the shared state's generation, on which every process's engine calls `forget`.
        """
        found = self._secrets.get(key)
        if found is None:
            found = self._secrets[key] = self.get_meta(key) or self.meta_default(key, secrets.token_hex(32))
        return found

    def forget(self) -> None:
        """Drop what is kept in memory (the signing keys): the next use reads the database again."""
        self._secrets.clear()

    def next_value(self, counter: str) -> int:
        """1, 2, 3... per counter name, durable and never repeated."""
        with self.transaction():
            row = self._b.execute(
                "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT) RETURNING value",
                (f"counter:{counter}",),
            ).fetchone()
            return int(row["value"])

    # -- the state one sandbox's processes share ------------------------------------------------
    def state(self) -> SandboxState:
        row = self._b.execute(
            "SELECT generation, clock_offset, advance, rate_limit, "
            "(SELECT COUNT(*) FROM faults WHERE remaining > 0) AS faults FROM sandbox_state"
        ).fetchone()
        return SandboxState(
            int(row["generation"]),
            float(row["clock_offset"]),
            row["advance"],
            None if row["rate_limit"] is None else int(row["rate_limit"]),
            int(row["faults"]),
        )

    def pulse(self) -> tuple[int, float | None]:
        """The state's generation and when the next job is due: one cheap read a process makes per request."""
        row = self._b.execute(
            "SELECT generation, (SELECT MIN(due_at) FROM schedule) AS next_due FROM sandbox_state"
        ).fetchone()
        return int(row["generation"]), None if row["next_due"] is None else float(row["next_due"])

    def advance_clock(self, seconds: float) -> float:
        """Move the shared virtual clock forward; returns its new offset from wall time."""
        with self.transaction():
            row = self._b.execute(
                "UPDATE sandbox_state SET clock_offset = clock_offset + ?, generation = generation + 1 "
                "RETURNING clock_offset",
                (seconds,),
            ).fetchone()
            return float(row["clock_offset"])

    def configure(self, *, advance: str | None = None, rate_limit: int | None = None) -> None:
        """Set what the control API configures for every process (a None leaves that setting as it is)."""
        with self.transaction():
            if advance is not None:
                self._b.execute("UPDATE sandbox_state SET advance = ?", (advance,))
            if rate_limit is not None:
                self._b.execute("UPDATE sandbox_state SET rate_limit = ?", (rate_limit,))
                self._b.execute("DELETE FROM rate_windows")
            self._bump()

    def _bump(self) -> None:
        """Tell every process that the shared state changed (they reload it on their next request)."""
        self._b.execute("UPDATE sandbox_state SET generation = generation + 1")

    # -- accounts and credentials -------------------------------------------------------------
    def put_account(self, account_id: str, extra: Mapping[str, Any], webhook: Mapping[str, Any] | None) -> None:
        data = json.dumps({"extra": dict(extra), "webhook": dict(webhook) if webhook else None})
        with self.transaction():
            self._b.execute(
                "INSERT INTO accounts (id, data, seq) VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM accounts)) "
                "ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                (account_id, data),
            )

    def account(self, account_id: str) -> Account | None:
        row = self._b.execute("SELECT id, data FROM accounts WHERE id = ?", (account_id,)).fetchone()
        return _account(row) if row else None

    def accounts(self, extra: Mapping[str, Any] | None = None) -> list[Account]:
        """Every account in the order it was seeded, or those whose `extra` has each given top-level value."""
        clauses: list[str] = ["TRUE"]
        args: list[Any] = []
        for name, value in (extra or {}).items():
            if not FIELD.fullmatch(name):
                raise ValueError(f"not a field name: {name!r}")
            clause, field_args = self._b.json_field("data", ("extra", name), (value,))
            clauses.append(clause)
            args += field_args
        sql = f"SELECT id, data FROM accounts WHERE {' AND '.join(clauses)} ORDER BY seq"  # noqa: S608
        return [_account(row) for row in self._b.execute(sql, args)]

    def put_credential(self, credential: Credential) -> None:
        with self.transaction():
            self._b.execute(
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
        row = self._b.execute("SELECT * FROM credentials WHERE key_id = ?", (key_id,)).fetchone()
        return _credential(row) if row else None

    def credentials(self, account_id: str | None = None) -> list[Credential]:
        if account_id is None:
            rows = self._b.execute("SELECT * FROM credentials ORDER BY key_id")
        else:
            rows = self._b.execute("SELECT * FROM credentials WHERE account_id = ? ORDER BY key_id", (account_id,))
        return [_credential(row) for row in rows]

    # -- whitelist ----------------------------------------------------------------------------
    def add_destination(self, account_id: str, destination: Destination) -> None:
        with self.transaction():
            self._b.execute(
                "INSERT INTO whitelist (account_id, network, address, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (account_id, network, address) DO UPDATE SET data = excluded.data",
                (account_id, destination.network, destination.address, json.dumps(destination.data)),
            )

    def destinations(self, account_id: str, network: str | None = None) -> list[Destination]:
        if network is None:
            rows = self._b.execute(
                "SELECT * FROM whitelist WHERE account_id = ? ORDER BY network, address", (account_id,)
            )
        else:
            rows = self._b.execute(
                "SELECT * FROM whitelist WHERE account_id = ? AND network = ? ORDER BY address", (account_id, network)
            )
        return [Destination(row["network"], row["address"], json.loads(row["data"])) for row in rows]

    def destination(self, account_id: str, network: str, address: str) -> Destination | None:
        row = self._b.execute(
            "SELECT * FROM whitelist WHERE account_id = ? AND network = ? AND address = ?",
            (account_id, network, address),
        ).fetchone()
        return Destination(row["network"], row["address"], json.loads(row["data"])) if row else None

    # -- balances -----------------------------------------------------------------------------
    def balance(self, account_id: str, asset: str, wallet: str = "") -> Balance:
        row = self._b.execute(
            "SELECT available, frozen FROM balances WHERE account_id = ? AND wallet = ? AND asset = ?",
            (account_id, wallet, asset),
        ).fetchone()
        return Balance(Decimal(row["available"]), Decimal(row["frozen"])) if row else Balance(Decimal(0), Decimal(0))

    def balances(self, account_id: str, wallet: str = "") -> dict[str, Balance]:
        """The balances of one wallet of the account, by asset."""
        rows = self._b.execute(
            "SELECT asset, available, frozen FROM balances WHERE account_id = ? AND wallet = ? ORDER BY asset",
            (account_id, wallet),
        )
        return {row["asset"]: Balance(Decimal(row["available"]), Decimal(row["frozen"])) for row in rows}

    def wallets(self, account_id: str) -> dict[str, dict[str, Balance]]:
        """Every balance of the account: wallet -> asset -> balance."""
        found: dict[str, dict[str, Balance]] = {}
        rows = self._b.execute(
            "SELECT wallet, asset, available, frozen FROM balances WHERE account_id = ? ORDER BY wallet, asset",
            (account_id,),
        )
        for row in rows:
            found.setdefault(row["wallet"], {})[row["asset"]] = Balance(
                Decimal(row["available"]), Decimal(row["frozen"])
            )
        return found

    def _covering(self, account_id: str, asset: str, amount: Decimal, wallet: str, refusal: Refusal | None) -> Balance:
        """The balance, when what is available covers `amount`; else the provider's refusal or InsufficientFunds."""
        current = self.balance(account_id, asset, wallet)
        if amount > current.available:
            shortfall = InsufficientFunds(asset, current.available, amount)
            raise shortfall if refusal is None else refusal(shortfall)
        return current

    def _write_balance(self, account_id: str, asset: str, wallet: str, balance: Balance) -> None:
        self._b.execute(
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

    def freeze(
        self, account_id: str, asset: str, amount: Decimal, wallet: str = "", *, refusal: Refusal | None = None
    ) -> Balance:
        """Move `amount` from available to frozen, or raise `refusal`'s error (else InsufficientFunds)."""
        with self.transaction():
            current = self._covering(account_id, asset, amount, wallet, refusal)
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

    def debit(
        self, account_id: str, asset: str, amount: Decimal, wallet: str = "", *, refusal: Refusal | None = None
    ) -> Balance:
        """Take `amount` out of available for good in one step (a payout that settles at once), as `freeze` refuses."""
        with self.transaction():
            current = self._covering(account_id, asset, amount, wallet, refusal)
            updated = Balance(MONEY.subtract(current.available, amount), current.frozen)
            self._write_balance(account_id, asset, wallet, updated)
            return updated

    def credit(self, account_id: str, asset: str, amount: Decimal, wallet: str = "") -> Balance:
        with self.transaction():
            current = self.balance(account_id, asset, wallet)
            updated = Balance(MONEY.add(current.available, amount), current.frozen)
            self._write_balance(account_id, asset, wallet, updated)
            return updated

    def transfer(
        self, account_id: str, asset: str, amount: Decimal, source: str, target: str, *, refusal: Refusal | None = None
    ) -> None:
        """Move available funds between two wallets of one account, as `freeze` refuses."""
        with self.transaction():
            self.debit(account_id, asset, amount, source, refusal=refusal)
            self.credit(account_id, asset, amount, target)


def _postgres(dsn: str) -> Backend:
    from .postgres import PostgresBackend  # psycopg is loaded only for a store that needs it

    return PostgresBackend(dsn)


def _account(row: Row) -> Account:
    data = json.loads(row["data"])
    return Account(row["id"], data.get("extra") or {}, data.get("webhook"))


def _credential(row: Row) -> Credential:
    data = json.loads(row["data"])
    return Credential(
        row["key_id"], row["secret"], row["account_id"], bool(row["active"]), data if isinstance(data, dict) else {}
    )
