"""MPChat's webhook subscriptions and merchant profile in the emulator.

Deliveries of `withdrawal.completed` / `withdrawal.failed` go to the endpoints registered with
`POST /v1/webhooks` (and subscribed to the event), signed with the merchant's webhook secret; the
deliveries endpoint shows what was attempted. `GET /v1/merchants/me` serves the seeded profile.
"""

from __future__ import annotations

import json
import re
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from withdrawal_apis.providers.mpchat import auth
from withdrawal_apis.providers.mpchat.conformance import CONFORMANCE
from withdrawal_apis.testing import Emulator

from .scenario import MPCHAT, MPCHAT_ADDRESS

REVIEW = ["submit_for_review", "approve_level1", "approve_level2", "broadcast"]
SECRET = "whsec_merchant_1"


@pytest.fixture
def mpchat(serve: Any) -> Emulator:
    # Retries far apart on the emulator's clock, so a delivery answered 5xx stays pending during a test.
    running: Emulator = serve("mpchat", rate_limit=0, webhook_backoff=3600)
    seed = MPCHAT.seed(Decimal("1000.00"))
    seed["accounts"][0]["extra"] = {"webhook_secret": SECRET, "name": "Acme Store", "tier": "PREMIUM"}
    running.raw.post("/_sandbox/seed", json=seed).raise_for_status()
    return running


@pytest.fixture
def client(mpchat: Emulator) -> httpx.Client:
    return mpchat.http(MPCHAT.auth())


def register(client: httpx.Client, url: str, *events: str) -> httpx.Response:
    return client.post("/v1/webhooks", json={"url": url, "events": list(events)})


def settle(running: Emulator, received: int) -> None:
    """Deliver what is due until the in-process receiver has `received` requests (the background round may beat us)."""
    deadline = time.monotonic() + 5
    while len(running.webhooks.received) < received and time.monotonic() < deadline:
        running.deliver_webhooks()
        time.sleep(0.01)
    running.deliver_webhooks()
    assert len(running.webhooks.received) == received


def withdraw_and(running: Emulator, client: httpx.Client, ending: str) -> str:
    response = client.post(
        "/v1/withdrawals", json={"amount": "10.00", "destination_address": MPCHAT_ADDRESS, "network": "TRC20"}
    )
    assert response.status_code == 201, response.text
    wid: str = response.json()["id"]
    for name in [*REVIEW, ending]:
        running.transition(wid, name)
    return wid


def test_register_then_list(client: httpx.Client) -> None:
    created = register(client, "https://acme.com/webhooks/mp", "payment.confirmed", "withdrawal.completed")
    assert created.status_code == 201
    body = created.json()
    assert body["id"].startswith("wh_")
    assert body["url"] == "https://acme.com/webhooks/mp"
    assert body["events"] == ["payment.confirmed", "withdrawal.completed"]
    assert body["is_active"] is True
    assert body["merchant_id"] == "merchant-1"
    assert body["created_at"] == body["updated_at"]
    second = register(client, "https://acme.com/other", "withdrawal.failed").json()
    listed = client.get("/v1/webhooks")
    assert listed.status_code == 200
    assert listed.json() == [body, second]  # a plain array, in registration order


def test_webhooks_are_per_merchant(mpchat: Emulator, client: httpx.Client) -> None:
    mine = register(client, "https://acme.com/hooks", "withdrawal.completed").json()
    with mpchat.http(auth.MPChatAuth("mk_test_other", "07e1" * 16)) as other:
        assert other.get("/v1/webhooks").json() == []
        refused = other.get(f"/v1/webhooks/{mine['id']}/deliveries")
    assert (refused.status_code, refused.json()) == (403, {"error": "forbidden"})
    missing = client.get("/v1/webhooks/wh_01HQ8ZTXV.../deliveries")
    assert (missing.status_code, missing.json()) == (404, {"error": "webhook not found"})


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"url": "http://acme.com/hooks", "events": ["withdrawal.completed"]}, "url must be an https URL"),
        ({"url": "acme.com/hooks", "events": ["withdrawal.completed"]}, "url must be an https URL"),
        ({"url": "https://acme.com/a b", "events": ["withdrawal.completed"]}, "url must be an https URL"),
        ({"url": "https://acme.com/hooks", "events": ["withdrawal.created"]}, "unsupported event type"),
        ({"url": "https://acme.com/hooks", "events": "withdrawal.completed"}, "unsupported event type"),
        ({"events": ["withdrawal.completed"]}, "invalid request body: url: is required"),
    ],
)
def test_registration_refuses_what_the_docs_rule_out(client: httpx.Client, body: dict[str, Any], error: str) -> None:
    response = client.post("/v1/webhooks", json=body)
    assert response.status_code == 400
    assert response.json() == {"error": error}
    assert client.get("/v1/webhooks").json() == []


