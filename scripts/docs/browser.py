"""Open every page of the built site in headless Chromium, as the reference pages are checked.

Each page is loaded from its file:// URL with name resolution switched off (`scripts.publish.docs_check`):
it must make no network request and log no console problem (script error, refused load, missing
resource), and show a heading. The home page, a provider's page and the performance page are also
saved as PNG screenshots, which must not be blank.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts.publish.docs_check import DocsCheckError, page_problems, read, render, screenshot_problems
from withdrawal_apis.registry import names

SCREENSHOTS = {
    "home": "index.html",
    "provider": f"providers/{names()[0]}.html",  # the first registered provider's page stands for all
    "performance": "performance.html",
}
WORKERS = 2  # the machines running this have two cores


def pages(site: Path) -> list[Path]:
    """Every page a reader can reach; the 404 page is for web servers and links from the site's root."""
    return [page for page in sorted(site.rglob("*.html")) if page.name != "404.html"]


def page_check(site: Path, page: Path) -> list[str]:
    shown = str(page.relative_to(site))
    loaded = render(page.resolve().as_uri())
    problems = page_problems(shown, loaded)
    if not any(heading.strip() for heading in read(loaded.dom).headings):
        problems.append(f"{shown}: no heading: the page did not render")
    return problems


def check(site: Path, screenshots: Path) -> tuple[int, list[str]]:
    """(pages checked, problems); writes the screenshots."""
    site = site.resolve()
    found = pages(site)
    if not found:
        raise DocsCheckError(f"no page under {site}")
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        problems = [problem for result in pool.map(lambda page: page_check(site, page), found) for problem in result]
    screenshots.mkdir(parents=True, exist_ok=True)
    for name, page in SCREENSHOTS.items():
        problems += screenshot_problems(site / page, screenshots / f"{name}.png")
    return len(found), problems
