"""The pytest plugin: a running emulator per test, for an app's own test suite.

    def test_payout(withdrawal_sandbox):
        with withdrawal_sandbox.payouts() as client:           # the seeded account, through the emulator
            payout = client.create(asset="USDT", network="TRC20", address=..., amount=Decimal("25"))
        withdrawal_sandbox.complete(payout.id)                   # run the provider's lifecycle to the end
        withdrawal_sandbox.fail_next(1, status=503)              # the next request answers 503

`withdrawal_sandbox` is an `Emulator`: in-process (no port, no subprocess), fresh for every test,
seeded with the provider's demo seed, every answer checked against the provider's spec (a test fails
if the emulator broke its own spec). It runs once per provider the test is for:

    @pytest.mark.withdrawal_sandbox("<provider>", advance="instant", seed={...}, serve=True, options={...})

or `--withdrawal-sandbox=<provider>` on the command line; without either, once per provider.
`serve=True` (or `--withdrawal-sandbox-serve`) puts it on a free loopback port instead, for code that
needs a URL. `withdrawal_sandbox_factory(provider, ...)` starts further emulators in the same test.
The plugin is registered through the `pytest11` entry point; it imports the emulator only when a
test asks for one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .emulator import Emulator

MARKER = "withdrawal_sandbox"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("withdrawal-apis", "withdrawal-apis emulators")
    group.addoption(
        "--withdrawal-sandbox",
        action="append",
        default=[],
        metavar="PROVIDER",
        help="run `withdrawal_sandbox` tests against this provider (repeatable; default: every provider)",
    )
    group.addoption(
        "--withdrawal-sandbox-serve",
        action="store_true",
        help="serve emulators on a free loopback port instead of in-process",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*providers, advance=None, seed=None, serve=None, options=None, rate_limit=0): "
        "which providers' emulators the `withdrawal_sandbox` fixture runs, and how they start",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "withdrawal_sandbox" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker(MARKER)
    providers = list(marker.args) if marker and marker.args else metafunc.config.getoption("--withdrawal-sandbox")
    if not providers:
        from ..registry import PROVIDERS

        providers = [p.name for p in PROVIDERS]
    metafunc.parametrize("withdrawal_sandbox", providers, indirect=True)


def _start(
    provider: str,
    *,
    advance: str | None = None,
    seed: Any = "demo",
    serve: bool = False,
    options: dict[str, Any] | None = None,
    rate_limit: int = 0,
    test_mode: bool = True,
) -> Emulator:
    from ..sandbox import AdvancePolicy, SandboxConfig
    from .emulator import Emulator

    config = SandboxConfig(
        advance=AdvancePolicy(advance or "manual"),
        test_mode=test_mode,
        rate_limit=rate_limit,
        options=options or {},
    )
    return Emulator(provider, config, serve=serve, seed=seed)


def _finish(emulator: Emulator) -> None:
    violations = list(emulator.violations)
    emulator.close()
    if violations:
        pytest.fail("the emulator answered against its spec:\n" + "\n".join(violations), pytrace=False)


@pytest.fixture
def withdrawal_sandbox(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """A fresh emulator for this test (see the module docstring for the marker and options)."""
    marker = request.node.get_closest_marker(MARKER)
    settings = dict(marker.kwargs) if marker else {}
    settings.setdefault("serve", request.config.getoption("--withdrawal-sandbox-serve"))
    emulator = _start(request.param, **settings)
    yield emulator
    _finish(emulator)


@pytest.fixture
def withdrawal_sandbox_factory(request: pytest.FixtureRequest) -> Iterator[Callable[..., Emulator]]:
    """`withdrawal_sandbox_factory(provider, **settings)`: more emulators, closed after the test."""
    started: list[Emulator] = []

    def start(provider: str, **settings: Any) -> Emulator:
        settings.setdefault("serve", request.config.getoption("--withdrawal-sandbox-serve"))
        emulator = _start(provider, **settings)
        started.append(emulator)
        return emulator

    yield start
    for emulator in reversed(started):
        _finish(emulator)
