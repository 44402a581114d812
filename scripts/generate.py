"""Regenerate every provider's client under generated/ from specs/, deterministically.

    python scripts/generate.py                 # rewrite generated/<name>_client for every provider
    python scripts/generate.py --out DIR       # write into DIR instead (the drift test uses this)
    python scripts/generate.py --provider NAME # only one provider

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
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from withdrawal_apis.providers import PROVIDERS, Provider  # noqa: E402

TEMPLATES = REPO / "scripts" / "templates"
CONFIG = """\
project_name_override: {project}
package_name_override: {package}
use_path_prefixes_for_title_model_names: false
post_hooks:
  - ruff check --no-cache --fix-only .
  - ruff format --no-cache .
"""


def generate(provider: Provider, out_dir: Path) -> Path:
    """Generate one client project into `out_dir/<package>` and return its path."""
    target = out_dir / provider.client_package
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(CONFIG.format(project=provider.client_project, package=provider.client_package))
        staging = Path(tmp) / provider.client_package
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(provider.spec_path),
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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "generated", help="directory to write the clients into")
    parser.add_argument("--provider", action="append", help="only this provider (repeatable)")
    args = parser.parse_args(argv)
    selected = [p for p in PROVIDERS if not args.provider or p.name in args.provider]
    for provider in selected:
        path = generate(provider, args.out.resolve())
        print(f"generated {provider.name} -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
