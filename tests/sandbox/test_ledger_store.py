"""The store's ledger queries: filters, both orders, sequence numbers as a cursor."""

from __future__ import annotations

from decimal import Decimal

from withdrawal_apis.sandbox.store import LedgerEntry, LedgerFilter, Store


def entry(number: int, account: str, asset: str, kind: str, at: str) -> LedgerEntry:
    return LedgerEntry(
        id=f"t{number}",
        account_id=account,
        asset=asset,
        entry_type=kind,
        amount=Decimal(number),
        balance_after=Decimal(number),
        description=kind,
        created_at=at,
    )


def seeded(db: str) -> Store:
    store = Store(db)
    rows = [
        ("a", "BTC", "deposit", "2024-01-01T00:00:00Z"),
        ("b", "BTC", "deposit", "2024-01-01T00:00:01Z"),
        ("a", "USD", "withdrawal", "2024-01-02T00:00:00Z"),
        ("a", "BTC", "withdrawal", "2024-01-03T00:00:00Z"),
    ]
    for number, (account, asset, kind, at) in enumerate(rows, start=1):
        assert store.add_ledger_entry(entry(number, account, asset, kind, at)) == number
    return store


def ids(entries: list[LedgerEntry]) -> list[str]:
    return [e.id for e in entries]


def test_filters_combine_and_both_orders_work(db: str) -> None:
    store = seeded(db)
    everything = LedgerFilter("a")
    assert ids(store.find_ledger(everything, limit=10)) == ["t4", "t3", "t1"]
    assert ids(store.find_ledger(everything, limit=2, oldest_first=True)) == ["t1", "t3"]
    assert [e.seq for e in store.find_ledger(everything, limit=10, oldest_first=True)] == [1, 3, 4]
    assert ids(store.find_ledger(LedgerFilter("a", asset="BTC"), limit=10)) == ["t4", "t1"]
    assert ids(store.find_ledger(LedgerFilter("a", entry_types=("withdrawal",)), limit=10)) == ["t4", "t3"]
    assert ids(store.find_ledger(LedgerFilter("a", entry_types=()), limit=10)) == []
    assert ids(store.find_ledger(LedgerFilter("a", ids=("t3", "t2")), limit=10)) == ["t3"]  # t2 is b's
    window = LedgerFilter("a", created_from="2024-01-02T00:00:00Z", created_before="2024-01-03T00:00:00Z")
    assert ids(store.find_ledger(window, limit=10)) == ["t3"]


def test_sequence_numbers_are_a_cursor_whatever_their_size(db: str) -> None:
    store = seeded(db)
    assert ids(store.find_ledger(LedgerFilter("a", from_seq=3), limit=10, oldest_first=True)) == ["t3", "t4"]
    assert ids(store.find_ledger(LedgerFilter("a", from_seq=-(2**70)), limit=10, oldest_first=True)) == [
        "t1",
        "t3",
        "t4",
    ]
    assert store.find_ledger(LedgerFilter("a", from_seq=2**70), limit=2**70) == []
    # The older offset-paged reader is unchanged and sees the same entries.
    entries, total = store.ledger("a", limit=10)
    assert (ids(entries), total) == (["t4", "t3", "t1"], 3)
    assert entries[0].seq == 4
