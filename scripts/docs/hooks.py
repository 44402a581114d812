"""MkDocs hooks (mkdocs.yml `hooks:`): the parts of the site that come from the project at build time.

- the navigation's "Providers" section and providers/index.md, from the provider registry;
- the performance page's charts and tables, from the benchmark's reports (`<!-- performance: NAME -->`);
- each provider page's business rules, from its spec's `x-business-rules` (`<!-- business-rules -->`);
- links from a page to a file of the repository outside docs/ (a spec, the changelog): the file is
  published under repo/ and the link pointed at it, so it works on GitHub and in the site alike.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # mkdocs loads this file by path; its siblings are imported as a package
    sys.path.insert(0, str(REPO))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from scripts.docs import business_rules, pages, performance  # noqa: E402
from withdrawal_apis.registry import PROVIDERS  # noqa: E402

PERFORMANCE_PAGE = "performance.md"
MARKER = re.compile(r"<!-- performance: (?P<name>[a-z]+) -->")
# A Markdown link or image whose target is a relative path (not a URL, not an in-page anchor).
LINK = re.compile(r"(?P<head>!?\[[^\]]*\]\()(?P<target>(?![a-z][a-z0-9+.-]*:|#|/)[^)\s#]+)(?P<tail>#[^)\s]*)?\)")
PUBLISHED_REPO = "repo"
# npm's iframe-worker (package.json pins it): its shim, and its licence beside it.
IFRAME_WORKER = {
    "shim/index.js": "assets/javascripts/iframe-worker/shim.js",
    "LICENSE": "assets/javascripts/iframe-worker/LICENSE",
}

_charts: dict[str, str] = {}
_reports: dict[str, performance.Report | None] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        pages.check_pages(PROVIDERS, Path(config.docs_dir))
        config.nav = pages.provider_nav(config.nav or [], PROVIDERS)
    except pages.MissingPage as error:
        raise PluginError(str(error)) from error
    return config


def outside_docs(page_path: Path, target: str, docs_dir: Path) -> Path | None:
    """The repository file a relative link from `page_path` names, when it lies outside docs/."""
    resolved = (page_path.parent / target).resolve()
    if resolved.is_relative_to(docs_dir) or not resolved.is_relative_to(REPO) or not resolved.is_file():
        return None
    return resolved


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, pages.PROVIDERS_INDEX, content=pages.providers_index(PROVIDERS)))
    package = REPO / "node_modules" / "iframe-worker"
    for shipped, uri in IFRAME_WORKER.items():
        if not (package / shipped).is_file():
            raise PluginError(f"{package / shipped} is missing: run `npm install` (search needs it from disk)")
        files.append(File.generated(config, uri, abs_src_path=str(package / shipped)))
    _reports.clear()
    _reports.update(performance.load_reports())
    _charts.clear()
    for name, svg in performance.draw(_reports).items():
        uri = f"performance/{name}.svg"
        files.append(File.generated(config, uri, content=svg))
        _charts[name] = uri
    docs_dir = Path(config.docs_dir).resolve()
    published: set[Path] = set()
    for page in files.documentation_pages():
        if page.abs_src_path is None:
            continue
        source = Path(page.abs_src_path)
        for match in LINK.finditer(source.read_text(encoding="utf-8")):
            found = outside_docs(source, match["target"], docs_dir)
            if found is not None and found not in published:
                published.add(found)
                uri = f"{PUBLISHED_REPO}/{found.relative_to(REPO).as_posix()}"
                files.append(File.generated(config, uri, abs_src_path=str(found)))
    return files


def _relative(from_uri: str, to_uri: str) -> str:
    depth = from_uri.count("/")
    return "../" * depth + to_uri


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    if src_uri == PERFORMANCE_PAGE:
        charts = {name: _relative(src_uri, uri) for name, uri in _charts.items()}
        sections: dict[str, Any] = {
            "throughput": lambda: performance.throughput_section(_reports.get(performance.THROUGHPUT), charts),
            "scale": lambda: performance.scale_section(_reports.get(performance.SCALE), charts),
            "soak": lambda: performance.soak_section(_reports.get(performance.SOAK)),
            "cluster": lambda: performance.cluster_section(_reports.get(performance.CLUSTER)),
        }

        def replace(match: re.Match[str]) -> str:
            if match["name"] not in sections:
                raise PluginError(f"{src_uri}: unknown marker {match[0]}")
            text: str = sections[match["name"]]()
            return text

        markdown = MARKER.sub(replace, markdown)
    provider = next((p for p in PROVIDERS if pages.page_of(p) == src_uri), None)
    if provider is not None:
        markdown = business_rules.MARKER.sub(lambda _: business_rules.section(provider.spec_path), markdown)
    if page.file.abs_src_path is None:
        return markdown
    source = Path(page.file.abs_src_path)
    docs_dir = Path(config.docs_dir).resolve()

    def repoint(match: re.Match[str]) -> str:
        found = outside_docs(source, match["target"], docs_dir)
        if found is None:
            return match[0]
        target = _relative(src_uri, f"{PUBLISHED_REPO}/{found.relative_to(REPO).as_posix()}")
        return f"{match['head']}{target}{match['tail'] or ''})"

    return LINK.sub(repoint, markdown)
