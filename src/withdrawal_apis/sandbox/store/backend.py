"""What the store needs from a database: statements, transactions, and the few places where dialects differ.

Statements are written once, with `?` placeholders, in the SQL that SQLite and PostgreSQL share
(`INSERT ... ON CONFLICT`, `RETURNING`, window functions, `UPDATE ... FROM`). A backend runs them on
its connection, opens transactions the way its database serializes writers, and supplies the few
expressions that differ (reading a JSON field). Rows are read by column name on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def masked(dsn: str) -> str:
    """The address without its password, for messages and banners."""
    parts = urlsplit(dsn)
    query = "&".join(
        f"{name}=***" if name == "password" else f"{name}{sep}{value}"
        for name, sep, value in (item.partition("=") for item in parts.query.split("&") if item)
    )
    parts = parts._replace(query=query)
    if parts.password is not None:
        host = parts.hostname or ""
        parts = parts._replace(netloc=f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else ""))
    return urlunsplit(parts)


class StoreError(Exception):
    """The store could not be opened (a path, an address, a schema newer than this version knows)."""


class StoreUnavailable(StoreError):
    """The database cannot be reached right now (a restart, a network cut); the request may be retried."""


Row = Mapping[str, Any]


class Cursor(Protocol):
    """The part of a DB-API cursor the store uses (sqlite3's and psycopg's both fit)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Backend(Protocol):
    dialect: str  # "sqlite" or "postgresql"
    shared: bool  # other processes may use the same database
    location: str  # where the data lives, without any password

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def transaction(self) -> AbstractContextManager[None]:
        """One atomic unit of work, serialized with every other writer of the database; nested calls join."""
        ...

    def json_field(self, column: str, path: tuple[str, ...], values: tuple[Any, ...]) -> tuple[str, list[Any]]: ...

    def close(self) -> None: ...

    def reopen(self) -> None:
        """A fresh connection to the same database (in a forked worker: a connection is never shared)."""
        ...
