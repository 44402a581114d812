"""`withdrawal-apis fuzz` sorts what it finds: server errors, drift (with the answer as a spec example),
business rules; and what it captured holds no credential."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from withdrawal_apis.registry import get
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import spec_document
from withdrawal_apis.testing import Emulator
from withdrawal_apis.testing.drifting import DriftingApp
from withdrawal_apis.testing.workload import credentials

MPCHAT = get("mpchat")
QUICK = ["--phases", "examples,fuzzing", "--max-examples", "3", "--seed", "1", "--rate-limit", "100/s"]


@pytest.fixture(scope="module")
def drifting() -> Iterator[tuple[DriftingApp, str, dict[str, str]]]:
    with Emulator(MPCHAT, SandboxConfig(test_mode=False, rate_limit=0)) as emulator:
        app = DriftingApp(emulator.app, spec_document(MPCHAT.spec_path), lifespan=False)
        with serve_in_thread(app) as url:
            yield app, url, credentials(emulator)


def repr_types(value: object) -> set[str]:
    if isinstance(value, dict):
        return {t for item in value.values() for t in repr_types(item)}
    if isinstance(value, list):
        return {t for item in value for t in repr_types(item)}
    return {type(value).__name__}


def fuzz(url: str, account: dict[str, str], report_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MPCHAT_")}
    env |= {"MPCHAT_KEY_ID": account["key_id"], "MPCHAT_SECRET": account["secret"]}
    command = [sys.executable, "-m", "withdrawal_apis.cli", "fuzz", "mpchat", "--base-url", url, *QUICK]
    command += ["--report-dir", str(report_dir), "--allow-withdrawals"]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=300)


def test_drift_is_sorted_out_with_the_answer_as_an_example(
    drifting: tuple[DriftingApp, str, dict[str, str]], tmp_path: Path
) -> None:
    app, url, account = drifting
    app.kind = "float-money"
    done = fuzz(url, account, tmp_path)
    assert done.returncode == 1
    sorted_part = done.stdout.split("sorted by the drift check:", 1)[1]
    assert "drift         GET /v1/balance 200: /available type" in sorted_part
    shown = sorted_part.split("as examples to add to it (secrets redacted):", 1)[1].splitlines()
    first = "\n".join(line[6:] for line in shown if line.startswith("      ")).split("\npaths:")[0]
    ((path, methods),) = yaml.safe_load(first)["paths"].items()
    ((method, operation),) = methods.items()
    ((status, response),) = operation["responses"].items()
    (example,) = response["content"]["application/json"]["examples"].values()
    assert f"{method.upper()} {path} {status}" in sorted_part
    assert "type" in example["summary"]
    assert "float" in repr_types(example["value"]), "the float the provider sent, as sent"
    report = (tmp_path / "mpchat-report.txt").read_text()
    assert "sorted by the drift check" in report


def test_business_rules_and_server_errors_are_told_apart(
    drifting: tuple[DriftingApp, str, dict[str, str]], tmp_path: Path
) -> None:
    app, url, account = drifting
    app.kind = None
    done = fuzz(url, account, tmp_path)
    lines = done.stdout.split("sorted by the drift check:", 1)[-1].splitlines()
    assert not [line for line in lines if line.strip().startswith("drift ")], done.stdout
    assert any(line.strip().startswith("business rule") and " 404 " in line for line in lines), done.stdout


def test_the_captures_hold_no_credential(drifting: tuple[DriftingApp, str, dict[str, str]], tmp_path: Path) -> None:
    app, url, account = drifting
    app.kind = None
    fuzz(url, account, tmp_path)
    captures = sorted(tmp_path.glob("*.har")) + sorted(tmp_path.glob("*-cassette.yaml"))
    assert len(captures) == 2
    for capture in captures:
        text = capture.read_text()
        assert account["secret"] not in text
        assert "Bearer" not in text  # MPChat's bearer carries the key id, a timestamp and the signature
