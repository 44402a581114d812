"""Concurrent traffic for the ledger tests, written once for one emulator or a cluster of them.

`race` fires a burst of creates at a balance from many threads at once; `Burst` keeps creating until
told to stop, recording every acknowledged withdrawal, so a test can kill a process or restart the
database mid-burst and then look for each acknowledged one.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from .scenario import Scenario

ClientFor = Callable[[int], httpx.Client]  # a client for request number n (to spread them over processes)


def race(scenario: Scenario, client_for: ClientFor, attempts: int = 200, threads: int = 32) -> Counter[int]:
    """`attempts` creates from `threads` threads, the first `threads` released together; statuses counted."""
    barrier = threading.Barrier(threads)

    def attempt(i: int) -> int:
        with client_for(i) as client:
            if i < threads:
                barrier.wait()
            return scenario.create(client, i).status_code

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return Counter(pool.map(attempt, range(attempts)))


class Burst:
    """Creates from `threads` threads until `stop()`: what was acknowledged, and every answer's status.

    A connection error is an unacknowledged create; with `keep_going` the thread carries on (a
    balancer in front, or a database coming back), otherwise it stops (its server died).
    """

    def __init__(self, scenario: Scenario, client_for: ClientFor, threads: int = 8, keep_going: bool = False):
        self.scenario = scenario
        self.acknowledged: list[str] = []
        self.statuses: Counter[int | str] = Counter()
        self.bodies: dict[int, bytes] = {}  # one body per non-success status, to check its shape
        self.headers: dict[int, httpx.Headers] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._keep_going = keep_going
        self._threads = [threading.Thread(target=self._run, args=(w, client_for)) for w in range(threads)]
        for thread in self._threads:
            thread.start()

    def _run(self, worker: int, client_for: ClientFor) -> None:
        with client_for(worker) as client:
            i = 0
            while not self._stop.is_set():
                i += 1
                try:
                    response = self.scenario.create(client, worker * 1_000_000 + i)
                except httpx.HTTPError as error:
                    with self._lock:
                        self.statuses[type(error).__name__] += 1
                    if not self._keep_going:
                        return  # the server died mid-request: that create was never acknowledged
                    time.sleep(0.01)
                    continue
                with self._lock:
                    self.statuses[response.status_code] += 1
                    if response.status_code == self.scenario.success_status:
                        self.acknowledged.append(self.scenario.created_id(response))
                    else:
                        self.bodies.setdefault(response.status_code, response.content)
                        self.headers.setdefault(response.status_code, response.headers)
                if response.status_code == 503:
                    time.sleep(0.02)  # as a client honouring Retry-After would, only sooner

    def wait_for(self, acknowledged: int, timeout: float = 60) -> None:
        """Until at least `acknowledged` creates were acknowledged in all."""
        deadline = time.monotonic() + timeout
        while len(self.acknowledged) < acknowledged:
            assert time.monotonic() < deadline, f"only {len(self.acknowledged)} acknowledged: {self.statuses}"
            time.sleep(0.005)

    def stop(self) -> list[str]:
        self._stop.set()
        for thread in self._threads:
            thread.join()
        return list(self.acknowledged)
