"""Ledger races, crash recovery and auth attacks, run once per provider through its Scenario."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from withdrawal_apis.reachability import free_port

from ..conftest import start_emulator_process
from .load import Burst, race
from .scenario import Scenario

CAPACITY = 50
ATTEMPTS = 200


def test_concurrent_creates_never_overdraw(ledger_scenario: Scenario, serve: Any) -> None:
    scenario = ledger_scenario
    """200 creates race for a balance that covers exactly 50: 50 succeed, the ledger adds up."""
    running = serve(scenario.provider, rate_limit=0)
    initial = scenario.unit * CAPACITY
    running.raw.post("/_sandbox/seed", json=scenario.seed(initial)).raise_for_status()
    statuses = race(scenario, lambda i: running.http(scenario.auth()), ATTEMPTS)
    assert statuses[scenario.success_status] == CAPACITY, statuses
    assert set(statuses) <= {scenario.success_status, 400, 403, 422}, statuses
    available, frozen = running.balance(scenario.account_id, scenario.asset, scenario.wallet)
    assert available == initial - CAPACITY * scenario.unit == 0
    assert frozen == CAPACITY * scenario.frozen_per_success


def test_acknowledged_creates_survive_sigkill(ledger_scenario: Scenario, tmp_path: Path) -> None:
    scenario = ledger_scenario
    """SIGKILL the server during a burst of creates; after a restart on the same DB every 201 is there."""
    db, seed = tmp_path / "sandbox.db", tmp_path / "seed.json"
    initial = scenario.unit * 1000
    seed.write_text(json.dumps(scenario.seed(initial)))
    port = free_port()
    server = start_emulator_process(scenario.provider, db, port, seed)
    burst = Burst(
        scenario, lambda w: httpx.Client(base_url=f"http://127.0.0.1:{port}", auth=scenario.auth(), timeout=5)
    )
    burst.wait_for(60)  # enough commits in flight to catch one at the kill
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    acknowledged = burst.stop()

    server = start_emulator_process(scenario.provider, db, port, None)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", auth=scenario.auth(), timeout=5) as client:
            missing = [wid for wid in acknowledged if scenario.get(client, wid).status_code != 200]
            state = httpx.get(f"http://127.0.0.1:{port}/_sandbox/accounts/{scenario.account_id}").json()
    finally:
        server.terminate()
        server.wait()
    assert not missing, f"{len(missing)} acknowledged withdrawals lost: {missing[:5]}"
    balances = state["wallets"][scenario.wallet] if scenario.wallet else state["balances"]
    balance = balances[scenario.asset]
    available, frozen = Decimal(balance["available"]), Decimal(balance["frozen"])
    # Creates that committed but whose response was lost in the kill are fine; money must still add up.
    stored = (initial - available) / scenario.unit
    assert stored == int(stored)
    assert stored >= len(acknowledged)
    assert frozen == stored * scenario.frozen_per_success


ClientFor = Callable[[httpx.Auth | None], httpx.Client]


@pytest.fixture(params=["in-process", "cluster"])
def seeded_target(request: pytest.FixtureRequest, scenario: Scenario, tmp_path: Path) -> Iterator[ClientFor]:
    """The scenario's emulator, seeded: in-process, or three worker processes on one PostgreSQL database."""
    if request.param == "in-process":
        running = request.getfixturevalue("serve")(scenario.provider, rate_limit=0)
        running.raw.post("/_sandbox/seed", json=scenario.seed(scenario.unit)).raise_for_status()
        yield running.http
        return
    seed, port = tmp_path / "seed.json", free_port()
    seed.write_text(json.dumps(scenario.seed(scenario.unit)))
    database = request.getfixturevalue("postgres").database()
    server = start_emulator_process(scenario.provider, database, port, seed, "--workers", "3")
    fresh = httpx.Limits(max_keepalive_connections=0)  # a connection per request: the workers take turns
    try:
        yield lambda auth: httpx.Client(base_url=f"http://127.0.0.1:{port}", auth=auth, timeout=10, limits=fresh)
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_auth_attacks_are_refused(scenario: Scenario, seeded_target: ClientFor) -> None:
    with seeded_target(scenario.auth()) as client:
        assert client.get(scenario.read_path).status_code == 200
    attacks = scenario.auth_attacks()
    assert len(attacks) >= 6
    with seeded_target(None) as client:
        for attack in attacks:
            response = client.get(scenario.read_path, headers=attack.headers)
            assert response.status_code == attack.status, f"{attack.name}: {response.status_code} {response.text}"
            body = response.json()
            assert {k: body.get(k) for k in attack.body} == attack.body, f"{attack.name}: {body}"


@pytest.mark.parametrize(
    ("method", "path", "content", "headers", "status"),
    [
        ("GET", "/nowhere", b"", {}, 404),
        ("PATCH", "/v1/withdrawals", b"", {}, 405),
        ("POST", "/v1/withdrawals", b"{not json", {"content-type": "application/json"}, 400),
        ("POST", "/v1/withdrawals", b'{"amount": NaN}', {"content-type": "application/json"}, 400),
        ("POST", "/v1/withdrawals", b"amount=1", {"content-type": "application/x-www-form-urlencoded"}, 400),
        ("POST", "/v1/withdrawals", b"[" * 100_000, {"content-type": "application/json"}, 413),
        ("POST", "/v1/withdrawals", b"[" * 1_000, {"content-type": "application/json"}, 400),
        ("POST", "/v1/withdrawals", b"\xff\xfe", {"content-type": "application/json"}, 400),
        ("GET", "/v1/withdrawals?limit=1e3", b"", {}, 400),
        ("GET", "/v1/withdrawals?limit=99999999999999999999999", b"", {}, 400),
    ],
)
def test_bad_requests_get_the_provider_error_shape(
    serve: Any, method: str, path: str, content: bytes, headers: dict[str, str], status: int
) -> None:
    from ..providers.mpchat.scenario import MPCHAT

    running = serve("mpchat", rate_limit=0)
    running.raw.post("/_sandbox/seed", json=MPCHAT.seed(Decimal(10))).raise_for_status()
    with running.http(MPCHAT.auth()) as client:
        response = client.request(method, path, content=content, headers=headers)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error"}
    if status == 405:
        assert response.headers["allow"] == "GET, POST"
