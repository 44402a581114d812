"""`withdrawal-apis fuzz` as a user runs it: exit codes, what it names, where its files go, no secrets."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from withdrawal_apis.conformance import emulators
from withdrawal_apis.registry import get

CLI = str(Path(sys.executable).parent / "withdrawal-apis")
MPCHAT = get("mpchat")
# Quick and positive, like a first look at a real sandbox; reads only (no --allow-withdrawals).
QUICK = ["--phases", "examples,fuzzing", "--max-examples", "3", "--seed", "1", "--rate-limit", "100/s"]


def fuzz(*args: str, credentials: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MPCHAT_")}
    env |= {"MPCHAT_KEY_ID": credentials["key_id"], "MPCHAT_SECRET": credentials["secret"]} if credentials else {}
    return subprocess.run(
        [CLI, "fuzz", "mpchat", *args], env=env, cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


@pytest.fixture(scope="module")
def sandbox() -> Iterator[emulators.Emulator]:
    """MPChat as `withdrawal-apis sandbox mpchat` starts it: demo seed (no withdrawal yet), rate limit on."""
    with emulators.as_started(MPCHAT) as emulator:
        yield emulator


def test_an_unreachable_target_exits_2_within_seconds(tmp_path: Path) -> None:
    started = time.monotonic()
    done = fuzz("--base-url", "http://127.0.0.1:1", credentials={}, cwd=tmp_path)  # before credentials are needed
    assert time.monotonic() - started < 5
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "withdrawal-apis fuzz: cannot connect to http://127.0.0.1:1: Connection refused"
    ]
    assert not (tmp_path / "reports").exists()


def test_an_operation_answered_only_404_fails_the_run_by_name(sandbox: emulators.Emulator, tmp_path: Path) -> None:
    done = fuzz(
        "--base-url",
        sandbox.base_url,
        "--report-dir",
        "out/fuzz",
        *QUICK,
        credentials=sandbox.credentials,
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stdout
    assert "untested: GET /v1/withdrawals/{id} (get_withdrawal) got no 2xx [404x" in done.stdout
    assert "--allow-untested get_withdrawal" in done.stdout
    # Every file is where the output says, relative to the directory the command ran in.
    printed = re.findall(r"^\s+(?:JUnit|report): (.+)$", done.stdout, re.MULTILINE)
    assert printed == ["out/fuzz/mpchat-fuzz-seed-1-junit.xml", "out/fuzz/mpchat-report.txt"]
    assert all((tmp_path / path).is_file() for path in printed)


def test_a_known_gap_is_accepted_and_options_reach_schemathesis(sandbox: emulators.Emulator, tmp_path: Path) -> None:
    report_dir = tmp_path / "absolute"
    done = fuzz(
        "--base-url",
        sandbox.base_url,
        "--report-dir",
        str(report_dir),
        "--allow-untested",
        "get_withdrawal",
        *QUICK,
        "--",
        "--exclude-operation-id",
        "list_transactions",
        credentials=sandbox.credentials,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout
    table = done.stdout.split("checks failed", 1)[1]
    assert "GET /v1/withdrawals/{id}" in table
    assert "GET /v1/transactions" not in table  # left out by the option passed through after `--`
    assert f"JUnit: {report_dir}/mpchat-fuzz-seed-1-junit.xml" in done.stdout


def test_signed_cases_the_server_refuses_fail_the_run(sandbox: emulators.Emulator, tmp_path: Path) -> None:
    """schemathesis accepts a 401 for any case; the harness must not, or a broken signer would pass."""
    wrong = {**sandbox.credentials, "secret": "not-the-secret"}
    done = fuzz("--base-url", sandbox.base_url, "--report-dir", "r", *QUICK, credentials=wrong, cwd=tmp_path)
    assert done.returncode == 1
    assert re.search(r"refused: (\d+) of \1 signed positive cases answered 401", done.stdout), done.stdout


def test_no_secret_reaches_the_output_or_the_files(sandbox: emulators.Emulator, tmp_path: Path) -> None:
    done = fuzz(
        "--base-url", sandbox.base_url, "--report-dir", "r", *QUICK, credentials=sandbox.credentials, cwd=tmp_path
    )
    written = [p.read_text(encoding="utf-8") for p in (tmp_path / "r").iterdir()]
    assert len(written) >= 2
    secret = sandbox.credentials["secret"]
    for text in (done.stdout, done.stderr, *written):
        assert secret not in text
        # MPChat's bearer value is `key_id:timestamp:signature`: a replayable credential for five minutes.
        assert not re.search(rf"{re.escape(sandbox.credentials['key_id'])}:\d+:[0-9a-f]{{64}}", text)
