"""The SmartyPay emulator: the generated client, the control API and the ledger.

Also the SmartyPay readings of the generic race and crash tests (tests/sandbox), which assume each
create holds a fixed unit: here concurrent withdraw-now calls must produce one intent and one sweep
of the whole balance, and acknowledged intents must survive a SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from smartypay_client.api.withdrawals import get_withdrawal, search_withdrawals, withdraw_now
from smartypay_client.models import (
    Currency,
    IntentStatus,
    Withdrawal,
    WithdrawalList,
    WithdrawalStatus,
    WithdrawNowRequest,
    WithdrawNowResponse,
)

from withdrawal_apis.providers import smartypay
from withdrawal_apis.providers.smartypay import auth
from withdrawal_apis.providers.smartypay.models import DEFAULT_GAS_COST_WEI
from withdrawal_apis.reachability import free_port
from withdrawal_apis.sandbox import AdvancePolicy, SandboxConfig
from withdrawal_apis.testing import Emulator

from ...conftest import start_emulator_process

KEY, SECRET = "sp_test_key", "sp_test_secret_0123456789"
M1, M2, M3, FOREIGN = "RgFw2p65CQn3pE8uriL53d", "FdDQBuaqXoReYAxf9VtEBq", "9xBoSUdGWeiAzMn5VHBvMB", "ForeignMerchant01"
ADDRESS = "0x7aa002968e2B68b4803cbE15DdfdEe1488550180"
GAS_ADDRESS = "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753"
GAS = "254803120000000000"


def wallet(chain: str, balance: str = GAS, out_of_service: bool = False) -> dict[str, Any]:
    return {"blockchain": chain, "address": GAS_ADDRESS, "nativeBalance": balance, "isOutOfService": out_of_service}


def merchant(merchant_id: str, balances: dict[str, str], wallets: list[dict[str, Any]], partner: str = "p1") -> dict:
    extra = {"partner": partner, "destinationAddress": ADDRESS, "gasWallets": wallets}
    return {"id": merchant_id, "balances": balances, "extra": extra}


def seed() -> dict[str, Any]:
    return {
        "accounts": [
            {"id": "p1", "credentials": [{"key_id": KEY, "secret": SECRET}]},
            merchant(
                M1,
                {"bUSDT": "998", "pUSDC": "3015", "btUSDTv2": "150.5"},
                [wallet("BinanceMainNet"), wallet("BinanceTestNet"), wallet("PolygonMainNet", "1")],
            ),
            merchant(M2, {"bUSDT": "12.25", "btMNXe": "0.5"}, [wallet("BinanceMainNet", out_of_service=True)]),
            merchant(M3, {"bUSDT": "5"}, []),
            {"id": "p2", "credentials": [{"key_id": "other", "secret": "other-secret"}]},
            merchant(FOREIGN, {"bUSDT": "1"}, [wallet("BinanceMainNet")], partner="p2"),
        ]
    }


class SmartyPaySandbox(Emulator):
    """The SmartyPay emulator seeded with `seed()`, with helpers in the provider's terms."""

    def __init__(self, config: SandboxConfig | None = None, serve: bool = False) -> None:
        super().__init__("smartypay", config or SandboxConfig(test_mode=True, rate_limit=0), serve=serve, seed=None)
        self.seed(seed())

    def signed(self, scheme: str = "hmac", key: str = KEY, secret: str = SECRET) -> httpx.Client:
        return super().http(auth.make_auth(key, secret, scheme))

    def client(self, scheme: str = "hmac") -> Any:  # type: ignore[override]
        return smartypay.client(KEY, SECRET, base_url=self.base_url, scheme=scheme, httpx_args=self.httpx_args)

    def post_transition(self, withdrawal_id: str, name: str) -> httpx.Response:
        return self.raw.post(f"/_sandbox/withdrawals/{withdrawal_id}/transitions", json={"transition": name})

    def withdraw_now(self, merchant_id: str = M1, currency: str = "bUSDT", scheme: str = "hmac") -> dict[str, Any]:
        with self.signed(scheme) as http:
            response = http.post("/v1/withdrawals/withdraw-now", json={"merchantId": merchant_id, "currency": currency})
        assert response.status_code == 200, response.text
        return dict(response.json()["intent"])

    def search(self, what: str = "withdrawals", **query: Any) -> list[dict[str, Any]]:
        path = "/v1/withdrawals/search" if what == "withdrawals" else "/v1/withdrawals/intents/search"
        with self.signed() as http:
            response = http.post(path, json=query)
        assert response.status_code == 200, response.text
        return list(response.json()["list"])


