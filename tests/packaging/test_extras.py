"""The project's extras follow the registry: one per provider, pinning its generated client, and `[all]`
installing every client, the emulators, the pytest plugin and the conformance harness."""

from __future__ import annotations

import copy

import pytest

from scripts import build
from withdrawal_apis.registry import PROVIDERS, Provider, Settings


def test_the_extras_agree_with_the_registry() -> None:
    assert build.extras_problems() == []


def test_all_installs_every_client_the_emulators_the_plugin_and_the_harness() -> None:
    table = build.extras()
    everything = build.expanded("all", table)
    assert {f"{p.client_project}=={build.client_version(p.generated_dir)}" for p in PROVIDERS} <= everything
    for tool in build.TOOL_EXTRAS:
        assert build.expanded(tool, table) <= everything, tool
    assert {"uvicorn", "schemathesis", "pytest", "sandbox-control-client"} <= {
        requirement.split("[")[0].split("=")[0].split(">")[0] for requirement in everything
    }


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """A copy of the extras that a test may break, read by `extras_problems` in place of pyproject.toml."""
    found = copy.deepcopy(build.extras())
    monkeypatch.setattr(build, "extras", lambda: found)
    return found


def test_a_provider_without_its_extra_is_reported(table: dict[str, list[str]]) -> None:
    del table[PROVIDERS[0].name]
    assert any(f"[{PROVIDERS[0].name}]" in problem for problem in build.extras_problems())


def test_a_stale_pin_is_reported(table: dict[str, list[str]]) -> None:
    table[PROVIDERS[0].name] = [f"{PROVIDERS[0].client_project}==0.0.1"]
    assert any("must be exactly" in problem for problem in build.extras_problems())


def test_an_extra_for_no_provider_is_reported(table: dict[str, list[str]]) -> None:
    table["acme"] = ["acme-client==1.0.0"]
    assert "extra [acme] names no registered provider and no tool" in build.extras_problems()


def test_all_without_the_harness_is_reported(table: dict[str, list[str]]) -> None:
    table["all"] = [requirement.replace(",conformance", "") for requirement in table["all"]]
    [problem] = build.extras_problems()
    assert "[all]" in problem
    assert "schemathesis" in problem


def test_a_sixth_provider_needs_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    sixth = Provider(name="acme", title="Acme", docs_url="https://acme.invalid/", settings=Settings("key", "secret"))
    monkeypatch.setattr(build, "PROVIDERS", (*PROVIDERS, sixth))
    assert build.extras_problems() == ["acme has no generated client (run `nox -s generate`), so no extra to check"]
