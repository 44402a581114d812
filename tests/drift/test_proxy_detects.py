"""The proxy in front of every emulator: clean traffic gives no finding, every drift kind is reported.

Each emulator is driven with a real workload (every request example of its spec, the links of the
answers, unauthenticated refusals, the payouts interface's reads), first as it is, then drifting by
each kind in turn. A drifted exchange counts as reported when the proxy's findings for it include
the rule the kind calls for, at the level it calls for (an added field on an open object and a new
value of an open set are info, everything else an error), at the place the wrapper changed.
"""

from __future__ import annotations

import re

import pytest

from withdrawal_apis.drift.findings import generic
from withdrawal_apis.spec import SpecDocument
from withdrawal_apis.testing.drifting import KINDS, Mutation

from .conftest import Rig

BODY_RULES = {"required", "type", "enum", "open-set", "undocumented-field", "closed-object"}


def reported(mutation: Mutation, findings: list) -> bool:
    for finding in findings:
        if finding.rule not in mutation.rules or finding.level != mutation.severity:
            continue
        if finding.rule in BODY_RULES and mutation.pointer and generic(finding.pointer) != generic(mutation.pointer):
            continue
        return True
    return False


def has_decimal_money(spec: SpecDocument) -> bool:
    """Whether any schema is a decimal string (a pattern that takes `1.5` and refuses words)."""
    stack = [spec.raw.get("components", {}).get("schemas", {})]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            pattern = node.get("pattern")
            decimal = isinstance(pattern, str) and all(re.search(pattern, s) for s in ("1.5", "100"))
            if node.get("type") == "string" and decimal and not re.search(str(pattern), "abc"):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def test_clean_traffic_gives_no_finding(rig: Rig) -> None:
    result = rig.run(None)
    statuses = {exchange.status for exchange, _, _ in result.exchanges}
    assert len(result.exchanges) >= 10, "the workload reached the proxy"
    assert any(s is not None and s < 300 for s in statuses)
    assert any(s is not None and s >= 400 for s in statuses)
    assert result.findings == [], [f.as_dict() for f in result.findings]
    assert not result.recorder.tally.drift


@pytest.mark.parametrize("kind", KINDS)
def test_every_drift_kind_is_reported(rig: Rig, kind: str) -> None:
    result = rig.run(kind)
    mutated = [(exchange, findings, m) for exchange, findings, m in result.exchanges if m is not None]
    if kind == "float-money" and not has_decimal_money(rig.validator.spec):
        # This provider's money is a JSON number by its spec: there is no decimal string to send as a float.
        assert mutated == []
        return
    assert mutated, f"{kind} found nothing to change in {rig.provider.name}'s traffic"
    missed = [
        (m, exchange.method, exchange.target, [(f.rule, f.pointer, f.level) for f in findings])
        for exchange, findings, m in mutated
        if not reported(m, findings)
    ]
    assert not missed, missed
    untouched = [findings for _, findings, m in result.exchanges if m is None]
    assert all(not f.drift for findings in untouched for f in findings), "an unchanged answer was reported"
    assert result.recorder.tally.drift == any(m.severity == "error" for _, _, m in mutated)
