"""The headers the benchmark precomputes per second are ones each emulator accepts, and its workloads succeed.

Every provider's two workloads are replayed in-process, step by step, with the headers `scripts.bench.wrk`
signs for the current second (as bench/workload.lua sends them): a signature the emulator refused, a
create without an id or a read that does not find what was created would make the figures meaningless.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest

from scripts.bench import scale
from scripts.bench.workloads import ID, Step, Workload, bench_for
from scripts.bench.wrk import MutableClock, signed_headers, write_plan
from withdrawal_apis.emulators import build_app
from withdrawal_apis.registry import PROVIDERS
from withdrawal_apis.sandbox import AdvancePolicy, SandboxConfig
from withdrawal_apis.testing.inprocess import InProcessTransport, LoopThread

BASE = "http://emulator"


def python_pattern(lua: str) -> str:
    return lua.replace("%s", r"\s").replace("%d", r"\d")


def test_every_registered_provider_declares_its_workload() -> None:
    for provider in PROVIDERS:
        assert bench_for(provider.name, "secret").name == provider.name


@pytest.mark.parametrize("advance", [AdvancePolicy.MANUAL, AdvancePolicy.INSTANT])  # the throughput run; the soak
@pytest.mark.parametrize("name", [p.name for p in PROVIDERS])
def test_workloads_succeed_with_the_precomputed_headers(name: str, advance: AdvancePolicy) -> None:
    bench = bench_for(name, "bench-test-secret-0123456789abcdef")
    app = build_app(name, SandboxConfig(rate_limit=0, advance=advance))
    app.seed(bench.seed)
    loop = LoopThread()
    try:
        transport = InProcessTransport(app, loop)
        clock = MutableClock()
        auth = bench.auth(bench.credentials, clock)
        clock.now = time.time()
        with httpx.Client(base_url=BASE, transport=transport, auth=auth) as client:  # logs in where there is a login
            assert client.send(bench.read.request(BASE)).status_code == 200
        with httpx.Client(base_url=BASE, transport=transport) as plain:
            for workload in bench.workloads():
                captured = "x"
                for step in workload.steps:
                    clock.now = float(int(time.time()))
                    request = step.request(BASE, captured)
                    request.headers.update(signed_headers(auth, step.request(BASE, captured)))
                    response = plain.send(request)
                    assert response.status_code < 300, (workload.name, step.path, response.text)
                    if step.expect_id:
                        assert captured in response.text
                    if step.capture:
                        found = re.search(python_pattern(step.capture), response.text)
                        assert found is not None, response.text
                        captured = found.group(1)
    finally:
        loop.close()


def test_a_scheme_that_signs_the_path_cannot_fill_in_ids_later(tmp_path: Path) -> None:
    bench = bench_for("smartypay", "bench-test-secret-0123456789abcdef")
    clock = MutableClock()
    workload = Workload("get", (Step("GET", f"/v1/withdrawals/{ID}"),), "")
    with pytest.raises(RuntimeError, match="signs the path"):
        write_plan(tmp_path / "plan.lua", workload, BASE, bench.auth(bench.credentials, clock), clock, range(5))


def test_a_plan_has_headers_for_every_second(tmp_path: Path) -> None:
    bench = bench_for("mpchat", "bench-test-secret-0123456789abcdef")
    clock = MutableClock()
    plan = tmp_path / "plan.lua"
    write_plan(plan, bench.workloads()[1], BASE, bench.auth(bench.credentials, clock), clock, range(100, 103))
    text = plan.read_text()
    for second in (100, 101, 102):
        assert f"[{second}] = " in text
        assert f":{second}:" in text  # MPChat's bearer carries the second it signs
    assert '"first"] = 100' in text
    assert '"last"] = 102' in text


@pytest.mark.parametrize(
    "template", ["wd_01HQ8ZTXV0000000000000ABCD", "oiJ8s7oh8EqFwwnkZViCGg", "0x" + "ab" * 32, "42"]
)
def test_copies_are_shaped_like_the_template_and_distinct(template: str) -> None:
    ids = {scale.copy_id(template, n) for n in range(2000)}
    assert len(ids) == 2000
    assert template not in ids
    for copy in list(ids)[:50]:
        assert len(copy) == len(template) or template.isdigit()
        assert copy[:2] == template[:2] or template.isdigit()
