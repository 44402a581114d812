"""The outbox delivers to the seeded endpoint by default, or to an endpoint a provider registered."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from withdrawal_apis.sandbox.clock import VirtualClock
from withdrawal_apis.sandbox.store import Store
from withdrawal_apis.sandbox.webhooks import Outbox

# The webhooks table as store files written before deliveries recorded their endpoint.
OLD_WEBHOOKS = """
CREATE TABLE webhooks (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, event TEXT NOT NULL,
    url TEXT NOT NULL, body BLOB NOT NULL, headers TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    next_attempt_at REAL NOT NULL, created_at REAL NOT NULL, last_status INTEGER, last_error TEXT,
    delivered_at REAL);
INSERT INTO webhooks (id, account_id, event, url, body, headers, status, attempts, next_attempt_at, created_at)
VALUES ('whd_old', 'm-1', 'withdrawal.completed', 'http://127.0.0.1:9/h', x'7B7D', '{}', 'delivered', 1, 0, 0);
"""


def signer(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    return {"x-test-signature": f"{secret}:{timestamp}:{len(body)}"}


def outbox(store: Store) -> Outbox:
    return Outbox(store, VirtualClock(store, wall=lambda: 1_700_000_000.0), signer)


def test_by_default_the_seeded_endpoint_gets_the_event(db: str) -> None:
    store = Store(db)
    store.put_account("m-1", {}, {"url": "http://127.0.0.1:9000/hooks", "secret": "seeded"})
    box = outbox(store)
    box.enqueue("m-1", "withdrawal.completed", {"a": 1}, {"x-event": "withdrawal.completed"})
    [delivery] = store.deliveries("m-1")
    assert (delivery.url, delivery.status, delivery.endpoint) == ("http://127.0.0.1:9000/hooks", "pending", None)
    assert delivery.headers["x-test-signature"] == "seeded:1700000000:7"


def test_a_registered_endpoint_is_named_signed_with_the_given_secret_and_paged(db: str) -> None:
    store = Store(db)
    store.put_account("m-1", {}, {"url": "http://127.0.0.1:9000/hooks", "secret": "seeded"})
    box = outbox(store)
    for index in range(3):
        box.enqueue("m-1", "e", {"n": index}, {}, url="https://a.example/h", secret="merchant", endpoint="wh_a")
    box.enqueue("m-1", "e", {"n": 9}, {}, url="https://b.example/h", secret="merchant", endpoint="wh_b")
    box.enqueue("m-1", "e", {"n": 10}, {}, url="")  # nobody subscribed
    page, total = store.endpoint_deliveries("m-1", "wh_a", limit=2, offset=0)
    assert total == 3
    assert [d.body for d in page] == [b'{"n":2}', b'{"n":1}']  # newest first
    assert all(d.headers["x-test-signature"].startswith("merchant:") for d in page)
    rest, _ = store.endpoint_deliveries("m-1", "wh_a", limit=2, offset=2)
    assert [d.body for d in rest] == [b'{"n":0}']
    assert store.endpoint_deliveries("m-2", "wh_a", limit=5) == ([], 0)  # another account's endpoint id
    unsent = store.deliveries("m-1")[-1]
    assert (unsent.url, unsent.status, "x-test-signature" in unsent.headers) == ("", "no_endpoint", False)


def test_a_store_file_from_before_endpoints_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_WEBHOOKS)
    store = Store(str(path))
    [old] = store.deliveries("m-1")
    assert (old.id, old.endpoint) == ("whd_old", None)
    outbox(store).enqueue("m-1", "e", {}, {}, url="https://a.example/h", secret="s", endpoint="wh_a")
    [new], total = store.endpoint_deliveries("m-1", "wh_a", limit=5)
    assert (total, new.endpoint, new.url) == (1, "wh_a", "https://a.example/h")
    store.close()
    reopened = Store(str(path))  # upgrading twice is harmless
    assert len(reopened.deliveries("m-1")) == 2
    reopened.close()