def test_unknown_fields_are_accepted_and_ignored(client: httpx.Client) -> None:
    hook = client.post(
        "/v1/webhooks", json={"url": "https://acme.com/h", "events": ["withdrawal.failed"], "description": "ops"}
    )
    assert hook.status_code == 201
    assert "description" not in hook.json()
    payout = client.post(
        "/v1/withdrawals",
        json={"amount": "1.00", "destination_address": MPCHAT_ADDRESS, "network": "TRC20", "external_id": "o-1"},
    )
    assert payout.status_code == 201
    assert "external_id" not in payout.json()


def test_completion_goes_to_every_subscribed_endpoint_and_no_other(mpchat: Emulator, client: httpx.Client) -> None:
    a = register(client, "https://a.example/hooks", "withdrawal.completed", "withdrawal.failed").json()
    b = register(client, "https://b.example/hooks", "withdrawal.completed").json()
    c = register(client, "https://c.example/hooks", "withdrawal.failed", "payment.confirmed").json()
    wid = withdraw_and(mpchat, client, "complete")
    settle(mpchat, 2)
    received = {hit.url: hit for hit in mpchat.webhooks.received}
    assert set(received) == {a["url"], b["url"]}
    for hit in received.values():
        assert hit.headers["x-webhook-event"] == "withdrawal.completed"
        assert auth.verify_webhook(hit.headers["x-merchant-signature"], hit.body, SECRET, now=time.time())
        payload = json.loads(hit.body)
        assert (payload["event"], payload["data"]["id"], payload["data"]["status"]) == (
            "withdrawal.completed",
            wid,
            "COMPLETED",
        )
    assert client.get(f"/v1/webhooks/{c['id']}/deliveries").json() == {"deliveries": [], "total": 0}
    page = client.get(f"/v1/webhooks/{a['id']}/deliveries").json()
    assert page["total"] == 1
    [delivery] = page["deliveries"]
    assert (delivery["webhook_id"], delivery["event"], delivery["status"], delivery["attempts"]) == (
        a["id"],
        "withdrawal.completed",
        "DELIVERED",
        1,
    )
    assert delivery["response_status"] == 200
    assert delivery["delivered_at"] is not None


def test_failure_goes_to_endpoints_subscribed_to_withdrawal_failed(mpchat: Emulator, client: httpx.Client) -> None:
    register(client, "https://a.example/hooks", "withdrawal.completed")
    failed = register(client, "https://b.example/hooks", "withdrawal.failed").json()
    withdraw_and(mpchat, client, "fail")
    settle(mpchat, 1)
    assert [hit.url for hit in mpchat.webhooks.received] == [failed["url"]]
    assert json.loads(mpchat.webhooks.received[0].body)["data"]["status"] == "FAILED"


def test_no_subscribed_endpoint_records_the_event_and_sends_nothing(mpchat: Emulator, client: httpx.Client) -> None:
    register(client, "https://a.example/hooks", "payment.confirmed")
    withdraw_and(mpchat, client, "complete")
    settle(mpchat, 0)
    assert [(d.event, d.status) for d in mpchat.deliveries()] == [("withdrawal.completed", "no_endpoint")]


def test_deliveries_page_newest_first_and_show_retries(mpchat: Emulator, client: httpx.Client) -> None:
    hook = register(client, "https://a.example/hooks", "withdrawal.completed", "withdrawal.failed").json()
    mpchat.webhooks.fail_next(1, status=503)
    first = withdraw_and(mpchat, client, "complete")
    settle(mpchat, 1)  # answered 503: pending, retried an hour later on the emulator's clock
    second = withdraw_and(mpchat, client, "fail")
    settle(mpchat, 2)
    page = client.get(f"/v1/webhooks/{hook['id']}/deliveries", params={"limit": 1}).json()
    assert page["total"] == 2
    [newest] = page["deliveries"]
    assert (newest["event"], newest["status"], newest["response_status"]) == ("withdrawal.failed", "DELIVERED", 200)
    older = client.get(f"/v1/webhooks/{hook['id']}/deliveries", params={"limit": 1, "offset": 1}).json()
    [retrying] = older["deliveries"]
    assert (retrying["event"], retrying["status"], retrying["attempts"], retrying["response_status"]) == (
        "withdrawal.completed",
        "PENDING",
        1,
        503,
    )
    assert retrying["delivered_at"] is None
    bodies = [json.loads(hit.body)["data"]["id"] for hit in mpchat.webhooks.received]
    assert bodies == [first, second]


