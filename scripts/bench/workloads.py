"""What `python -m scripts.bench` sends to each provider's emulator: credentials, seed, auth and the requests.

Every provider gets the same two workloads:

- `read`: one authenticated read, repeated;
- `create-then-get`: a create, then a read of what it created. Where the provider has no way to read a
  withdrawal back, the read is the closest one that shows the create's effect (`readback` says which).

Requests are signed by the provider's own `httpx.Auth` (`providers/<p>/auth.py`), given a clock the
benchmark sets to each second of the run: wrk's Lua has no crypto, so `scripts.bench.wrk` precomputes a
table of headers per second. kamiPay and 1Konto log in once and reuse their bearer token, as their
clients do.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from withdrawal_apis.chains import random_tron_address
from withdrawal_apis.providers import bigone, kamipay, mpchat, onekonto, smartypay
from withdrawal_apis.providers.bigone.auth import NANOS, BigONEAuth
from withdrawal_apis.providers.mpchat.auth import MPChatAuth
from withdrawal_apis.providers.profile import ConformanceProfile
from withdrawal_apis.providers.smartypay.auth import SmartyPayHmacAuth

Clock = Callable[[], float]
ID = "{id}"  # in a path: the id the previous step captured
UUID = "{uuid}"  # in a body: a fresh random UUID per request (only where the body is not signed)


@dataclass(frozen=True)
class Step:
    method: str
    path: str
    body: str = ""
    content_type: str = "application/json"
    capture: str = ""  # a Lua pattern whose first capture is the id the next step uses
    expect_id: bool = False  # the answer must contain the captured id (the read really found the object)

    def url(self, base_url: str, captured: str = "x") -> str:
        return base_url + self.path.replace(ID, captured)

    def request(self, base_url: str, captured: str = "x") -> httpx.Request:
        headers = {"Content-Type": self.content_type} if self.body else {}
        content = self.body.replace(UUID, "00000000-0000-4000-8000-000000000000").encode()
        return httpx.Request(self.method, self.url(base_url, captured), content=content or None, headers=headers)


@dataclass(frozen=True)
class Workload:
    name: str
    steps: tuple[Step, ...]
    description: str


@dataclass(frozen=True)
class Bench:
    """One provider as the benchmark drives it."""

    name: str
    credentials: Mapping[str, str]
    profile: ConformanceProfile
    auth: Callable[[Mapping[str, str], Clock], httpx.Auth]
    """The provider's client auth with the given clock (login schemes ignore it: they log in once)."""
    read: Step
    create: Step
    readback: Step
    readback_note: str
    extra_seed: Mapping[str, Any] = field(default_factory=dict)

    @property
    def seed(self) -> dict[str, Any]:
        return self.profile.emulator_seed(self.credentials)

    @property
    def cli_credentials(self) -> str:
        """KEY:SECRET as `withdrawal-apis sandbox --credentials` takes it."""
        key, secret = list(self.credentials.values())[:2]
        return f"{key}:{secret}"

    def workloads(self) -> tuple[Workload, Workload]:
        return (
            Workload("read", (self.read,), f"{self.read.method} {self.read.path}"),
            Workload(
                "create-then-get",
                (self.create, self.readback),
                f"{self.create.method} {self.create.path}, then {self.readback_note}",
            ),
        )


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _mpchat(secret: str) -> Bench:
    address = random_tron_address(random.Random(2024))  # a fixed, valid TRC20 address
    return Bench(
        name="mpchat",
        credentials={"key_id": "mk_test_bench", "secret": secret},
        profile=mpchat.CONFORMANCE,
        auth=lambda c, clock: MPChatAuth(c["key_id"], c["secret"], clock=clock),
        read=Step("GET", "/v1/balance"),
        create=Step(
            "POST",
            "/v1/withdrawals",
            _json({"amount": "1.00", "destination_address": address, "network": "TRC20"}),
            capture='"id"%s*:%s*"([^"]+)"',
        ),
        readback=Step("GET", f"/v1/withdrawals/{ID}", expect_id=True),
        readback_note="GET /v1/withdrawals/{id} of the created withdrawal",
    )


