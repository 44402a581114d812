"""A sixth provider is one folder: a toy one, packaged outside this repository, is picked up everywhere.

`toy_provider/` beside this file is a provider's folder as docs/adding-a-provider.md describes it:
its declaration, its spec, signer and verifier, client factory, emulator, payouts adapter,
conformance profile and bench workload. The test copies it into a temporary directory with a
`.dist-info` that registers it in the `withdrawal_apis.providers` entry-point group, generates its
client there with the project's generator, and puts that directory on `PYTHONPATH`. No file of
the repository is touched: the CLI (`sandbox`, `fuzz`, `conformance`), `payouts`, the pytest plugin
and the benchmark's own check find it through the registry alone.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from withdrawal_apis.reachability import free_port

REPO = Path(__file__).resolve().parents[2]
TOY = Path(__file__).resolve().parent / "toy_provider"
CLI = [sys.executable, "-m", "withdrawal_apis.cli"]


@pytest.fixture(scope="module")
def toy_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a machine where the toy provider is installed (and nothing in the repository changed)."""
    root = tmp_path_factory.mktemp("toy")
    shutil.copytree(TOY, root / "toy_provider", ignore=shutil.ignore_patterns("__pycache__"))
    registration = root / "toy_provider-0.1.dist-info"
    registration.mkdir()
    (registration / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-provider\nVersion: 0.1\n")
    (registration / "entry_points.txt").write_text("[withdrawal_apis.providers]\ntoy = toy_provider\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(root / "clients" / "toy_client"), str(REPO)])}
    generate = (
        "from pathlib import Path; from scripts.generate import generate; from withdrawal_apis.registry import get; "
        f"generate(get('toy').generated, Path({str(root / 'clients')!r}))"
    )
    run([sys.executable, "-c", generate], env)
    return env


def run(argv: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{shlex.join(argv)}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done


@pytest.fixture(scope="module")
def emulator(toy_env: dict[str, str]) -> Iterator[dict[str, str]]:
    """`withdrawal-apis sandbox toy` on a free port; yields the environment its banner exports."""
    port = free_port()
    process = subprocess.Popen(
        [*CLI, "sandbox", "toy", "--port", str(port)], env=toy_env, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    banner = ""
    while "export " not in banner:
        line = process.stdout.readline()
        assert line, f"the toy emulator stopped: {banner}"
        banner += line
    exported = dict(pair.split("=", 1) for pair in shlex.split(banner.rsplit("export ", 1)[1]))
    assert set(exported) == {"TOY_KEY_ID", "TOY_SECRET", "TOY_BASE_URL"}, banner
    try:
        yield {**toy_env, **exported}
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_the_registry_lists_it(toy_env: dict[str, str]) -> None:
    done = run([sys.executable, "-c", "from withdrawal_apis.registry import names; print(names())"], toy_env)
    assert "'toy'" in done.stdout


def test_payouts_pays_out_through_its_adapter(emulator: dict[str, str]) -> None:
    script = textwrap.dedent(
        """
        from decimal import Decimal
        from withdrawal_apis import payouts

        with payouts.from_env("toy") as toy:
            payout = toy.create(asset="USDT", network="TRC20", address="TYNK4gWEUa3eJjMUxneHffj2Dg8erjN5Bg",
                                amount=Decimal("25.00"))
            [balance] = toy.balances()
            again = toy.get(payout.id)
            print(payout.status.value, payout.amount, balance.available, balance.held, again.id == payout.id)
        """
    )
    done = run([sys.executable, "-c", script], emulator)
    assert done.stdout.split() == ["pending", "25.00", "975.00", "25.00", "True"]


def test_fuzz_runs_against_its_emulator(emulator: dict[str, str], tmp_path: Path) -> None:
    # As against a real sandbox: no money-moving operation, so no withdrawal id schemathesis could know.
    argv = [*CLI, "fuzz", "toy", "--max-examples", "5", "--rate-limit", "50/s", "--allow-untested", "get_withdrawal"]
    argv += ["--report-dir", str(tmp_path)]
    done = run(argv, emulator)
    assert "toy at http://127.0.0.1" in done.stdout


def test_the_conformance_suite_passes_it(toy_env: dict[str, str], tmp_path: Path) -> None:
    done = run([*CLI, "conformance", "toy", "--max-examples", "10", "--report-dir", str(tmp_path)], toy_env)
    assert "PASSED" in done.stdout


def test_the_pytest_plugin_serves_it(toy_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "test_app.py").write_text(
        textwrap.dedent(
            """
            from decimal import Decimal
            import pytest

            @pytest.mark.withdrawal_sandbox("toy")
            def test_pays_out(withdrawal_sandbox):
                with withdrawal_sandbox.payouts() as client:
                    payout = client.create(asset="USDT", network="TRC20",
                                           address="TYNK4gWEUa3eJjMUxneHffj2Dg8erjN5Bg", amount=Decimal("5"))
                    withdrawal_sandbox.complete(payout.id)
                    assert client.get(payout.id).status.value == "completed"
            """
        )
    )
    done = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "test_app.py")], toy_env)
    assert "1 passed" in done.stdout


def test_the_benchmark_replays_its_workloads(toy_env: dict[str, str]) -> None:
    check = "tests/scripts/bench/test_precomputed_auth.py"
    done = run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", check, "-k", "toy"], toy_env)
    for replayed in ("[toy-manual] PASSED", "[toy-instant] PASSED"):  # under both advance policies
        assert replayed in done.stdout
