"""Build the Python distributions: the project and every generated client, as wheels and sdists.

    python -m scripts.build [--out-dir dist/python]

`nox -s build` runs it. Each project is built with `uv build` (sdist, then the wheel from that
sdist, so the sdist is proven complete) and the results are checked with `twine check --strict`.
The extras of `withdrawal-apis` pin each client to the exact version built here; the build stops
if a pin and a generated client's version disagree.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

from withdrawal_apis.registry import CONTROL_CLIENT, GENERATED_CLIENTS, PROVIDERS

from . import REPO


def client_version(generated_dir: Path) -> str:
    project = tomllib.loads((generated_dir / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return str(project["version"])


def pin_problems() -> list[str]:
    """Where the project's extras do not pin exactly the generated clients' versions."""
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    problems = []
    wanted: dict[tuple[str, Path], tuple[str, ...]] = {
        (p.client_project, p.generated_dir): (p.name, "all") for p in PROVIDERS
    }
    wanted[(CONTROL_CLIENT.project, CONTROL_CLIENT.generated_dir)] = ("testing",)
    for (project, generated_dir), names in wanted.items():
        pin = f"{project}=={client_version(generated_dir)}"
        for extra in names:
            if pin not in extras.get(extra, []):
                problems.append(f"extra [{extra}] must contain {pin!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build", description=__doc__)
    parser.add_argument("--out-dir", type=Path, default=REPO / "dist" / "python")
    out = parser.parse_args().out_dir.resolve()
    problems = pin_problems()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("*.whl"), *out.glob("*.tar.gz")]:
        stale.unlink()
    for project in [REPO, *(c.generated_dir for c in GENERATED_CLIENTS)]:
        subprocess.run(
            [sys.executable, "-m", "uv", "build", "--quiet", "--out-dir", str(out), str(project)], check=True
        )
    built = sorted(out.glob("*.whl")) + sorted(out.glob("*.tar.gz"))
    subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, built)], check=True)
    print(f"{len(built)} distributions in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
