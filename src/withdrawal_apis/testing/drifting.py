"""An emulator that drifts on purpose: its answers changed the way a provider changes under its users.

`DriftingApp(app, spec)` wraps any emulator (any ASGI app serving a spec). While `kind` is set, every
answer to a provider request that the kind can change is changed; each change is recorded as a
`Mutation` saying what was done, where, and what a drift tool should report. What to change is read
off the answer's schema in the spec, never off a provider's name:

    rename-field         a required field renamed                      required (error)
    change-type          a field's value of another JSON type           type (error)
    add-enum-value       a value outside a documented set               enum (error); open-set if open (info)
    drop-required        a required field left out                      required (error)
    undocumented-status  a status the operation does not document       status (error)
    error-shape          an error answered in another shape             a schema rule (error)
    drop-header          a required header, else Content-Type, dropped  header / content-type (error)
    add-field            a field added                                  closed-object; undocumented-field if open
    float-money          a decimal-string amount sent as a JSON float   type (error)
    text-plain           the answer as text/plain                       content-type (error)

Test-only: it exists to prove that the drift tools see each kind on every provider.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..drift.known import KnownDeviations, Mark
from ..drift.shapes import Shapes
from ..money import dumps_exact, loads_exact
from ..sandbox.contract import documented_media, is_json, media_type, response_pointer
from ..sandbox.http import ApiError
from ..sandbox.routing import Route, Router
from ..spec import SpecDocument, escape_pointer

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

KINDS = (
    "rename-field",
    "change-type",
    "add-enum-value",
    "drop-required",
    "undocumented-status",
    "error-shape",
    "drop-header",
    "add-field",
    "float-money",
    "text-plain",
)
CONTROL_PREFIX = "/_sandbox/"
NEW_VALUE = "DRIFT_NEW_VALUE"
ADDED_FIELD = "drift_added_field"
UNDOCUMENTED_STATUSES = (418, 299, 451, 207, 402, 410)
_DECIMAL_SAMPLES = ("1.5", "100")


@dataclass(frozen=True)
class Mutation:
    kind: str
    operation: str
    status: int  # the status sent after the change
    pointer: str  # where in the body (a JSON pointer), the header dropped, or "" for the whole answer
    rules: frozenset[str]  # the findings that report it
    severity: str  # error or info


@dataclass
class _Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    def header(self, name: bytes) -> str | None:
        return next((v.decode("latin-1") for k, v in self.headers if k.lower() == name), None)

    def without(self, name: bytes) -> list[tuple[bytes, bytes]]:
        return [(k, v) for k, v in self.headers if k.lower() != name]


@dataclass
class _Place:
    """A field of an answer's body, with the schemas that describe it."""

    pointer: str
    container: dict[str, Any]
    key: str
    schemas: list[dict[str, Any]]
    required: bool
    marks: list[Mark]  # known-deviation marks on this place (drift they cover would be documented)

    def known(self, rule: str, seen: Any = None) -> bool:
        return any(mark.covers(rule, seen, self.key) for mark in self.marks)