@pytest.fixture
def emulator() -> Iterator[SmartyPaySandbox]:
    with SmartyPaySandbox() as running:
        yield running
        assert not running.violations, running.violations


# -- the sweep ----------------------------------------------------------------------------------
@pytest.mark.parametrize("scheme", ["basic", "hmac"])
def test_withdraw_now_sweeps_the_whole_balance_at_the_next_slot(emulator: SmartyPaySandbox, scheme: str) -> None:
    client = emulator.client(scheme)
    response = withdraw_now.sync(client=client, body=WithdrawNowRequest(merchant_id=M1, currency=Currency.BUSDT))
    assert isinstance(response, WithdrawNowResponse)
    intent = response.intent
    assert intent.status is IntentStatus.PENDING
    assert response.merchant_id == M1
    assert intent.process_at.timestamp() % 300 == 0  # the next five-minute slot
    assert intent.process_at > datetime.now(UTC)
    # Asking again while the intent is pending answers the same intent; nothing has moved yet.
    assert emulator.withdraw_now(scheme=scheme)["id"] == intent.id
    assert emulator.balance(M1, "bUSDT") == (Decimal("998"), 0)
    assert emulator.search("withdrawals") == []

    emulator.advance(301)
    [processed] = emulator.search("intents")
    assert processed["status"] == "Succeeded"
    assert processed["currency"] == processed["asset"] == "bUSDT"
    [swept] = emulator.search("withdrawals")
    assert swept["amount"] == {"value": "998", "currency": "bUSDT"}
    assert (swept["status"], swept["blockchain"], swept["destinationAddress"]) == ("New", "BinanceMainNet", ADDRESS)
    assert emulator.balance(M1, "bUSDT") == (0, Decimal("998"))  # held by the withdrawal
    gas = int(GAS) - DEFAULT_GAS_COST_WEI
    assert emulator.balance(M1, "BinanceMainNet", "gas") == (gas, 0)
    with emulator.signed() as http:
        balances = http.get(f"/v1/merchants/{M1}/balance").json()["balances"]
        wallets = http.get(f"/v1/merchants/{M1}/gas-wallets").json()["gasWallets"]
    assert {b["currency"] for b in balances} == {"pUSDC", "btUSDTv2"}  # a zero balance is not listed
    assert wallets[0] == {**wallet("BinanceMainNet", str(gas))}

    assert emulator.post_transition(swept["id"], "start").json()["status"] == "Running"
    assert emulator.post_transition(swept["id"], "finish").json()["status"] == "Finished"
    fetched = get_withdrawal.sync(swept["id"], client=client)
    assert isinstance(fetched, Withdrawal)
    assert fetched.status is WithdrawalStatus.FINISHED
    assert emulator.balance(M1, "bUSDT") == (0, 0)  # the tokens left for the merchant's address
    # A payment arriving afterwards is swept by a new intent.
    emulator.raw.post("/_sandbox/seed", json={"accounts": [merchant(M1, {"bUSDT": "7"}, [])]})
    assert emulator.withdraw_now()["id"] != intent.id


def test_a_gas_wallet_that_cannot_pay_fails_the_sweep_and_returns_the_tokens(emulator: SmartyPaySandbox) -> None:
    out_of_service = emulator.withdraw_now(M2, "bUSDT")  # its BinanceMainNet wallet is out of service
    no_wallet = emulator.withdraw_now(M3, "bUSDT")
    too_poor = emulator.withdraw_now(M1, "pUSDC")  # 1 wei on PolygonMainNet
    emulator.advance(301)
    statuses = {i["id"]: i["status"] for i in emulator.search("intents")}
    assert [statuses[i["id"]] for i in (out_of_service, no_wallet, too_poor)] == ["Failed"] * 3
    failed = emulator.search("withdrawals")
    assert sorted((w["amount"]["value"], w["status"]) for w in failed) == [
        ("12.25", "Error"),
        ("3015", "Error"),
        ("5", "Error"),
    ]
    assert emulator.balance(M2, "bUSDT") == (Decimal("12.25"), 0)
    assert emulator.balance(M1, "pUSDC") == (Decimal("3015"), 0)
    assert emulator.balance(M1, "PolygonMainNet", "gas") == (1, 0)