def _bigone(secret: str) -> Bench:
    body = {"symbol": "USDT", "target_address": bigone.DESTINATIONS["Tron"], "amount": "2", "guid": UUID}
    return Bench(
        name="bigone",
        credentials={"api_key": "bench-api-key", "secret": secret},
        profile=bigone.CONFORMANCE,
        auth=lambda c, clock: BigONEAuth(c["api_key"], c["secret"], clock_ns=lambda: int(clock()) * NANOS),
        read=Step("GET", "/viewer/fund/accounts/USDT"),
        create=Step("POST", "/viewer/withdrawals", _json(body), capture='"id"%s*:%s*(%d+)'),
        readback=Step("GET", f"/viewer/withdrawals/{ID}", expect_id=True),
        readback_note="GET /viewer/withdrawals/{id} of the created withdrawal",
    )


def _kamipay(secret: str) -> Bench:
    wallet = kamipay.CONFORMANCE_WALLET
    body = {
        "chain": "polygon",
        "token": "usdt",
        "amount": 1,
        "from_address": wallet,
        "to_address": kamipay.CONFORMANCE_DESTINATIONS[0],
    }
    balance = Step("GET", f"/v1/wallet/get_address_balance?address={wallet}&chain=polygon")
    return Bench(
        name="kamipay",
        credentials={"username": "bench@example.com", "password": secret},
        profile=kamipay.CONFORMANCE,
        auth=lambda c, _clock: kamipay.CONFORMANCE.make_auth(c),
        read=balance,
        create=Step("POST", "/v1/wallet/withdraw", _json(body)),
        readback=balance,
        readback_note="the sending wallet's balance (kamiPay has no endpoint that reads a withdrawal back)",
    )


def _onekonto(secret: str) -> Bench:
    account = onekonto.CONFORMANCE_ACCOUNT
    wallet = onekonto.CONFORMANCE_WALLET
    body = {"amount": "0.00001 BTC", "network": wallet["network"], "address": wallet["address"]}
    prefix = f"/api/v1/accounting/account/{account}"
    return Bench(
        name="onekonto",
        credentials={"user": "bench@example.com", "password": secret},
        profile=onekonto.CONFORMANCE,
        auth=lambda c, _clock: onekonto.CONFORMANCE.make_auth(c),
        read=Step("GET", prefix),
        create=Step(
            "POST",
            f"{prefix}/request/withdraw/blockchain",
            _json(body),
            capture='"withdrawRequestId"%s*:%s*"([^"]+)"',
        ),
        readback=Step("GET", f"{prefix}/request/withdraw?withdrawRequestId={ID}", expect_id=True),
        readback_note="the list of withdraw requests filtered by the created id (1Konto's way to read one)",
    )


def _smartypay(secret: str) -> Bench:
    merchant = smartypay.CONFORMANCE_MERCHANTS[0]
    search = {"predicates": {"status": "Pending"}, "page": {"limit": 5}}
    return Bench(
        name="smartypay",
        credentials={"api_key": "bench-api-key", "secret": secret},
        profile=smartypay.CONFORMANCE,
        auth=lambda c, clock: SmartyPayHmacAuth(c["api_key"], c["secret"], clock=clock),
        read=Step("GET", f"/v1/merchants/{merchant}/balance"),
        create=Step(
            "POST",
            "/v1/withdrawals/withdraw-now",
            _json({"merchantId": merchant, "currency": "bUSDT"}),
            capture='"id"%s*:%s*"([^"]+)"',
        ),
        readback=Step("POST", "/v1/withdrawals/intents/search", _json(search), expect_id=True),
        readback_note=(
            "a search of pending withdrawal intents, which lists it (HMAC signs the URI, so the read needs a "
            "fixed path; withdraw-now answers the merchant's pending intent for the currency, creating it once)"
        ),
    )


FACTORIES: dict[str, Callable[[str], Bench]] = {
    "mpchat": _mpchat,
    "bigone": _bigone,
    "kamipay": _kamipay,
    "onekonto": _onekonto,
    "smartypay": _smartypay,
}


def bench_for(name: str, secret: str) -> Bench:
    return FACTORIES[name](secret)