def test_a_seeded_webhook_is_a_registered_endpoint_and_may_be_plain_http(serve: Any) -> None:
    running: Emulator = serve("mpchat", rate_limit=0)
    seed = MPCHAT.seed(Decimal("100"))
    seed["accounts"][0]["webhook"] = {"url": "http://127.0.0.1:9000/hooks", "secret": "whsec_seeded"}
    running.raw.post("/_sandbox/seed", json=seed).raise_for_status()
    running.raw.post("/_sandbox/seed", json=seed).raise_for_status()  # seeding again replaces it
    with running.http(MPCHAT.auth()) as client:
        [endpoint] = client.get("/v1/webhooks").json()
        assert endpoint["url"] == "http://127.0.0.1:9000/hooks"
        assert "withdrawal.completed" in endpoint["events"]
        assert "withdrawal.failed" in endpoint["events"]
        withdraw_and(running, client, "complete")
    settle(running, 1)
    [hit] = running.webhooks.received
    assert auth.verify_webhook(hit.headers["x-merchant-signature"], hit.body, "whsec_seeded", now=time.time())


def test_merchant_profile_from_the_seed(mpchat: Emulator, client: httpx.Client) -> None:
    response = client.get("/v1/merchants/me")
    assert response.status_code == 200
    profile = response.json()
    assert profile["id"] == "merchant-1"
    assert (profile["name"], profile["tier"], profile["status"], profile["environment"]) == (
        "Acme Store",
        "PREMIUM",
        "ACTIVE",
        "test",
    )
    assert profile["fee_rate"] == "0"
    assert "platform_user_id" not in profile
    with mpchat.http(auth.MPChatAuth("mk_test_other", "07e1" * 16)) as other:
        theirs = other.get("/v1/merchants/me").json()
    assert (theirs["id"], theirs["name"], theirs["tier"]) == ("merchant-2", "merchant-2", "BASIC")


def test_reseeding_keeps_the_profile_creation_time(mpchat: Emulator, client: httpx.Client) -> None:
    before = client.get("/v1/merchants/me").json()
    mpchat.advance(3600)
    seed = MPCHAT.seed(Decimal("1000.00"))
    seed["accounts"][0]["extra"] = {"name": "Acme Renamed", "status": "SUSPENDED", "environment": "live"}
    mpchat.raw.post("/_sandbox/seed", json=seed).raise_for_status()
    after = client.get("/v1/merchants/me").json()
    assert after["created_at"] == before["created_at"]
    assert after["updated_at"] > before["updated_at"]
    assert (after["name"], after["status"], after["environment"]) == ("Acme Renamed", "SUSPENDED", "live")


def test_the_demo_seed_serves_the_docs_merchant() -> None:
    with Emulator("mpchat") as sandbox:
        credential = sandbox.seeded["a1b2c3d4-e5f6-7890-abcd-ef1234567890"]["credentials"][0]
        with sandbox.http(CONFORMANCE.make_auth(credential)) as http:
            profile = http.get("/v1/merchants/me").json()
    assert (profile["id"], profile["name"], profile["platform_user_id"], profile["tier"]) == (
        "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        "Acme Store",
        "usr_abc123",
        "STANDARD",
    )


def test_the_seed_on_the_docs_page_is_accepted(serve: Any) -> None:
    page = (Path(__file__).resolve().parents[3] / "docs" / "providers" / "mpchat.md").read_text(encoding="utf-8")
    [document] = re.findall(r"```json\n(.*?)```", page, re.DOTALL)
    running: Emulator = serve("mpchat", rate_limit=0)
    seed = json.loads(document)
    running.raw.post("/_sandbox/seed", json=seed).raise_for_status()
    credential = seed["accounts"][0]["credentials"][0]
    with running.http(auth.MPChatAuth(credential["key_id"], credential["secret"])) as c:
        assert c.get("/v1/merchants/me").json()["tier"] == "STANDARD"
        assert [hook["url"] for hook in c.get("/v1/webhooks").json()] == ["http://127.0.0.1:9000/hooks"]
