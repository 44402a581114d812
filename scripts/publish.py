"""Build dist/ from the provider registry: what other languages and tools consume.

    python scripts/publish.py                        # rebuild dist/
    python scripts/publish.py --out DIR              # build into DIR instead (the tests do)
    python scripts/publish.py --check-reproducible   # build a second copy in a temp dir, compare bytes

For every provider in `PROVIDERS`, into `<out>/<provider>/<info.version>/`:

    openapi.yaml, openapi.json   bundled by the pinned Redocly CLI (no external `$ref`)
    openapi.deref.json           every local `$ref` inlined, for tools that cannot follow `$ref`
    openapi.d.ts                 TypeScript types from openapi-typescript
    reference.html               Redocly `build-docs` page with its scripts inlined and a CSP that
                                 forbids any network fetch, so it opens offline

then `ts/<provider>.ts` is type-checked against the generated types with `tsc --noEmit --strict`,
and `<out>/index.json` lists every provider, version, file and sha256. `<out>` is cleared first,
so a provider or version that left the registry leaves dist/ too. scripts/publish_docs_check.py
renders the pages in Chromium afterwards and adds `reference.png`.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from withdrawal_apis.providers import PROVIDERS, Provider  # noqa: E402
from withdrawal_apis.spec import SpecDocument  # noqa: E402

NODE_BIN = REPO / "node_modules" / ".bin"
TS_DIR = REPO / "ts"
INDEX = "index.json"
VERSION = re.compile(r"\d+\.\d+\.\d+")

# Role in index.json -> file name inside <provider>/<version>/.
FILES = {
    "bundled_yaml": "openapi.yaml",
    "bundled_json": "openapi.json",
    "dereferenced_json": "openapi.deref.json",
    "typescript_types": "openapi.d.ts",
    "reference_html": "reference.html",
}

# Redocly phones home (usage telemetry, update notices) unless told not to; a build must not
# depend on the network, and the page's own telemetry flag is derived from the same setting.
TOOL_ENV = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_NOTIFICATIONS": "true"}

# The page template of `build-docs`, plus a Content-Security-Policy. Redoc's scripts are inlined
# (--inlineBundle), but its sidebar still asks the Redocly CDN for a logo at run time; the policy
# blocks that and any other fetch (the `<img>` falls back to nothing), so the page cannot reach
# the network even if a later Redoc adds a request. Search runs in a blob: worker, hence worker-src.
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


class PublishError(Exception):
    """A problem that stops the build; the message says what to fix."""


def node_tool(name: str) -> Path:
    tool = NODE_BIN / name
    if not tool.exists():
        raise PublishError(f"{tool.relative_to(REPO)} is missing; run `npm install` (nox -s publish does)")
    return tool


def run(command: Sequence[str | Path], what: str) -> None:
    """Run a Node tool quietly; its whole output is shown only when it fails."""
    result = subprocess.run(
        [str(part) for part in command], cwd=REPO, env=TOOL_ENV, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise PublishError(f"{what} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --- the hand-written TypeScript files ---------------------------------------------------------


def ts_source(provider: Provider) -> Path:
    return TS_DIR / f"{provider.name}.ts"


def check_ts_sources(providers: Iterable[Provider]) -> None:
    """Every provider needs its hand-written ts/<name>.ts, and no file may outlive its provider."""
    providers = list(providers)
    missing = sorted(provider.name for provider in providers if not ts_source(provider).is_file())
    names = {provider.name for provider in providers}
    orphans = sorted(path.name for path in TS_DIR.glob("*.ts") if path.stem not in names)
    problems = [f"ts/{name}.ts is missing: write it by hand (see ts/mpchat.ts)" for name in missing]
    problems += [f"ts/{name} belongs to no registered provider" for name in orphans]
    if problems:
        raise PublishError("\n".join(problems))


def typecheck(provider_name: str, types: Path, source: Path) -> None:
    """`tsc --noEmit --strict` on `source`, with `@withdrawal-apis/<provider>` resolving to `types`."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "tsconfig.json"
        options = {
            "target": "ES2022",
            "module": "ESNext",
            "moduleResolution": "Bundler",
            "lib": ["ES2022", "DOM"],
            "types": [],
            "noUncheckedIndexedAccess": True,
            "exactOptionalPropertyTypes": True,
            "paths": {f"@withdrawal-apis/{provider_name}": [str(types.resolve())]},
        }
        write_json(config, {"compilerOptions": options, "files": [str(source.resolve())]})
        run(
            [node_tool("tsc"), "--project", config, "--noEmit", "--strict"],
            f"type-checking {source.name} against the types generated from the {provider_name} spec",
        )


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
    problems = offline_problems(html.read_text(encoding="utf-8"))
    if problems:
        raise PublishError(f"{html} is not self-contained:\n  " + "\n  ".join(problems))


