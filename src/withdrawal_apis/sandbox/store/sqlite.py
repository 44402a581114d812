"""SQLite, the embedded default: a file (shared by every process that opens it) or `:memory:`.

WAL, and `BEGIN IMMEDIATE` for every write transaction: SQLite's one writer at a time holds across
processes, so a balance check and the debit that follows it never interleave with another writer's.
With WAL a commit is in the file when it returns, so a SIGKILL cannot lose an acknowledged write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .backend import Cursor, StoreError


class SQLiteBackend:
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.path = self.location = path
        self.shared = path != ":memory:"
        self._lock = threading.RLock()
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            if self.shared:
                db.execute("PRAGMA journal_mode=WAL")
                # NORMAL is durable against a killed process (the WAL is written before COMMIT returns);
                # only an OS crash or power loss could drop the last transactions.
                db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as error:
            raise StoreError(str(error)) from None
        return db

    @property
    def in_transaction(self) -> bool:
        return self._db.in_transaction

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor:
        return self._db.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._db.in_transaction:
                yield
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def json_field(self, column: str, path: tuple[str, ...], values: tuple[Any, ...]) -> tuple[str, list[Any]]:
        pointer = "$" + "".join(f'."{key}"' for key in path)
        if len(values) == 1:
            return f"json_extract({column}, ?) = ?", [pointer, values[0]]
        return f"json_extract({column}, ?) IN ({', '.join('?' for _ in values)})", [pointer, *values]

    def close(self) -> None:
        self._db.close()

    def reopen(self) -> None:
        self._db = self._connect()
