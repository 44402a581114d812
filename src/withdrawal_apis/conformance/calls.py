"""The call log the hooks write (one JSON line per request sent) and its tally per operation."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class OperationTally:
    label: str  # "POST /v1/withdrawals"
    operation_id: str
    statuses: Counter[int] = field(default_factory=Counter)  # 0 = no answer (network error)
    signed: int = 0  # positive cases sent with the provider's credentials to a secured operation
    refused: int = 0  # ... of which the server refused the credentials (401, or the provider's own status)
    rules: Counter[str] = field(default_factory=Counter)  # business rule -> bodies it adjusted
    examples: int = 0  # bodies sent exactly as a request example of the spec

    @property
    def cases(self) -> int:
        return sum(self.statuses.values())

    def count(self, low: int) -> int:
        """Answers in the class `low`..`low + 99` (200 for 2xx)."""
        return sum(n for status, n in self.statuses.items() if low <= status < low + 100)

    def statuses_text(self) -> str:
        return " ".join(f"{status or 'no-answer'}x{n}" for status, n in sorted(self.statuses.items()))


class CallLog:
    """Reads the hooks' call log as it grows; `tallies` is keyed by operation label."""

    def __init__(self, path: Path, refusals: frozenset[int] = frozenset({401})) -> None:
        self.path = path
        self.refusals = refusals
        self.tallies: dict[str, OperationTally] = {}
        self._offset = 0

    def read_new(self) -> bool:
        """Take in the lines written since the last call; whether there were any."""
        if not self.path.exists():
            return False
        with self.path.open("rb") as handle:
            handle.seek(self._offset)
            data = handle.read()
        complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits for the next read
        self._offset += len(complete)
        for line in complete.splitlines():
            if line.strip():
                self._add(json.loads(line))
        return bool(complete)

    def _add(self, event: dict[str, Any]) -> None:
        label = event["label"]
        tally = self.tallies.setdefault(label, OperationTally(label, event["operation"]))
        tally.statuses[int(event["status"])] += 1
        if event.get("signed") and event.get("secured") and event.get("positive"):
            tally.signed += 1
            tally.refused += event["status"] in self.refusals
        tally.rules.update(event.get("rules", []))
        tally.examples += bool(event.get("example"))

    @property
    def cases(self) -> int:
        return sum(t.cases for t in self.tallies.values())
