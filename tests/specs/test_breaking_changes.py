"""The breaking-change gate (`python -m scripts.breaking_changes`, in `nox -s specs`) on crafted spec pairs.

Each revision bumps a minor version over its base. A change that breaks clients (a response field
removed, a required request field added, a request enum value removed, a type narrowed) needs a
major one and is caught; an added optional field is a minor change and passes. The last release of
a spec is found in a throwaway git repository.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import REPO
from scripts.breaking_changes import check, diff, last_release

BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Crafted", "version": "1.0.0", "license": {"name": "MIT", "identifier": "MIT"}},
    "servers": [{"url": "https://example.com"}],
    "security": [],
    "paths": {
        "/things": {
            "post": {
                "operationId": "create_thing",
                "summary": "Create a thing",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingRequest"}}},
                },
                "responses": {
                    "200": {
                        "description": "The thing.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "ThingRequest": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "color": {"type": "string", "enum": ["red", "green", "blue"]},
                    "size": {"type": ["string", "integer"]},
                },
            },
            "Thing": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "note": {"type": "string"}},
            },
        }
    },
}


def _request(spec: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"]["ThingRequest"]
    return schema


def response_field_removed(spec: dict[str, Any]) -> None:
    del spec["components"]["schemas"]["Thing"]["properties"]["note"]


def required_request_field_added(spec: dict[str, Any]) -> None:
    _request(spec)["properties"]["weight"] = {"type": "integer"}
    _request(spec)["required"].append("weight")


def request_enum_value_removed(spec: dict[str, Any]) -> None:
    _request(spec)["properties"]["color"]["enum"].remove("blue")


def type_narrowed(spec: dict[str, Any]) -> None:
    _request(spec)["properties"]["size"]["type"] = "string"


def optional_field_added(spec: dict[str, Any]) -> None:
    _request(spec)["properties"]["label"] = {"type": "string"}


@pytest.fixture(scope="module", autouse=True)
def redocly() -> None:
    if shutil.which("npx") is None or not (REPO / "node_modules" / ".bin" / "redocly").exists():
        pytest.fail("the pinned Redocly CLI is not installed: run `npm install` (nox -s specs does)")


def write(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def revision(change: Callable[[dict[str, Any]], None], version: str) -> dict[str, Any]:
    spec = copy.deepcopy(BASE)
    change(spec)
    spec["info"]["version"] = version
    return spec


@pytest.mark.parametrize(
    "change", [response_field_removed, required_request_field_added, request_enum_value_removed, type_narrowed]
)
def test_a_breaking_change_with_a_minor_bump_is_caught(
    change: Callable[[dict[str, Any]], None], tmp_path: Path
) -> None:
    base = write(tmp_path / "base.yaml", BASE)
    verdict = diff(base, write(tmp_path / "revision.yaml", revision(change, "1.1.0")))
    assert not verdict.passed
    assert verdict.report["bump"] == "major"
    assert "require a major bump (2.0.0)" in verdict.output
    # The same change under a major version passes.
    assert diff(base, write(tmp_path / "major.yaml", revision(change, "2.0.0"))).passed


def test_an_added_optional_field_passes_as_minor(tmp_path: Path) -> None:
    base = write(tmp_path / "base.yaml", BASE)
    verdict = diff(base, write(tmp_path / "revision.yaml", revision(optional_field_added, "1.1.0")))
    assert verdict.passed, verdict.output
    assert (verdict.report["bump"], verdict.report["summary"]["major"]) == ("minor", 0)
    added = [c for c in verdict.report["changes"] if c["impact"] == "minor"]
    assert [c["path"].rsplit("/", 1)[-1] for c in added] == ["label"]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose spec was released as 1.0.0, then edited (wording) and released as 1.0.1."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "tests@example.com")
    git(tmp_path, "config", "user.name", "tests")
    shutil.copy(REPO / "redocly.yaml", tmp_path / "redocly.yaml")
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    (tmp_path / "specs").mkdir()
    for version, summary in (("1.0.0", "Create a thing"), ("1.0.0", "Create one thing"), ("1.0.1", "Creates a thing")):
        spec = revision(lambda s: None, version)
        spec["paths"]["/things"]["post"]["summary"] = summary
        write(tmp_path / "specs" / "crafted.yaml", spec)
        git(tmp_path, "add", "specs")
        git(tmp_path, "commit", "-q", "-m", f"crafted {version}")
    return tmp_path


def test_the_last_release_is_the_newest_commit_with_another_version(repo: Path) -> None:
    spec = repo / "specs" / "crafted.yaml"
    released = last_release(spec, repo)
    assert released is not None
    assert (released.version, yaml.safe_load(released.text)["paths"]["/things"]["post"]["summary"]) == (
        "1.0.0",
        "Create one thing",
    )


def test_the_gate_fails_a_breaking_edit_without_a_major_version(repo: Path) -> None:
    spec = repo / "specs" / "crafted.yaml"
    write(spec, revision(response_field_removed, "1.1.0"))
    (repo / "CHANGELOG.md").write_text("## crafted 1.1.0\n\n- Breaking: `note` is gone.\n", encoding="utf-8")
    assert any("require a major bump" in problem for problem in check(spec, repo))
    write(spec, revision(response_field_removed, "2.0.0"))
    assert any("says none" in problem for problem in check(spec, repo))
    (repo / "CHANGELOG.md").write_text("## crafted 2.0.0\n\n- Breaking: `note` is gone.\n", encoding="utf-8")
    assert check(spec, repo) == []
