"""Open every published page in headless Chromium and check what a reader would see.

    python -m scripts.publish.docs_check               # check dist/ (run `python -m scripts.publish` first)
    python -m scripts.publish.docs_check --dist DIR

Every page is loaded from its file:// URL with name resolution switched off, and every load must
make no network request (Chromium's net log; browser housekeeping is not the page's) and log no
console problem: no uncaught script error, no load refused by the page's Content-Security-Policy,
no resource that failed to load. Then:

- dist/index.html names every provider of index.json, links each version's reference page, bundled
  specs, types, npm package and README (every relative link resolves to a file in dist/), and shows
  the sha256 of every file; a screenshot is saved as index.png;
- for each version, the sidebar of the rendered reference page links every operation and webhook of
  the bundled spec, and the page of each one shows its `summary` as a heading (read with
  `--dump-dom` after scripts ran); a screenshot of the start page is saved as reference.png.

No screenshot may be blank. Redoc routes by URL fragment when opened from a file: `#/<tag>` lists a
tag's operations and `#/<tag>/<operationId>` shows one, so every operation is rendered on its own.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from withdrawal_apis.spec import SpecDocument

from .. import REPO

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every host name fails to resolve: the page is checked as it behaves offline.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
    "--window-size=1280,1600",
    # Run the page's scripts and timers to completion (virtual time) before dumping or shooting.
    "--virtual-time-budget=15000",
    # Console messages go to stderr, where they are checked.
    "--enable-logging=stderr",
    "--v=0",
)
RENDER_TIMEOUT_S = 120
CONSOLE_LINE = re.compile(r":CONSOLE[^\]]*\] (.*)")


class DocsCheckError(Exception):
    """The page does not show what it must, or it is not usable offline."""


@dataclass
class Page:
    dom: str
    requests: list[str]
    problems: list[str] = field(default_factory=list)


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise DocsCheckError("Chromium is not installed: apt-get update && apt-get install -y chromium")


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked the network for: requests keyed to the file:// top frame."""
    try:
        log = json.loads(net_log.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DocsCheckError(f"cannot read Chromium's net log {net_log}: {error}") from error
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        str(event["params"].get("url"))
        for event in log.get("events", [])
        if event.get("type") == start
        and str(event.get("params", {}).get("network_isolation_key", "")).startswith("file:")
    ]


# Console messages that mean the page is broken or not self-contained: a script error, a load the
# page's own Content-Security-Policy refused, or a resource that could not be loaded.
CONSOLE_PROBLEMS = ("Uncaught", "Content Security Policy", "Failed to load resource", "net::ERR_")


def console_problems(stderr: str) -> list[str]:
    return [
        match.group(1)
        for match in CONSOLE_LINE.finditer(stderr)
        if any(sign in match.group(1) for sign in CONSOLE_PROBLEMS)
    ]


