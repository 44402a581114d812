"""`python -m scripts.publish` and its TypeScript half: dereferencing, the offline page, the packages, dist/ itself.

The tests that run the Node tools (Redocly, openapi-typescript, tsc, npm pack) need `npm install` to
have run, as the `specs`, `tests` and `publish` nox sessions do. Chromium is not needed here (see
test_docs_check.py); the packages' own Node tests against the emulators run in `nox -s publish`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import REPO
from scripts.publish import dist, node_check, typescript
from scripts.publish.common import PublishError, node_tool, run
from withdrawal_apis.registry import PROVIDERS, Provider, Settings
from withdrawal_apis.spec import SpecDocument


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
    result = dist.dereference(document(tmp_path, raw))
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
    assert dist.dereference(document(tmp_path, raw))["components"]["schemas"]["A"] == {
        "allOf": [{"type": "string"}],
        "maxLength": 3,
    }


def test_a_literal_ref_in_an_example_is_refused(tmp_path: Path) -> None:
    raw = {"components": {"schemas": {"A": {"type": "object", "examples": [{"link": {"$ref": "#/x"}}]}}}}
    assert dist.example_refs(document(tmp_path, raw)) == ["/components/schemas/A/examples/0"]


def self_contained_page(body: str = "", head: str = "") -> str:
    return (
        f'<html><head><meta http-equiv="Content-Security-Policy" content="{dist.CSP}">{head}</head>'
        f'<body><script>const o = {{"disableTelemetry":true}};</script>{body}</body></html>'
    )


def test_a_self_contained_page_passes_the_offline_check() -> None:
    page = self_contained_page('<img src="data:image/png;base64,AA=="><a href="https://example.com/">a link</a>')
    assert dist.offline_problems(page) == []


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
    assert dist.offline_problems(self_contained_page(body, head))


def test_the_offline_check_needs_the_csp_and_disabled_telemetry() -> None:
    problems = dist.offline_problems("<html><body><script>{}</script></body></html>")
    assert any("Content-Security-Policy" in problem for problem in problems)
    assert any("telemetry" in problem for problem in problems)


def test_markdown_in_a_server_description_is_refused(tmp_path: Path) -> None:
    raw = {
        "servers": [
            {"url": "https://a.example", "description": "Production (keys prefixed mk_live_)."},
            {"url": "https://b.example", "description": "Sandbox (keys prefixed `mk_test_`)."},
            {"url": "https://c.example", "description": "See [the docs](https://docs.example)."},
            {"url": "https://d.example"},
        ]
    }
    problems = dist.plain_text_problems(document(tmp_path, raw))
    assert [problem.split(".", 1)[0] for problem in problems] == ["servers[1]", "servers[2]"]


def test_the_redoc_logo_becomes_an_inline_wordmark() -> None:
    for url, replacement in dist.REDOC_LOGOS.items():
        assert url.startswith("https://cdn.redoc.ly/")
        svg = base64.b64decode(replacement.removeprefix("data:image/svg+xml;base64,")).decode()
        assert svg.startswith("<svg ")
        assert "Redocly" in svg or ">R<" in svg


def test_the_readme_example_is_the_tests_region_with_its_imports() -> None:
    mpchat = next(provider for provider in PROVIDERS if provider.name == "mpchat")
    example = typescript.example(mpchat)
    assert example.startswith('import assert from "node:assert/strict";\n')
    assert 'from "@withdrawal-apis/mpchat";' in example
    assert "node:test" not in example
    assert "emulator.js" not in example
    assert "#region" not in example
    assert "#endregion" not in example
    assert 'client.POST("/v1/withdrawals"' in example


def test_the_docs_show_the_mpchat_flow_as_the_test_runs_it() -> None:
    mpchat = next(provider for provider in PROVIDERS if provider.name == "mpchat")
    section = (REPO / "docs" / "other-languages.md").read_text()
    assert f"```ts\n{typescript.example(mpchat)}\n```" in section


def test_a_test_without_its_example_region_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mpchat.test.ts").write_text('import { test } from "node:test";\n')
    monkeypatch.setattr(typescript, "TEST_DIR", tmp_path)
    mpchat = next(provider for provider in PROVIDERS if provider.name == "mpchat")
    with pytest.raises(PublishError, match="#region example"):
        typescript.example(mpchat)


def test_a_tarball_that_differs_from_the_index_is_refused(tmp_path: Path) -> None:
    tarball = tmp_path / "mpchat" / "1.0.0" / "withdrawal-apis-mpchat-1.0.0.tgz"
    tarball.parent.mkdir(parents=True)
    tarball.write_bytes(b"the published bytes")
    item = {"path": "mpchat/1.0.0/withdrawal-apis-mpchat-1.0.0.tgz", "sha256": hashlib.sha256(b"other").hexdigest()}
    index = {"providers": [{"versions": [{"files": {"npm_package": item}}]}]}
    (tmp_path / "index.json").write_text(json.dumps(index))
    with pytest.raises(PublishError, match="sha256 differs"):
        node_check.tarballs(tmp_path)


def test_a_provider_without_its_typescript_file_fails_clearly() -> None:
    stranger = Provider(
        name="nosuchprovider", title="Nobody", docs_url="https://example.invalid/", settings=Settings("key", "secret")
    )
    with pytest.raises(PublishError, match=r"providers/nosuchprovider/client\.ts is missing"):
        typescript.check_ts_sources([*PROVIDERS, stranger])


def test_every_registered_provider_has_its_typescript_file() -> None:
    typescript.check_ts_sources(PROVIDERS)


def test_clear_refuses_a_directory_it_did_not_build(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(PublishError, match="refusing"):
        dist.clear(tmp_path)
    assert (tmp_path / "precious.txt").exists()


def test_clear_leaves_the_wheels_of_nox_s_build(tmp_path: Path) -> None:
    (tmp_path / "python").mkdir()
    (tmp_path / "python" / "withdrawal_apis-0.2.0-py3-none-any.whl").write_bytes(b"a wheel")
    dist.clear(tmp_path)  # dist/ holding only the wheels is no foreign directory
    (tmp_path / "index.json").write_text("{}")
    (tmp_path / "mpchat").mkdir()
    dist.clear(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["python"]
    assert (tmp_path / "python" / "withdrawal_apis-0.2.0-py3-none-any.whl").read_bytes() == b"a wheel"


# --- with the Node tools ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist") / "dist"
    subprocess.run([sys.executable, "-m", "scripts.publish", "--out", str(out)], cwd=REPO, check=True)
    return out


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    subprocess.run([sys.executable, "-m", "scripts.publish", "--out", str(again)], cwd=REPO, check=True)
    assert dist.tree_differences(built, again) == []


def test_the_index_lists_every_provider_with_true_checksums(built: Path) -> None:
    index = json.loads((built / "index.json").read_text())
    assert [entry["name"] for entry in index["providers"]] == [provider.name for provider in PROVIDERS]
    for provider, entry in zip(PROVIDERS, index["providers"], strict=True):
        version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
        assert entry["docs_url"] == provider.docs_url
        assert [v["version"] for v in entry["versions"]] == [version]
        published = entry["versions"][0]
        files = published["files"]
        assert set(files) == {*dist.FILES, "npm_package"}
        folder = built / provider.name / version
        for role, name in dist.FILES.items():
            assert built / files[role]["path"] == folder / name
        assert built / files["npm_package"]["path"] == folder / f"withdrawal-apis-{provider.name}-{version}.tgz"
        for item in [*files.values(), *published["client_support"]]:
            assert item["sha256"] == hashlib.sha256((built / item["path"]).read_bytes()).hexdigest()
        tarball = (built / files["npm_package"]["path"]).read_bytes()
        assert published["package"] == {
            "name": f"@withdrawal-apis/{provider.name}",
            "integrity": "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode(),
        }


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_the_package_holds_the_client_types_spec_and_readme(built: Path, provider: Provider) -> None:
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    folder = built / provider.name / version
    manifest = json.loads((folder / "package.json").read_text())
    assert (manifest["name"], manifest["version"], manifest["type"]) == (
        f"@withdrawal-apis/{provider.name}",
        version,
        "module",
    )
    assert manifest["dependencies"] == {"openapi-fetch": typescript.pinned("openapi-fetch")}
    with tarfile.open(folder / f"withdrawal-apis-{provider.name}-{version}.tgz") as packed:
        names = sorted(member.name.removeprefix("package/") for member in packed.getmembers())
    assert names == sorted([*manifest["files"], "package.json"])
    assert {"index.js", "index.d.ts", "openapi.d.ts", "openapi.json", "README.md"} <= set(names)
    readme = (folder / "README.md").read_text()
    assert typescript.example(provider) in readme
    assert f"npm install ./withdrawal-apis-{provider.name}-{version}.tgz" in readme


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_every_string_enum_of_the_types_is_open(built: Path, provider: Provider) -> None:
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    types = (built / provider.name / version / "openapi.d.ts").read_text()
    enums = [
        schema
        for schema in SpecDocument(provider.spec_path).raw["components"]["schemas"].values()
        if isinstance(schema.get("enum"), list)
    ]
    assert enums, "every spec has a string enum"
    for schema in enums:
        union = " | ".join(f'"{value}"' for value in schema["enum"])
        assert f"{union} | (string & {{}})" in types, schema["enum"]


def test_the_index_page_links_every_version(built: Path) -> None:
    page = (built / "index.html").read_text()
    index = json.loads((built / "index.json").read_text())
    for entry in index["providers"]:
        for version in entry["versions"]:
            assert f'href="{version["files"]["reference_html"]["path"]}"' in page
            assert version["files"]["npm_package"]["sha256"] in page


def test_the_index_page_links_the_documentation_site(built: Path) -> None:
    # `nox -s publish` builds the site into dist/site/ next; the docs check then follows this link.
    assert 'href="site/index.html"' in (built / "index.html").read_text()


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_the_bundles_have_no_external_refs_and_match_the_source(built: Path, provider: Provider) -> None:
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    folder = built / provider.name / version
    source = yaml.safe_load(provider.spec_path.read_text())
    for name in ("openapi.yaml", "openapi.json"):
        bundle = yaml.safe_load((folder / name).read_text())
        assert dist.non_local_refs(bundle) == []
        assert bundle["paths"].keys() == source["paths"].keys()


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_our_dereferencing_agrees_with_redocly(built: Path, provider: Provider, tmp_path: Path) -> None:
    # Redocly's --dereferenced cannot write recursive specs, which is why we have our own; where it
    # can (every spec today), both must give the same document.
    version = str(SpecDocument(provider.spec_path).raw["info"]["version"])
    folder = built / provider.name / version
    theirs = tmp_path / "redocly.deref.json"
    command = [node_tool("redocly"), "bundle", folder / "openapi.json", "--dereferenced", "--output", theirs]
    run(command, "redocly bundle --dereferenced")
    assert json.loads((folder / "openapi.deref.json").read_text()) == json.loads(theirs.read_text())


def renamed_properties(spec: Path) -> None:
    """Rename every property of every schema in a bundled spec: whatever TypeScript reads or sends is gone."""
    bundle = json.loads(spec.read_text())
    for schema in bundle["components"]["schemas"].values():
        schema["properties"] = {f"{name}_renamed": value for name, value in schema.get("properties", {}).items()}
        schema["required"] = [f"{name}_renamed" for name in schema.get("required", [])]
    spec.write_text(json.dumps(bundle))


def test_a_spec_change_that_breaks_a_client_fails_the_build(built: Path, tmp_path: Path) -> None:
    bigone = next(provider for provider in PROVIDERS if provider.name == "bigone")  # its paging reads fields
    version = str(SpecDocument(bigone.spec_path).raw["info"]["version"])
    shutil.copy(built / "bigone" / version / "openapi.json", tmp_path / "openapi.json")
    renamed_properties(tmp_path / "openapi.json")
    typescript.generate_types({tmp_path / "openapi.json": tmp_path / "openapi.d.ts"})
    with pytest.raises(PublishError, match=r"providers/bigone/client\.ts\(\d+,\d+\): error TS"):
        typescript.compile_clients([typescript.Package(bigone, version, tmp_path)])


def test_a_spec_change_that_breaks_the_callers_fails_the_node_check(built: Path, tmp_path: Path) -> None:
    """MPChat's client touches no field, so its package still builds; the tests that call it do not compile."""
    copied = tmp_path / "dist"
    shutil.copytree(built, copied)
    mpchat = next(provider for provider in PROVIDERS if provider.name == "mpchat")
    version = str(SpecDocument(mpchat.spec_path).raw["info"]["version"])
    package = typescript.Package(mpchat, version, copied / "mpchat" / version)
    renamed_properties(package.directory / "openapi.json")
    typescript.generate_types({package.directory / "openapi.json": package.directory / "openapi.d.ts"})
    typescript.compile_clients([package])
    package.tarball.unlink()
    typescript.build_package(package, "renamed")
    index = json.loads((copied / "index.json").read_text())
    entry = next(entry for entry in index["providers"] if entry["name"] == "mpchat")
    entry["versions"][0]["files"]["npm_package"]["sha256"] = hashlib.sha256(package.tarball.read_bytes()).hexdigest()
    (copied / "index.json").write_text(json.dumps(index))
    project = tmp_path / "project"
    project.mkdir()
    with pytest.raises(PublishError, match=r"test/mpchat\.test\.ts\(\d+,\d+\): error TS"):
        node_check.prepare(project, node_check.tarballs(copied))
