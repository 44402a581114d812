"""Open every published HTML reference in headless Chromium and check what a reader would see.

    python scripts/publish_docs_check.py               # check dist/ (run scripts/publish.py first)
    python scripts/publish_docs_check.py --dist DIR

For each version listed in <dist>/index.json, from the file:// URL with name resolution switched off:

- the sidebar of the rendered page links every operation and webhook of the bundled spec, and the
  page of each one shows its `summary` as a heading (read with `--dump-dom` after scripts ran);
- the page made no network request (Chromium's net log; browser housekeeping is not the page's);
- no uncaught script error and no blocked load other than an image (Redoc's CDN logo, which the
  page's Content-Security-Policy blocks on purpose, is reported as a note);
- a screenshot of the start page is saved as reference.png beside the page, and must not be blank.

Redoc routes by URL fragment when opened from a file: `#/<tag>` lists a tag's operations and
`#/<tag>/<operationId>` shows one, so every operation is rendered on its own.
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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from withdrawal_apis.spec import SpecDocument  # noqa: E402

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
    notes: list[str] = field(default_factory=list)


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


def console_findings(stderr: str) -> tuple[list[str], list[str]]:
    """Split console messages into problems and notes."""
    problems, notes = [], []
    for match in CONSOLE_LINE.finditer(stderr):
        message = match.group(1)
        if "Content Security Policy" in message and "the image '" in message:
            notes.append(f"blocked by the page's CSP (cosmetic): {message.split(', source: ')[0]}")
        elif any(sign in message for sign in ("Uncaught", "Content Security Policy", "Failed to load resource")):
            problems.append(message)
    return problems, notes


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
        problems, notes = console_findings(result.stderr)
        return Page(result.stdout, page_requests(net_log), problems, notes)


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
    """In-page route links in document order (as `#/...`), and the text of every h1-h3 heading."""

    HEADINGS = ("h1", "h2", "h3")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.headings: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
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
        if self._heading is not None:
            self._heading.append(data)


def read(dom: str) -> _Reader:
    reader = _Reader()
    reader.feed(dom)
    reader.close()
    return reader


def segments(link: str) -> list[str]:
    return link.removeprefix("#/").split("#", 1)[0].split("/")


def check_version(dist: Path, provider: str, version: dict[str, Any]) -> list[str]:
    """Check one published version; return notes, raise DocsCheckError listing every problem."""
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
        problems += [f"{fragment}: the page requested {url}" for url in page.requests]
        problems += [f"{fragment}: console: {message}" for message in page.problems]
    # The start page, not an operation: a route makes Redoc scroll to its target, and headless
    # `--screenshot` captures a scrolled page offset by the scroll distance (blank, or a blank band).
    shot = html.parent / "reference.png"
    problems += [f"screenshot: the page requested {url}" for url in render(html.as_uri(), screenshot=shot).requests]
    if not shot.is_file():
        problems.append(f"Chromium wrote no screenshot to {shot}")
    elif looks_blank(shot):
        problems.append(f"the screenshot {shot} is blank: the page did not paint")
    if problems:
        raise DocsCheckError(f"{label}: {html}\n  " + "\n  ".join(problems))
    notes = sorted({note for _, page in pages for note in page.notes})
    print(f"docs check: {label}: {len(expected)} operations rendered, {len(pages)} page loads, no network requests")
    return notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="the published tree (default: dist/)")
    args = parser.parse_args(argv)
    index_path = args.dist / "index.json"
    if not index_path.is_file():
        print(f"docs check: error: {index_path} is missing; run scripts/publish.py first", file=sys.stderr)
        return 1
    index = json.loads(index_path.read_text(encoding="utf-8"))
    failures: list[str] = []
    for provider in index["providers"]:
        for version in provider["versions"]:
            try:
                for note in check_version(args.dist, provider["name"], version):
                    print(f"docs check: note: {note}")
            except DocsCheckError as error:
                failures.append(str(error))
    if failures:
        print("docs check: error:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
