"""generated/ is exactly what `python -m scripts.generate` makes from specs/ (the golden-record check)."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from scripts import REPO
from withdrawal_apis.registry import GENERATED_CLIENTS, PROVIDERS, Provider

JUNK = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


def tree(root: Path) -> dict[str, Path]:
    return {
        str(path.relative_to(root)): path
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not JUNK & set(path.relative_to(root).parts)
        and not path.name.endswith(".egg-info")
        and ".egg-info" not in str(path)
    }


def differences(expected: Path, actual: Path) -> list[str]:
    want, have = tree(expected), tree(actual)
    problems = [f"missing from generated/: {name}" for name in sorted(want.keys() - have.keys())]
    problems += [f"not produced by the generator: {name}" for name in sorted(have.keys() - want.keys())]
    problems += [
        f"differs: {name}"
        for name in sorted(want.keys() & have.keys())
        if not filecmp.cmp(want[name], have[name], shallow=False)
    ]
    return problems


def test_regenerating_gives_the_committed_tree(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "scripts.generate", "--out", str(tmp_path)], cwd=REPO, check=True)
    problems = [
        f"{c.package}: {d}" for c in GENERATED_CLIENTS for d in differences(tmp_path / c.package, c.generated_dir)
    ]
    assert not problems, "generated/ drifted from the specs; run `nox -s generate`:\n" + "\n".join(problems)


def test_a_hand_edit_is_detected(tmp_path: Path) -> None:
    provider: Provider = PROVIDERS[0]
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(provider.generated_dir), str(copy)], check=True)
    edited = copy / provider.client_package / "client.py"
    edited.write_text(edited.read_text() + "\n# hand edit\n")
    assert differences(provider.generated_dir, copy) == [f"differs: {provider.client_package}/client.py"]


def test_no_tool_debris_is_committed() -> None:
    for provider in PROVIDERS:
        names = {p.name for p in provider.generated_dir.rglob("*")}
        assert not names & JUNK, f"{provider.name}: {names & JUNK}"