class DriftingApp:
    def __init__(self, app: Any, spec: SpecDocument, kind: str | None = None, *, lifespan: bool = True) -> None:
        """`lifespan=False` for an app already started elsewhere (an in-process `Emulator`'s)."""
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown drift kind {kind!r} (known: {', '.join(KINDS)})")
        self.app = app
        self.spec = spec
        self.router = Router(spec)
        self.shapes = Shapes(spec)
        self.marks = KnownDeviations(spec).marks
        self.kind = kind
        self.lifespan = lifespan
        self.log: list[Mutation | None] = []  # one entry per provider request, in the order answered
        self.requests: list[tuple[str, str]] = []  # (method, path) of each, beside `log`

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan" and not self.lifespan:
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http" or scope["path"].startswith(CONTROL_PREFIX):
            await self.app(scope, receive, send)
            return
        self.requests.append((scope["method"], scope["path"]))
        if self.kind is None:
            self.log.append(None)
            await self.app(scope, receive, send)
            return
        messages: list[MutableMapping[str, Any]] = []

        async def keep(message: MutableMapping[str, Any]) -> None:
            messages.append(message)

        await self.app(scope, receive, keep)
        start = next(m for m in messages if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        answer = _Answer(start["status"], headers, body)
        mutation = None
        try:
            route, _ = self.router.match(scope["method"], scope["path"])
        except ApiError:
            route = None
        if route is not None:
            changed = self.mutate(self.kind, route, answer)
            if changed is not None:
                answer, mutation = changed
        self.log.append(mutation)
        headers = [*answer.headers, (b"content-length", str(len(answer.body)).encode())]
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})

    # -- the kinds ----------------------------------------------------------------------------
    def mutate(self, kind: str, route: Route, answer: _Answer) -> tuple[_Answer, Mutation] | None:
        """The answer changed by `kind`, and what was done; None where the kind cannot apply."""
        op = route.operation_id
        if kind == "undocumented-status":
            status = next((s for s in UNDOCUMENTED_STATUSES if response_pointer(route, s) is None), None)
            if status is None:
                return None
            return _Answer(status, answer.headers, answer.body), Mutation(
                kind, op, status, "", frozenset({"status"}), "error"
            )
        if kind == "text-plain":
            headers = [*answer.without(b"content-type"), (b"content-type", b"text/plain; charset=utf-8")]
            changed = _Answer(answer.status, headers, b"upstream says: drifted")
            return changed, Mutation(kind, op, answer.status, "", frozenset({"content-type"}), "error")
        if kind == "drop-header":
            return self._drop_header(route, answer)
        schema, data = self._body(route, answer)
        if schema is None:
            return None
        if kind == "error-shape":
            if answer.status < 400:
                return None
            raws = [self.spec.at(node.pointer) for node in self.shapes.applicable(schema, data)]
            required = any(isinstance(raw, dict) and raw.get("required") for raw in raws)
            shape = {"errors": [{"reason": "drifted", "detail": "the provider changed its error body"}]}
            rules = (
                frozenset({"required", "type", "schema", "closed-object"})
                if required
                else frozenset({"undocumented-field"})
            )
            return self._rewritten(answer, shape), Mutation(
                kind, op, answer.status, "", rules, "error" if required else "info"
            )
        if not isinstance(data, dict | list):
            return None
        places = list(self._places(schema, data, ""))
        return self._field_kind(kind, op, answer, data, schema, places)

    def _field_kind(
        self, kind: str, op: str, answer: _Answer, data: Any, schema: str, places: list[_Place]
    ) -> tuple[_Answer, Mutation] | None:
        status = answer.status
        if kind in ("rename-field", "drop-required"):
            place = next((p for p in places if p.required and not p.known("required")), None)
            if place is None:
                return None
            value = place.container.pop(place.key)
            if kind == "rename-field":
                place.container[place.key + "_renamed"] = value
            return self._rewritten(answer, data), Mutation(
                kind, op, status, place.pointer, frozenset({"required"}), "error"
            )
        if kind == "change-type":
            for place in places:
                other = _other_type(place.container[place.key], place.schemas)
                if other is not None and not place.known("type", other):
                    place.container[place.key] = other
                    return self._rewritten(answer, data), Mutation(
                        kind, op, status, place.pointer, frozenset({"type"}), "error"
                    )
            return None
        if kind == "add-enum-value":
            for place in places:
                documented, open_set = _documented_values(self, place.schemas)
                if documented and place.container[place.key] in documented:
                    place.container[place.key] = NEW_VALUE if isinstance(documented[0], str) else 987654321
                    rules, severity = (frozenset({"open-set"}), "info") if open_set else (frozenset({"enum"}), "error")
                    return self._rewritten(answer, data), Mutation(kind, op, status, place.pointer, rules, severity)
            return None
        if kind == "add-field":
            target, where = (data, "") if isinstance(data, dict) else _first_object(places)
            if target is None:
                return None
            nodes = self.shapes.applicable(schema if not where else self._schema_at(schema, data, where), target)
            closed = any(node.additional is False for node in nodes)
            target[ADDED_FIELD] = "x"
            rules, severity = (
                (frozenset({"closed-object"}), "error") if closed else (frozenset({"undocumented-field"}), "info")
            )
            return self._rewritten(answer, data), Mutation(kind, op, status, f"{where}/{ADDED_FIELD}", rules, severity)
        if kind == "float-money":
            for place in places:
                amount = _money(place.container[place.key], place.schemas)
                if amount is not None and not place.known("type", float(amount)):
                    place.container[place.key] = float(amount)
                    return self._rewritten(answer, data), Mutation(
                        kind, op, status, place.pointer, frozenset({"type"}), "error"
                    )
            return None
        raise ValueError(f"unknown drift kind {kind!r}")

    def _drop_header(self, route: Route, answer: _Answer) -> tuple[_Answer, Mutation] | None:
        pointer = response_pointer(route, answer.status)
        if pointer is None:
            return None
        declared, _ = self.spec.resolve(self.spec.at(pointer), pointer)
        for name, header in (declared.get("headers") or {}).items():
            header, _ = self.spec.resolve(header, "")
            if header.get("required") and answer.header(name.lower().encode()) is not None:
                changed = _Answer(answer.status, answer.without(name.lower().encode()), answer.body)
                return changed, Mutation(
                    "drop-header", route.operation_id, answer.status, name, frozenset({"header"}), "error"
                )
        if declared.get("content") and answer.body and answer.header(b"content-type") is not None:
            changed = _Answer(answer.status, answer.without(b"content-type"), answer.body)
            mutation = Mutation(
                "drop-header", route.operation_id, answer.status, "Content-Type", frozenset({"content-type"}), "error"
            )
            return changed, mutation
        return None

    # -- reading the answer beside its schema -------------------------------------------------
    def _body(self, route: Route, answer: _Answer) -> tuple[str | None, Any]:
        pointer = response_pointer(route, answer.status)
        if pointer is None or not answer.body:
            return None, None
        declared, pointer = self.spec.resolve(self.spec.at(pointer), pointer)
        seen = media_type({"content-type": answer.header(b"content-type") or ""})
        key = documented_media(declared.get("content") or {}, seen)
        if key is None or not is_json(key.lower()):
            return None, None
        return f"{pointer}/content/{escape_pointer(key)}/schema", loads_exact(answer.body)

    def _places(self, schema: str, value: Any, where: str, depth: int = 0) -> Iterator[_Place]:
        """Every field of `value`, shallowest first, with its schemas and whether it is required."""
        if depth > 16:
            return
        nodes = self.shapes.applicable(schema, value)
        if isinstance(value, list):
            items = [n.items for n in nodes if n.items]
            for index, item in enumerate(value[:3]):
                for child in items[:1]:
                    yield from self._places(child, item, f"{where}/{index}", depth + 1)
            return
        if not isinstance(value, dict):
            return
        raws = [self.spec.at(n.pointer) for n in nodes]
        required = {name for raw in raws if isinstance(raw, dict) for name in raw.get("required") or []}
        parent_marks = [m for n in nodes for m in self.marks.get(n.pointer, ())]
        children: list[tuple[str, str]] = []
        for key in list(value):
            pointers = [n.properties[key] for n in nodes if key in n.properties]
            if not pointers:
                continue
            child_nodes = self.shapes.applicable(pointers[0], value[key])
            schemas = [r for r in (self.spec.at(n.pointer) for n in child_nodes) if isinstance(r, dict)]
            place = f"{where}/{escape_pointer(key)}"
            marks = [m for n in child_nodes for m in self.marks.get(n.pointer, ())]
            marks += [m for m in parent_marks if m.rule == "required" and m.name in (None, key)]
            yield _Place(place, value, key, schemas, key in required, marks)
            children.append((key, pointers[0]))
        for key, pointer in children:
            if key in value:
                yield from self._places(pointer, value[key], f"{where}/{escape_pointer(key)}", depth + 1)

    def _schema_at(self, schema: str, data: Any, where: str) -> str:
        found = self.shapes.at(schema, data, where)
        return found[0] if found else schema

    @staticmethod
    def _rewritten(answer: _Answer, data: Any) -> _Answer:
        return _Answer(answer.status, answer.headers, dumps_exact(data).encode())


