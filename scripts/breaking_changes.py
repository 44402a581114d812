"""Each spec against its last released version: a change whose impact outruns the version bump fails.

    python -m scripts.breaking_changes              every registered spec (`nox -s specs` runs this)
    python -m scripts.breaking_changes SPEC ...     only these files

The last released version of a spec is the text of the newest commit (in the history of HEAD) whose
`info.version` differs from the working tree's; a spec with no such commit has nothing to compare
with. Redocly CLI's `diff` (pinned in package.json, its `diff-recommended` rules enabled in
redocly.yaml) rates every change by the semver bump it requires, and `--check-version` fails when
`info.version` was bumped less. For a version with breaking changes, the spec's CHANGELOG.md section
must say so: at least one of its lines starts with `Breaking`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from withdrawal_apis.registry import GENERATED_CLIENTS

from . import REPO

CHANGELOG_SECTION = re.compile(r"^## (?P<name>\S+) (?P<version>\d+\.\d+\.\d+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Release:
    commit: str
    version: str
    text: str


@dataclass(frozen=True)
class Verdict:
    passed: bool
    report: dict[str, Any]
    output: str

    def lines(self) -> list[str]:
        """One line per change that needs more than a patch: impact, where, and redocly's reason."""
        found = []
        for change in self.report.get("changes", []):
            if change.get("impact") not in ("major", "minor"):
                continue
            reasons = "; ".join(v["message"] for v in change.get("verdicts") or [] if v.get("message"))
            where = change["path"] + (f" · {change['property']}" if change.get("property") else "")
            found.append(f"  {change['impact']:5}  {change['kind']:8}  {where}" + (f"  ({reasons})" if reasons else ""))
        return found


def git(*args: str, root: Path = REPO) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def version_of(text: str) -> str:
    loaded = yaml.safe_load(text) or {}
    return str((loaded.get("info") or {}).get("version"))


def last_release(spec: Path, root: Path = REPO) -> Release | None:
    """The newest committed copy of `spec` whose version differs from the working tree's, if any."""
    relative = spec.resolve().relative_to(root.resolve()).as_posix()
    current = version_of(spec.read_text(encoding="utf-8"))
    for commit in git("log", "--format=%H", "--", relative, root=root).split():
        try:
            text = git("show", f"{commit}:{relative}", root=root)
        except RuntimeError:
            continue  # the commit deleted the file
        version = version_of(text)
        if version != current:
            return Release(commit, version, text)
    return None


def diff(base: Path, revision: Path, root: Path = REPO) -> Verdict:
    """`redocly diff --check-version` of two documents (the pinned CLI, the repository's redocly.yaml)."""
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as work:
        report = Path(work) / "diff.json"
        args = ["npx", "--no-install", "redocly", "diff", str(base), str(revision), "--check-version"]
        args += ["--fail-on", "none", "--config", str(root / "redocly.yaml"), "--format", "json", "-o", str(report)]
        done = subprocess.run(args, cwd=root, capture_output=True, text=True, check=False)
        loaded = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    output = "\n".join(line for line in (done.stdout + done.stderr).splitlines() if _ours(line))
    if not loaded:
        raise RuntimeError(f"redocly diff wrote no report for {base} and {revision}: {output}")
    return Verdict(done.returncode == 0, loaded, output)


def _ours(line: str) -> bool:
    """Drops the CLI's boxed banners (a Node.js deprecation notice) from its output."""
    return bool(line.strip()) and not any(mark in line for mark in "║╔╚")


def changelog_lines(name: str, version: str, root: Path = REPO) -> list[str]:
    text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = list(CHANGELOG_SECTION.finditer(text))
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        if (heading["name"], heading["version"]) == (name, version):
            body = text[heading.end() : following.start() if following else len(text)]
            return [line[2:] for line in body.splitlines() if line.startswith("- ")]
    return []


def check(spec: Path, root: Path = REPO) -> list[str]:
    """What is wrong with `spec` against its last release (nothing: an empty list); prints the changes."""
    release = last_release(spec, root)
    if release is None:
        print(f"{spec.name}: no earlier version to compare with")
        return []
    with tempfile.TemporaryDirectory(prefix="spec-release-") as work:
        base = Path(work) / f"{spec.stem}-{release.version}.yaml"
        base.write_text(release.text, encoding="utf-8")
        verdict = diff(base, spec, root)
    current = version_of(spec.read_text(encoding="utf-8"))
    summary = verdict.report.get("summary", {})
    print(
        f"{spec.name}: {release.version} ({release.commit[:12]}) -> {current}, needs {verdict.report.get('bump')}: "
        f"{summary.get('major', 0)} major, {summary.get('minor', 0)} minor, {summary.get('patch', 0)} patch"
    )
    print("\n".join(verdict.lines()))
    problems = []
    if not verdict.passed:
        problems.append(f"{spec.name}: {verdict.output.splitlines()[-1] if verdict.output else 'redocly diff failed'}")
    section = changelog_lines(spec.stem, current, root)
    if summary.get("major") and not any(line.startswith("Breaking") for line in section):
        problems.append(f"{spec.name}: breaking changes, but CHANGELOG.md's `## {spec.stem} {current}` says none")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path, help="spec files (default: every registered spec)")
    args = parser.parse_args(argv)
    specs = args.specs or [client.spec_path for client in GENERATED_CLIENTS]
    problems = [problem for spec in specs for problem in check(spec)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
