"""scripts/publish.py: dereferencing, the offline check of the page, the TypeScript proof, dist/ itself.

The tests that run the Node tools (Redocly, openapi-typescript, tsc) need `npm install` to have
run, as the `specs`, `tests` and `publish` nox sessions do. Chromium is not needed here (see
test_docs_check.py).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.publish import REPO, load_script
from withdrawal_apis.providers import PROVIDERS, Provider
from withdrawal_apis.spec import SpecDocument

publish = load_script("publish")


def document(tmp_path: Path, raw: dict[str, Any]) -> SpecDocument:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(raw))
    return SpecDocument(path)


# --- pure Python --------------------------------------------------------------------------------


def test_dereference_inlines_refs_and_keeps_a_recursive_one(tmp_path: Path) -> None:
    node_json = {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}
    raw = {
        "openapi": "3.1.0",
        "paths": {"/nodes/{id}": {"get": {"responses": {"200": {"$ref": "#/components/responses/Node"}}}}},
        "components": {
            "responses": {"Node": {"description": "one node", "content": node_json}},
            "schemas": {
                "Node": {
                    "type": "object",
                    "properties": {"children": {"items": {"$ref": "#/components/schemas/Node"}}},
                },
                "Leaf": {"$ref": "#/components/schemas/Name", "description": "overridden"},
                "Name": {"type": "string", "description": "a name"},
            },
        },
    }
    result = publish.dereference(document(tmp_path, raw))
    response = result["paths"]["/nodes/{id}"]["get"]["responses"]["200"]
    node = response["content"]["application/json"]["schema"]
    assert node["type"] == "object"
    # The second visit of Node is left as a reference into components, which the output keeps.
    assert node["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node"}
    assert "Node" in result["components"]["schemas"]
    assert result["components"]["schemas"]["Leaf"] == {"type": "string", "description": "overridden"}
    json.dumps(result)  # no cycle survived


def test_dereference_applies_schema_siblings_with_all_of(tmp_path: Path) -> None:
    raw = {
        "components": {"schemas": {"A": {"$ref": "#/components/schemas/B", "maxLength": 3}, "B": {"type": "string"}}}
    }
    assert publish.dereference(document(tmp_path, raw))["components"]["schemas"]["A"] == {
        "allOf": [{"type": "string"}],
        "maxLength": 3,
    }


def test_a_literal_ref_in_an_example_is_refused(tmp_path: Path) -> None:
    raw = {"components": {"schemas": {"A": {"type": "object", "examples": [{"link": {"$ref": "#/x"}}]}}}}
    assert publish.example_refs(document(tmp_path, raw)) == ["/components/schemas/A/examples/0"]


def self_contained_page(body: str = "", head: str = "") -> str:
    return (
        f'<html><head><meta http-equiv="Content-Security-Policy" content="{publish.CSP}">{head}</head>'
        f'<body><script>const o = {{"disableTelemetry":true}};</script>{body}</body></html>'
    )


def test_a_self_contained_page_passes_the_offline_check() -> None:
    page = self_contained_page('<img src="data:image/png;base64,AA=="><a href="https://example.com/">a link</a>')
    assert publish.offline_problems(page) == []


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<script src="https://cdn.example.com/redoc.js"></script>', ""),
        ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', ""),
        ("<style>@font-face { src: url(https://fonts.gstatic.com/x.woff2) }</style>", ""),
        ("<style>@import 'https://example.com/a.css';</style>", ""),
        ("", '<img src="//cdn.example.com/logo.svg">'),
        ("", '<svg><image href="https://cdn.example.com/logo.svg"/></svg>'),
        ("", "<div style=\"background: url('logo.png')\"></div>"),
    ],
)
def test_the_offline_check_finds_fetches(head: str, body: str) -> None:
    assert publish.offline_problems(self_contained_page(body, head))


def test_the_offline_check_needs_the_csp_and_disabled_telemetry() -> None:
    problems = publish.offline_problems("<html><body><script>{}</script></body></html>")
    assert any("Content-Security-Policy" in problem for problem in problems)
    assert any("telemetry" in problem for problem in problems)


def test_a_provider_without_its_typescript_file_fails_clearly() -> None:
    stranger = Provider(name="nosuchprovider", title="Nobody", docs_url="https://example.invalid/")
    with pytest.raises(publish.PublishError, match=r"ts/nosuchprovider\.ts is missing"):
        publish.check_ts_sources([*PROVIDERS, stranger])


def test_every_registered_provider_has_its_typescript_file() -> None:
    publish.check_ts_sources(PROVIDERS)


def test_clear_refuses_a_directory_it_did_not_build(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(publish.PublishError, match="refusing"):
        publish.clear(tmp_path)
    assert (tmp_path / "precious.txt").exists()


# --- with the Node tools ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist") / "dist"
    subprocess.run([sys.executable, str(REPO / "scripts" / "publish.py"), "--out", str(out)], check=True)
    return out


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    subprocess.run([sys.executable, str(REPO / "scripts" / "publish.py"), "--out", str(again)], check=True)
    assert publish.tree_differences(built, again) == []


def test_the_index_lists_every_provider_with_true_checksums(built: Path) -> None:
    index = json.loads((built / "index.json").read_text())
    assert [entry["name"] for entry in index["providers"]] == [provider.name for provider in PROVIDERS]
    for provider, entry in zip(PROVIDERS, index["providers"], strict=True):
        version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
        assert entry["docs_url"] == provider.docs_url
        assert [v["version"] for v in entry["versions"]] == [version]
        files = entry["versions"][0]["files"]
        assert set(files) == set(publish.FILES)
        for role, item in files.items():
            path = built / item["path"]
            assert path == built / provider.name / version / publish.FILES[role]
            assert item["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_the_bundles_have_no_external_refs_and_match_the_source(built: Path, provider: Provider) -> None:
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    folder = built / provider.name / version
    source = yaml.safe_load(provider.spec_path.read_text())
    for name in ("openapi.yaml", "openapi.json"):
        bundle = yaml.safe_load((folder / name).read_text())
        assert publish.non_local_refs(bundle) == []
        assert bundle["paths"].keys() == source["paths"].keys()


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_our_dereferencing_agrees_with_redocly(built: Path, provider: Provider, tmp_path: Path) -> None:
    # Redocly's --dereferenced cannot write recursive specs, which is why we have our own; where it
    # can (every spec today), both must give the same document.
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    folder = built / provider.name / version
    theirs = tmp_path / "redocly.deref.json"
    command = [publish.node_tool("redocly"), "bundle", folder / "openapi.json", "--dereferenced", "--output", theirs]
    publish.run(command, "redocly bundle --dereferenced")
    assert json.loads((folder / "openapi.deref.json").read_text()) == json.loads(theirs.read_text())


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_a_spec_change_that_breaks_the_typescript_file_fails(built: Path, provider: Provider, tmp_path: Path) -> None:
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    bundle = json.loads((built / provider.name / version / "openapi.json").read_text())
    # Rename every property of every schema: whatever the hand-written file reads or sends is gone.
    for schema in bundle["components"]["schemas"].values():
        schema["properties"] = {f"{name}_renamed": value for name, value in schema.get("properties", {}).items()}
        schema["required"] = [f"{name}_renamed" for name in schema.get("required", [])]
    broken = tmp_path / "openapi.json"
    broken.write_text(json.dumps(bundle))
    types = tmp_path / "openapi.d.ts"
    publish.run([publish.node_tool("openapi-typescript"), broken, "--output", types], "openapi-typescript")
    with pytest.raises(publish.PublishError, match="error TS"):
        publish.typecheck(provider.name, types, publish.ts_source(provider))
