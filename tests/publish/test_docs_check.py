"""`python -m scripts.publish.docs_check`: the pieces that decide pass or fail.

The full check (the index page and every operation of every published page) runs in `nox -s publish`;
here tiny pages show that a network fetch and a load refused by the page's own policy are caught.
Those tests need Chromium (they carry the `chromium` marker); like the rest of tests/publish they run
in `nox -s publish`, which requires it.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from scripts.publish import docs_check


def png(path: Path, width: int, rows: list[bytes]) -> Path:
    """A greyscale PNG; each row holds `width` bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, len(rows), 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\0" + row for row in rows))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))
    return path


def test_a_flat_screenshot_counts_as_blank(tmp_path: Path) -> None:
    assert docs_check.looks_blank(png(tmp_path / "white.png", 64, [b"\xff" * 64] * 64))
    assert not docs_check.looks_blank(png(tmp_path / "text.png", 64, [bytes(range(i, i + 64)) for i in range(64)]))


def test_console_problems_include_a_load_the_policy_refused() -> None:
    stderr = "\n".join(
        [
            "[1:1:1121/000000.000000:INFO:CONSOLE:0] \"Loading the image 'https://cdn.example/logo.svg' violates "
            'the following Content Security Policy directive: "img-src data:".", source: file:///x.html (0)',
            '[1:1:1121/000000.000000:INFO:CONSOLE:7] "Uncaught TypeError: x is undefined", source: file:///x.html (7)',
            '[1:1:1121/000000.000000:INFO:CONSOLE:8] "Failed to load resource: net::ERR_FILE_NOT_FOUND", source: (8)',
            '[1:1:1121/000000.000000:INFO:CONSOLE:9] "Redoc 3.0.1", source: file:///x.html (9)',
        ]
    )
    problems = docs_check.console_problems(stderr)
    assert len(problems) == 3
    assert "logo.svg" in problems[0]
    assert "Uncaught TypeError" in problems[1]
    assert "ERR_FILE_NOT_FOUND" in problems[2]


def test_route_links_are_read_in_both_forms() -> None:
    reader = docs_check.read(
        '<a href="/withdrawals">w</a><a href="#/withdrawals/create">c</a><h2>Create <b>it</b></h2>'
    )
    assert reader.links == ["#/withdrawals", "#/withdrawals/create"]
    assert reader.hrefs == ["/withdrawals", "#/withdrawals/create"]
    assert reader.headings == ["Create it"]


@pytest.mark.chromium
def test_a_page_that_fetches_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html><body><h2>Hello</h2><img src="https://cdn.example.invalid/logo.svg"></body></html>')
    rendered = docs_check.render(page.as_uri())
    assert rendered.requests == ["https://cdn.example.invalid/logo.svg"]
    assert docs_check.read(rendered.dom).headings == ["Hello"]


@pytest.mark.chromium
def test_a_load_refused_by_the_pages_policy_is_a_problem(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    policy = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:">'
    page.write_text(f'<html><head>{policy}</head><body><img src="https://cdn.example.invalid/a.svg"></body></html>')
    rendered = docs_check.render(page.as_uri())
    assert rendered.requests == []  # refused before it reached the network
    assert any("Content Security Policy" in problem for problem in rendered.problems)
