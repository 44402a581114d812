"""What the site says about the providers, made from the registry: the navigation and the providers' index.

A provider added to the registry gets its entry in the navigation and the index without any edit to
mkdocs.yml; its page, docs/providers/<name>.md, must exist (the build stops otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from withdrawal_apis.registry import Provider

PROVIDERS_SECTION = "Providers"
PROVIDERS_INDEX = "providers/index.md"


class MissingPage(Exception):
    """A registered provider has no page under docs/providers/."""


def page_of(provider: Provider) -> str:
    return f"providers/{provider.name}.md"


def short_title(provider: Provider) -> str:
    """The provider's name without the parenthesised product (`SmartyPay (Partner API)` -> `SmartyPay`)."""
    return provider.title.split(" (", 1)[0]


def check_pages(providers: Sequence[Provider], docs_dir: Path) -> None:
    missing = [page_of(p) for p in providers if not (docs_dir / page_of(p)).is_file()]
    if missing:
        raise MissingPage(f"every registered provider needs its page: {', '.join(f'docs/{m}' for m in missing)}")


def provider_nav(nav: list[Any], providers: Sequence[Provider]) -> list[Any]:
    """`nav` with its "Providers" entry expanded into the index and one page per provider, in registry order."""
    section: list[Any] = [PROVIDERS_INDEX, *({short_title(p): page_of(p)} for p in providers)]
    expanded: list[Any] = []
    found = False
    for item in nav:
        if isinstance(item, dict) and PROVIDERS_SECTION in item:
            expanded.append({PROVIDERS_SECTION: section})
            found = True
        else:
            expanded.append(item)
    if not found:
        raise MissingPage(f"mkdocs.yml's nav has no {PROVIDERS_SECTION!r} entry to fill")
    return expanded


def providers_index(providers: Sequence[Provider]) -> str:
    """The providers' index page: one row per provider, with what the registry knows about it."""
    rows = []
    for p in providers:
        settings = ", ".join(f"`{name}`" for name in (*p.env_names().values(), p.base_url_env))
        urls = "<br>".join(f"{role}: `{url}`" for role, url in p.urls.items()) or "none published"
        rows.append(
            f"| [{p.title}]({p.name}.md) | `pip install 'withdrawal-apis[{p.name}]'`<br>`{p.client_package}` "
            f"| {settings} | {urls} | <{p.docs_url}> |"
        )
    return "\n".join(
        [
            "# Providers",
            "",
            "Every provider is one folder of the package, found through one registry; this page and the",
            "navigation are made from it. Each provider's page covers what its spec models, every deviation",
            "from the provider's documentation with its source, the client, and the emulator's rules, seed",
            "format and options.",
            "",
            "| provider | install and client | environment (`payouts.from_env`, `withdrawal-apis fuzz`) "
            "| base URLs | provider's documentation |",
            "|---|---|---|---|---|",
            *rows,
            "",
            "`withdrawal-apis sandbox <provider>` starts any of them as an emulator on loopback; the "
            "[emulators](../emulators.md) page has what they share, [payouts](../payouts.md) the one interface "
            "over all of them.",
            "",
        ]
    )
