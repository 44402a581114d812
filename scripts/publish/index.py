"""dist/index.html: one page listing every provider and version with links to its files and their sha256.

Rendered from the same data as index.json, so the two cannot disagree. The page is static: no script,
inline styles only, and a Content-Security-Policy that forbids every fetch, like the reference pages.
"""

from __future__ import annotations

from html import escape
from typing import Any

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; color: #1d2430; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.25rem; }
p.lead { color: #4a5568; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid #e2e8f0; }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: #4a5568; }
code, .sha { font-family: ui-monospace, monospace; font-size: 0.8rem; }
.sha { color: #4a5568; word-break: break-all; }
details summary { cursor: pointer; color: #2b6cb0; }
a { color: #2b6cb0; }
.latest { font-size: 0.75rem; background: #ebf8ff; color: #2c5282; border-radius: 0.25rem; padding: 0 0.3rem; }
"""

SITE = "site/index.html"  # the documentation site, which `nox -s publish` builds beside the specs
SPEC_ROLES = (("bundled_yaml", "YAML"), ("bundled_json", "JSON"), ("dereferenced_json", "dereferenced JSON"))


def link(item: dict[str, str], label: str) -> str:
    return f'<a href="{escape(item["path"])}">{escape(label)}</a>'


def checksums(version: dict[str, Any]) -> str:
    files = [*version["files"].values(), *version.get("client_support", [])]
    rows = "".join(
        f'<tr><td><code>{escape(item["path"])}</code></td><td class="sha">{escape(item["sha256"])}</td></tr>'
        for item in sorted(files, key=lambda item: item["path"])
    )
    return f"<details><summary>sha256 of {len(files)} files</summary><table>{rows}</table></details>"


def version_row(provider: dict[str, Any], version: dict[str, Any]) -> str:
    files = version["files"]
    latest = ' <span class="latest">latest</span>' if version["version"] == provider["latest"] else ""
    specs = ", ".join(link(files[role], label) for role, label in SPEC_ROLES)
    package = version["package"]
    client = (
        f"<code>{escape(package['name'])}</code><br>{link(files['npm_package'], 'npm package')}, "
        f"{link(files['client_readme'], 'README')}<br>"
        f'<span class="sha">sha256 {escape(files["npm_package"]["sha256"])}</span>'
    )
    cells = [
        f"{escape(version['version'])}{latest}",
        link(files["reference_html"], "API reference"),
        specs,
        link(files["typescript_types"], "openapi.d.ts"),
        client,
        checksums(version),
    ]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def provider_section(provider: dict[str, Any]) -> str:
    rows = "".join(version_row(provider, version) for version in provider["versions"])
    heading = "".join(f"<th>{name}</th>" for name in ("version", "reference", "spec", "types", "client", "checksums"))
    return (
        f'<section id="{escape(provider["name"])}"><h2>{escape(provider["title"])}</h2>'
        f'<p class="lead">The provider\'s own documentation: '
        f'<a href="{escape(provider["docs_url"])}">{escape(provider["docs_url"])}</a></p>'
        f"<table><thead><tr>{heading}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def render(index: dict[str, Any]) -> str:
    sections = "\n".join(provider_section(provider) for provider in index["providers"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>withdrawal-apis: published specs and clients</title>
<style>{STYLE}</style>
</head>
<body>
<h1>withdrawal-apis</h1>
<p class="lead">OpenAPI 3.1 documents of crypto-payment withdrawal APIs, one per provider and version, with an
offline API reference, TypeScript types and a TypeScript client package for each. Pin a version by its path
and check the sha256 listed here (and in <a href="index.json">index.json</a>) before you use a file.</p>
<p>The documentation: <a href="{SITE}">guides, a page per provider, performance, reference</a> (opens from disk).</p>
{sections}
</body>
</html>
"""