def test_nothing_to_sweep_succeeds_without_a_withdrawal(emulator: SmartyPaySandbox) -> None:
    emulator.withdraw_now(M1, "eDAI")
    emulator.advance(301)
    assert [i["status"] for i in emulator.search("intents")] == ["Succeeded"]
    assert emulator.search("withdrawals") == []


def test_pause_resume_cancel_and_fail_through_the_control_api(emulator: SmartyPaySandbox) -> None:
    emulator.withdraw_now(M1, "bUSDT")
    emulator.withdraw_now(M1, "btUSDTv2")
    emulator.advance(301)
    by_currency = {w["amount"]["currency"]: w["id"] for w in emulator.search("withdrawals")}
    first, second = by_currency["bUSDT"], by_currency["btUSDTv2"]
    assert emulator.post_transition(first, "pause").json()["available_transitions"] == ["resume", "cancel", "fail"]
    assert emulator.post_transition(first, "cancel").json()["status"] == "Cancelled"
    assert emulator.balance(M1, "bUSDT") == (Decimal("998"), 0)  # cancelled: the tokens stay
    assert emulator.post_transition(first, "start").status_code == 409
    assert emulator.post_transition(second, "start").json()["status"] == "Running"
    assert emulator.post_transition(second, "pause").json()["status"] == "Paused"
    assert emulator.post_transition(second, "resume").json()["status"] == "Running"
    assert emulator.post_transition(second, "fail").json()["status"] == "Error"
    assert emulator.balance(M1, "btUSDTv2") == (Decimal("150.5"), 0)


def test_a_transition_the_emulator_does_not_name_is_refused_by_its_schema(emulator: SmartyPaySandbox) -> None:
    emulator.withdraw_now(M1, "bUSDT")
    emulator.advance(301)
    (withdrawal,) = [w["id"] for w in emulator.search("withdrawals")]
    # The served control spec lists SmartyPay's transitions; another provider's is schema-invalid.
    refused = emulator.post_transition(withdrawal, "approve_level1")
    assert refused.status_code == 400
    assert "transition" in refused.json()["error"]
    # A payment intent's transition is one of SmartyPay's, but not a withdrawal's: a state conflict.
    other_kind = emulator.post_transition(withdrawal, "succeed")
    assert other_kind.status_code == 409
    assert other_kind.json() == {
        "error": "cannot succeed a withdrawal; its transitions: start, finish, pause, resume, cancel, fail"
    }


def test_instant_advance_runs_the_sweep_to_the_end() -> None:
    config = SandboxConfig(test_mode=True, rate_limit=0, advance=AdvancePolicy.INSTANT)
    with SmartyPaySandbox(config) as running:
        intent = running.withdraw_now(M1, "btUSDTv2")
        assert abs(datetime.fromisoformat(intent["processAt"]).timestamp() - time.time()) < 5
        deadline = time.monotonic() + 5
        while running.search("withdrawals") == [] or running.search("withdrawals")[0]["status"] != "Finished":
            assert time.monotonic() < deadline, running.search("withdrawals")
            time.sleep(0.05)
        assert running.balance(M1, "btUSDTv2") == (0, 0)
        assert not running.violations