def _types(schemas: list[dict[str, Any]]) -> set[str]:
    found: set[str] = set()
    for schema in schemas:
        declared = schema.get("type")
        found |= set(declared) if isinstance(declared, list) else ({declared} if isinstance(declared, str) else set())
    return found


def _other_type(value: Any, schemas: list[dict[str, Any]]) -> Any:
    """A value of a JSON type none of the schemas allows, or None when the schemas allow any."""
    declared = _types(schemas)
    if not declared or any("anyOf" in s or "oneOf" in s for s in schemas):
        return None
    for candidate, kinds in ((12345, {"number", "integer"}), ("12345", {"string"}), (True, {"boolean"})):
        if not kinds & declared and value is not None:
            return candidate
    return None


def _documented_values(app: DriftingApp, schemas: list[dict[str, Any]]) -> tuple[list[Any], bool]:
    """The values a field's schemas list, and whether the set is open (an `anyOf` that also takes others)."""
    for schema in schemas:
        for key in ("anyOf", "oneOf"):
            for branch in schema.get(key) or []:
                resolved, _ = app.spec.resolve(branch, "")
                if isinstance(resolved, dict) and "enum" in resolved:
                    return list(resolved["enum"]), True
    for schema in schemas:
        if "enum" in schema:
            return list(schema["enum"]), False
    return [], False


def _money(value: Any, schemas: list[dict[str, Any]]) -> Decimal | None:
    """The amount in a decimal-string field (its pattern takes decimals and refuses words), else None."""
    if not isinstance(value, str):
        return None
    for schema in schemas:
        pattern = schema.get("pattern")
        if schema.get("type") != "string" or not isinstance(pattern, str):
            continue
        if all(re.search(pattern, sample) for sample in _DECIMAL_SAMPLES) and not re.search(pattern, "abc"):
            try:
                return Decimal(value.split(" ", 1)[0])
            except ArithmeticError:
                return None
    return None


def _first_object(places: list[_Place]) -> tuple[dict[str, Any] | None, str]:
    for place in places:
        if isinstance(place.container[place.key], dict):
            return place.container[place.key], place.pointer
    return None, ""
