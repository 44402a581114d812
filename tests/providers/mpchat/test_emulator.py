"""MPChat's emulator: money, lifecycle, addresses, paging, limits, faults, webhooks, test mode."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from withdrawal_apis.chains import random_ethereum_address
from withdrawal_apis.providers.mpchat import auth
from withdrawal_apis.providers.mpchat.emulator import Sandbox as MPChatSandbox
from withdrawal_apis.registry import get
from withdrawal_apis.sandbox import Principal, Request, Response, SandboxApp, SandboxConfig, operation
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import spec_document
from withdrawal_apis.testing import Emulator

from .scenario import MPCHAT, MPCHAT_ADDRESS, MPCHAT_SECRET

REVIEW = ["submit_for_review", "approve_level1", "approve_level2", "broadcast"]


@pytest.fixture
def mpchat(serve: Any) -> Emulator:
    running: Emulator = serve("mpchat", rate_limit=0)
    running.raw.post("/_sandbox/seed", json=MPCHAT.seed(Decimal("1000.00"))).raise_for_status()
    return running


@pytest.fixture
def client(mpchat: Emulator) -> Iterator[httpx.Client]:
    with mpchat.http(MPCHAT.auth()) as client:
        yield client


def create(
    client: httpx.Client, amount: str = "100.00", address: str = MPCHAT_ADDRESS, network: str = "TRC20"
) -> httpx.Response:
    return client.post("/v1/withdrawals", json={"amount": amount, "destination_address": address, "network": network})


def transition(running: Emulator, wid: str, *names: str) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for name in names:
        response = running.raw.post(f"/_sandbox/withdrawals/{wid}/transitions", json={"transition": name})
        assert response.status_code == 200, response.text
        body = response.json()
    return body


def test_create_freezes_amount_plus_fee(mpchat: Emulator, client: httpx.Client) -> None:
    response = create(client, "100.00")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "PENDING"
    assert body["fee"] == "1.00"
    assert body["tx_hash"] is None
    assert body["id"].startswith("wd_")
    assert client.get("/v1/balance").json() == {"merchant_id": "merchant-1", "available": "899.00", "frozen": "101.00"}


def test_a_tenth_of_a_usdt_stays_exact(mpchat: Emulator, client: httpx.Client) -> None:
    wid = create(client, "0.1").json()["id"]
    transition(mpchat, wid, *REVIEW, "complete")
    available, frozen = mpchat.balance("merchant-1", "USDT")
    assert (available, frozen) == (Decimal("998.90"), Decimal(0))


def test_completion_debits_and_writes_the_ledger(mpchat: Emulator, client: httpx.Client) -> None:
    wid = create(client, "500.00").json()["id"]
    assert transition(mpchat, wid, *REVIEW)["status"] == "PROCESSING"
    state = transition(mpchat, wid, "complete")
    assert state == {"id": wid, "account_id": "merchant-1", "status": "COMPLETED", "available_transitions": []}
    withdrawal = client.get(f"/v1/withdrawals/{wid}").json()
    assert withdrawal["status"] == "COMPLETED"
    assert len(withdrawal["tx_hash"]) == 64
    assert client.get("/v1/balance").json()["frozen"] == "0.00"
    ledger = client.get("/v1/transactions").json()
    assert ledger["total"] == 2
    newest, fee = ledger["transactions"]
    assert (newest["entry_type"], newest["amount"], newest["description"]) == ("DEBIT", "500.00", f"Withdrawal {wid}")
    assert newest["balance_after"] == "499.00"
    assert (fee["amount"], fee["balance_after"], fee["description"]) == ("1.00", "999.00", f"Withdrawal fee {wid}")


@pytest.mark.parametrize(
    ("path", "final"),
    [
        (["reject"], "REJECTED"),
        (["submit_for_review", "approve_level1", "reject"], "REJECTED"),
        (["cancel"], "CANCELLED"),
        (["submit_for_review", "approve_level1", "approve_level2", "cancel"], "CANCELLED"),
        ([*REVIEW, "fail"], "FAILED"),
    ],
)
def test_unhappy_endings_return_the_funds(mpchat: Emulator, client: httpx.Client, path: list[str], final: str) -> None:
    wid = create(client, "250.00").json()["id"]
    assert transition(mpchat, wid, *path)["status"] == final
    assert client.get("/v1/balance").json()["available"] == "1000.00"
    assert client.get("/v1/transactions").json()["total"] == 0


def test_transitions_follow_the_two_level_review(mpchat: Emulator, client: httpx.Client) -> None:
    wid = create(client).json()["id"]
    skipped = mpchat.raw.post(f"/_sandbox/withdrawals/{wid}/transitions", json={"transition": "approve_level2"})
    assert skipped.status_code == 409
    assert "allowed: submit_for_review, reject, cancel" in skipped.json()["error"]
    transition(mpchat, wid, *REVIEW, "complete")
    again = mpchat.raw.post(f"/_sandbox/withdrawals/{wid}/transitions", json={"transition": "cancel"})
    assert again.status_code == 409
    unknown = mpchat.raw.post(f"/_sandbox/withdrawals/{wid}/transitions", json={"transition": "teleport"})
    assert unknown.status_code == 400


@pytest.mark.parametrize(
    ("amount", "address", "network", "error"),
    [
        ("0", MPCHAT_ADDRESS, "TRC20", "invalid amount"),
        ("0.000", MPCHAT_ADDRESS, "TRC20", "invalid amount"),
        ("-1", MPCHAT_ADDRESS, "TRC20", "invalid amount"),
        ("1.1234567", MPCHAT_ADDRESS, "TRC20", "invalid amount"),
        ("1000.00", MPCHAT_ADDRESS, "TRC20", "insufficient balance"),  # plus the fee it exceeds 1000
        ("1", "TXyz1234567890abcdefghijklmnopqrst", "TRC20", "invalid destination address"),  # the docs' sample
        (
            "1",
            MPCHAT_ADDRESS[:-1] + ("A" if MPCHAT_ADDRESS[-1] != "A" else "B"),
            "TRC20",
            "invalid destination address",
        ),
        ("1", MPCHAT_ADDRESS, "ERC20", "invalid destination address"),  # a TRON address on Ethereum
        ("1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "ERC20", "invalid destination address"),  # EIP-55 case
        ("1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "TRC20", "invalid destination address"),
        ("1", MPCHAT_ADDRESS, "BEP20", "unsupported network"),  # the orders table's message
    ],
)
def test_invalid_withdrawals_are_refused(
    client: httpx.Client, amount: str, address: str, network: str, error: str
) -> None:
    response = create(client, amount, address, network)
    assert response.status_code == 400
    assert response.json()["error"].startswith(error)
    assert client.get("/v1/balance").json()["frozen"] == "0.00"


def test_ethereum_addresses_in_either_checksum_form(client: httpx.Client) -> None:
    address = random_ethereum_address(random.Random(3))
    assert create(client, "1", address, "ERC20").json()["fee"] == "5.00"
    assert create(client, "1", address.lower(), "ERC20").status_code == 201
    assert create(client, "1", "0x" + address[2:].upper(), "ERC20").status_code == 201


def test_list_is_newest_first_with_limit_offset_and_total(client: httpx.Client) -> None:
    ids = [create(client, f"{i}.00").json()["id"] for i in range(1, 8)]
    page = client.get("/v1/withdrawals", params={"limit": 3, "offset": 2}).json()
    assert page["total"] == 7
    assert [w["id"] for w in page["withdrawals"]] == ids[::-1][2:5]
    assert "merchant_id" not in page["withdrawals"][0]
    assert len(client.get("/v1/withdrawals").json()["withdrawals"]) == 7  # default limit 20


def test_another_merchants_withdrawal_is_forbidden(mpchat: Emulator, client: httpx.Client) -> None:
    wid = create(client).json()["id"]
    other = auth.MPChatAuth("mk_test_other", "07e1" * 16)
    with mpchat.http(other) as intruder:
        response = intruder.get(f"/v1/withdrawals/{wid}")
        assert response.status_code == 403
        assert response.json() == {"error": "forbidden"}
        assert intruder.get("/v1/withdrawals").json()["total"] == 0
    assert client.get("/v1/withdrawals/wd_missing").json() == {"error": "withdrawal not found"}


def test_rate_limit_is_60_per_minute_per_key(serve: Any) -> None:
    running: Emulator = serve("mpchat")  # the documented limit, on by default
    running.raw.post("/_sandbox/seed", json=MPCHAT.seed(Decimal(10))).raise_for_status()
    with running.http(MPCHAT.auth()) as client:
        statuses = [client.get("/v1/balance").status_code for _ in range(60)]
        limited = client.get("/v1/balance")
    assert statuses == [200] * 60
    assert limited.status_code == 429
    assert limited.json() == {"error": "rate limit exceeded"}
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    with running.http(auth.MPChatAuth("mk_test_other", "07e1" * 16)) as other:
        assert other.get("/v1/balance").status_code == 200  # per key, not global


def test_injected_faults(mpchat: Emulator, client: httpx.Client) -> None:
    mpchat.raw.post("/_sandbox/faults", json={"count": 2, "status": 503}).raise_for_status()
    assert [client.get("/v1/balance").status_code for _ in range(3)] == [503, 503, 200]
    mpchat.raw.post("/_sandbox/faults", json={"count": 1, "status": 429, "retry_after": 7})
    throttled = client.get("/v1/balance")
    assert (throttled.status_code, throttled.headers["retry-after"]) == (429, "7")
    mpchat.raw.post("/_sandbox/faults", json={"count": 1, "latency_ms": 300})
    started = time.perf_counter()
    assert client.get("/v1/balance").status_code == 200
    assert time.perf_counter() - started >= 0.3
    assert create(client).status_code == 201  # faults are used up


def test_instant_policy_completes_at_once(mpchat: Emulator, client: httpx.Client) -> None:
    mpchat.raw.put("/_sandbox/config", json={"advance": "instant"}).raise_for_status()
    wid = create(client, "10.00").json()["id"]
    assert client.get(f"/v1/withdrawals/{wid}").json()["status"] == "COMPLETED"
    assert client.get("/v1/balance").json() == {"merchant_id": "merchant-1", "available": "989.00", "frozen": "0.00"}


def test_realistic_policy_runs_on_the_virtual_clock(mpchat: Emulator, client: httpx.Client) -> None:
    mpchat.raw.put("/_sandbox/config", json={"advance": "realistic"}).raise_for_status()
    wid = create(client, "10.00").json()["id"]
    assert client.get(f"/v1/withdrawals/{wid}").json()["status"] == "PENDING"
    clock = mpchat.raw.post("/_sandbox/clock/advance", json={"seconds": 130}).json()
    assert clock["applied"] == 2
    assert client.get(f"/v1/withdrawals/{wid}").json()["status"] == "LEVEL1_APPROVED"
    mpchat.raw.post("/_sandbox/clock/advance", json={"seconds": 3600})
    assert client.get(f"/v1/withdrawals/{wid}").json()["status"] == "COMPLETED"


class Receiver:
    """A webhook endpoint that fails the first `failures` deliveries, then accepts."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.received: list[tuple[dict[str, str], bytes, float]] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        self.received.append((headers, body, time.monotonic()))
        status = 500 if len(self.received) <= self.failures else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def test_webhooks_are_signed_and_retried_with_backoff(serve: Any) -> None:
    receiver = Receiver(failures=2)
    with serve_in_thread(receiver) as hook_url:
        running: Emulator = serve("mpchat", serve=True, capture_webhooks=False, rate_limit=0, webhook_backoff=0.2)
        seed = MPCHAT.seed(Decimal("100"))
        seed["accounts"][0]["webhook"] = {"url": f"{hook_url}/hooks", "secret": "whsec_test"}
        running.raw.post("/_sandbox/seed", json=seed).raise_for_status()
        with running.http(MPCHAT.auth()) as client:
            wid = create(client, "10.00").json()["id"]
        transition(running, wid, *REVIEW, "complete")
        deadline = time.monotonic() + 10
        while len(receiver.received) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        deliveries = running.raw.get("/_sandbox/webhooks").json()["deliveries"]
    assert len(receiver.received) == 3
    headers, body, _ = receiver.received[-1]
    assert headers["x-webhook-event"] == "withdrawal.completed"
    assert auth.verify_webhook(headers["x-merchant-signature"], body, "whsec_test", now=time.time())
    assert not auth.verify_webhook(headers["x-merchant-signature"], body + b" ", "whsec_test", now=time.time())
    payload = json.loads(body)
    assert (payload["event"], payload["data"]["id"], payload["data"]["status"]) == (
        "withdrawal.completed",
        wid,
        "COMPLETED",
    )
    gaps = [b[2] - a[2] for a, b in zip(receiver.received, receiver.received[1:], strict=False)]
    assert gaps[0] >= 0.15
    assert gaps[1] >= 0.35  # exponential: 0.2 s, then 0.4 s
    assert [(d["event"], d["status"], d["attempts"], d["last_status"]) for d in deliveries] == [
        ("withdrawal.completed", "delivered", 3, 200)
    ]


