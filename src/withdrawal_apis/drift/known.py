"""Known deviations, in the form a machine reads: `x-known-deviations` where the deviation touches the spec.

Each spec's description lists, in prose, where the provider's own pages disagree ("Known deviations").
Where traffic may show the reading the spec did not follow, the schema, operation or path item that
reading touches (or the document root, for something that touches every operation) carries a mark:

    x-known-deviations:
      - deviation: 5        # the item number in the description's "Known deviations"
        rule: type          # the finding it explains
        seen: string        # optional: only this value, or JSON type for `type` (any when absent)
        name: page          # optional: only this parameter (undocumented-parameter) or path (undocumented-operation)

A finding a mark explains is reported as known, with the item it refers to, and is not drift.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..sandbox.contract import json_type
from ..spec import SpecDocument, escape_pointer

EXTENSION = "x-known-deviations"
_ITEM = re.compile(r"^\s*(\d+)\.\s+\*\*(.+?)\*\*", re.MULTILINE)


@dataclass(frozen=True)
class Mark:
    deviation: int
    rule: str | None
    seen: Any
    name: str | None
    where: str  # the spec pointer carrying the mark

    def covers(self, rule: str, seen: Any, name: str | None) -> bool:
        if self.rule is not None and self.rule != rule:
            return False
        if self.name is not None and self.name != name:
            return False
        if self.seen is None:
            return True
        if rule == "type" and isinstance(self.seen, str) and json_type(seen) == self.seen:
            return True
        return bool(seen == self.seen or str(seen).lower() == str(self.seen).lower())


class KnownDeviations:
    def __init__(self, spec: SpecDocument) -> None:
        self.marks: dict[str, list[Mark]] = {}
        for pointer, entries in _marks(spec.raw, ""):
            for entry in entries:
                mark = Mark(int(entry["deviation"]), entry.get("rule"), entry.get("seen"), entry.get("name"), pointer)
                self.marks.setdefault(pointer, []).append(mark)
        description = str((spec.raw.get("info") or {}).get("description") or "")
        section = description.partition("Known deviations")[2]
        self.titles = {int(number): title.rstrip(".") for number, title in _ITEM.findall(section)}

    def explain(self, pointers: Iterable[str], rule: str, seen: Any, name: str | None = None) -> str | None:
        """ "Known deviations N: title" for the first mark at `pointers` (or the root) that covers the finding."""
        for pointer in [*pointers, ""]:
            for mark in self.marks.get(pointer, ()):
                if mark.covers(rule, seen, name):
                    title = self.titles.get(mark.deviation, "")
                    return f"Known deviations {mark.deviation}" + (f": {title}" if title else "")
        return None


def _marks(node: Any, pointer: str) -> Iterable[tuple[str, list[dict[str, Any]]]]:
    if isinstance(node, dict):
        entries = node.get(EXTENSION)
        if isinstance(entries, list):
            yield pointer, [e for e in entries if isinstance(e, dict) and "deviation" in e]
        for key, child in node.items():
            if key != EXTENSION:
                yield from _marks(child, f"{pointer}/{escape_pointer(str(key))}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _marks(child, f"{pointer}/{index}")
