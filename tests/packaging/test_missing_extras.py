"""From the installed wheels: a command whose extra is missing says so in one line and exits 2, and
installing the extra it names is enough."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from withdrawal_apis.cli import NEEDS

from .conftest import new_venv, run, uv_install

# Arguments that get each command past argument parsing to the check.
COMMANDS = {
    "sandbox": ["sandbox", "mpchat"],
    "fuzz": ["fuzz", "mpchat", "--base-url", "http://127.0.0.1:9"],
    "conformance": ["conformance", "mpchat"],
    "proxy": ["proxy", "mpchat", "--upstream", "http://127.0.0.1:9"],
}


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory, wheels: Path) -> Path:
    """`withdrawal-apis[mpchat]` alone: the package and one client, no emulator, no harness; its bin."""
    work = tmp_path_factory.mktemp("bare")
    uv_install(new_venv(work / "venv"), wheels, "withdrawal-apis[mpchat]")
    return work / "venv" / "bin"


def test_every_command_with_an_extra_is_tried() -> None:
    assert set(COMMANDS) == set(NEEDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_missing_extra_is_one_line_and_exit_2(bare: Path, command: str) -> None:
    done = subprocess.run(
        [str(bare / "withdrawal-apis"), *COMMANDS[command]], capture_output=True, text=True, timeout=60, check=False
    )
    extra = NEEDS[command][0]
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"withdrawal-apis {command} needs ")
    assert f"pip install 'withdrawal-apis[{extra}]' (or [all])" in line


def test_the_named_extra_is_enough(tmp_path: Path, wheels: Path) -> None:
    for command, (extra, _) in sorted(NEEDS.items()):
        python = new_venv(tmp_path / command)
        uv_install(python, wheels, f"withdrawal-apis[mpchat,{extra}]")
        code = f"from withdrawal_apis.cli import missing_extra; print(missing_extra({command!r}))"
        assert run(python, "-c", code, cwd=tmp_path).strip() == "None", command