def test_failed_withdrawal_sends_withdrawal_failed(mpchat: Emulator, client: httpx.Client) -> None:
    wid = create(client).json()["id"]
    transition(mpchat, wid, *REVIEW, "fail")
    deliveries = mpchat.raw.get("/_sandbox/webhooks").json()["deliveries"]
    assert [(d["event"], d["status"]) for d in deliveries] == [("withdrawal.failed", "no_endpoint")]
    assert json.loads(deliveries[0]["body"])["data"]["status"] == "FAILED"


class BrokenBalance(MPChatSandbox):
    """MPChat's rules with one deliberately broken handler: the balance as a JSON number."""

    @operation("get_balance")
    def get_balance(self, request: Request, principal: Principal) -> Response:
        return Response.json(200, {"merchant_id": principal.account_id, "available": 1000.0, "frozen": "0.00"})


def test_test_mode_catches_a_response_the_spec_forbids() -> None:
    """An answer the spec forbids becomes a loud 500 in test mode, never a silent pass."""
    app = SandboxApp(BrokenBalance, spec_document(get("mpchat").spec_path), SandboxConfig(test_mode=True))
    app.seed(MPCHAT.seed(Decimal(10)))

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mpchat.test", auth=MPCHAT.auth()) as http:
            return await http.get("/v1/balance")

    response = asyncio.run(ask())
    assert response.status_code == 500
    assert response.json() == {"error": "internal server error"}
    assert "get_balance answered 200 against its spec" in response.headers["x-sandbox-contract-violation"]
    assert len(app.violations) == 1


