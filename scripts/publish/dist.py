"""Build dist/ from the provider registry: what other languages and tools consume.

    python -m scripts.publish                        # rebuild dist/
    python -m scripts.publish --out DIR              # build into DIR instead (the tests do)
    python -m scripts.publish --check-reproducible   # build a second copy in a temp dir, compare bytes

For every provider in `PROVIDERS`, into `<out>/<provider>/<info.version>/`:

    openapi.yaml, openapi.json   bundled by the pinned Redocly CLI (no external `$ref`)
    openapi.deref.json           every local `$ref` inlined, for tools that cannot follow `$ref`
    reference.html               Redocly `build-docs` page with its scripts inlined and a CSP that
                                 forbids any network fetch, so it opens offline
    openapi.d.ts, index.js, ...  the npm package `@withdrawal-apis/<provider>`: types with open
                                 enums and a typed client with the provider's signing, compiled
                                 with `tsc --strict`, and its tarball (scripts.publish.typescript)

then `<out>/index.json` lists every provider, version, file and sha256, and `<out>/index.html`
shows the same as a page. `<out>` is cleared first, so a provider or version that left the
registry leaves dist/ too. `python -m scripts.publish.node_check` runs the TypeScript tests against
the emulators with the packages, and `python -m scripts.publish.docs_check` renders the pages in
Chromium and adds `index.png` and `reference.png`.
"""

from __future__ import annotations

import argparse
import base64
import filecmp
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from withdrawal_apis.registry import PROVIDERS, Provider
from withdrawal_apis.spec import SpecDocument

from .. import REPO
from . import index as index_page
from .common import PublishError, node_tool, run, sha256, write_json
from .typescript import (
    Package,
    build_package,
    check_ts_sources,
    compile_clients,
    generate_types,
    integrity,
    package_files,
)

INDEX = "index.json"
INDEX_PAGE = "index.html"
VERSION = re.compile(r"\d+\.\d+\.\d+")

# Role in index.json -> file name inside <provider>/<version>/ (the npm tarball is named per version).
FILES = {
    "bundled_yaml": "openapi.yaml",
    "bundled_json": "openapi.json",
    "dereferenced_json": "openapi.deref.json",
    "typescript_types": "openapi.d.ts",
    "reference_html": "reference.html",
    "client_js": "index.js",
    "client_dts": "index.d.ts",
    "client_readme": "README.md",
    "client_package_json": "package.json",
}

# --- bundling and dereferencing -----------------------------------------------------------------


def non_local_refs(node: Any, pointer: str = "") -> list[str]:
    if isinstance(node, list):
        return [found for index, item in enumerate(node) for found in non_local_refs(item, f"{pointer}/{index}")]
    if not isinstance(node, dict):
        return []
    ref = node.get("$ref")
    found = [f"{pointer}: {ref}"] if isinstance(ref, str) and not ref.startswith("#") else []
    return found + [hit for key, value in node.items() for hit in non_local_refs(value, f"{pointer}/{key}")]


