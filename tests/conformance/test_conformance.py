"""Schemathesis against every emulator over real HTTP on loopback: zero failures, cases counted."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import httpx

from withdrawal_apis import conformance
from withdrawal_apis.emulators import build_app
from withdrawal_apis.providers import Provider, get
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.sandbox.server import serve_in_thread

MAX_EXAMPLES = int(os.environ.get("CONFORMANCE_MAX_EXAMPLES", "15"))


def test_emulator_conforms_to_its_spec(provider: Provider, tmp_path: Path) -> None:
    app = build_app(provider.name, SandboxConfig(test_mode=True, rate_limit=0))
    profile = conformance.profile(provider)
    credentials = {name: secrets.token_hex(16) for name in profile.credentials_env}
    with serve_in_thread(app) as base_url:
        httpx.post(f"{base_url}/_sandbox/seed", json=profile.emulator_seed(credentials), timeout=10).raise_for_status()
        result = conformance.run(
            provider, base_url, credentials, emulator=True, report_dir=tmp_path, max_examples=MAX_EXAMPLES
        )
    print("\n" + result.summary())
    assert result.passed, result.output[-6000:]
    assert not app.violations, app.violations
    operations = {op.operation_id for op in app.router.routes}
    assert set(result.cases) == operations, f"operations never exercised: {operations - set(result.cases)}"
    assert result.junit.exists()


def test_a_signer_the_server_rejects_fails_the_run(tmp_path: Path) -> None:
    """schemathesis accepts a 401 for any case; the harness must not, or a broken signer would pass."""
    provider = get("mpchat")
    app = build_app(provider.name, SandboxConfig(test_mode=True, rate_limit=0))
    profile = conformance.profile(provider)
    seeded = {"key_id": "mk_test_conformance", "secret": "right-secret"}
    with serve_in_thread(app) as base_url:
        httpx.post(f"{base_url}/_sandbox/seed", json=profile.emulator_seed(seeded), timeout=10).raise_for_status()
        wrong = {**seeded, "secret": "wrong-secret"}
        result = conformance.run(provider, base_url, wrong, emulator=True, report_dir=tmp_path, max_examples=5)
    assert not result.passed
    assert sum(result.variants[0].refused.values()) == result.variants[0].signed > 0
    assert "refused with 401" in result.summary()