# -- searches -----------------------------------------------------------------------------------
def test_search_predicates_are_anded_and_pages_are_newest_first(emulator: SmartyPaySandbox) -> None:
    for currency in ("bUSDT", "btUSDTv2", "pUSDC"):
        emulator.withdraw_now(M1, currency)
    emulator.withdraw_now(M2, "bUSDT")
    emulator.advance(301)  # M1's pUSDC and M2's bUSDT fail on gas, the others succeed
    intents = emulator.search("intents")
    assert len(intents) == 4
    assert [i["currency"] for i in intents] == ["bUSDT", "pUSDC", "btUSDTv2", "bUSDT"]  # newest first
    main = emulator.search("intents", predicates={"network": "MainNet"})
    assert {i["blockchain"] for i in main} == {"BinanceMainNet", "PolygonMainNet"}
    failed_main = emulator.search("intents", predicates={"network": "MainNet", "status": "Failed"})
    assert sorted(i["currency"] for i in failed_main) == ["bUSDT", "pUSDC"]
    assert emulator.search("intents", predicates={"network": "TestNet", "status": "Failed"}) == []
    assert [w["blockchain"] for w in emulator.search("withdrawals", predicates={"network": "TestNet"})] == [
        "BinanceTestNet"
    ]
    everything = emulator.search("withdrawals")
    assert emulator.search("withdrawals", page={"limit": 2}) == everything[:2]
    assert emulator.search("withdrawals", page={"limit": 2, "offset": 2}) == everything[2:4]
    assert emulator.search("withdrawals", page={"offset": 99}) == []
    with emulator.signed() as http:
        page = http.post("/v1/withdrawals/search", json={"page": {"limit": 3, "offset": 1}}).json()["page"]
        assert page == {"limit": 3, "offset": 1}
        assert http.post("/v1/withdrawals/search").json()["page"] == {"limit": 20, "offset": 0}
        for bad in ({"page": {"limit": 101}}, {"page": {"limit": 0}}, {"predicates": {"network": "DevNet"}}):
            refused = http.post("/v1/withdrawals/search", json=bad)
            assert refused.status_code == 400, bad
            assert refused.json()["code"] == "BadRequest"


def test_searches_see_only_the_partners_own_merchants(emulator: SmartyPaySandbox) -> None:
    emulator.withdraw_now(M1, "bUSDT")
    emulator.advance(301)
    [own] = emulator.search("withdrawals")
    with emulator.signed(key="other", secret="other-secret") as other:
        assert other.post("/v1/withdrawals/search").json()["list"] == []
        assert other.post("/v1/withdrawals/intents/search").json()["list"] == []
        missing = other.get(f"/v1/withdrawals/{own['id']}")
        assert missing.status_code == 404
        assert missing.json() == {"status": 404, "code": "WithdrawalNotFound", "message": "Withdrawal not found"}
        for path in (f"/v1/merchants/{M1}/balance", f"/v1/merchants/{M1}/gas-wallets"):
            assert other.get(path).json()["code"] == "MerchantNotFound"
        refused = other.post("/v1/withdrawals/withdraw-now", json={"merchantId": M1, "currency": "bUSDT"})
        assert (refused.status_code, refused.json()["code"]) == (404, "MerchantNotFound")


def test_the_generated_client_pages_through_withdrawals(emulator: SmartyPaySandbox) -> None:
    emulator.withdraw_now(M1, "bUSDT")
    emulator.advance(301)
    page = search_withdrawals.sync(client=emulator.client("basic"))
    assert isinstance(page, WithdrawalList)
    assert [w.amount.value for w in page.list_] == ["998"]
    assert page.list_[0].status is WithdrawalStatus.NEW


# -- the schedule -------------------------------------------------------------------------------
def test_schedule_amount_is_validated_and_kept_exactly(emulator: SmartyPaySandbox) -> None:
    path = f"/v1/merchants/{M1}/withdrawal-schedule"
    with emulator.signed() as http:
        http.headers["content-type"] = "application/json"
        assert http.get(path).json() == {"period": "NotSet", "unifiedMinAmount": 0}
        exact = http.put(path, content=b'{"period":"FirstDayOfMonth","unifiedMinAmount":0.10}')
        assert exact.content == b'{"period":"FirstDayOfMonth","unifiedMinAmount":0.10}'
        assert http.get(path).content == exact.content
        many = b'{"period":"FirstDayOfWeek","unifiedMinAmount":123456789012345678.123456789012345678}'
        assert http.put(path, content=many).content == many
        for bad in (-1, "50", None, True):
            refused = http.put(path, json={"period": "FirstDayOfWeek", "unifiedMinAmount": bad})
            assert refused.status_code == 400, bad
            assert refused.json()["code"] == "UnifiedMinAmountInvalid", refused.json()
        refused = http.put(path, json={"period": "Daily", "unifiedMinAmount": 1})
        assert refused.json()["code"] == "BadRequest"
        assert http.put(f"/v1/merchants/{FOREIGN}/withdrawal-schedule", content=exact.content).status_code == 404


