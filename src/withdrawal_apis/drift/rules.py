"""The drift rules: small checks over one exchange, each yielding typed findings.

A rule is a function of a `Context` (the exchange, its route, its parsed bodies) registered with
`@rule("request")` or `@rule("response")`; `TrafficValidator` runs every registered rule. The
request rules reuse the emulators' router (the same compiled validators and input limits); the
response rules reuse test mode's contract check (`sandbox.contract.answer_deviations`), so an
emulator in test mode, the proxy and `drift check` judge an answer by one piece of code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

from ..money import loads_exact
from ..sandbox.contract import (
    UNPARSED,
    Deviation,
    answer_deviations,
    documented_media,
    is_json,
    media_type,
    response_pointer,
    rule_of,
)
from ..sandbox.http import ApiError, Reason, Request
from ..sandbox.routing import Route
from ..spec import escape_pointer
from .findings import UNDOCUMENTED, Finding, Severity
from .redaction import REDACTED
from .traffic import Exchange

if TYPE_CHECKING:
    from .validation import TrafficValidator

Rule = Callable[["Context"], Iterable[Finding]]
RULES: dict[str, list[Rule]] = {"request": [], "response": []}
_LOCATIONS = {"status": "status", "header": "header", "content-type": "content-type"}
SEEN_CHARS = 200  # a seen string longer than this is cut (a finding quotes, it does not archive)


def rule(direction: str) -> Callable[[Rule], Rule]:
    """Register a rule for the request or the response side of every exchange."""

    def register(function: Rule) -> Rule:
        RULES[direction].append(function)
        return function

    return register


@dataclass
class Context:
    validator: TrafficValidator
    exchange: Exchange
    route: Route | None = None
    refusal: ApiError | None = None  # why routing failed (404 path, 405 method)
    request: Request = field(init=False)

    def __post_init__(self) -> None:
        exchange = self.exchange
        headers = {name.lower(): value for name, value in exchange.request_headers}
        raw_path = exchange.path.encode("latin-1", "replace")
        self.request = Request(
            exchange.method, unquote(exchange.path), exchange.query.encode(), headers, exchange.request_body,
            raw_path=raw_path,
        )  # fmt: skip
        try:
            self.route, self.request.path_params = self.validator.router.match(exchange.method, self.request.path)
        except ApiError as error:
            self.refusal = error

    @property
    def operation(self) -> str:
        return self.route.operation_id if self.route else UNDOCUMENTED

    @property
    def label(self) -> str:
        if self.route is None:
            return f"{self.exchange.method} {self.exchange.path}"
        return f"{self.route.operation.method.upper()} {self.route.operation.path}"

    @property
    def response_headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.exchange.response_headers}

    @cached_property
    def response_schema(self) -> str | None:
        """The pointer of the schema the answer's body is checked against, when it is JSON."""
        if self.route is None or self.exchange.status is None:
            return None
        pointer = response_pointer(self.route, self.exchange.status)
        if pointer is None:
            return None
        media = media_type(self.response_headers)
        cache = self.validator.schemas
        if (pointer, media) not in cache:
            spec = self.validator.spec
            declared, resolved = spec.resolve(spec.at(pointer), pointer)
            key = documented_media(declared.get("content") or {}, media)
            json_body = key is not None and is_json(key.split(";", 1)[0].strip().lower())
            cache[pointer, media] = f"{resolved}/content/{escape_pointer(key or '')}/schema" if json_body else None
        return cache[pointer, media]

    @cached_property
    def response_data(self) -> Any:
        """The answer's JSON body with exact numbers, or UNPARSED."""
        body = self.exchange.response_body
        if not body or self.response_schema is None:
            return UNPARSED
        try:
            return loads_exact(body)
        except (ValueError, RecursionError):
            return UNPARSED

    def finding(
        self,
        direction: str,
        location: str,
        pointer: str,
        rule_name: str,
        expected: Any,
        seen: Any,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        known_at: Iterable[str] = (),
        name: str | None = None,
    ) -> Finding:
        """A finding, secret fields' values redacted, with the known deviation that explains it, if any."""
        policy = self.validator.policy
        if policy.is_secret_pointer(pointer) or (location == "header" and pointer.lower() in policy.headers):
            seen, message = (REDACTED if seen is not None else None), f"{pointer}: {rule_name}"
        seen = _quoted(seen)
        places = [*known_at, *self.operation_pointers]
        known = self.validator.known.explain(places, rule_name, seen, name)
        return Finding(
            self.operation,
            self.label,
            direction,
            location,
            pointer,
            rule_name,
            severity,
            expected,
            seen,
            message,
            status=self.exchange.status if direction == "response" else None,
            known=known,
        )

    @property
    def operation_pointers(self) -> list[str]:
        if self.route is None:
            return []
        pointer = self.route.operation.pointer
        return [pointer, pointer.rsplit("/", 1)[0]]


def _quoted(seen: Any) -> Any:
    """A seen value as a finding quotes it: containers by their type, long text cut."""
    if isinstance(seen, dict):
        return "object"
    if isinstance(seen, list):
        return "array"
    if isinstance(seen, str):
        return seen[:SEEN_CHARS] + ("…" if len(seen) > SEEN_CHARS else "")
    return seen