def test_the_store_never_holds_floats(mpchat: Emulator, client: httpx.Client) -> None:
    create(client, "0.3")
    store = mpchat.app.engine.store
    types = store.column_types("balances")
    assert (types["available"], types["frozen"]) == ("text", "text")  # decimal strings, never REAL


def test_requests_are_logged_without_secrets(mpchat: Emulator, client: httpx.Client, caplog: Any) -> None:
    with caplog.at_level("INFO", logger="withdrawal_apis.sandbox"):
        create(client)
        client.get("/v1/balance")
    lines = [r.getMessage() for r in caplog.records if r.name == "withdrawal_apis.sandbox.access"]
    assert any(line.startswith("POST /v1/withdrawals -> 201") for line in lines)
    assert not any(MPCHAT_SECRET in line or "Bearer" in line or "authorization" in line.lower() for line in lines)


def test_fee_rule_is_configurable(serve: Any) -> None:
    running: Emulator = serve("mpchat", rate_limit=0, options={"fee_mode": "inclusive", "fee": {"TRC20": "2.50"}})
    running.raw.post("/_sandbox/seed", json=MPCHAT.seed(Decimal("100.00"))).raise_for_status()
    with running.http(MPCHAT.auth()) as client:
        created = create(client, "10.00").json()
        assert created["fee"] == "2.50"
        assert client.get("/v1/balance").json()["frozen"] == "10.00"  # the fee is inside the amount


def test_cli_reads_provider_options() -> None:
    from withdrawal_apis.launch import UsageError, parse_option

    assert parse_option('fee={"TRC20": "2.00"}') == ("fee", {"TRC20": "2.00"})
    assert parse_option("fee_mode=inclusive") == ("fee_mode", "inclusive")
    with pytest.raises(UsageError):
        parse_option("no-equals-sign")
