"""Objects (withdrawals, intents, requests...) and the ledger: inserted once, listed newest first.

Each object and ledger entry gets a dense position among its owner's (1, 2, 3... in insertion order,
the same order as `seq`), kept on insert. Neither is ever deleted one by one (only a reset empties
the store), so the positions stay dense, and an offset page of one owner's list is a seek on
(owner, position) that costs the same at any depth: the page at offset `o`, newest first, is the
entries at positions `last - o` and below.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from itertools import chain
from typing import Any

from ...money import json_number
from .backend import Backend, Row
from .records import SQL_MAX, Filter, LedgerEntry, LedgerFilter, StoredObject

_OBJECT_COLUMNS = "kind, id, account_id, status, asset, wallet, hold, idem_key, body, private, pos"
_NEXT_OBJECT_POSITION = "(SELECT COALESCE(MAX(pos), 0) + 1 FROM objects WHERE kind = ? AND account_id = ?)"


# An owner's count (+ 1) less the position of its first object at or after `middle`: the first row at or
# after (kind, owner, middle) in the owners' index, if it is still that owner's. PostgreSQL walks that
# index only for a row comparison; SQLite bounds a row comparison by its first two columns alone (a scan
# of the owner's rows), and walks the index for plain equalities and a range on `seq`.
_FIRST_AT_OR_AFTER = {
    "postgresql": "{next} - COALESCE((SELECT CASE WHEN o.kind = ? AND o.account_id = ? THEN o.pos END "
    "FROM objects AS o WHERE (o.kind, o.account_id, o.seq) >= (?, ?, {middle}) "
    "ORDER BY o.kind, o.account_id, o.seq LIMIT 1), {next})",
    "sqlite": "{next} - COALESCE((SELECT CASE WHEN o.kind = ? AND o.account_id = ? THEN o.pos END "
    "FROM objects AS o WHERE o.kind = ? AND o.account_id = ? AND o.seq >= {middle} ORDER BY o.seq LIMIT 1), {next})",
}
# Each owner's newest `limit` objects at or below a sequence number, by the same index and for the same reason.
_OWNER_PAGE = {
    "postgresql": "SELECT * FROM (SELECT * FROM objects WHERE (kind, account_id, seq) <= (?, ?, ?) "
    "ORDER BY kind DESC, account_id DESC, seq DESC LIMIT ?) AS page WHERE kind = ? AND account_id = ?",
    "sqlite": "SELECT * FROM (SELECT * FROM objects WHERE kind = ? AND account_id = ? AND seq <= ? "
    "ORDER BY seq DESC LIMIT ?) AS page WHERE kind = ? AND account_id = ?",
}


class ObjectsMixin:
    _b: Backend

    # -- ledger -------------------------------------------------------------------------------
    def add_ledger_entry(self, entry: LedgerEntry) -> int:
        """Append an entry; returns its sequence number."""
        with self._b.transaction():
            row = self._b.execute(
                "INSERT INTO ledger (id, account_id, wallet, asset, entry_type, amount, balance_after, description, "
                "ref, created_at, pos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "(SELECT COALESCE(MAX(pos), 0) + 1 FROM ledger WHERE account_id = ?)) RETURNING seq",
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
                    entry.account_id,
                ),
            ).fetchone()
        return int(row["seq"])

    def ledger(self, account_id: str, limit: int, offset: int = 0) -> tuple[list[LedgerEntry], int]:
        """One page of the account's ledger, newest first, and the number of entries in all."""
        total_row = self._b.execute(
            "SELECT COALESCE(MAX(pos), 0) AS n FROM ledger WHERE account_id = ?", (account_id,)
        ).fetchone()
        total = int(total_row["n"])
        top = total - min(offset, SQL_MAX)
        if top <= 0:
            return [], total
        rows = self._b.execute(
            "SELECT * FROM ledger WHERE account_id = ? AND pos <= ? ORDER BY pos DESC LIMIT ?",
            (account_id, top, min(limit, SQL_MAX)),
        )
        return [_ledger_entry(row) for row in rows], total

    def find_ledger(self, query: LedgerFilter, *, limit: int, oldest_first: bool = False) -> list[LedgerEntry]:
        """At most `limit` matching entries, newest first unless `oldest_first`."""
        where, args = query.where()
        order = "ASC" if oldest_first else "DESC"
        # `where` is assembled from fixed text; every value goes through a placeholder.
        sql = f"SELECT * FROM ledger WHERE {where} ORDER BY seq {order} LIMIT ?"  # noqa: S608
        return [_ledger_entry(row) for row in self._b.execute(sql, (*args, min(limit, SQL_MAX)))]

    # -- objects ------------------------------------------------------------------------------
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
        with self._b.transaction():
            row = self._b.execute(
                f"INSERT INTO objects ({_OBJECT_COLUMNS}) "  # noqa: S608 - fixed text; values are placeholders
                f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {_NEXT_OBJECT_POSITION}) RETURNING seq",
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
                    kind,
                    account_id,
                ),
            ).fetchone()
        return StoredObject(kind, obj_id, account_id, status, asset, wallet, hold, body, private, int(row["seq"]))

    def copy_object(self, template: StoredObject, copies: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Insert copies of a stored object in bulk (one transaction); returns how many.

        Each copy has its own id and public body; owner, status, asset, wallet, hold and private data
        are the template's, and where the template has an idempotency key each copy's is that key with
        `:{id}` appended. This fills a store fast (the scale benchmark), through the same schema.
        """
        if self._b.dialect == "postgresql":
            return self._copy_in_batches(template, copies)
        made = 0

        def rows() -> Iterable[tuple[Any, ...]]:
            nonlocal made
            for obj_id, body in copies:
                made += 1
                yield (obj_id, obj_id, json.dumps(body), template.kind, template.id)

        with self._b.transaction():
            self._b.executemany(
                f"INSERT INTO objects ({_OBJECT_COLUMNS}) "  # noqa: S608 - fixed text; values are placeholders
                "SELECT kind, ?, account_id, status, asset, wallet, hold, idem_key || ':' || ?, ?, private, "
                "(SELECT MAX(pos) + 1 FROM objects AS o WHERE o.kind = t.kind AND o.account_id = t.account_id) "
                "FROM objects AS t WHERE kind = ? AND id = ?",
                rows(),
            )
        return made

    def _copy_in_batches(self, template: StoredObject, copies: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """PostgreSQL: thousands of copies per statement (a round trip per row would take an hour for 1 M)."""
        made = 0
        batch: list[tuple[str, str]] = []
        with self._b.transaction():
            for copy in chain(copies, [None]):  # None: the end, flush what is left
                if copy is not None:
                    batch.append((copy[0], json.dumps(copy[1])))
                if batch and (copy is None or len(batch) >= 5000):
                    self._b.execute(
                        f"INSERT INTO objects ({_OBJECT_COLUMNS}) "  # noqa: S608 - fixed text
                        "SELECT t.kind, c.id, t.account_id, t.status, t.asset, t.wallet, t.hold, "
                        "t.idem_key || ':' || c.id, c.body, t.private, top.pos + c.n "
                        "FROM objects AS t, unnest(?::text[], ?::text[]) WITH ORDINALITY AS c (id, body, n), "
                        "(SELECT MAX(pos) AS pos FROM objects WHERE kind = ? AND account_id = ?) AS top "
                        "WHERE t.kind = ? AND t.id = ?",
                        (
                            [i for i, _ in batch],
                            [b for _, b in batch],
                            template.kind,
                            template.account_id,
                            template.kind,
                            template.id,
                        ),
                    )
                    made += len(batch)
                    batch = []
            self._b.execute("ANALYZE objects")  # the planner should know the table grew, as autovacuum would tell it
        return made

    def update_object(
        self, obj: StoredObject, status: str, body: dict[str, Any], private: dict[str, Any] | None = None
    ) -> StoredObject:
        private = obj.private if private is None else private
        with self._b.transaction():
            self._b.execute(
                "UPDATE objects SET status = ?, body = ?, private = ? WHERE kind = ? AND id = ?",
                (status, json.dumps(body), json.dumps(private), obj.kind, obj.id),
            )
        return StoredObject(
            obj.kind, obj.id, obj.account_id, status, obj.asset, obj.wallet, obj.hold, body, private, obj.seq
        )

    def get_object(self, kind: str, obj_id: str) -> StoredObject | None:
        row = self._b.execute("SELECT * FROM objects WHERE kind = ? AND id = ?", (kind, obj_id)).fetchone()
        return _object(row) if row else None

    def object_by_idem_key(self, kind: str, account_id: str, idem_key: str) -> StoredObject | None:
        row = self._b.execute(
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
        limit, offset = min(limit, SQL_MAX), min(offset, SQL_MAX)
        if before_seq is None and query.one_owner:
            return self._seek(query, limit, offset, oldest_first)
        if before_seq is None and not oldest_first and query.few_owners:
            return self._seek_owners(query, limit, offset)
        where, args = query.where(self._b.json_field)
        if before_seq is not None:
            where += " AND seq < ?"
            args.append(before_seq)
        order = "ASC" if oldest_first else "DESC"
        # `where` is assembled from fixed text; every value goes through a placeholder.
        if offset:
            # Skipped rows cost an index step each, not a row read: the page's sequence numbers come
            # from the index alone, and only the page's rows are read.
            page = f"SELECT seq FROM objects WHERE {where} ORDER BY seq {order} LIMIT ? OFFSET ?"  # noqa: S608
            sql = f"SELECT * FROM objects WHERE seq IN ({page}) ORDER BY seq {order}"  # noqa: S608
        else:
            sql = f"SELECT * FROM objects WHERE {where} ORDER BY seq {order} LIMIT ? OFFSET ?"  # noqa: S608
        return [_object(row) for row in self._b.execute(sql, (*args, limit, offset))]

    def _seek(self, query: Filter, limit: int, offset: int, oldest_first: bool) -> list[StoredObject]:
        """One owner's page by position: a seek on (kind, owner, position), as cheap deep as first."""
        assert query.owners is not None
        owner = (query.kind, query.owners[0])
        if oldest_first:
            sql = "SELECT * FROM objects WHERE kind = ? AND account_id = ? AND pos > ? ORDER BY pos LIMIT ?"
            args: tuple[Any, ...] = (*owner, offset, limit)
        else:
            sql = (
                "SELECT * FROM objects WHERE kind = ? AND account_id = ? AND pos <= "
                "(SELECT COALESCE(MAX(pos), 0) FROM objects WHERE kind = ? AND account_id = ?) - ? "
                "ORDER BY pos DESC LIMIT ?"
            )
            args = (*owner, *owner, offset, limit)
        return [_object(row) for row in self._b.execute(sql, args)]

    def _seek_owners(self, query: Filter, limit: int, offset: int) -> list[StoredObject]:
        """A page of several owners' objects, newest first, by seeks: no step over the skipped ones (and
        no sort of every object the owners have, which a plain query of several owners would do).

        The page starts at the newest object of sequence number `t` or below, where `t` is the highest
        sequence number with more than `offset` objects at or above it. How many objects an owner has at
        or above a sequence number is its count less the position of its first object there (a seek),
        so `t` is found by a binary search over sequence numbers inside the database (one statement,
        some 40 seeks per owner at a million rows); the page is then each owner's newest `limit` objects
        at or below `t`, merged. Both walk the owners' index: on PostgreSQL by row comparisons, the one
        plan there is for them (a plain `account_id = ? AND seq >= ?` lets PostgreSQL's generic plan walk
        `seq` instead, guessing each owner has an equal share of the objects, which for a small one is a
        scan); on SQLite by equalities and a range, since SQLite bounds a row comparison by its first two
        columns only.
        """
        assert query.owners is not None
        kind = query.kind
        counts = {
            row["account_id"]: int(row["n"])
            for row in self._b.execute(
                f"SELECT account_id, n FROM object_counts WHERE kind = ? AND n > 0 "  # noqa: S608 - placeholders
                f"AND account_id IN ({', '.join('?' for _ in query.owners)})",
                (kind, *query.owners),
            )
        }
        if offset >= sum(counts.values()):
            return []
        top = SQL_MAX if offset <= 0 else self._owners_threshold(kind, counts, offset)
        # Each owner's newest `limit` at or below `top`, walked down the owners' index (with a row
        # comparison, rows of the next owner down may follow when an owner has fewer; the outer filter drops them).
        pages = " UNION ALL ".join(_OWNER_PAGE[self._b.dialect] for _ in counts)
        sql = f"SELECT * FROM ({pages}) AS pages ORDER BY seq DESC LIMIT ?"  # noqa: S608 - fixed text
        args = [value for owner in counts for value in (kind, owner, top, limit, kind, owner)] + [limit]
        return [_object(row) for row in self._b.execute(sql, args)]

    def _owners_threshold(self, kind: str, counts: dict[str, int], offset: int) -> int:
        """The highest sequence number with more than `offset` of the owners' objects at or above it."""
        ends = " UNION ALL ".join(
            "SELECT seq FROM objects WHERE kind = ? AND account_id = ? AND pos IN (1, ?)" for _ in counts
        )
        bounds = self._b.execute(
            f"SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM ({ends}) AS ends",  # noqa: S608 - fixed text
            [value for owner, n in counts.items() for value in (kind, owner, n)],
        ).fetchone()

        def at_or_above(middle: str) -> str:  # SQL: how many of the owners' objects have seq >= middle
            first = _FIRST_AT_OR_AFTER[self._b.dialect]
            return "(" + " + ".join(first.format(next=n + 1, middle=middle) for n in counts.values()) + ")"

        # Each row of `search`: a range (lo, hi) that holds the answer, and the count `c` at its middle.
        lower = f"CASE WHEN c > {int(offset)} THEN (lo + hi + 1) / 2 ELSE lo END"
        upper = f"CASE WHEN c > {int(offset)} THEN hi ELSE (lo + hi + 1) / 2 - 1 END"
        sql = (
            "WITH RECURSIVE search (lo, hi, c) AS ("  # noqa: S608 - fixed text; values are placeholders
            "SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), "
            f"CAST({at_or_above('(CAST(? AS BIGINT) + CAST(? AS BIGINT) + 1) / 2')} AS BIGINT) UNION ALL "
            f"SELECT {lower}, {upper}, CAST({at_or_above(f'(({lower}) + ({upper}) + 1) / 2')} AS BIGINT) "
            "FROM search WHERE lo < hi) SELECT MIN(hi) AS t FROM search"
        )
        lo, hi = int(bounds["lo"]), int(bounds["hi"])
        first = [value for owner in counts for value in (kind, owner, kind, owner, lo, hi)]
        step = [value for owner in counts for value in (kind, owner, kind, owner)]
        return int(self._b.execute(sql, [lo, hi, *first, *step]).fetchone()["t"])

    def first(self, query: Filter) -> StoredObject | None:
        """The oldest matching object."""
        found = self.find(query, limit=1, oldest_first=True)
        return found[0] if found else None

    def count(self, query: Filter) -> int:
        if query.one_owner:
            assert query.owners is not None
            # One owner's objects of a kind: kept by triggers, so a list's total does not grow with the store.
            row = self._b.execute(
                "SELECT n FROM object_counts WHERE kind = ? AND account_id = ?", (query.kind, query.owners[0])
            ).fetchone()
            return int(row["n"]) if row else 0
        where, args = query.where(self._b.json_field)
        sql = f"SELECT COUNT(*) AS n FROM objects WHERE {where}"  # noqa: S608
        return int(self._b.execute(sql, args).fetchone()["n"])


def _object(row: Row) -> StoredObject:
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
        int(row["seq"]),
    )


def _ledger_entry(row: Row) -> LedgerEntry:
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
        seq=int(row["seq"]),
    )
