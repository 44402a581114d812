"""The lost-response fault: a request handled and committed whose answer never arrives (or is a 5xx)."""

from __future__ import annotations

from contextlib import closing
from typing import Any

import httpx
import pytest

from withdrawal_apis.testing import Emulator

from .scenario import Scenario


def logged_in(running: Emulator, scenario: Scenario) -> httpx.Client:
    """A client that has made one request, so a login (kamiPay, 1Konto) is not the next one."""
    client = running.http(scenario.auth())
    client.get(scenario.read_path).raise_for_status()
    return client


def test_a_committed_request_whose_connection_drops(ledger_scenario: Scenario, serve: Any) -> None:
    """Over a real socket the client sees the connection end; the withdrawal happened all the same."""
    scenario = ledger_scenario
    running = serve(scenario.provider, rate_limit=0)
    initial = scenario.unit * 3
    running.raw.post("/_sandbox/seed", json=scenario.seed(initial)).raise_for_status()
    client = logged_in(running, scenario)
    running.raw.post("/_sandbox/faults", json={"count": 1, "commit": True, "drop": True}).raise_for_status()
    with closing(client), pytest.raises(httpx.RemoteProtocolError):
        scenario.create(client, 0)
    available, _ = running.balance(scenario.account_id, scenario.asset, scenario.wallet)
    assert available == initial - scenario.unit


def test_a_drop_without_commit_changes_nothing(ledger_scenario: Scenario, serve: Any) -> None:
    scenario = ledger_scenario
    running = serve(scenario.provider, rate_limit=0)
    initial = scenario.unit * 3
    running.raw.post("/_sandbox/seed", json=scenario.seed(initial)).raise_for_status()
    client = logged_in(running, scenario)
    running.raw.post("/_sandbox/faults", json={"count": 1, "drop": True}).raise_for_status()
    with closing(client):
        with pytest.raises(httpx.RemoteProtocolError):
            scenario.create(client, 0)
        assert running.balance(scenario.account_id, scenario.asset, scenario.wallet)[0] == initial
        assert scenario.create(client, 1).status_code == scenario.success_status  # the fault is used up


def test_a_committed_request_answered_503(ledger_scenario: Scenario, serve: Any) -> None:
    scenario = ledger_scenario
    running = serve(scenario.provider, rate_limit=0)
    initial = scenario.unit * 3
    running.raw.post("/_sandbox/seed", json=scenario.seed(initial)).raise_for_status()
    client = logged_in(running, scenario)
    running.raw.post("/_sandbox/faults", json={"count": 1, "commit": True, "status": 503}).raise_for_status()
    with closing(client):
        assert scenario.create(client, 0).status_code == 503
    assert running.balance(scenario.account_id, scenario.asset, scenario.wallet)[0] == initial - scenario.unit


def test_a_status_and_a_drop_together_are_refused(serve: Any) -> None:
    running = serve("mpchat")
    answer = running.raw.post("/_sandbox/faults", json={"count": 1, "status": 503, "drop": True})
    assert answer.status_code == 400
    assert set(answer.json()) == {"error"}


@pytest.mark.parametrize("fault", [{"count": 1}, {"count": 1, "commit": True}])
def test_a_fault_without_status_drop_or_latency_changes_nothing(serve: Any, fault: dict[str, Any]) -> None:
    """The spec allows such a fault; it lets its request through unchanged and is used up."""
    from ..providers.mpchat.scenario import MPCHAT

    running = serve("mpchat", rate_limit=0)
    running.seed(MPCHAT.seed(MPCHAT.unit * 2))
    assert running.raw.post("/_sandbox/faults", json=fault).status_code == 201
    with running.http(MPCHAT.auth()) as client:
        assert client.get(MPCHAT.read_path).status_code == 200
    assert running.raw.post("/_sandbox/faults", json={"count": 1, "status": 503}).status_code == 201
    with running.http(MPCHAT.auth()) as client:
        assert client.get(MPCHAT.read_path).status_code == 503


def test_the_queued_faults_show_commit_and_drop(serve: Any) -> None:
    running = serve("mpchat")
    answer = running.raw.post("/_sandbox/faults", json={"count": 2, "commit": True, "drop": True})
    assert answer.status_code == 201
    assert answer.json() == {"faults": [{"count": 2, "latency_ms": 0, "retry_after": 1, "commit": True, "drop": True}]}
