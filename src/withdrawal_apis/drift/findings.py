"""What the drift tools report: typed findings, and their tally over a run.

A finding says where an exchange left the spec (operation, request or response, location and JSON
pointer), which rule it broke, what the spec expected and what was seen. `error` findings are drift;
`info` findings are changes the spec allows but a reader should hear about (a field added to an open
object, a new value of an open set). A finding the spec already documents as a known deviation
carries its reference and is not drift.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

UNDOCUMENTED = "(undocumented)"
_INDEX = re.compile(r"/[0-9]+(?=/|$)")


class Severity(StrEnum):
    ERROR = "error"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    operation: str  # the operationId, or UNDOCUMENTED
    label: str  # "GET /v1/withdrawals/{id}", or the method and path seen for an undocumented one
    direction: str  # request | response
    location: str  # path | query | header | body | status | content-type | operation
    pointer: str  # a JSON pointer into the body, or the parameter or header name ("" for the whole)
    rule: str  # type, required, enum, closed-object, format, pattern, status, content-type, header, ...
    severity: Severity
    expected: Any
    seen: Any
    message: str
    status: int | None = None  # the response status, for a response finding
    known: str | None = None  # "Known deviations 5" when the spec documents this deviation

    @property
    def drift(self) -> bool:
        return self.severity is Severity.ERROR and self.known is None

    @property
    def level(self) -> str:
        """error, info or known: how the finding is counted."""
        return "known" if self.known else self.severity.value

    @property
    def key(self) -> tuple[str, str, str, str, str, str]:
        """Occurrences of the same finding share a key (array indices do not tell them apart)."""
        status = "" if self.status is None or self.direction == "request" else str(self.status)
        return (self.operation, self.label, self.direction, self.location, generic(self.pointer), self.rule + status)

    def as_dict(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "label": self.label,
            "direction": self.direction,
            "location": self.location,
            "pointer": self.pointer,
            "rule": self.rule,
            "severity": self.severity.value,
            "level": self.level,
            "expected": _plain(self.expected),
            "seen": _plain(self.seen),
            "status": self.status,
            "known": self.known,
            "message": self.message,
        }


def generic(pointer: str) -> str:
    """The pointer with array indices as `*`: `/withdrawals/3/status` -> `/withdrawals/*/status`."""
    return _INDEX.sub("/*", pointer)


def _plain(value: Any) -> Any:
    """A value JSON can hold exactly: Decimals as their text, containers element by element."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


@dataclass
class Entry:
    """One distinct finding over a run: how often, when first and last seen, in which exchanges."""

    finding: Finding
    count: int = 0
    first_seen: str = ""
    last_seen: str = ""
    exchanges: list[str] = field(default_factory=list)  # the first few exchange ids

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.finding.as_dict(),
            "pointer": generic(self.finding.pointer),
            "count": self.count,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "exchanges": self.exchanges,
        }


@dataclass
class OperationTally:
    label: str
    requests: int = 0
    rules: Counter[str] = field(default_factory=Counter)  # "error type", "info undocumented-field", ...


class Tally:
    """Every finding of a run, grouped: per distinct finding and per operation."""

    KEPT_EXCHANGES = 5

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Entry] = {}
        self.operations: dict[str, OperationTally] = {}
        self.exchanges = 0
        self.unanswered = 0

    def add(self, exchange_id: str, when: datetime, operation: str, label: str, findings: list[Finding]) -> None:
        self.exchanges += 1
        tally = self.operations.setdefault(operation, OperationTally(label))
        tally.requests += 1
        stamp = when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        for finding in findings:
            tally.rules[f"{finding.level} {finding.rule}"] += 1
            entry = self.entries.setdefault(finding.key, Entry(finding, first_seen=stamp))
            entry.count += 1
            entry.last_seen = stamp
            if len(entry.exchanges) < self.KEPT_EXCHANGES:
                entry.exchanges.append(exchange_id)

    @property
    def drift(self) -> bool:
        return any(entry.finding.drift for entry in self.entries.values())

    def counts(self) -> Counter[str]:
        """Distinct findings by level (error, info, known)."""
        return Counter(entry.finding.level for entry in self.entries.values())
