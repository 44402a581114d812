"""The schema is migrated in numbered steps, on SQLite and PostgreSQL alike, keeping what is stored."""

from __future__ import annotations

import threading

from withdrawal_apis.sandbox.store import SCHEMA_VERSION, Filter, LedgerFilter, Store
from withdrawal_apis.sandbox.store.backend import Backend, is_postgres
from withdrawal_apis.sandbox.store.migrations import STEPS, migrate
from withdrawal_apis.sandbox.store.sqlite import SQLiteBackend


def backend(db: str) -> Backend:
    if is_postgres(db):
        from withdrawal_apis.sandbox.store.postgres import PostgresBackend

        return PostgresBackend(db)
    return SQLiteBackend(db)


def test_a_new_store_is_at_the_latest_version_and_reopening_changes_nothing(db: str) -> None:
    store = Store(db)
    assert store.schema_version == SCHEMA_VERSION == len(STEPS)
    store.insert_object("w", "w1", "a", "P", {"id": "w1"})
    store.close()
    again = Store(db)
    assert again.schema_version == SCHEMA_VERSION
    assert [obj.id for obj in again.find(Filter("w"), limit=5)] == ["w1"]
    again.close()


def test_a_version_1_store_is_brought_up_step_by_step(db: str) -> None:
    old = backend(db)
    assert migrate(old, upto=1) == 1
    with old.transaction():
        old.execute("INSERT INTO meta (key, value) VALUES ('clock_offset', '42.5')")
        for n, owner in enumerate("abaab"):
            old.execute(
                "INSERT INTO objects (kind, id, account_id, status, body) VALUES ('w', ?, ?, 'P', ?)",
                (f"w{n}", owner, f'{{"id": "w{n}"}}'),
            )
        for n in range(3):
            old.execute(
                "INSERT INTO ledger (id, account_id, asset, entry_type, amount, balance_after, description, "
                "created_at) VALUES (?, 'a', 'USDT', 'DEBIT', '1', '1', 'x', '2024-01-01T00:00:00Z')",
                (f"t{n}",),
            )
    old.close()

    store = Store(db)
    assert store.schema_version == SCHEMA_VERSION
    assert store.state().clock_offset == 42.5  # moved from meta into the shared state
    mine = Filter("w", owners=("a",))
    assert [obj.id for obj in store.find(mine, limit=10)] == ["w3", "w2", "w0"]
    assert [obj.id for obj in store.find(mine, limit=2, offset=1)] == ["w2", "w0"]  # positions filled in
    assert [obj.id for obj in store.find(mine, limit=2, offset=1, oldest_first=True)] == ["w2", "w3"]
    store.insert_object("w", "w5", "a", "P", {"id": "w5"})
    assert [obj.id for obj in store.find(mine, limit=1, offset=1)] == ["w3"]
    assert store.count(mine) == 4
    entries, total = store.ledger("a", limit=2, offset=1)
    assert ([e.id for e in entries], total) == (["t1", "t0"], 3)
    assert [e.id for e in store.find_ledger(LedgerFilter("a"), limit=5)] == ["t2", "t1", "t0"]
    store.close()


def test_processes_that_open_a_new_database_together_migrate_it_once(db: str) -> None:
    versions: list[int] = []
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            store = Store(db)
            versions.append(store.schema_version)
            store.close()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert versions == [SCHEMA_VERSION] * 4
