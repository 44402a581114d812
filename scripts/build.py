"""Build the Python distributions: the project and every generated client, as wheels and sdists.

    python -m scripts.build [--out-dir dist/python]

`nox -s build` runs it. Each project is built with `uv build` (sdist, then the wheel from that
sdist, so the sdist is proven complete) and the results are checked with `twine check --strict`.
The extras of `withdrawal-apis` pin each client to the exact version built here and `[all]` holds every
other extra; the build stops when the extras and the registry disagree.
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


# Extras that are not a provider's client; `all` names every other extra.
TOOL_EXTRAS = ("sandbox", "conformance", "testing")
PROJECT = "withdrawal-apis"


def extras() -> dict[str, list[str]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: dict[str, list[str]] = project["optional-dependencies"]
    return found


def expanded(name: str, table: dict[str, list[str]], seen: frozenset[str] = frozenset()) -> set[str]:
    """The requirements an extra installs, with `withdrawal-apis[a,b]` self-references followed."""
    found: set[str] = set()
    for requirement in table.get(name, []):
        if requirement.startswith(f"{PROJECT}[") and name not in seen:
            for inner in requirement.removeprefix(f"{PROJECT}[").split("]", 1)[0].split(","):
                found |= expanded(inner.strip(), table, seen | {name})
        else:
            found.add(requirement)
    return found


def extras_problems() -> list[str]:
    """Where the project's extras and the registry disagree.

    One extra per provider, named as the provider, pinning exactly the version of its generated client;
    no extra for a provider that is not registered; `testing` pins the control API's client; `all`
    installs what every other extra installs (clients, emulators, pytest plugin, conformance harness).
    """
    table = extras()
    problems = []
    for provider in PROVIDERS:
        if not (provider.generated_dir / "pyproject.toml").is_file():
            problems.append(f"{provider.name} has no generated client (run `nox -s generate`), so no extra to check")
            continue
        pin = f"{provider.client_project}=={client_version(provider.generated_dir)}"
        if table.get(provider.name) != [pin]:
            problems.append(f"extra [{provider.name}] must be exactly [{pin!r}], not {table.get(provider.name)}")
    control = f"{CONTROL_CLIENT.project}=={client_version(CONTROL_CLIENT.generated_dir)}"
    if control not in table.get("testing", []):
        problems.append(f"extra [testing] must contain {control!r}")
    known = {p.name for p in PROVIDERS} | set(TOOL_EXTRAS) | {"all"}
    problems += [f"extra [{name}] names no registered provider and no tool" for name in sorted(set(table) - known)]
    everything = set().union(*(expanded(name, table) for name in table if name != "all"))
    missing = sorted(everything - expanded("all", table))
    if missing:
        problems.append(f"extra [all] must install everything the other extras do; it lacks {', '.join(missing)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build", description=__doc__)
    parser.add_argument("--out-dir", type=Path, default=REPO / "dist" / "python")
    out = parser.parse_args().out_dir.resolve()
    problems = extras_problems()
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
