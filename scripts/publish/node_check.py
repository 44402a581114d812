"""Install the published TypeScript packages into a scratch project and run the Node tests with them.

    python -m scripts.publish.node_check               # check dist/ (run `python -m scripts.publish` first)
    python -m scripts.publish.node_check --dist DIR

What a TypeScript team does with dist/: check each provider's tarball against the sha256 in
index.json, `npm install` the tarballs, compile ts/test/*.test.ts against the installed packages
with `tsc --strict`, and run the result with `node --test`. Each provider's test starts that
provider's emulator as a user would (`withdrawal-apis sandbox <provider> --port <free port>`, the
CLI beside this Python or on the PATH), seeds its own credentials through the control API and runs
authenticate, balance, create, read back, list and the insufficient-funds error with the provider's
real auth. The other tests run the docs' signature vectors and the open enums through the packages.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .. import REPO
from .common import PublishError, node_tool, run, sha256, write_json
from .typescript import COMPILER_OPTIONS, TEST_DIR

# Node's own types for the tests (node:test, child_process); the packages need only fetch and WebCrypto.
TEST_COMPILER_OPTIONS = {**COMPILER_OPTIONS, "lib": ["ES2022"], "types": ["node"], "declaration": False}


def tarballs(dist: Path) -> list[Path]:
    """Every version's npm package, after checking it against index.json."""
    index = json.loads((dist / "index.json").read_text(encoding="utf-8"))
    found = []
    for provider in index["providers"]:
        for version in provider["versions"]:
            item = version["files"]["npm_package"]
            path = dist / item["path"]
            if sha256(path) != item["sha256"]:
                raise PublishError(f"{path}: sha256 differs from index.json")
            found.append(path.resolve())
    return found


def cli() -> str:
    beside = Path(sys.executable).parent / "withdrawal-apis"
    found = str(beside) if beside.exists() else shutil.which("withdrawal-apis")
    if found is None:
        raise PublishError("the withdrawal-apis CLI is not installed (nox -s publish installs the project)")
    return found


def prepare(project: Path, packages: list[Path]) -> None:
    """A scratch project with the packages installed and the tests compiled into build/."""
    write_json(project / "package.json", {"name": "withdrawal-apis-node-check", "private": True, "type": "module"})
    command: list[str | Path] = ["npm", "install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"]
    run([*command, "--ignore-scripts", *packages], "npm install of the published packages", cwd=project)
    shutil.copytree(TEST_DIR, project / "test")
    options: dict[str, Any] = {
        **TEST_COMPILER_OPTIONS,
        "typeRoots": [str(REPO / "node_modules" / "@types")],
        "rootDir": "test",
        "outDir": "build",
    }
    write_json(project / "tsconfig.json", {"compilerOptions": options, "include": ["test"]})
    run([node_tool("tsc"), "--project", project / "tsconfig.json"], "tsc over ts/test/", cwd=project)


def run_tests(project: Path) -> int:
    tests = sorted(str(path.relative_to(project)) for path in (project / "build").glob("*.test.js"))
    if not tests:
        raise PublishError("no Node tests were compiled from ts/test/")
    env = {**os.environ, "WITHDRAWAL_APIS_CLI": cli()}
    # Each provider's file starts its own emulator; Node runs as many files at once as the cores allow.
    command = ["node", "--test", "--test-reporter=spec", *tests]
    return subprocess.run(command, cwd=project, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.publish.node_check",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="the published tree (default: dist/)")
    args = parser.parse_args(argv)
    try:
        packages = tarballs(args.dist)
        with tempfile.TemporaryDirectory(prefix="node-check-") as tmp:
            prepare(Path(tmp), packages)
            status = run_tests(Path(tmp))
    except PublishError as error:
        print(f"node check: error: {error}", file=sys.stderr)
        return 1
    if status != 0:
        print(f"node check: the Node tests failed (exit {status})", file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
