"""Versioning discipline: a spec whose content changed carries a greater `info.version`.

Consumers pin a spec by its version (dist/<provider>/<version>/), so two different documents must
never share one. For each spec, the git history of its file is walked newest first to the most
recent commit whose copy differs from the working tree; that copy's version must be lower. This
covers uncommitted edits (the newest commit already differs) and CI, where the working tree is
HEAD (the commit before the last change differs). Every registered spec's current version also
needs its section in CHANGELOG.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from withdrawal_apis.registry import Provider
from withdrawal_apis.spec import SpecDocument

REPO = Path(__file__).resolve().parents[2]
SEMVER = re.compile(r"(\d+)\.(\d+)\.(\d+)")
CHANGELOG_SECTION = re.compile(r"^## (?P<name>\S+) (?P<version>\d+\.\d+\.\d+)\s*$", re.MULTILINE)


def git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)


def semver(version: object, where: str) -> tuple[int, int, int]:
    match = SEMVER.fullmatch(str(version))
    if match is None:
        pytest.fail(f"{where}: info.version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


@dataclass(frozen=True)
class Previous:
    commit: str
    version: str


def previous_different(root: Path, relative: str) -> Previous | None:
    """The newest committed copy of `relative` that differs from the working tree, if any."""
    # hash-object applies the same filters as `git add`, so it is comparable with committed blobs.
    if git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        return None  # a repository without any commit yet
    current = git(root, "hash-object", "--", relative).stdout.strip()
    log = git(root, "log", "--format=%H", "--", relative)
    if log.returncode != 0:
        pytest.fail(f"git log failed for {relative}: {log.stderr}")
    for commit in log.stdout.split():
        blob = git(root, "rev-parse", "--verify", "--quiet", f"{commit}:{relative}").stdout.strip()
        if not blob or blob == current:  # deleted in that commit, or the same content
            continue
        content = git(root, "cat-file", "blob", blob).stdout
        version = (yaml.safe_load(content) or {}).get("info", {}).get("version")
        return Previous(commit, str(version))
    return None


@pytest.fixture(scope="session")
def git_root() -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is not installed: the versioning check compares each spec with its committed history")
    result = git(REPO, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        pytest.fail(f"{REPO} is not a git checkout, so spec versions cannot be checked: {result.stderr.strip()}")
    return Path(result.stdout.strip())


def version_problem(relative: str, current: object, previous: Previous) -> str | None:
    """Why `current` may not follow `previous`, or None when it is a greater version."""
    if semver(current, relative) > semver(previous.version, f"{relative} at {previous.commit[:12]}"):
        return None
    return (
        f"{relative} differs from commit {previous.commit[:12]} (info.version {previous.version}) but its "
        f"info.version is {current}: bump it (semver) and add a CHANGELOG.md section"
    )


def test_a_changed_spec_has_a_greater_version(spec: SpecDocument, git_root: Path) -> None:
    try:
        relative = spec.path.resolve().relative_to(git_root.resolve()).as_posix()
    except ValueError:
        pytest.fail(f"{spec.path} is outside the git checkout {git_root}; run the tests from the repository")
    previous = previous_different(git_root, relative)
    if previous is None:
        # Never committed, or unchanged since its first commit -- unless history is cut short.
        shallow = git(git_root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"
        assert not shallow, (
            f"{relative}: the clone is shallow and no earlier copy was found; fetch full history "
            "(git fetch --unshallow, or fetch-depth: 0 in CI) so the version check can run"
        )
        return
    problem = version_problem(relative, spec.raw.get("info", {}).get("version"), previous)
    assert problem is None, problem


def changelog_sections() -> dict[tuple[str, str], list[str]]:
    """(provider, version) -> the change lines under that heading."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = list(CHANGELOG_SECTION.finditer(text))
    sections: dict[tuple[str, str], list[str]] = {}
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        body = text[heading.end() : following.start() if following else len(text)]
        key = (heading["name"], heading["version"])
        assert key not in sections, f"CHANGELOG.md has two sections for {key[0]} {key[1]}"
        sections[key] = [line for line in body.splitlines() if line.startswith("- ")]
    return sections


def test_the_current_version_has_a_changelog_section(provider: Provider) -> None:
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    sections = changelog_sections()
    assert (provider.name, version) in sections, f"CHANGELOG.md needs a `## {provider.name} {version}` section"
    assert sections[provider.name, version], f"CHANGELOG.md: `## {provider.name} {version}` lists no change"


# --- the check itself, on a throwaway repository ------------------------------------------------


@pytest.fixture
def scratch_repo(tmp_path: Path, git_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # (git_root: fails with a clear message when git is missing.)
    # Away from the user's git configuration (hooks, signing), so the commits below just work.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for args in (("init", "-q"), ("config", "user.name", "t"), ("config", "user.email", "t@example.invalid")):
        assert git(tmp_path, *args).returncode == 0
    return tmp_path


def write_spec(repo: Path, version: str, description: str) -> None:
    info = {"title": "t", "version": version, "description": description}
    (repo / "spec.yaml").write_text(yaml.safe_dump({"openapi": "3.1.0", "info": info}))


def commit_spec(repo: Path, version: str, description: str) -> None:
    write_spec(repo, version, description)
    git(repo, "add", "spec.yaml")
    assert git(repo, "commit", "-q", "--no-verify", "-m", f"{version}: {description}").returncode == 0


def test_the_check_compares_with_the_last_different_copy(scratch_repo: Path) -> None:
    assert previous_different(scratch_repo, "spec.yaml") is None  # not committed yet
    commit_spec(scratch_repo, "1.0.0", "first")
    assert previous_different(scratch_repo, "spec.yaml") is None  # one version only
    commit_spec(scratch_repo, "1.1.0", "second")

    previous = previous_different(scratch_repo, "spec.yaml")  # clean tree, as in CI
    assert previous is not None
    assert previous.version == "1.0.0"
    assert version_problem("spec.yaml", "1.1.0", previous) is None

    write_spec(scratch_repo, "1.1.0", "edited without a bump")
    previous = previous_different(scratch_repo, "spec.yaml")
    assert previous is not None
    assert previous.version == "1.1.0"
    assert "bump it" in (version_problem("spec.yaml", "1.1.0", previous) or "")

    write_spec(scratch_repo, "1.2.0", "edited with a bump")
    assert version_problem("spec.yaml", "1.2.0", previous) is None
    write_spec(scratch_repo, "1.0.9", "edited with a lower version")
    assert version_problem("spec.yaml", "1.0.9", previous) is not None