def render(url: str, screenshot: Path | None = None) -> Page:
    """Load `url` once in a fresh profile; return the DOM (or write a screenshot) and what happened."""
    with tempfile.TemporaryDirectory(prefix="docs-check-") as tmp:
        net_log = Path(tmp) / "net-log.json"
        output = [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
        command = [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--log-net-log={net_log}",
            *output,
            url,
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=RENDER_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as error:
            raise DocsCheckError(f"Chromium did not finish {url} within {RENDER_TIMEOUT_S}s") from error
        if result.returncode != 0:
            raise DocsCheckError(f"Chromium failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
        return Page(result.stdout, page_requests(net_log), console_problems(result.stderr))


def looks_blank(png: Path) -> bool:
    """True for a PNG of one flat colour: its decompressed scanlines use only a handful of byte values."""
    data = png.read_bytes()
    pixels, position = b"", 8  # after the signature, chunks: length, type, data, CRC
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        if data[position + 4 : position + 8] == b"IDAT":
            pixels += data[position + 8 : position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(pixels))) < 16


class _Reader(HTMLParser):
    """Every href, in-page route links in document order (as `#/...`), the text of h1-h3 headings and of the page."""

    HEADINGS = ("h1", "h2", "h3")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.links: list[str] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href:
            self.hrefs.append(href)
        # Server-rendered links are paths ("/withdrawals"); once the router has run they are
        # fragments ("#/withdrawals"). Both name the same route.
        if tag == "a" and href.startswith(("#/", "/")) and not href.startswith("//"):
            self.links.append("#" + href.removeprefix("#"))
        if tag in self.HEADINGS:
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HEADINGS and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def read(dom: str) -> _Reader:
    reader = _Reader()
    reader.feed(dom)
    reader.close()
    return reader


def segments(link: str) -> list[str]:
    return link.removeprefix("#/").split("#", 1)[0].split("/")


def check_version(dist: Path, provider: str, version: dict[str, Any]) -> None:
    """Check one published version; raise DocsCheckError listing every problem."""
    files = version["files"]
    html = (dist / files["reference_html"]["path"]).resolve()
    spec = SpecDocument(dist / files["bundled_json"]["path"])
    label = f"{provider} {version['version']}"
    pages: list[tuple[str, Page]] = []

    def load(fragment: str) -> Page:
        page = render(f"{html.as_uri()}{fragment}")
        pages.append((fragment or "#", page))
        return page

    # Tag groups are the one-segment links of the start page; each group's page lists its operations.
    groups = list(dict.fromkeys(link for link in read(load("").dom).links if len(segments(link)) == 1))
    groups = [group for group in groups if segments(group) != [""]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        group_pages = list(pool.map(load, groups))
    routes: dict[str, str] = {}
    for group_page in group_pages:
        for link in read(group_page.dom).links:
            parts = segments(link)
            if len(parts) == 2 and f"#/{parts[0]}" in groups and "#" not in link.removeprefix("#/"):
                routes.setdefault(parts[1], link)

    problems: list[str] = []
    expected: list[tuple[str, str, str]] = []
    for operation in spec.operations:
        name = operation.operation_id or f"{operation.method.upper()} {operation.path}"
        summary = operation.raw.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            problems.append(f"{name}: no summary in the spec, so the page cannot be checked for it")
        elif operation.operation_id not in routes:
            problems.append(f"{name} ({summary!r}) is not linked from the page's navigation")
        else:
            expected.append((name, " ".join(summary.split()), routes[operation.operation_id]))
    with ThreadPoolExecutor(max_workers=4) as pool:
        operation_pages = list(pool.map(load, [route for _, _, route in expected]))
    for (name, summary, route), operation_page in zip(expected, operation_pages, strict=True):
        if not any(summary in heading for heading in read(operation_page.dom).headings):
            problems.append(f"{name}: {route} shows no heading with its summary {summary!r}")

    for fragment, page in pages:
        problems += page_problems(fragment, page)
    # The start page, not an operation: a route makes Redoc scroll to its target, and headless
    # `--screenshot` captures a scrolled page offset by the scroll distance (blank, or a blank band).
    problems += screenshot_problems(html, html.parent / "reference.png")
    if problems:
        raise DocsCheckError(f"{label}: {html}\n  " + "\n  ".join(problems))
    print(f"docs check: {label}: {len(expected)} operations rendered, {len(pages)} page loads, no network requests")


def page_problems(where: str, page: Page) -> list[str]:
    problems = [f"{where}: the page requested {url}" for url in page.requests]
    return problems + [f"{where}: console: {message}" for message in page.problems]


def screenshot_problems(html: Path, shot: Path) -> list[str]:
    problems = page_problems("screenshot", render(html.as_uri(), screenshot=shot))
    if not shot.is_file():
        problems.append(f"Chromium wrote no screenshot to {shot}")
    elif looks_blank(shot):
        problems.append(f"the screenshot {shot} is blank: the page did not paint")
    return problems


# What the index page must link for every version.
INDEX_LINKS = (
    "reference_html",
    "bundled_yaml",
    "bundled_json",
    "dereferenced_json",
    "typescript_types",
    "npm_package",
    "client_readme",
)


def check_index(dist: Path, index: dict[str, Any]) -> None:
    """dist/index.html: every provider, version, link and checksum of index.json, and nothing broken."""
    html = (dist / "index.html").resolve()
    if not html.is_file():
        raise DocsCheckError(f"{html} is missing")
    page = render(html.as_uri())
    reader = read(page.dom)
    text = " ".join("".join(reader.text).split())
    local = [href for href in reader.hrefs if not href.startswith(("http://", "https://", "#"))]
    problems = page_problems("index.html", page)
    problems += [f"index.html links {href}, which is not in {dist}" for href in local if not (dist / href).is_file()]
    for provider in index["providers"]:
        if provider["title"] not in reader.headings:
            problems.append(f"index.html has no heading for {provider['title']}")
        for version in provider["versions"]:
            files = [*version["files"].values(), *version.get("client_support", [])]
            problems += [
                f"index.html does not link {version['files'][role]['path']}"
                for role in INDEX_LINKS
                if version["files"][role]["path"] not in local
            ]
            problems += [
                f"index.html does not show the sha256 of {item['path']}" for item in files if item["sha256"] not in text
            ]
    problems += screenshot_problems(html, html.parent / "index.png")
    if problems:
        raise DocsCheckError("index.html:\n  " + "\n  ".join(problems))
    print(f"docs check: index.html: {len(index['providers'])} providers, {len(local)} local links, all present")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.publish.docs_check",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="the published tree (default: dist/)")
    args = parser.parse_args(argv)
    index_path = args.dist / "index.json"
    if not index_path.is_file():
        print(f"docs check: error: {index_path} is missing; run `python -m scripts.publish` first", file=sys.stderr)
        return 1
    index = json.loads(index_path.read_text(encoding="utf-8"))
    failures: list[str] = []
    try:
        check_index(args.dist, index)
    except DocsCheckError as error:
        failures.append(str(error))
    for provider in index["providers"]:
        for version in provider["versions"]:
            try:
                check_version(args.dist, provider["name"], version)
            except DocsCheckError as error:
                failures.append(str(error))
    if failures:
        print("docs check: error:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
