"""PostgreSQL, for a shared sandbox: several emulator processes, on any machines, on one database.

Each process serves its requests one at a time on its event loop, so it holds one connection (from a
psycopg pool of one, which replaces a broken connection in the background and checks a new one before
handing it out). Reads outside a transaction run in autocommit, each seeing everything committed.

Every write transaction first takes the sandbox's write lock, a transaction-scoped advisory lock, so
writers are serialized across processes exactly as SQLite's `BEGIN IMMEDIATE` serializes them: a
provider's check-then-act rules (a balance check and its debit, an idempotency key and the insert it
guards, a job taken once) hold across processes without each rule knowing about them, and no two
writers can deadlock. Reads, which are most requests, do not take it. The lock is released by the
commit, or by PostgreSQL when a process dies mid-transaction.

When the database cannot be reached (a restart, a network cut) the current statement raises
`StoreUnavailable`, the connection is handed back to the pool to be replaced, and later statements
wait at most `wait` seconds for a new one, so the emulator answers 503 quickly until it is back.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from .backend import Cursor, StoreError, StoreUnavailable, masked

WRITE_LOCK = (0x5741, 1)  # (class, object) of the advisory lock every write transaction takes
LOCK_TIMEOUT_MS = 10_000  # a writer stalled longer than this makes the others answer 503, not hang
_LOST = (psycopg.OperationalError, psycopg.InterfaceError)


class PostgresBackend:
    dialect = "postgresql"
    shared = True

    def __init__(self, dsn: str, *, wait: float = 0.5) -> None:
        self.dsn = dsn
        self.location = masked(dsn)
        self.wait = wait
        self._lock = threading.RLock()
        self._depth = 0
        self._sql: dict[str, str] = {}
        self._held: psycopg.Connection[Any] | None = None
        self._pool = self._open()

    def _open(self) -> ConnectionPool[psycopg.Connection[Any]]:
        try:  # one direct attempt first: its error says why (refused, unknown database, authentication)
            psycopg.connect(self.dsn, connect_timeout=10).close()
        except psycopg.Error as error:
            raise StoreError(_first_line(error)) from None
        pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            self.dsn,
            min_size=1,
            max_size=1,
            open=False,
            kwargs={
                "autocommit": True,
                "row_factory": dict_row,
                "connect_timeout": 5,
                "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}",
            },
            check=ConnectionPool.check_connection,
            reconnect_timeout=24 * 3600.0,  # keep trying: the database may come back after a long outage
            name="withdrawal-apis-sandbox",
        )
        try:
            pool.open(wait=True, timeout=10)
        except PoolTimeout:
            pool.close()
            raise StoreError("could not connect within 10 s") from None
        return pool

    # -- connection ---------------------------------------------------------------------------
    def _connection(self) -> psycopg.Connection[Any]:
        if self._held is None:
            try:
                self._held = self._pool.getconn(timeout=self.wait)
            except PoolTimeout:
                raise StoreUnavailable("the database is unavailable") from None
        return self._held

    def _lost(self) -> StoreUnavailable:
        """Hand the broken connection back (the pool replaces it); the error to raise."""
        held, self._held, self._depth = self._held, None, 0
        if held is not None:
            try:
                self._pool.putconn(held)
            except Exception:
                held.close()
        return StoreUnavailable("the database connection was lost")

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor:
        with self._lock:
            connection = self._connection()
            try:
                return connection.execute(self._translate(sql), args)
            except _LOST:
                raise self._lost() from None
            except psycopg.DataError:
                # psycopg refuses, before sending it, text with a NUL character: PostgreSQL cannot hold
                # one. No stored text can then equal it, so a read compares NULL instead (nothing
                # matches, as in SQLite); a write of such text is refused.
                if not sql.lstrip().upper().startswith("SELECT") or not any(_has_nul(a) for a in args):
                    raise
                return connection.execute(self._translate(sql), [None if _has_nul(a) else a for a in args])

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._lock:
            connection = self._connection()
            try:
                with connection.cursor() as cursor:
                    cursor.executemany(self._translate(sql), rows)
            except _LOST:
                raise self._lost() from None

    def _translate(self, sql: str) -> str:
        found = self._sql.get(sql)
        if found is None:
            found = self._sql[sql] = sql.replace("%", "%%").replace("?", "%s")
        return found

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth = max(0, self._depth - 1)
                return
            connection = self._connection()
            try:
                # One round trip: the transaction and the write lock.
                connection.execute(f"BEGIN; SELECT pg_advisory_xact_lock{WRITE_LOCK}")
            except _LOST:
                raise self._lost() from None
            self._depth = 1
            try:
                yield
            except StoreUnavailable:
                raise  # the connection is gone, and its transaction with it
            except BaseException:
                self._end("ROLLBACK")
                raise
            self._end("COMMIT")

    def _end(self, statement: str) -> None:
        self._depth = 0
        held = self._held
        if held is None:
            return
        try:
            held.execute(statement)
        except _LOST:
            raise self._lost() from None

    def json_field(self, column: str, path: tuple[str, ...], values: tuple[Any, ...]) -> tuple[str, list[Any]]:
        # The column holds the JSON text as written (key order kept); jsonb compares values as JSON does.
        texts = [json.dumps(value) for value in values]
        if len(values) == 1:
            return f"({column}::jsonb #> ?) = ?::jsonb", [list(path), texts[0]]
        listed = ", ".join("?::jsonb" for _ in values)
        return f"({column}::jsonb #> ?) IN ({listed})", [list(path), *texts]

    def close(self) -> None:
        if self._held is not None:
            self._pool.putconn(self._held)
            self._held = None
        self._pool.close()

    def reopen(self) -> None:
        """A new pool in this process (after a fork the parent's pool threads do not exist here)."""
        self._held, self._depth = None, 0
        self._pool = self._open()


def create_database(server: str, name: str) -> str:
    """Make an empty database `name` on `server` (an address whose user may create databases); its address."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a database name: {name!r}")
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_bytes(dsn: str) -> int:
    """How much disk the database takes."""
    with psycopg.connect(dsn) as connection:
        row = connection.execute("SELECT pg_database_size(current_database()) AS size").fetchone()
    return int(row[0]) if row else 0


def _has_nul(value: Any) -> bool:
    return isinstance(value, str) and "\x00" in value


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
