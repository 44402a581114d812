"""The built distributions as an app installs them: a fresh virtualenv outside the repository."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from scripts import REPO
from withdrawal_apis import __version__
from withdrawal_apis.chains import random_tron_address
from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import GENERATED_CLIENTS

PAYOUT = """
import json, sys
from decimal import Decimal
from withdrawal_apis import payouts

with payouts.connect("mpchat", base_url=sys.argv[1], key_id="mk_test_wheel", secret="w" * 64) as client:
    payout = client.create(asset="USDT", network="TRC20", address=sys.argv[2], amount=Decimal("25.50"))
    [balance] = client.balances()
print(json.dumps({"status": payout.status, "amount": str(payout.amount), "fee": str(payout.fee),
                  "held": str(balance.held), "module": payouts.__file__}))
"""


def run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`withdrawal-apis[all]` from freshly built wheels in a new virtualenv; its bin directory."""
    work = tmp_path_factory.mktemp("wheels")
    dist, venv = work / "dist", work / "venv"
    run(sys.executable, "-m", "scripts.build", "--out-dir", dist, cwd=REPO)
    run(sys.executable, "-m", "uv", "venv", "--quiet", "--python", sys.executable, venv, cwd=work)
    [project] = dist.glob("withdrawal_apis-*.whl")
    clients = [str(w) for w in dist.glob("*_client-*.whl")]
    assert len(clients) == len(GENERATED_CLIENTS)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "uv", "pip", "install", "--quiet", "--python", python, "--constraint",
        REPO / "constraints.txt", f"{project}[all]", *clients, cwd=work)  # fmt: skip
    return venv / "bin"


def test_the_wheel_holds_the_package_and_its_specs_and_no_tooling(installed: Path) -> None:
    [wheel] = (installed.parent.parent / "dist").glob("withdrawal_apis-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert {name.split("/", 1)[0] for name in names} == {"withdrawal_apis", f"withdrawal_apis-{__version__}.dist-info"}
    assert any(name.startswith("withdrawal_apis/specs/") for name in names)


def test_the_cli_reports_its_version(installed: Path) -> None:
    assert run(installed / "withdrawal-apis", "--version", cwd=installed).strip() == f"withdrawal-apis {__version__}"


def test_every_client_imports_from_the_install(installed: Path) -> None:
    packages = [c.package for c in GENERATED_CLIENTS]
    code = f"import importlib; print([importlib.import_module(p).__file__ for p in {packages!r}])"
    files = run(installed / "python", "-c", code, cwd=installed)
    assert str(REPO) not in files
    assert files.count(str(installed.parent)) == len(packages)


def test_a_payout_against_the_installed_emulator(installed: Path) -> None:
    work = installed.parent.parent
    seed = {"accounts": [{"id": "m1", "credentials": [{"key_id": "mk_test_wheel", "secret": "w" * 64}],
                          "balances": {"USDT": "100"}}]}  # fmt: skip
    (work / "seed.json").write_text(json.dumps(seed))
    port = free_port()
    cli = [installed / "withdrawal-apis", "sandbox", "mpchat", "--port", str(port), "--seed", work / "seed.json"]
    server = subprocess.Popen([str(a) for a in cli], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base_url}/_sandbox/clock", timeout=1)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the installed emulator did not start"
                time.sleep(0.1)
        address = random_tron_address(random.Random(5))
        answer = json.loads(run(installed / "python", "-c", PAYOUT, base_url, address, cwd=work))
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert answer["module"].startswith(str(installed.parent))
    assert (answer["status"], answer["amount"], answer["fee"], answer["held"]) == ("pending", "25.50", "1.00", "26.50")
