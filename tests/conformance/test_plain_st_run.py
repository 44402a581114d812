"""Plain `st run` with the shipped hooks, as a user runs it, against every emulator: zero failures.

No harness in between: the command line and environment below are what the README shows. Each
emulator is started with `withdrawal-apis sandbox` and the provider's conformance seed; the control
API's spec is run against a fresh emulator of each provider. `nox -s conformance -- --deep` runs
this module with 100 examples and seeds 1, 2 and 3; `nox -s tests` with fewer.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from withdrawal_apis.conformance import emulators
from withdrawal_apis.conformance.plan import PHASES, Target
from withdrawal_apis.conformance.redact import Redactor
from withdrawal_apis.core.profile import profile_of
from withdrawal_apis.registry import Provider

MAX_EXAMPLES = os.environ.get("CONFORMANCE_MAX_EXAMPLES", "15")
SEEDS = os.environ.get("CONFORMANCE_SEEDS", "1").split(",")
ST = str(Path(sys.executable).parent / "st")


def st_run(spec: Path, base_url: str, seed: str, env: dict[str, str], workdir: Path) -> tuple[int, str]:
    args = [ST, "run", str(spec), "--url", base_url, "--checks", "all", "--phases", PHASES, "--mode", "all"]
    args += ["--max-examples", MAX_EXAMPLES, "--seed", seed, "--no-color"]
    done = subprocess.run(args, env={**os.environ, **env}, cwd=workdir, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout + done.stderr


def cases_line(output: str) -> str:
    found = re.search(r"^\s*(\d+ generated.*)$", output, re.MULTILINE)
    return found.group(1) if found else "no case count in the output"


@pytest.mark.parametrize("seed", SEEDS)
def test_plain_st_run_finds_nothing(provider: Provider, seed: str, tmp_path: Path) -> None:
    profile = profile_of(provider)
    with emulators.seeded(provider) as emulator:
        for variant in list(profile.variants) or [""]:
            env = {
                "SCHEMATHESIS_HOOKS": "withdrawal_apis.schemathesis_hooks",
                "WITHDRAWAL_APIS_PROVIDER": provider.name,
                "WITHDRAWAL_APIS_VARIANT": variant,
            }
            env |= {provider.env_name(k): v for k, v in emulator.credentials.items()}
            code, output = st_run(provider.spec_path, emulator.base_url, seed, env, tmp_path)
            print(f"{provider.name} {variant} seed {seed}: {cases_line(output)}")
            # schemathesis prints its curl lines with the signed headers; keep them out of the log
            redact = Redactor.for_spec(provider.spec_path, emulator.credentials.values())
            assert code == 0, redact.text(output[-8000:])


@pytest.mark.parametrize("seed", SEEDS)
def test_plain_st_run_of_the_control_api_finds_nothing(provider: Provider, seed: str, tmp_path: Path) -> None:
    with emulators.plain(provider) as emulator:
        spec = Target.control(provider, emulator.base_url).spec
        code, output = st_run(spec, emulator.base_url, seed, {}, tmp_path)
    print(f"{provider.name} control API seed {seed}: {cases_line(output)}")
    assert code == 0, output[-8000:]