def test_a_weekly_schedule_sweeps_what_reached_the_minimum(emulator: SmartyPaySandbox) -> None:
    with emulator.signed() as http:
        schedule = {"period": "FirstDayOfWeek", "unifiedMinAmount": 150.5}
        assert http.put(f"/v1/merchants/{M1}/withdrawal-schedule", json=schedule).status_code == 200
    assert emulator.search("intents") == []
    now = datetime.now(UTC)
    next_monday = (now + timedelta(days=7 - now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    emulator.advance(next_monday.timestamp() - time.time() + 1)
    intents = emulator.search("intents")
    assert sorted(i["currency"] for i in intents) == ["bUSDT", "btUSDTv2", "pUSDC"]  # all at least 150.5
    assert all(datetime.fromisoformat(i["processAt"]) == next_monday + timedelta(minutes=5) for i in intents)
    emulator.advance(300)
    assert {i["status"] for i in emulator.search("intents")} == {"Succeeded", "Failed"}  # pUSDC: no gas
    # The same week does not trigger twice.
    emulator.advance(3600)
    assert len(emulator.search("intents")) == 3


# -- errors and seeds ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "content", "status", "code"),
    [
        ("POST", "/v1/withdrawals/withdraw-now", b"{not json", 400, "BadRequest"),
        ("POST", "/v1/withdrawals/withdraw-now", b'{"merchantId": "x"}', 400, "BadRequest"),
        ("POST", "/v1/withdrawals/withdraw-now", b'{"merchantId": "x", "currency": "XRP"}', 400, "BadRequest"),
        ("GET", "/nowhere", b"", 404, "NotFound"),
        ("GET", "/v1/withdrawals/search", b"", 405, "MethodNotAllowed"),
        ("DELETE", "/v1/withdrawals/withdraw-now", b"", 405, "MethodNotAllowed"),
        ("GET", "/v1/withdrawals/not-an-id", b"", 404, "NotFound"),
    ],
)
def test_bad_requests_get_the_standard_error_object(
    emulator: SmartyPaySandbox, method: str, path: str, content: bytes, status: int, code: str
) -> None:
    with emulator.signed() as http:
        response = http.request(method, path, content=content, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"status", "code", "message"}
    assert (body["status"], body["code"]) == (status, code)
    if status == 405:
        assert response.headers["allow"] == "POST"


@pytest.mark.parametrize(
    "account",
    [
        merchant("m", {"XRP": "1"}, []),
        merchant("m", {"pUSDC": "0.0000001"}, []),  # pUSDC has 6 decimals
        merchant("m", {"bUSDT": "1" + "0" * 90}, []),  # no room for 18 decimals in the store's precision
        {**merchant("m", {}, []), "credentials": [{"key_id": "k", "secret": "s"}]},
        merchant("m", {}, [wallet("Solana")]),
        merchant("m", {}, [wallet("BinanceMainNet", "1.5")]),
        {**merchant("m", {}, []), "extra": {**merchant("m", {}, [])["extra"], "color": "red"}},
        {"id": "p", "balances": {"bUSDT": "1"}},
    ],
)
def test_seeds_the_model_cannot_serve_are_refused(emulator: SmartyPaySandbox, account: dict[str, Any]) -> None:
    response = emulator.raw.post("/_sandbox/seed", json={"accounts": [account]})
    assert response.status_code == 400, response.text


def test_seed_data_the_schema_allows_is_taken_as_given(emulator: SmartyPaySandbox) -> None:
    """Seeds are test set-up: an address is stored as written, and a chain seeded twice keeps its last wallet."""
    unchecked = "0x7AA002968e2B68b4803cbE15DdfdEe1488550180"  # not an EIP-55 checksum
    account = merchant("m", {}, [wallet("BinanceMainNet", "5"), wallet("BinanceMainNet", "7")])
    account["extra"]["destinationAddress"] = unchecked
    assert emulator.raw.post("/_sandbox/seed", json={"accounts": [account]}).status_code == 200
    with emulator.signed() as http:
        wallets = http.get("/v1/merchants/m/gas-wallets").json()["gasWallets"]
    assert [(w["blockchain"], w["nativeBalance"]) for w in wallets] == [("BinanceMainNet", "7")]


# -- the race and crash tests, SmartyPay's reading -------------------------------------------------
def test_concurrent_withdraw_now_makes_one_intent_and_one_sweep(emulator: SmartyPaySandbox) -> None:
    barrier = threading.Barrier(16)

    def attempt(i: int) -> tuple[int, str]:
        with emulator.signed("basic" if i % 2 else "hmac") as http:
            if i < 16:
                barrier.wait()
            response = http.post("/v1/withdrawals/withdraw-now", json={"merchantId": M1, "currency": "bUSDT"})
            return response.status_code, response.json()["intent"]["id"]

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(attempt, range(64)))
    assert {status for status, _ in results} == {200}
    assert len({intent_id for _, intent_id in results}) == 1
    emulator.advance(301)
    with ThreadPoolExecutor(max_workers=8) as pool:  # many requests race to process the slot
        list(pool.map(lambda _: emulator.search("intents"), range(16)))
    [swept] = emulator.search("withdrawals")
    assert swept["amount"]["value"] == "998"
    assert emulator.balance(M1, "bUSDT") == (0, Decimal("998"))


