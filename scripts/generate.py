"""Regenerate every client under generated/ from specs/, deterministically.

    python -m scripts.generate                  # every provider's client and the control API's
    python -m scripts.generate --out DIR        # write into DIR instead (the drift test uses this)
    python -m scripts.generate --only PACKAGE   # only one client, e.g. mpchat_client

The generator version is pinned in constraints.txt; it runs with --fail-on-warning so an operation
it cannot read fails the build instead of silently disappearing from the client. Formatting is done
by the generator's post-hooks with the pinned ruff, without caches, so the output is byte-stable.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from withdrawal_apis.registry import GENERATED_CLIENTS, GeneratedClient

from . import REPO

TEMPLATES = Path(__file__).resolve().parent / "templates"
CONFIG = """\
project_name_override: {project}
package_name_override: {package}
use_path_prefixes_for_title_model_names: false
post_hooks:
  - ruff check --no-cache --fix-only .
  - ruff format --no-cache .
"""


def generate(client: GeneratedClient, out_dir: Path) -> Path:
    """Generate one client project into `out_dir/<package>` and return its path."""
    target = out_dir / client.package
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(CONFIG.format(project=client.project, package=client.package))
        staging = Path(tmp) / client.package
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(client.spec_path),
                "--config",
                str(config),
                "--meta",
                "uv",
                "--custom-template-path",
                str(TEMPLATES),
                "--output-path",
                str(staging),
                "--overwrite",
                "--fail-on-warning",
            ],
            check=True,
            env=env,
            cwd=tmp,
        )
        for cache in staging.rglob("__pycache__"):
            shutil.rmtree(cache)
        shutil.rmtree(staging / ".ruff_cache", ignore_errors=True)
        if target.exists():
            shutil.rmtree(target)
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.generate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=REPO / "generated", help="directory to write the clients into")
    parser.add_argument("--only", action="append", metavar="PACKAGE", help="only this client (repeatable)")
    args = parser.parse_args(argv)
    selected = [c for c in GENERATED_CLIENTS if not args.only or c.package in args.only]
    # Each generation is its own process (the generator, then ruff): run them side by side.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for client, path in zip(selected, pool.map(lambda c: generate(c, args.out.resolve()), selected), strict=True):
            print(f"generated {client.package} -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