# --- one provider, then the whole registry ------------------------------------------------------


def spec_version(document: SpecDocument) -> str:
    version = str(document.raw.get("info", {}).get("version", ""))
    if not VERSION.fullmatch(version):
        raise PublishError(f"{document.path}: info.version {version!r} is not MAJOR.MINOR.PATCH")
    return version


def publish_provider(provider: Provider, out: Path) -> dict[str, Any]:
    """Write one provider's files and return its index.json entry."""
    source = SpecDocument(provider.spec_path)
    version = spec_version(source)
    target = out / provider.name / version
    target.mkdir(parents=True)
    paths = {role: target / name for role, name in FILES.items()}

    for role in ("bundled_yaml", "bundled_json"):
        run([node_tool("redocly"), "bundle", provider.spec_path, "--output", paths[role]], f"redocly bundle {role}")
    bundled = SpecDocument(paths["bundled_json"])
    problems = [f"external $ref left in the bundle at {ref}" for ref in non_local_refs(bundled.raw)]
    problems += [f"example with a literal $ref key at {where}" for where in example_refs(bundled)]
    if problems:
        raise PublishError(f"{provider.name}:\n  " + "\n  ".join(problems))
    write_json(paths["dereferenced_json"], dereference(bundled))

    build_docs(paths["bundled_yaml"], paths["reference_html"])
    run(
        [node_tool("openapi-typescript"), paths["bundled_json"], "--output", paths["typescript_types"]],
        f"openapi-typescript for {provider.name}",
    )
    typecheck(provider.name, paths["typescript_types"], ts_source(provider))

    return {
        "name": provider.name,
        "title": provider.title,
        "docs_url": provider.docs_url,
        "latest": version,
        "versions": [
            {
                "version": version,
                "openapi": source.raw["openapi"],
                "title": source.raw["info"]["title"],
                "source": {"path": provider.spec_path.relative_to(REPO).as_posix(), "sha256": sha256(source.path)},
                "files": {
                    role: {"path": path.relative_to(out).as_posix(), "sha256": sha256(path)}
                    for role, path in paths.items()
                },
            }
        ],
    }


def clear(out: Path) -> None:
    """Empty `out`, but only if it is empty already or a previous build (it has an index.json)."""
    if out.exists():
        if any(out.iterdir()) and not (out / INDEX).is_file():
            raise PublishError(f"{out} is not empty and has no {INDEX}; refusing to delete what we did not build")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def publish(out: Path, providers: Sequence[Provider] = PROVIDERS) -> None:
    check_ts_sources(providers)
    clear(out)
    entries = []
    for provider in providers:
        print(f"publish: {provider.name}", flush=True)
        entries.append(publish_provider(provider, out))
    write_json(out / INDEX, {"providers": entries})


def tree_differences(first: Path, second: Path) -> list[str]:
    """Every file that exists in only one tree or differs in bytes."""

    def files(root: Path) -> set[str]:
        return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}

    a, b = files(first), files(second)
    problems = [f"only in {first}: {name}" for name in sorted(a - b)]
    problems += [f"only in {second}: {name}" for name in sorted(b - a)]
    problems += [
        f"differs: {name}" for name in sorted(a & b) if not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
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


if __name__ == "__main__":
    sys.exit(main())
