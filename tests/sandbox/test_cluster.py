"""A shared sandbox: three emulator processes on one PostgreSQL database, behind nginx, keep every guarantee.

The cluster is built once for the module and reset through the control API before each test, as a
team resets a shared sandbox between test runs. Each test prints what it saw (`pytest -s` or `-rA`).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from withdrawal_apis.reachability import free_port
from withdrawal_apis.testing.services import PostgresCluster

from ..conftest import start_emulator_process
from ..providers.mpchat.scenario import MPCHAT
from .cluster import Cluster
from .load import Burst, race

SCENARIO = MPCHAT
PROCESSES = 3


@pytest.fixture(scope="module")
def cluster(postgres: PostgresCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    seed = tmp_path_factory.mktemp("cluster") / "seed.json"
    seed.write_text(json.dumps(SCENARIO.seed(SCENARIO.unit)))
    running = Cluster(SCENARIO.provider, postgres.database(), seed, PROCESSES)
    yield running
    running.close()


def reset_and_seed(cluster: Cluster, seed: dict[str, Any]) -> None:
    """What a team does between test runs: reset and seed through the balancer, no restart."""
    with cluster.client() as control:
        assert control.post("/_sandbox/reset").status_code == 204
        control.post("/_sandbox/seed", json=seed).raise_for_status()
        control.put("/_sandbox/config", json={"advance": "manual", "rate_limit": 0}).raise_for_status()


def balance(cluster: Cluster, index: int | None = None) -> tuple[Decimal, Decimal]:
    with cluster.client(index=index) as control:
        state = control.get(f"/_sandbox/accounts/{SCENARIO.account_id}").json()
    found = state["balances"][SCENARIO.asset]
    return Decimal(found["available"]), Decimal(found["frozen"])


def test_a_race_spread_over_the_processes_never_overdraws(cluster: Cluster) -> None:
    """200 creates from 32 threads, each to one of the three processes in turn, for a balance that covers 50."""
    capacity = 50
    reset_and_seed(cluster, SCENARIO.seed(SCENARIO.unit * capacity))
    statuses = race(SCENARIO, lambda i: cluster.client(SCENARIO.auth(), index=i % PROCESSES), attempts=200)
    print(f"\ncluster race: 200 creates over {PROCESSES} processes for {capacity} units: {dict(statuses)}")
    assert statuses[SCENARIO.success_status] == capacity, statuses
    assert set(statuses) <= {SCENARIO.success_status, 400}, statuses
    every = [balance(cluster, index) for index in range(PROCESSES)]
    assert every == [(Decimal(0), capacity * SCENARIO.frozen_per_success)] * PROCESSES  # one ledger, seen alike
    with cluster.client(SCENARIO.auth()) as client:
        assert client.get("/v1/withdrawals", params={"limit": 1}).json()["total"] == capacity


class Receiver:
    """A webhook endpoint that refuses the first attempt of every third event, to make the sandbox retry."""

    def __init__(self) -> None:
        self.accepted: Counter[bytes] = Counter()
        self.refused: Counter[bytes] = Counter()
        self.seen: dict[bytes, int] = {}  # each event's body, numbered in order of arrival
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                with receiver.lock:
                    number = receiver.seen.setdefault(body, len(receiver.seen))
                    refuse = number % 3 == 0 and not receiver.refused[body]
                    (receiver.refused if refuse else receiver.accepted)[body] += 1
                self.send_response(500 if refuse else 200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_each_scheduled_step_runs_once_and_each_webhook_is_delivered_once(cluster: Cluster) -> None:
    count = 30
    receiver = Receiver()
    try:
        seed = SCENARIO.seed(SCENARIO.unit * count)
        seed["accounts"][0]["webhook"] = {"url": receiver.url, "secret": "whsec_cluster"}
        reset_and_seed(cluster, seed)
        with cluster.client() as control:
            control.put("/_sandbox/config", json={"advance": "realistic"}).raise_for_status()
        with cluster.client(SCENARIO.auth()) as client:
            ids = [SCENARIO.created_id(SCENARIO.create(client, i)) for i in range(count)]
        # The clock moves on one process while the two others serve requests, each of which first runs
        # whatever is due: the three race for the same 150 steps.
        stop = threading.Event()

        def poke(index: int) -> None:
            with cluster.client(SCENARIO.auth(), index=index) as client:
                while not stop.is_set():
                    client.get("/v1/balance")

        pokers = [threading.Thread(target=poke, args=(i,)) for i in range(1, PROCESSES) for _ in range(2)]
        for thread in pokers:
            thread.start()
        time.sleep(0.2)
        with cluster.client(index=0) as control:
            moved = control.post("/_sandbox/clock/advance", json={"seconds": 3600}).json()
        offsets = []
        for index in range(PROCESSES):
            with cluster.client(index=index) as control:
                offsets.append(control.get("/_sandbox/clock").json()["offset"])
        stop.set()
        for thread in pokers:
            thread.join()
        assert offsets == [moved["offset"]] * PROCESSES  # one clock: the move is seen by every process
        deliveries = wait_delivered(cluster, count)
    finally:
        receiver.close()
    with cluster.client(SCENARIO.auth()) as client:
        statuses = Counter(SCENARIO.get(client, wid).json()["status"] for wid in ids)
        ledger = client.get("/v1/transactions", params={"limit": 1}).json()
    retried = [d for d in deliveries if d["attempts"] > 1]
    print(
        f"\ncluster steps and webhooks: {count} withdrawals x 5 steps over {PROCESSES} processes; "
        f"{moved['applied']} of {5 * count} steps ran on the process that moved the clock, the rest on the others; "
        f"{len(deliveries)} deliveries, {sum(receiver.accepted.values())} accepted, "
        f"{sum(receiver.refused.values())} refused and retried ({len(retried)} deliveries needed 2 attempts)"
    )
    assert statuses == Counter({"COMPLETED": count})
    assert ledger["total"] == 2 * count  # the fee and the amount, once per completion
    assert balance(cluster) == (Decimal(0), Decimal(0))
    assert len(deliveries) == count  # one event per completed withdrawal, for the one endpoint
    assert all(d["status"] == "delivered" for d in deliveries)
    assert len(receiver.accepted) == count
    assert set(receiver.accepted.values()) == {1}  # once per event
    assert retried  # a retry keeps the delivery (same id)
    assert all(d["attempts"] == 2 for d in retried)
    assert set(receiver.refused) <= set(receiver.accepted)  # and the same bytes


def wait_delivered(cluster: Cluster, count: int, timeout: float = 60) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    with cluster.client() as control:
        while True:
            deliveries: list[dict[str, Any]] = control.get("/_sandbox/webhooks").json()["deliveries"]
            if len(deliveries) >= count and all(d["status"] != "pending" for d in deliveries):
                return deliveries
            assert time.monotonic() < deadline, deliveries
            control.post("/_sandbox/clock/advance", json={"seconds": 5})  # retries are due on the virtual clock
            time.sleep(0.2)


def test_control_api_actions_reach_every_process(cluster: Cluster) -> None:
    reset_and_seed(cluster, SCENARIO.seed(SCENARIO.unit * 10))
    auth = SCENARIO.auth()
    # A fault injected through one process meets the next requests of whichever process serves them.
    with cluster.client(index=0) as control:
        control.post("/_sandbox/faults", json={"count": 3, "status": 500}).raise_for_status()
    answers = []
    for index in (1, 2, 1, 2):
        with cluster.client(auth, index=index) as client:
            answers.append(client.get("/v1/balance").status_code)
    assert answers == [500, 500, 500, 200]
    # A rate limit set through one process counts one window across all of them.
    with cluster.client(index=1) as control:
        control.put("/_sandbox/config", json={"rate_limit": 2}).raise_for_status()
    answers = []
    for index in (0, 1, 2):
        with cluster.client(auth, index=index) as client:
            answers.append(client.get("/v1/balance").status_code)
    assert answers == [200, 200, 429]
    with cluster.client(index=2) as control:
        assert control.put("/_sandbox/config", json={"rate_limit": 0}).json()["rate_limit"] == 0
        assert control.post("/_sandbox/reset").status_code == 204
    # A reset through one process is the state of all; a seed through another, too.
    with cluster.client(index=0) as control:
        assert control.get(f"/_sandbox/accounts/{SCENARIO.account_id}").status_code == 404
    with cluster.client(index=1) as control:
        control.post("/_sandbox/seed", json=SCENARIO.seed(Decimal(7))).raise_for_status()
    assert balance(cluster, 2) == (Decimal(7), Decimal(0))


def test_a_database_restart_mid_burst_is_a_clear_503_then_recovery(cluster: Cluster, postgres: PostgresCluster) -> None:
    initial = SCENARIO.unit * 100_000
    reset_and_seed(cluster, SCENARIO.seed(initial))
    burst = Burst(SCENARIO, lambda w: cluster.client(SCENARIO.auth()), keep_going=True)
    burst.wait_for(60)
    before = len(burst.acknowledged)
    postgres.restart("immediate")  # a crash and recovery: every connection dropped mid-transaction
    burst.wait_for(before + 60, timeout=90)  # the processes reconnect and acknowledge again
    acknowledged = burst.stop()
    print(
        f"\ncluster database restart: {before} acknowledged before it, {len(acknowledged)} in all; "
        f"answers {dict(burst.statuses)}"
    )
    assert set(burst.statuses) <= {SCENARIO.success_status, 503}, burst.statuses
    assert burst.statuses[503] > 0  # the outage was seen, and answered
    assert json.loads(burst.bodies[503]) == {"error": "the sandbox's database is unavailable; retry shortly"}
    assert burst.headers[503]["retry-after"] == "1"
    assert_nothing_lost(cluster, acknowledged, initial)


def test_a_process_killed_mid_burst_loses_nothing_and_the_others_answer(cluster: Cluster) -> None:
    initial = SCENARIO.unit * 100_000
    reset_and_seed(cluster, SCENARIO.seed(initial))
    burst = Burst(SCENARIO, lambda w: cluster.client(SCENARIO.auth()), keep_going=True)
    burst.wait_for(60)  # enough commits in flight on every process to catch one at the kill
    cluster.kill(1)
    before = len(burst.acknowledged)
    burst.wait_for(before + 60)  # the two others keep answering through the balancer
    acknowledged = burst.stop()
    print(
        f"\ncluster SIGKILL: {before} acknowledged when process 2 of {PROCESSES} was killed, "
        f"{len(acknowledged)} in all; answers {dict(burst.statuses)}"
    )
    # A create in flight on the killed process is lost to its client (502 from the balancer), never acknowledged.
    assert set(burst.statuses) <= {SCENARIO.success_status, 502}, burst.statuses
    try:
        assert_nothing_lost(cluster, acknowledged, initial)
    finally:
        cluster.start(1)


def assert_nothing_lost(cluster: Cluster, acknowledged: list[str], initial: Decimal) -> None:
    with cluster.client(SCENARIO.auth()) as client:
        missing = [wid for wid in acknowledged if SCENARIO.get(client, wid).status_code != 200]
        stored_count = client.get("/v1/withdrawals", params={"limit": 1}).json()["total"]
    assert not missing, f"{len(missing)} acknowledged withdrawals lost: {missing[:5]}"
    available, frozen = balance(cluster)
    # Creates that committed but whose answer was lost are fine; the money must still add up.
    stored = (initial - available) / SCENARIO.unit
    assert stored == int(stored) == stored_count >= len(acknowledged)
    assert frozen == stored * SCENARIO.frozen_per_success


def test_workers_share_one_port_and_a_dead_worker_is_replaced(postgres: PostgresCluster) -> None:
    """`--workers 3`: three processes answer on one port; SIGKILL one and the port keeps answering."""
    port = free_port()
    parent = start_emulator_process(SCENARIO.provider, postgres.database(), port, None, "--workers", "3")
    try:
        workers = wait_for_workers(parent.pid, 3)
        os.kill(workers[0], signal.SIGKILL)
        answers = Counter()
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                answers[client.get("/_sandbox/clock").status_code] += 1
                replaced = wait_for_workers(parent.pid, 3, timeout=0)
                if replaced and workers[0] not in replaced:
                    break
        print(f"\nworkers: killed {workers[0]} of {workers}; replaced by {sorted(set(replaced) - set(workers))}")
        assert workers[0] not in replaced
        assert answers == Counter({200: sum(answers.values())})
    finally:
        parent.terminate()
        assert parent.wait(timeout=15) == 0


def wait_for_workers(pid: int, count: int, timeout: float = 30) -> list[int]:
    """The worker processes of a `--workers` parent, once there are `count` of them ([] if not in time)."""
    deadline = time.monotonic() + timeout
    while True:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        if len(children) == count:
            return [int(child) for child in children]
        if time.monotonic() >= deadline:
            return []
        time.sleep(0.05)
