"""What validation cannot say: a value the spec allows, but does not describe.

JSON Schema accepts a field added to an open object and a new value of an open set (an `anyOf` of
the documented values and any string); both are how providers change under their users, so both are
reported at info level. `Shapes` walks a value beside its schema to find them, and names the schema
nodes that describe each place in a value (where known deviations are looked up).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..sandbox.contract import Deviation, json_type
from ..spec import SpecDocument, escape_pointer

MAX_DEPTH = 64


@dataclass
class _Node:
    """One schema, compiled for walking: the keywords that say where a value's parts are described."""

    pointer: str
    always: list[str] = field(default_factory=list)  # $ref and allOf members: they always apply
    branches: list[str] = field(default_factory=list)  # anyOf and oneOf members: those the value fits apply
    conditional: tuple[str, str | None, str | None] | None = None  # if, then, else
    properties: dict[str, str] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    additional: str | bool | None = None  # a schema pointer, False (closed), or None (not said: open)
    items: str | None = None
    prefix: list[str] = field(default_factory=list)
    enum: list[Any] | None = None


class Shapes:
    def __init__(self, spec: SpecDocument) -> None:
        self.spec = spec
        self._nodes: dict[str, _Node] = {}
        self._static: dict[str, list[_Node] | None] = {}  # closures that do not depend on the value

    # -- compiling ----------------------------------------------------------------------------
    def node(self, pointer: str) -> _Node:
        found = self._nodes.get(pointer)
        if found is None:
            found = self._nodes[pointer] = self._compile(pointer)
        return found

    def _compile(self, pointer: str) -> _Node:
        raw = self.spec.at(pointer)
        node = _Node(pointer)
        if not isinstance(raw, dict):
            return node
        if isinstance(raw.get("$ref"), str) and raw["$ref"].startswith("#"):
            node.always.append(raw["$ref"][1:])
        node.always += [f"{pointer}/allOf/{i}" for i in range(len(raw.get("allOf") or []))]
        node.branches = [f"{pointer}/{key}/{i}" for key in ("anyOf", "oneOf") for i in range(len(raw.get(key) or []))]
        if "if" in raw:
            node.conditional = (
                f"{pointer}/if",
                f"{pointer}/then" if "then" in raw else None,
                f"{pointer}/else" if "else" in raw else None,
            )
        node.properties = {name: f"{pointer}/properties/{escape_pointer(name)}" for name in raw.get("properties") or {}}
        node.patterns = [
            (re.compile(pattern), f"{pointer}/patternProperties/{escape_pointer(pattern)}")
            for pattern in raw.get("patternProperties") or {}
        ]
        extra = raw.get("additionalProperties", raw.get("unevaluatedProperties"))
        if extra is False:
            node.additional = False
        elif isinstance(extra, dict):
            key = "additionalProperties" if "additionalProperties" in raw else "unevaluatedProperties"
            node.additional = f"{pointer}/{key}"
        if isinstance(raw.get("items"), dict):
            node.items = f"{pointer}/items"
        node.prefix = [f"{pointer}/prefixItems/{i}" for i in range(len(raw.get("prefixItems") or []))]
        if "enum" in raw:
            node.enum = list(raw["enum"])
        elif "const" in raw:
            node.enum = [raw["const"]]
        return node

    # -- applying -----------------------------------------------------------------------------
    def applicable(self, pointer: str, value: Any) -> list[_Node]:
        """The schema at `pointer` and every schema it brings to bear on `value` ($ref, allOf, fitting branches)."""
        if pointer not in self._static:
            closure = self._closure(pointer, value)
            dynamic = any(node.branches or node.conditional for node in closure)
            self._static[pointer] = None if dynamic else closure
            return closure
        static = self._static[pointer]
        return static if static is not None else self._closure(pointer, value)

    def _closure(self, pointer: str, value: Any) -> list[_Node]:
        found: list[_Node] = []
        seen: set[str] = set()
        stack = [pointer]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            node = self.node(current)
            found.append(node)
            stack += node.always
            if node.branches:
                fitting = [b for b in node.branches if self.spec.validator(b).is_valid(value)]
                stack += fitting or node.branches
            if node.conditional is not None:
                condition, then, otherwise = node.conditional
                chosen = then if self.spec.validator(condition).is_valid(value) else otherwise
                if chosen is not None:
                    stack.append(chosen)
        return found

    def unexplained(self, pointer: str, value: Any) -> list[Deviation]:
        """Info-level deviations: fields no schema describes on open objects, and values outside an open set."""
        found: dict[tuple[str, str], Deviation] = {}
        for deviation in self._walk(pointer, value, "", 0):
            found.setdefault((deviation.rule, deviation.pointer), deviation)
        return list(found.values())

    def _walk(self, pointer: str, value: Any, where: str, depth: int) -> Iterator[Deviation]:
        if depth > MAX_DEPTH:
            return
        if not isinstance(value, dict | list) and self._static.get(pointer) is not None:
            return  # a plain value under a schema without branches: nothing to say beyond validation
        nodes = self.applicable(pointer, value)
        yield from self._open_sets(nodes, value, where)
        if isinstance(value, dict):
            yield from self._object(nodes, value, where, depth)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                children = {n.prefix[index] if index < len(n.prefix) else n.items for n in nodes}
                for child in sorted(c for c in children if c is not None):
                    yield from self._walk(child, item, f"{where}/{index}", depth + 1)

    def _open_sets(self, nodes: list[_Node], value: Any, where: str) -> Iterator[Deviation]:
        """A value outside the documented values of an `anyOf`/`oneOf` whose other branch lets it in."""
        for node in nodes:
            if not node.branches:
                continue
            sets = [self._enum_of(branch) for branch in node.branches]
            documented = [values for values in sets if values is not None]
            if not documented or any(value in values for values in documented):
                continue
            others = zip(node.branches, sets, strict=True)
            if any(values is None and self.spec.validator(b).is_valid(value) for b, values in others):
                expected = [v for values in documented for v in values]
                message = f"{value!r} is not one of the documented values (an open set: allowed, but new)"
                yield Deviation("open-set", where, expected, value, node.pointer, message)

    def _enum_of(self, pointer: str) -> list[Any] | None:
        """The values a branch lists (through `$ref`), or None when it is not a closed set."""
        stack, seen = [pointer], set()
        while stack:
            node = self.node(stack.pop())
            if node.enum is not None:
                return node.enum
            if node.pointer not in seen:
                seen.add(node.pointer)
                stack += node.always
        return None

    def _object(self, nodes: list[_Node], value: dict[str, Any], where: str, depth: int) -> Iterator[Deviation]:
        closed = any(node.additional is False for node in nodes)
        for key, item in value.items():
            children = {node.properties[key] for node in nodes if key in node.properties}
            children |= {p for node in nodes for pattern, p in node.patterns if pattern.search(key)}
            if not children:
                children = {node.additional for node in nodes if isinstance(node.additional, str)}
            place = f"{where}/{escape_pointer(key)}"
            if not children:
                if not closed:  # a closed object's extra field is an error, which validation reports
                    message = f"field {key!r} is not described (the object is open: allowed, but new)"
                    yield Deviation("undocumented-field", place, None, json_type(item), nodes[0].pointer, message)
                continue
            for child in sorted(children):
                yield from self._walk(child, item, place, depth + 1)

    def at(self, pointer: str, value: Any, instance_pointer: str) -> list[str]:
        """The spec pointers of the schemas that describe the place `instance_pointer` of `value`."""
        current = [pointer]
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in instance_pointer.split("/")[1:]]
        for token in tokens:
            nodes = [n for p in current for n in self.applicable(p, value)]
            following: set[str] = set()
            for node in nodes:
                if token in node.properties:
                    following.add(node.properties[token])
                elif token.isdigit() and (node.items or node.prefix):
                    index = int(token)
                    following.add(node.prefix[index] if index < len(node.prefix) else node.items or "")
                elif isinstance(node.additional, str):
                    following.add(node.additional)
            following.discard("")
            if not following:
                return []
            current = sorted(following)
            value = _step(value, token)
        return [n.pointer for p in current for n in self.applicable(p, value)]


def _step(value: Any, token: str) -> Any:
    if isinstance(value, dict):
        return value.get(token)
    if isinstance(value, list) and token.isdigit() and int(token) < len(value):
        return value[int(token)]
    return None
