"""A shared sandbox as a team deploys one: N `withdrawal-apis sandbox` processes on one PostgreSQL database,
behind nginx on one address."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from pathlib import Path

import httpx
import pytest

from withdrawal_apis.reachability import free_port
from withdrawal_apis.testing.services import Nginx, ServiceMissing

from ..conftest import start_emulator_process


class Cluster:
    def __init__(self, provider: str, dsn: str, seed: Path | None = None, processes: int = 3, *extra: str) -> None:
        self.provider, self.dsn, self.extra = provider, dsn, extra
        self.ports = [free_port() for _ in range(processes)]
        self.processes: list[subprocess.Popen[bytes]] = [None] * processes  # type: ignore[list-item]
        # The first migrates and seeds the database; the others find it ready and start together.
        self.processes[0] = start_emulator_process(provider, dsn, self.ports[0], seed, *extra)
        starters = [threading.Thread(target=self.start, args=(i,)) for i in range(1, processes)]
        for thread in starters:
            thread.start()
        for thread in starters:
            thread.join()
        assert all(self.processes), "a cluster process did not start"
        try:
            self.nginx = Nginx(self.ports)
        except ServiceMissing as missing:
            self.close_processes()
            pytest.fail(f"{missing}; the cluster tests need it", pytrace=False)

    def start(self, index: int) -> None:
        """(Re)start process `index` on its port, on the cluster's database."""
        self.processes[index] = start_emulator_process(self.provider, self.dsn, self.ports[index], None, *self.extra)

    @property
    def base_url(self) -> str:
        """The balancer: what the cluster's users are given."""
        return self.nginx.base_url

    def url(self, index: int) -> str:
        """One process, directly (to show what each one sees)."""
        return f"http://127.0.0.1:{self.ports[index]}"

    def client(self, auth: httpx.Auth | None = None, index: int | None = None) -> httpx.Client:
        base = self.base_url if index is None else self.url(index)
        return httpx.Client(base_url=base, auth=auth, timeout=10)

    def kill(self, index: int) -> None:
        os.kill(self.processes[index].pid, signal.SIGKILL)
        self.processes[index].wait()

    def pids(self) -> list[int]:
        return [p.pid for p in self.processes]

    def close(self) -> None:
        self.nginx.close()
        self.close_processes()

    def close_processes(self) -> None:
        for process in self.processes:
            if process is not None and process.poll() is None:
                process.terminate()
        for process in self.processes:
            if process is not None:
                process.wait(timeout=15)