def _redacted_at(value: Any, pointer: str) -> bool:
    """Whether the value at `pointer` was redacted by a capture (not drift: the capture hid it)."""
    for token in filter(None, pointer.split("/")):
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            return False
    return isinstance(value, str) and value == REDACTED


# -- request rules ------------------------------------------------------------------------------
@rule("request")
def operation_is_documented(ctx: Context) -> Iterator[Finding]:
    if ctx.refusal is None:
        return
    exchange = ctx.exchange
    allowed = ctx.refusal.headers.get("allow")
    expected = allowed.split(", ") if allowed else None
    what = "method" if ctx.refusal.reason is Reason.METHOD_NOT_ALLOWED else "path"
    message = f"{exchange.method} {exchange.path}: the spec documents no such {what}"
    yield ctx.finding(
        "request", "operation", "", "undocumented-operation", expected, f"{exchange.method} {exchange.path}",
        message, known_at=ctx.validator.known.marks, name=exchange.path,
    )  # fmt: skip


@rule("request")
def request_conforms(ctx: Context) -> Iterator[Finding]:
    """Parameters and body through the emulators' own router: what an emulator would refuse is drift."""
    if ctx.route is None:
        return
    try:
        ctx.validator.router.validate(ctx.route, ctx.request)
    except ApiError as error:
        problem = error.problem
        if problem is None:  # a path segment the parameter's schema rules out
            message = f"{ctx.exchange.path}: a path parameter the spec rules out"
            yield ctx.finding("request", "path", "", "schema", None, ctx.exchange.path, message)
            return
        if problem.location == "body":
            pointer = "/" + "/".join(escape_pointer(str(part)) for part in problem.field) if problem.field else ""
            body = ctx.request.json
            if body is not None and _redacted_at(body, pointer):
                return
            known_at = _body_schemas(ctx, pointer)
        else:
            pointer = "/".join(map(str, problem.field))
            known_at = [p.schema_pointer for p in ctx.route.parameters if p.name == (problem.field or ("",))[0]]
        seen = problem.value
        if problem.keyword == "content_type":
            location, pointer, seen = "content-type", "", ctx.request.content_type or None
        else:
            location = problem.location
        yield ctx.finding(
            "request", location, pointer, rule_of(problem.keyword), problem.expected, seen, problem.describe(),
            known_at=known_at,
        )  # fmt: skip


def _body_schemas(ctx: Context, pointer: str) -> list[str]:
    route = ctx.route
    if route is None or route.body_pointer is None:
        return []
    return ctx.validator.shapes.at(route.body_pointer, ctx.request.json, pointer)


@rule("request")
def query_parameters_are_documented(ctx: Context) -> Iterator[Finding]:
    """A query parameter the operation does not declare: allowed on the wire, but not in the spec (info)."""
    if ctx.route is None or not ctx.exchange.query:
        return
    declared = {p.name for p in ctx.route.parameters if p.location == "query"}
    sent = dict.fromkeys(name for name, _ in parse_qsl(ctx.exchange.query, keep_blank_values=True))
    for name in sent:
        if name not in declared and name not in ctx.validator.policy.query:
            message = f"query parameter {name!r} is not documented for this operation"
            yield ctx.finding(
                "request", "query", name, "undocumented-parameter", sorted(declared), name, message,
                severity=Severity.INFO, name=name,
            )  # fmt: skip


# -- response rules -----------------------------------------------------------------------------
@rule("response")
def answer_conforms(ctx: Context) -> Iterator[Finding]:
    """Status, headers, media type and body schema, exactly as test mode checks an emulator's answer."""
    route, exchange = ctx.route, ctx.exchange
    if route is None or exchange.status is None:
        return
    if exchange.response_body is None:  # the capture kept no body: only the status can be judged
        if response_pointer(route, exchange.status) is not None:
            return
        deviations = answer_deviations(ctx.validator.spec, route, exchange.status, {}, b"")
    else:
        deviations = answer_deviations(
            ctx.validator.spec, route, exchange.status, ctx.response_headers, exchange.response_body, ctx.response_data
        )
    for deviation in deviations:
        if ctx.response_data is not UNPARSED and _redacted_at(ctx.response_data, deviation.pointer):
            continue
        yield _response_finding(ctx, deviation)


@rule("response")
def answer_is_described(ctx: Context) -> Iterator[Finding]:
    """Fields added to open objects and values outside open sets: allowed, and the first sign of change (info)."""
    if ctx.response_schema is None or ctx.response_data is UNPARSED:
        return
    for deviation in ctx.validator.shapes.unexplained(ctx.response_schema, ctx.response_data):
        yield _response_finding(ctx, deviation, Severity.INFO)


def _response_finding(ctx: Context, deviation: Deviation, severity: Severity = Severity.ERROR) -> Finding:
    location = _LOCATIONS.get(deviation.rule, "body")
    known_at: list[str] = [deviation.schema] if deviation.schema else []
    if location == "body" and ctx.response_schema and ctx.response_data is not UNPARSED:
        known_at += ctx.validator.shapes.at(ctx.response_schema, ctx.response_data, deviation.pointer)
    pointer = deviation.pointer
    return ctx.finding(
        "response", location, pointer, deviation.rule, deviation.expected, deviation.seen,
        deviation.message or deviation.describe(), severity=severity, known_at=known_at,
    )  # fmt: skip