def dereference(document: SpecDocument) -> Any:
    """The document with every local `$ref` replaced by a copy of its target.

    Redocly's `--dereferenced` refuses recursive schemas (JSON cannot hold a cycle), so this is done
    here: a `$ref` met again while its own target is being expanded stays a `$ref`, and the
    components it points into stay in the output, so the document remains valid. A reference with
    siblings follows OpenAPI 3.1: `summary`/`description` override the target's, and any other
    sibling (only legal in a schema) applies alongside it through `allOf`.
    """

    def expand(node: Any, expanding: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [expand(item, expanding) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return {key: expand(value, expanding) for key, value in node.items()}
        if ref in expanding:
            return dict(node)
        target = expand(document.at(unquote(ref.removeprefix("#"))), (*expanding, ref))
        siblings = {key: expand(value, expanding) for key, value in node.items() if key != "$ref"}
        if not siblings:
            return target
        if isinstance(target, dict) and siblings.keys() <= {"summary", "description"}:
            return {**target, **siblings}
        return {"allOf": [target], **siblings}

    return expand(document.raw, ())


def has_ref_key(value: Any) -> bool:
    if isinstance(value, dict):
        return "$ref" in value or any(has_ref_key(item) for item in value.values())
    return isinstance(value, list) and any(has_ref_key(item) for item in value)


def example_refs(document: SpecDocument) -> list[str]:
    """Examples holding a `$ref` key: literal data that `dereference` would wrongly expand."""
    return [where for where, _, value in document.iter_examples() if has_ref_key(value)]


# --- the HTML reference -------------------------------------------------------------------------

# The page template of `build-docs`, plus a Content-Security-Policy. Redoc's scripts are inlined
# (--inlineBundle) and the policy blocks any fetch, so the page cannot reach the network even if a
# later Redoc adds a request. Search runs in a blob: worker, hence worker-src.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; worker-src blob:; base-uri 'none'; form-action 'none'"
)
PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="Content-Security-Policy" content="@CSP@" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>{{title}}</title>
  <style>body { margin: 0; padding: 0; }</style>
  {{{redocHead}}}
</head>
<body>
  {{{redocHTML}}}
</body>
</html>
""".replace("@CSP@", CSP)


def wordmark(text: str, width: int) -> str:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 16" width="{width}" height="16">'
        f'<text x="{width / 2:g}" y="12.5" text-anchor="middle" font-family="sans-serif" font-size="13" '
        f'font-weight="600" fill="#1f2a44">{text}</text></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


# Redoc's sidebar credits Redocly with a logo it loads from Redocly's CDN at run time, which an
# offline page cannot reach and the policy above would block. The credit stays, as a text wordmark
# carried in the page: each CDN address in the inlined script is replaced by a data: URL.
REDOC_LOGOS = {
    "https://cdn.redoc.ly/redoc/logo-mini-full.svg": wordmark("Redocly", 52),
    "https://cdn.redoc.ly/redoc/logo-mini.svg": wordmark("R", 12),
}


class _FetchScanner(HTMLParser):
    """Collects every resource the markup or its CSS would make a browser load."""

    CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetches: list[str] = []
        self.csp: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(values.get("content", ""))
        if tag == "script" and "src" in values:
            self.fetches.append(f"<script src={values['src']!r}>")
        if tag == "link" and self._loads(values.get("href", "")):
            self.fetches.append(f"<link rel={values.get('rel', '')!r} href={values['href']!r}>")
        for name in ("src", "srcset", "poster", "data", "background"):
            if tag not in ("script", "link") and self._loads(values.get(name, "")):
                self.fetches.append(f"<{tag} {name}={values[name]!r}>")
        for name in ("href", "xlink:href"):  # SVG pulls images and symbols in by href
            if tag in ("image", "use", "feimage") and self._loads(values.get(name, "")):
                self.fetches.append(f"<{tag} {name}={values[name]!r}>")
        if "style" in values:
            self._scan_css(values["style"], f"<{tag} style>")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._scan_css(data, "<style>")

    def _scan_css(self, css: str, where: str) -> None:
        for match in self.CSS_URL.finditer(css):
            url = match.group(2) if match.group(2) is not None else match.group(4)
            if self._loads(url):
                self.fetches.append(f"{where} url({url})")

    @staticmethod
    def _loads(url: str) -> bool:
        """Anything but an inline (data:), in-page (#) or in-memory (blob:) reference is another file."""
        url = url.strip()
        return bool(url) and not url.startswith(("data:", "#", "blob:"))


def offline_problems(html: str) -> list[str]:
    """Why the page could not open offline; empty when it is self-contained."""
    scanner = _FetchScanner()
    scanner.feed(html)
    scanner.close()
    problems = [f"loads {fetch}" for fetch in scanner.fetches]
    if scanner.csp != [CSP]:
        problems.append(f"expected exactly our Content-Security-Policy, found {scanner.csp}")
    if '"disableTelemetry":true' not in html:
        problems.append("Redoc telemetry is not disabled in the page options")
    return problems


def build_docs(bundled: Path, html: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "page.hbs"
        template.write_text(PAGE_TEMPLATE, encoding="utf-8")
        run(
            [node_tool("redocly"), "build-docs", bundled, "--inlineBundle", "--template", template, "--output", html],
            f"redocly build-docs for {bundled}",
        )
    page = html.read_text(encoding="utf-8")
    for url, replacement in REDOC_LOGOS.items():
        if url not in page:
            raise PublishError(f"{html}: Redoc no longer loads its logo from {url}; review REDOC_LOGOS")
        page = page.replace(url, replacement)
    html.write_text(page, encoding="utf-8")
    problems = offline_problems(page)
    if problems:
        raise PublishError(f"{html} is not self-contained:\n  " + "\n  ".join(problems))


# --- one provider, then the whole registry ------------------------------------------------------


def spec_version(document: SpecDocument) -> str:
    version = str(document.raw.get("info", {}).get("version", ""))
    if not VERSION.fullmatch(version):
        raise PublishError(f"{document.path}: info.version {version!r} is not MAJOR.MINOR.PATCH")
    return version


# Markup Redoc shows literally: it renders a server's description as plain text.
MARKDOWN = re.compile(r"`|\*\*|__|\[[^\]]*\]\(|<[A-Za-z/]")


def plain_text_problems(document: SpecDocument) -> list[str]:
    servers = document.raw.get("servers") or []
    return [
        f"servers[{index}].description is shown as plain text; drop its Markdown: {server['description']!r}"
        for index, server in enumerate(servers)
        if MARKDOWN.search(str(server.get("description", "")))
    ]


@dataclass(frozen=True)
class Built:
    """One provider's version directory while it is being filled."""

    source: SpecDocument
    package: Package

    @property
    def target(self) -> Path:
        return self.package.directory

    def path(self, role: str) -> Path:
        return self.target / FILES[role]


def publish_spec(provider: Provider, out: Path) -> Built:
    """The bundles, the dereferenced document and the HTML reference of one provider."""
    source = SpecDocument(provider.spec_path)
    version = spec_version(source)
    built = Built(source, Package(provider, version, out / provider.name / version))
    built.target.mkdir(parents=True)

    for role in ("bundled_yaml", "bundled_json"):
        command: list[str | Path] = [node_tool("redocly"), "bundle", provider.spec_path, "--output", built.path(role)]
        run(command, f"redocly bundle {role}")
    bundled = SpecDocument(built.path("bundled_json"))
    problems = [f"external $ref left in the bundle at {ref}" for ref in non_local_refs(bundled.raw)]
    problems += [f"example with a literal $ref key at {where}" for where in example_refs(bundled)]
    problems += plain_text_problems(bundled)
    if problems:
        raise PublishError(f"{provider.name}:\n  " + "\n  ".join(problems))
    write_json(built.path("dereferenced_json"), dereference(bundled))
    build_docs(built.path("bundled_yaml"), built.path("reference_html"))
    return built


def index_entry(built: Built, out: Path) -> dict[str, Any]:
    """The index.json entry of one provider, once every file is written."""
    provider, package = built.package.provider, built.package

    def item(path: Path) -> dict[str, str]:
        return {"path": path.relative_to(out).as_posix(), "sha256": sha256(path)}

    files = {role: item(built.path(role)) for role in FILES}
    files["npm_package"] = item(package.tarball)
    support = [name for name in package_files(package) if name.startswith("shared/")]
    return {
        "name": provider.name,
        "title": provider.title,
        "docs_url": provider.docs_url,
        "latest": package.version,
        "versions": [
            {
                "version": package.version,
                "openapi": built.source.raw["openapi"],
                "title": built.source.raw["info"]["title"],
                "source": {
                    "path": provider.spec_path.relative_to(REPO).as_posix(),
                    "sha256": sha256(provider.spec_path),
                },
                "files": files,
                "client_support": [item(package.directory / name) for name in support],
                "package": {"name": package.name, "integrity": integrity(package.tarball)},
            }
        ],
    }


# dist/python/ holds the wheels of `nox -s build`: publishing leaves it alone.
KEPT = frozenset({"python"})


def clear(out: Path) -> None:
    """Empty `out` but for the wheels, and only if it is empty already or a previous build (it has an index.json)."""
    if out.exists():
        ours = [path for path in out.iterdir() if path.name not in KEPT]
        if ours and not (out / INDEX).is_file():
            raise PublishError(f"{out} is not empty and has no {INDEX}; refusing to delete what we did not build")
        for path in ours:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    out.mkdir(parents=True, exist_ok=True)


def publish(out: Path, providers: Sequence[Provider] = PROVIDERS) -> None:
    check_ts_sources(providers)
    clear(out)
    built = []
    for provider in providers:
        print(f"publish: {provider.name}", flush=True)
        built.append(publish_spec(provider, out))
    generate_types({item.path("bundled_json"): item.path("typescript_types") for item in built})
    compile_clients(item.package for item in built)
    for item in built:
        build_package(item.package, f"{item.package.provider.title} withdrawal API: typed client and request signing")
    index = {"providers": [index_entry(item, out) for item in built]}
    write_json(out / INDEX, index)
    (out / INDEX_PAGE).write_text(index_page.render(index), encoding="utf-8")


def tree_differences(first: Path, second: Path) -> list[str]:
    """Every file that exists in only one tree or differs in bytes."""

    def files(root: Path) -> set[str]:
        found = {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}
        return {name for name in found if name.split("/", 1)[0] not in KEPT}

    a, b = files(first), files(second)
    problems = [f"only in {first}: {name}" for name in sorted(a - b)]
    problems += [f"only in {second}: {name}" for name in sorted(b - a)]
    problems += [
        f"differs: {name}" for name in sorted(a & b) if not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.publish", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="output directory (default: dist/)")
    parser.add_argument(
        "--check-reproducible", action="store_true", help="build again into a temp dir and require identical bytes"
    )
    args = parser.parse_args(argv)
    try:
        publish(args.out)
        if args.check_reproducible:
            with tempfile.TemporaryDirectory() as tmp:
                publish(Path(tmp) / "again")
                differences = tree_differences(args.out, Path(tmp) / "again")
            if differences:
                raise PublishError(
                    "two builds differ (something embeds a timestamp or path):\n" + "\n".join(differences)
                )
            print("publish: a second build is byte-identical")
    except PublishError as error:
        print(f"publish: error: {error}", file=sys.stderr)
        return 1
    print(f"publish: wrote {args.out}")
    return 0
