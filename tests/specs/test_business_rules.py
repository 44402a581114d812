"""`x-business-rules`: each operation's rules JSON Schema cannot state, each with the error it answers.

Every entry has an id (kebab-case, unique within its operation) and the rule in words; its error's
status is one of the operation's documented responses and its body is valid against that response's
schema. The schemathesis hooks' body rules name only entries their operation lists.
"""

from __future__ import annotations

import re

from withdrawal_apis.core.profile import profile_of
from withdrawal_apis.registry import Provider
from withdrawal_apis.spec import BUSINESS_RULES, SpecDocument, escape_pointer

KEBAB_CASE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def test_every_business_rule_has_an_id_a_rule_and_a_documented_error(spec: SpecDocument) -> None:
    problems = []
    for op in spec.operations:
        entries = op.raw.get(BUSINESS_RULES)
        if entries is None:
            continue
        if not isinstance(entries, list) or not entries:
            problems.append(f"{op.operation_id}: {BUSINESS_RULES} is a non-empty list")
            continue
        ids = [rule.id for rule in op.business_rules]
        if len(ids) != len(set(ids)):
            problems.append(f"{op.operation_id}: rule ids repeat: {ids}")
        for rule in op.business_rules:
            where = f"{op.operation_id} {rule.id or '<no id>'}"
            if not KEBAB_CASE.match(rule.id):
                problems.append(f"{where}: the id is kebab-case")
            if not rule.rule:
                problems.append(f"{where}: no rule text")
            response = (op.raw.get("responses") or {}).get(str(rule.status))
            if response is None:
                problems.append(f"{where}: status {rule.status} is not a documented response of the operation")
                continue
            resolved, pointer = spec.resolve(response, f"{op.pointer}/responses/{rule.status}")
            if "application/json" not in (resolved.get("content") or {}):
                problems.append(f"{where}: response {rule.status} has no JSON body to check the error against")
                continue
            schema = f"{pointer}/content/{escape_pointer('application/json')}/schema"
            problems += [f"{where}: error body {error}" for error in spec.errors(schema, rule.body)]
    assert not problems, "\n".join(problems)


def test_the_hooks_body_rules_name_listed_business_rules(provider: Provider) -> None:
    profile = profile_of(provider)  # raises when a body rule names a rule its operation does not list
    assert all(rule.why for rule in profile.body_rules)
