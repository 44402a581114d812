"""Built distributions and fresh virtual environments outside the repository, for the packaging tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import REPO

# `nox -s build` names the wheels it just built; otherwise the tests build their own.
DIST_ENV = "WITHDRAWAL_APIS_DIST"


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout, env=env
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the project's and every generated client's wheel."""
    given = os.environ.get(DIST_ENV)
    if given:
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "scripts.build", "--out-dir", out, cwd=REPO)
    return out


def new_venv(where: Path) -> Path:
    """A virtual environment without pip (uv installs into it); its python."""
    run(sys.executable, "-m", "venv", "--without-pip", where, cwd=where.parent)
    return where / "bin" / "python"


def uv_install(python: Path, wheels: Path, *requirements: str) -> None:
    """Install from the wheels (and the package index for dependencies), under the project's pins."""
    run(sys.executable, "-m", "uv", "pip", "install", "--quiet", "--python", python, "--constraint",
        REPO / "constraints.txt", "--find-links", wheels, *requirements, cwd=python.parent)  # fmt: skip
