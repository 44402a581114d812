"""A provider page's business rules, from its spec: what each operation's `x-business-rules` lists.

A provider page marks the place with `<!-- business-rules -->`; the site puts there, per operation,
each rule the schema cannot state and the error the provider answers when it is broken.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from withdrawal_apis.spec import SpecDocument

MARKER = re.compile(r"^<!-- business-rules -->$", re.MULTILINE)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def section(spec_path: Path) -> str:
    """One table per operation that lists business rules: the rule's id, the rule, and the answer."""
    parts = []
    for operation in SpecDocument(spec_path).operations:
        rules = operation.business_rules
        if not rules:
            continue
        rows = [
            f"| `{rule.id}` | {_cell(rule.rule)} | {rule.status} `{_cell(json.dumps(rule.body, ensure_ascii=False))}` |"
            for rule in rules
        ]
        parts.append(
            f"**`{operation.operation_id}`** ({operation.method.upper()} `{operation.path}`)\n\n"
            "| Rule | What the server checks | Its answer |\n| --- | --- | --- |\n" + "\n".join(rows)
        )
    if not parts:
        return "The spec lists no business rules: everything it refuses, its schemas state."
    return "\n\n".join(parts)
