"""What a fuzzing run against a real sandbox found, sorted by what it means.

Every exchange schemathesis captured goes through the drift check and lands in one of:

- server error: the provider answered 5xx;
- drift: the answer (or its status) is not what the spec describes; the captured answer is shown
  as a spec example, ready to paste where it belongs;
- business rule: a request the spec allows, refused with an error the spec documents (a balance,
  a whitelist, a quota, an unknown id: rules no schema states); a refusal of the credentials is not one.

Everything else conforms (or is a generated invalid request, refused as documented).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..drift.findings import Finding
from ..drift.traffic import Exchange, read_traffic
from ..drift.validation import TrafficValidator
from ..money import loads_exact

SHOWN = 5  # drift examples printed per pass


@dataclass
class Sorted:
    server_errors: Counter[str] = field(default_factory=Counter)  # "POST /v1/x 500"
    drift: Counter[str] = field(default_factory=Counter)  # "GET /v1/x 200: /fee type"
    business_rules: Counter[str] = field(default_factory=Counter)  # "POST /v1/x 400"
    examples: dict[str, str] = field(default_factory=dict)  # (label, status) -> YAML snippet

    def __bool__(self) -> bool:
        return bool(self.server_errors or self.drift or self.business_rules)


def sort_capture(validator: TrafficValidator, capture: Path, refusals: frozenset[int] = frozenset({401})) -> Sorted:
    """Sort the exchanges of a capture; `refusals` are the statuses that refuse credentials (not business rules)."""
    found = Sorted()
    for exchange in read_traffic(capture):
        if exchange.status is None:
            continue
        checked = validator.check(exchange)
        label = f"{checked.label} {exchange.status}"
        request_ok = not any(f.drift for f in checked.findings if f.direction == "request")
        drift = [f for f in checked.findings if f.drift and f.direction == "response"]
        if exchange.status >= 500:
            found.server_errors[label] += 1
        elif drift:
            found.drift[f"{label}: {_what(drift)}"] += 1
            found.examples.setdefault(label, example(validator, exchange, checked.operation, drift))
        elif (
            400 <= exchange.status < 500
            and exchange.status not in refusals
            and request_ok
            and exchange.mode != "negative"
        ):
            found.business_rules[label] += 1
    return found


def _what(findings: list[Finding]) -> str:
    """`/fee type`, `content-type text/plain`, `status 418`: what each finding says, briefly."""
    said = (
        f"{f.pointer} {f.rule}" if f.pointer else f"{f.rule} {f.seen}" if f.seen is not None else f.rule
        for f in findings
    )
    return ", ".join(dict.fromkeys(said))


def example(validator: TrafficValidator, exchange: Exchange, operation_id: str, findings: list[Finding]) -> str:
    """The captured answer as a named example under its response in the spec, secrets redacted."""
    body = exchange.response_body or b""
    try:
        value: Any = validator.policy.value(loads_exact(body))
    except (ValueError, RecursionError):
        value = validator.policy.text(body.decode("utf-8", "replace"))
    op = next(o for o in validator.spec.operations if o.operation_id == operation_id)
    day = exchange.started.astimezone(UTC).strftime("%Y-%m-%d")
    media = exchange.response_header("content-type") or "application/json"
    snippet = {
        "paths": {
            op.path: {
                op.method: {
                    "responses": {
                        str(exchange.status): {
                            "content": {
                                media.split(";")[0].strip(): {
                                    "examples": {
                                        f"captured_{day.replace('-', '_')}": {
                                            "summary": f"Captured on {day}; the spec did not describe it: "
                                            + _what(findings),
                                            "value": value,
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return yaml.dump(snippet, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class _Dumper(yaml.SafeDumper):
    """YAML with exact numbers: a Decimal is written as the number it is, never through a float."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value, "f") if abs(value.adjusted()) < 30 else str(value).lower()
    number = "float" if any(c in text for c in ".e") else "int"  # 500.0 stays 500.0, as the wire had it
    return dumper.represent_scalar(f"tag:yaml.org,2002:{number}", text)


_Dumper.add_representer(Decimal, _decimal)


def render(title: str, found: Sorted) -> list[str]:
    if not found:
        return [f"  {title}: every captured answer is one the spec describes"]
    lines = [f"  {title}, sorted by the drift check:"]
    for name, counter in (
        ("server error", found.server_errors),
        ("drift", found.drift),
        ("business rule", found.business_rules),
    ):
        for what, count in sorted(counter.items()):
            lines.append(f"    {name:<13} {what} x{count}")
    if found.examples:
        lines.append("    answers the spec does not describe, as examples to add to it (secrets redacted):")
        for snippet in list(found.examples.values())[:SHOWN]:
            lines += [f"      {line}" for line in snippet.splitlines()]
    return lines