def test_acknowledged_intents_survive_sigkill(tmp_path: Path) -> None:
    """SIGKILL during a burst of withdraw-now over many merchants; every acknowledged intent is kept."""
    merchants = [f"Crash{n:03d}" for n in range(40)]
    accounts = [{"id": "p1", "credentials": [{"key_id": KEY, "secret": SECRET}]}]
    accounts += [merchant(m, {"bUSDT": "10", "btUSDTv2": "2.5"}, [wallet("BinanceMainNet")]) for m in merchants]
    db, seed_file = tmp_path / "sandbox.db", tmp_path / "seed.json"
    seed_file.write_text(json.dumps({"accounts": accounts}))
    port = free_port()
    server = start_emulator_process("smartypay", db, port, seed_file)
    base_url = f"http://127.0.0.1:{port}"
    acknowledged: dict[str, tuple[str, str]] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def burst(worker: int) -> None:
        with httpx.Client(base_url=base_url, auth=auth.make_auth(KEY, SECRET), timeout=5) as http:
            i = worker
            while not stop.is_set():
                pair = (merchants[i % len(merchants)], ("bUSDT", "btUSDTv2")[(i // len(merchants)) % 2])
                i += 7
                try:
                    response = http.post(
                        "/v1/withdrawals/withdraw-now", json={"merchantId": pair[0], "currency": pair[1]}
                    )
                except httpx.HTTPError:
                    return  # the server died mid-request: that call was never acknowledged
                if response.status_code == 200:
                    with lock:
                        acknowledged[response.json()["intent"]["id"]] = pair

    threads = [threading.Thread(target=burst, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 40:
        assert time.monotonic() < deadline, f"only {len(acknowledged)} withdraw-now calls acknowledged"
        time.sleep(0.005)
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    stop.set()
    for thread in threads:
        thread.join()

    server = start_emulator_process("smartypay", db, port, None)
    try:
        with httpx.Client(base_url=base_url, auth=auth.make_auth(KEY, SECRET, "basic"), timeout=5) as http:
            found = http.post("/v1/withdrawals/intents/search", json={"page": {"limit": 100}}).json()["list"]
            stored = {i["id"]: i for i in found}
            assert set(acknowledged) <= set(stored), set(acknowledged) - set(stored)
            httpx.post(f"{base_url}/_sandbox/clock/advance", json={"seconds": 301}).raise_for_status()
            swept = http.post("/v1/withdrawals/search", json={"page": {"limit": 100}}).json()["list"]
            state = httpx.get(f"{base_url}/_sandbox/accounts/{merchants[0]}").json()
    finally:
        server.terminate()
        server.wait()
    # One pending intent per merchant and currency at most, hence one sweep each, of the whole balance.
    per_pair: dict[tuple[str, str], set[str]] = {}
    for intent_id, pair in acknowledged.items():
        per_pair.setdefault(pair, set()).add(intent_id)
    assert all(len(ids) == 1 for ids in per_pair.values()), per_pair
    assert len(stored) <= 2 * len(merchants)
    assert len(swept) == len(stored)
    assert {w["amount"]["value"] for w in swept} <= {"10", "2.5"}
    held = {asset: Decimal(b["frozen"]) + Decimal(b["available"]) for asset, b in state["balances"].items()}
    assert held["bUSDT"] == 10
    assert held["btUSDTv2"] == Decimal("2.5")
