"""The README is a front page: under 200 lines, the five providers from the registry, the two set-up
commands CI runs, and links that lead to pages that exist."""

from __future__ import annotations

import re

from withdrawal_apis.registry import PROVIDERS

from .blocks import DOCS, README, REPO, commands, section

TEXT = README.read_text(encoding="utf-8")
SET_UP = (
    'python3 -m pip install --quiet "nox[uv]==2026.10.20" && nox -s conformance',
    'python3 -m pip install --quiet "nox[uv]==2026.10.20" && nox -s lint typecheck specs tests',
)


def part(title: str) -> str:
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", TEXT, re.MULTILINE | re.DOTALL)
    assert found is not None, f"the README has no section {title!r}"
    return found[1]


def test_the_readme_is_under_200_lines() -> None:
    assert len(TEXT.splitlines()) <= 200


def test_the_provider_table_is_the_registry() -> None:
    rows = [line for line in part("Providers").splitlines() if line.startswith("| ") and "](docs/providers/" in line]
    assert len(rows) == len(PROVIDERS)
    for provider, row in zip(sorted(PROVIDERS, key=lambda p: p.title), sorted(rows), strict=True):
        assert row.startswith(f"| {provider.title} |")
        assert f"[docs/providers/{provider.name}.md](docs/providers/{provider.name}.md)" in row
        assert f"`[{provider.name}]`, `{provider.client_package}`" in row


def test_the_two_set_up_commands_are_the_ones_ci_runs() -> None:
    found = [command for block in re.findall(r"```sh\n(.*?)```", part("On a fresh machine"), re.DOTALL)
             for command in commands(block)]  # fmt: skip
    assert found == list(SET_UP)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "nox -s conformance" in ci
    assert "nox -s lint typecheck specs tests" in ci
    assert "nox -s build" in ci


def test_the_main_job_names_the_commands_for_real_providers() -> None:
    main_job = part("On a fresh machine")
    for command in ("withdrawal-apis fuzz", "withdrawal-apis proxy", "withdrawal-apis drift check"):
        assert command in main_job


def test_every_relative_link_leads_to_a_file() -> None:
    targets = re.findall(r"\]\((?![a-z]+:)([^)#\s]+)(?:#[^)]*)?\)", TEXT)
    assert targets
    assert [t for t in targets if not (REPO / t).exists()] == []


def test_the_readme_links_every_page_of_the_guide() -> None:
    linked = set(re.findall(r"\]\((docs/[^)#\s]+\.md)\)", TEXT))
    guides = {f"docs/{page.name}" for page in DOCS.glob("*.md")} - {"docs/index.md", "docs/changelog.md"}
    assert guides <= linked


def test_the_getting_started_page_includes_the_readme_s_quick_start() -> None:
    assert section(README, "quick-start")
    assert '--8<-- "README.md:quick-start"' in (DOCS / "getting-started.md").read_text(encoding="utf-8")
