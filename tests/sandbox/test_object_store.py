"""The store's object queries that must not grow with the store: counts, offset pages, bulk copies."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from withdrawal_apis.sandbox.store import Filter, Store


def filled(store: Store, count: int = 30) -> Store:
    for n in range(count):
        owner = "a" if n % 3 else "b"
        store.insert_object("w", f"w{n:02d}", owner, "P", {"id": f"w{n:02d}", "even": n % 2 == 0})
    store.insert_object("other", "o1", "a", "P", {})
    return store


def ids(
    store: Store,
    query: Filter,
    limit: int = 100,
    offset: int = 0,
    before_seq: int | None = None,
    oldest_first: bool = False,
) -> list[str]:
    found = store.find(query, limit=limit, offset=offset, before_seq=before_seq, oldest_first=oldest_first)
    return [obj.id for obj in found]


def test_counts_per_owner_follow_inserts_and_copies(db: str) -> None:
    store = filled(Store(db))
    assert store.count(Filter("w", owners=("a",))) == 20
    assert store.count(Filter("w", owners=("b",))) == 10
    assert store.count(Filter("w", owners=("nobody",))) == 0
    assert store.count(Filter("w", owners=("a", "b"))) == 30
    assert store.count(Filter("w", owners=("a",), fields={"even": True})) == 10
    template = store.get_object("w", "w01")
    assert template is not None
    assert store.copy_object(template, [(f"c{n}", {"id": f"c{n}"}) for n in range(5)]) == 5
    assert store.count(Filter("w", owners=("a",))) == 25
    store.reset()
    assert store.count(Filter("w", owners=("a",))) == 0
    filled(store, 3)
    assert store.count(Filter("w", owners=("a",))) == 2


def unversioned(path: Path) -> None:
    """Turn a store file back into what versions from before `schema_version` wrote."""
    with sqlite3.connect(path) as old:
        old.executescript(
            "DROP TABLE schema_version; DROP TABLE sandbox_state; DROP TABLE faults; DROP TABLE rate_windows;"
            "DROP INDEX objects_by_position; DROP INDEX ledger_by_position; ALTER TABLE objects DROP COLUMN pos;"
            "ALTER TABLE ledger DROP COLUMN pos; ALTER TABLE webhooks DROP COLUMN claimed_until;"
            "ALTER TABLE accounts DROP COLUMN seq;"
            "INSERT INTO meta (key, value) VALUES ('schema:object_counts', '1');"
        )


def test_a_store_file_from_before_the_counts_is_counted_once(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    filled(Store(str(path))).close()
    unversioned(path)
    old = sqlite3.connect(path)  # as an earlier version left it: no counts table, no triggers, no marker
    old.executescript(
        "DROP TRIGGER objects_counted; DROP TRIGGER objects_uncounted; DROP TABLE object_counts;"
        "DELETE FROM meta WHERE key = 'schema:object_counts';"
    )
    old.close()
    reopened = Store(str(path))
    assert reopened.count(Filter("w", owners=("a",))) == 20
    assert [obj.id for obj in reopened.find(Filter("w", owners=("a",)), limit=2, offset=18)] == ["w02", "w01"]
    reopened.insert_object("w", "new", "a", "P", {})
    reopened.close()
    assert Store(str(path)).count(Filter("w", owners=("a",))) == 21


@pytest.mark.parametrize("owners", [("a",), ("a", "b"), ("b", "a", "nobody")])
@pytest.mark.parametrize("oldest_first", [False, True])
def test_offset_pages_are_slices_of_the_whole_list(owners: tuple[str, ...], oldest_first: bool, db: str) -> None:
    store = filled(Store(db))
    query = Filter("w", owners=owners)
    everything = ids(store, query, oldest_first=oldest_first)
    for offset in (0, 1, 7, 19, 29, 40):
        assert ids(store, query, limit=5, offset=offset, oldest_first=oldest_first) == everything[offset : offset + 5]
    newest = ids(store, query)
    assert ids(store, query, limit=4, offset=2, before_seq=20) == [i for i in newest if int(i[1:]) < 19][2:6]
    even = Filter("w", owners=owners, fields={"even": True})
    assert ids(store, even, limit=3, offset=2) == [i for i in newest if int(i[1:]) % 2 == 0][2:5]


def test_copies_keep_the_template_and_get_their_own_ids_and_keys(db: str) -> None:
    store = Store(db)
    template = store.insert_object("w", "t", "a", "P", {"id": "t"}, asset="USDT", idem_key="guid-1", private={"p": 1})
    plain = store.insert_object("w", "u", "a", "P", {"id": "u"})
    store.copy_object(template, [("t1", {"id": "t1"}), ("t2", {"id": "t2"})])
    store.copy_object(plain, [("u1", {"id": "u1"})])
    copy = store.get_object("w", "t2")
    assert copy is not None
    assert (copy.body, copy.private, copy.asset, copy.account_id) == ({"id": "t2"}, {"p": 1}, "USDT", "a")
    assert store.object_by_idem_key("w", "a", "guid-1:t2") == copy
    assert store.object_by_idem_key("w", "a", "guid-1") == template
    assert ids(store, Filter("w")) == ["u1", "t2", "t1", "u", "t"]


def test_seeks_by_position_answer_what_a_scan_answers(db: str) -> None:
    """Pages found by position (one owner, or a few) equal pages found by stepping over every object."""
    store = Store(db)
    rng = random.Random(5)
    owners = ("a", "b", "c", "d")
    for n in range(120):
        owner = rng.choice(owners[:3] if n % 7 else ("b",))  # "d" has none; "b" has runs of its own
        store.insert_object(rng.choice(("w", "w", "other")), f"o{n}", owner, "P", {"id": f"o{n}"})
    for query_owners in (("a",), ("b", "c"), ("c", "a", "b"), ("d", "a"), ("d",)):
        seek = Filter("w", owners=query_owners)
        scan = Filter("w", owners=query_owners, statuses=("P",))  # the same objects, found by a scan
        for oldest_first in (False, True):
            for offset in range(0, 90, 3):
                for limit in (1, 5):
                    expected = ids(store, scan, limit=limit, offset=offset, oldest_first=oldest_first)
                    assert ids(store, seek, limit=limit, offset=offset, oldest_first=oldest_first) == expected


def test_a_page_of_several_owners_seeks_on_sqlite(tmp_path: Path) -> None:
    """SQLite bounds a row comparison by its first two columns only (a scan of the owner's objects): the
    several-owners page must reach it with equalities and a range on `seq`, which the owners' index seeks."""
    store = filled(Store(str(tmp_path / "store.db")))
    plans: list[str] = []
    store._b._db.set_trace_callback(  # type: ignore[attr-defined]
        lambda sql: plans.append(sql) if "UNION ALL" in sql else None
    )
    assert len(ids(store, Filter("w", owners=("a", "b")), limit=5, offset=12)) == 5
    assert plans
    probe = sqlite3.connect(tmp_path / "store.db")
    for sql in plans:
        details = [row[3] for row in probe.execute("EXPLAIN QUERY PLAN " + sql.replace("?", "NULL"))]
        searches = [detail for detail in details if "objects" in detail and "USING" in detail]
        assert searches, details
        assert all("seq" in detail for detail in searches if "objects_by_owner" in detail), details
        assert not any(detail.startswith("SCAN o") or detail == "SCAN objects" for detail in details), details
