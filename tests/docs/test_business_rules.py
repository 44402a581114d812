"""Each provider page shows its spec's business rules: the marker is there, and the section lists every rule."""

from __future__ import annotations

from pathlib import Path

from scripts.docs import business_rules, pages
from withdrawal_apis.registry import Provider
from withdrawal_apis.spec import SpecDocument

from .blocks import DOCS


def test_the_page_marks_where_the_rules_go(provider: Provider) -> None:
    page = (DOCS / pages.page_of(provider)).read_text(encoding="utf-8")
    assert len(business_rules.MARKER.findall(page)) == 1


def test_the_section_lists_every_rule_with_its_answer(provider: Provider) -> None:
    section = business_rules.section(provider.spec_path)
    listed = [(op, rule) for op in SpecDocument(provider.spec_path).operations for rule in op.business_rules]
    assert listed, f"{provider.name}'s spec lists no business rules"
    for operation, rule in listed:
        assert f"**`{operation.operation_id}`**" in section
        assert f"| `{rule.id}` | " in section
        assert f"| {rule.status} `" in section


def test_a_spec_without_rules_says_so(tmp_path: Path) -> None:
    spec = tmp_path / "plain.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n", encoding="utf-8")
    assert "lists no business rules" in business_rules.section(spec)
