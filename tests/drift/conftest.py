"""A rig per provider: its emulator behind a wrapper that can drift on purpose, and a drift proxy in front.

    client -> DriftProxy (a real port) -> DriftingApp(emulator) (a real port)

`rig.run(kind)` drives the spec-driven workload through a fresh proxy while the emulator drifts by
`kind` (None: not at all) and returns every exchange with its findings and the mutation behind it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import pytest

from withdrawal_apis.drift.findings import Finding
from withdrawal_apis.drift.proxy import DriftProxy
from withdrawal_apis.drift.report import KeepingRecorder, Run
from withdrawal_apis.drift.traffic import Exchange
from withdrawal_apis.drift.validation import TrafficValidator
from withdrawal_apis.launch import with_credentials
from withdrawal_apis.registry import PROVIDERS, Provider, get
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import spec_document
from withdrawal_apis.testing import Emulator
from withdrawal_apis.testing.drifting import DriftingApp, Mutation
from withdrawal_apis.testing.workload import drive


@dataclass
class Result:
    recorder: KeepingRecorder
    mutations: list[Mutation | None]  # what the emulator's wrapper did to each exchange

    @property
    def exchanges(self) -> list[tuple[Exchange, list[Finding], Mutation | None]]:
        kept = self.recorder.kept
        assert len(kept) == len(self.mutations), "the proxy and the emulator saw different traffic"
        return [(exchange, checked.findings, m) for (exchange, checked), m in zip(kept, self.mutations, strict=True)]

    @property
    def findings(self) -> list[Finding]:
        return [finding for _, checked in self.recorder.kept for finding in checked.findings]


@dataclass
class Rig:
    provider: Provider
    emulator: Emulator
    drifting: DriftingApp
    upstream: str
    validator: TrafficValidator

    def run(self, kind: str | None, *, enforce: bool = False) -> Result:
        self.drifting.kind = kind
        self.drifting.log, self.drifting.requests = [], []
        run = Run(self.provider.name, self.provider.spec_path.name, "test", "rig")
        recorder = KeepingRecorder(run, self.validator.policy, None, capture=True)
        proxy = DriftProxy(self.validator, self.upstream, recorder, enforce=enforce)
        with serve_in_thread(proxy) as url:
            drive(self.emulator, url)
        return Result(recorder, list(self.drifting.log))


@contextmanager
def make_rig(provider: Provider, secret: str | None = None) -> Iterator[Rig]:
    """The rig, its emulator seeded with the demo seed (its account's secret replaced by `secret`, if given)."""
    with ExitStack() as stack:
        emulator = stack.enter_context(Emulator(provider, SandboxConfig(test_mode=True, rate_limit=0), seed=None))
        demo = emulator.app.provider.demo_seed()
        if secret is not None:
            key_id = demo["accounts"][0]["credentials"][0]["key_id"]
            demo = with_credentials(demo, key_id, secret)
        emulator.seed(demo)
        drifting = DriftingApp(emulator.app, spec_document(provider.spec_path), lifespan=False)
        upstream = stack.enter_context(serve_in_thread(drifting))
        yield Rig(provider, emulator, drifting, upstream, TrafficValidator(spec_document(provider.spec_path)))
        assert not emulator.violations, emulator.violations


@pytest.fixture(scope="module", params=PROVIDERS, ids=lambda p: p.name)
def rig(request: pytest.FixtureRequest) -> Iterator[Rig]:
    with make_rig(request.param) as found:
        yield found


@pytest.fixture(scope="module")
def mpchat_rig() -> Iterator[Rig]:
    """One provider's rig, for what does not depend on the provider."""
    with make_rig(get("mpchat")) as found:
        yield found
