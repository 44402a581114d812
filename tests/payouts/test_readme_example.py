"""The README's app example runs as written, against an emulator started the way the README says."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from withdrawal_apis.testing import Emulator

README = Path(__file__).resolve().parents[2] / "README.md"
SECRET = "7e57" * 16


def app_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Use it in your app", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found is not None, "the README's 'Use it in your app' section has no Python example"
    return found.group(1)


def test_the_readme_example_runs_as_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = app_example()
    assert len(code.strip().splitlines()) <= 10
    with Emulator("mpchat", serve=True, seed=None) as emulator:
        seed: dict[str, Any] = emulator.app.provider.demo_seed()  # what `withdrawal-apis sandbox mpchat` loads
        seed["accounts"][0]["credentials"][0]["secret"] = SECRET  # what `--credentials` would set
        emulator.seed(seed)
        base_url = emulator.base_url
        key_id = seed["accounts"][0]["credentials"][0]["key_id"]
        for name, value in {"MPCHAT_BASE_URL": base_url, "MPCHAT_KEY_ID": key_id, "MPCHAT_SECRET": SECRET}.items():
            monkeypatch.setenv(name, value)
        exec(compile(code, str(README), "exec"), {})  # noqa: S102 - the README's own code
    printed = capsys.readouterr().out.splitlines()
    expected = [line.split("# ", 1)[1].strip() for line in code.splitlines() if "print(" in line]
    assert printed == expected
