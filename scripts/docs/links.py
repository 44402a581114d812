"""Every internal link of a built site leads somewhere: a file that exists, and an anchor on it that exists.

    python -m scripts.docs.links SITE_DIR

Links and resources (`href` and `src`) that name no scheme are followed from the page they are on;
a fragment must be the `id` (or `<a name>`) of an element on the target page. External links are not
followed: the site is checked offline. A link from the site's root (`/...`) breaks a site opened from
disk, so only the 404 page, which a web server shows at any depth, may have them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

NOT_FOUND_PAGE = Path("404.html")


@dataclass
class _Page:
    references: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src"):
            value = found.get(name)
            if value is not None and not (tag == "link" and found.get("rel") in ("canonical", "alternate")):
                self.page.references.append(value)
        for name in ("id", "name") if tag == "a" else ("id",):
            if found.get(name):
                self.page.anchors.add(str(found[name]))


@cache
def read(path: Path) -> _Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    return reader.page


def is_internal(reference: str) -> bool:
    parts = urlsplit(reference)
    return not parts.scheme and not parts.netloc and not reference.startswith(("mailto:", "data:", "javascript:"))


def problems(site: Path) -> list[str]:
    """Every broken internal link and anchor of the HTML pages under `site`."""
    site = site.resolve()
    read.cache_clear()
    found: list[str] = []
    for page in sorted(site.rglob("*.html")):
        shown = page.relative_to(site)
        for reference in read(page).references:
            if not is_internal(reference) or reference == "":
                continue
            parts = urlsplit(reference)
            if parts.path.startswith("/") and shown != NOT_FOUND_PAGE:
                found.append(f"{shown}: {reference} is absolute, and breaks when the site is opened from disk")
                continue
            base = site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(site):
                found.append(f"{shown}: {reference} leads out of the site")
            elif not target.is_file():
                found.append(f"{shown}: {reference} leads to nothing ({target.relative_to(site)} is missing)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in read(target).anchors:
                found.append(f"{shown}: {reference} names an anchor {target.relative_to(site)} does not have")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m scripts.docs.links SITE_DIR", file=sys.stderr)
        return 2
    found = problems(Path(args[0]))
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
