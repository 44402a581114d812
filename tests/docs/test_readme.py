"""Every Python example in the README runs as written, against an emulator started as the README says.

A provider's section is run against `withdrawal-apis sandbox <provider>` with its demo seed on a
loopback port, with the environment its start-up banner's `export` line sets. The "Test your app"
example is a pytest test: it runs under pytest, with the plugin as an app gets it. (The payouts
example at the top has its own test, which also checks what it prints.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from withdrawal_apis.registry import PROVIDERS, Provider
from withdrawal_apis.testing import Emulator

pytest_plugins = ["pytester"]

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = re.compile(r"^## (.+?)\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def sections() -> dict[str, str]:
    return {title.strip(): body for title, body in SECTION.findall(README.read_text(encoding="utf-8"))}


def provider_of(title: str) -> Provider | None:
    return next((p for p in PROVIDERS if title == p.title or title.split(" (")[0] == p.title.split(" (")[0]), None)


CASES = [
    pytest.param(provider, code, id=f"{provider.name}-{n}")
    for title, body in sections().items()
    if (provider := provider_of(title)) is not None
    for n, code in enumerate(BLOCK.findall(body))
]


def test_every_provider_section_has_an_example() -> None:
    assert {case.values[0].name for case in CASES} == {p.name for p in PROVIDERS}  # type: ignore[union-attr]


@pytest.mark.parametrize(("provider", "code"), CASES)
def test_a_provider_example_runs_as_written(provider: Provider, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Emulator(provider, serve=True) as emulator:
        for name, value in emulator.credentials.items():
            monkeypatch.setenv(provider.env_name(name), value)
        monkeypatch.setenv(provider.base_url_env, emulator.base_url)
        exec(compile(code, f"README.md ({provider.title})", "exec"), {})  # noqa: S102 - the README's own code
        assert not emulator.violations


def test_the_test_your_app_example_passes_under_pytest(pytester: pytest.Pytester) -> None:
    [code] = BLOCK.findall(sections()["Test your app"])
    pytester.makepyfile(test_readme_app=code)
    pytester.runpytest_subprocess().assert_outcomes(passed=1)
