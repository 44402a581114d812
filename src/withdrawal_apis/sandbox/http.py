"""The HTTP primitives the engine works with on top of raw ASGI: a request, a response, and a failure.

A failure is an `ApiError`. It says *why* in data, never only in English: `reason` tells what refused
the request (the router, a limit, an injected fault, the provider's own rule...), `problem` pins a
validation failure to its field and JSON-schema keyword, `code` is the provider's own error code and
`shape` names which of a provider's error bodies to render. Each provider turns that into its
documented error body; nobody parses a message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from ..money import dumps_exact, json_number, loads_exact

try:  # the sandbox extra brings it; without, the standard library encodes (two passes where money is exact)
    import orjson

    _ORJSON = True
except ImportError:  # pragma: no cover - the sandbox extra is installed wherever emulators serve
    _ORJSON = False

JSON = "application/json"


def reason_words(status: int) -> list[str]:
    """The words of a status's reason phrase (`Too Many Requests`), for providers that name errors after it."""
    return HTTPStatus(status).phrase.replace("-", " ").split()


class Reason(StrEnum):
    """What refused a request."""

    PROVIDER = "provider"  # the provider's own business rule (the default for handler errors)
    ROUTE_NOT_FOUND = "route_not_found"  # no path of the spec matches (or a path segment the schema rules out)
    METHOD_NOT_ALLOWED = "method_not_allowed"
    BODY_TOO_LARGE = "body_too_large"
    INVALID_REQUEST = "invalid_request"  # parameters or body against the spec; `problem` says where
    UNAUTHENTICATED = "unauthenticated"
    FORBIDDEN = "forbidden"  # authenticated, but not allowed this operation (scopes, IP list, membership)
    RATE_LIMITED = "rate_limited"
    FAULT = "fault"  # injected through the control API
    UNAVAILABLE = "unavailable"  # the sandbox's database cannot be reached; retry shortly
    INTERNAL = "internal"  # a bug; answered without details


@dataclass(frozen=True)
class Problem:
    """One invalid part of a request, as data.

    `field` is the parameter name followed by the path inside the value (`("amount",)`,
    `("instructions", 0)`, `()` for the body as a whole); `keyword` is the JSON-schema keyword that
    failed (`required`, `type`, `pattern`, `enum`, `maximum`, `additionalProperties`, ...) or one of the
    engine's own: `missing` (a required parameter or body), `malformed` (unreadable JSON, form or
    parameter text), `content_type`, `limit` (an input limit of the engine). `expected` is the schema
    side (a type name, a pattern, the allowed values, a bound); `value` is what was sent, and is None
    whenever the field may hold a credential.
    """

    location: str  # path | query | header | body
    field: tuple[str | int, ...]
    keyword: str
    expected: Any = None
    value: Any = None
    condition: str | None = None  # when the keyword applies only under a condition: `when type is NORMAL`

    @property
    def pointer(self) -> str:
        """`instructions/0`; empty for the whole body."""
        return "/".join(map(str, self.field))

    def explain(self) -> str:
        """What is wrong, without saying where: `must match ^[0-9]+$`, `is required`."""
        expected = self.expected
        if isinstance(expected, list | tuple):
            expected = ", ".join(map(str, expected))
        elif isinstance(expected, float):
            expected = format(Decimal(repr(expected)), "f")  # 0.000001, not 1e-06
        template = _DESCRIPTIONS.get(self.keyword, "is invalid")
        text = "is invalid" if "{expected}" in template and expected is None else template.format(expected=expected)
        return f"{text} {self.condition}" if self.condition else text

    def describe(self) -> str:
        """A short English sentence for providers whose errors are plain text: `amount: must match ...`."""
        where = self.pointer or ("request body" if self.location == "body" else self.location)
        return f"{where}: {self.explain()}"


_DESCRIPTIONS = {
    "missing": "is required",
    "required": "is required",
    "type": "must be of type {expected}",
    "pattern": 'must match "{expected}"',
    "enum": "must be one of {expected}",
    "const": "must be {expected}",
    "format": "must be a valid {expected}",
    "minimum": "must be at least {expected}",
    "maximum": "must be at most {expected}",
    "exclusiveMinimum": "must be greater than {expected}",
    "exclusiveMaximum": "must be less than {expected}",
    "minLength": "must be at least {expected} characters long",
    "maxLength": "must be at most {expected} characters long",
    "minItems": "must have at least {expected} items",
    "maxItems": "must have at most {expected} items",
    "multipleOf": "must be a multiple of {expected}",
    "falseSchema": "is not accepted",
    "not": "is not accepted",
    "additionalProperties": "is not an accepted field",
    "propertyNames": "is not an accepted name",
    "malformed": "must be {expected}",
    "content_type": "must be sent as {expected}",
    "limit": "exceeds the limit: {expected}",
}


class ApiError(Exception):
    """A failure to report to the client, rendered by the provider in its own documented shape."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        reason: Reason = Reason.PROVIDER,
        code: int | str | None = None,
        shape: str | None = None,
        problem: Problem | None = None,
        headers: dict[str, str] | None = None,
        details: dict[str, Any] | None = None,
        rule: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason
        self.code = code  # the provider's own error code, where it has them
        self.shape = shape  # which of the provider's error bodies, where it has several
        self.problem = problem
        self.headers = headers or {}
        self.details = details or {}  # further fields of the provider's error body
        # The id of the operation's `x-business-rules` entry that refused the request, sent back in the
        # `x-sandbox-rule` header so that a test or a fuzzer can tell which documented rule answered.
        self.rule = rule


class ConnectionDropped(Exception):
    """Raised after the response has started, so the server closes the connection without an answer."""


class _HasDecimal(TypeError):
    pass


def _no_decimal(value: object) -> Any:
    # Only a Decimal may reach here; the fast path hands it over to the exact encoder.
    if isinstance(value, Decimal):
        raise _HasDecimal
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _stdlib_json(data: Any) -> tuple[bytes, bool]:
    """Compact JSON by the standard library, and whether it holds exact decimals (a second pass writes them)."""
    try:
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=_no_decimal).encode(), False
    except _HasDecimal:
        return dumps_exact(data).encode(), True


@dataclass
class Request:
    method: str
    path: str
    query_string: bytes
    headers: dict[str, str]
    body: bytes
    client_host: str = ""
    raw_path: bytes = b""  # the path exactly as sent (percent-encoding kept), for signatures over the URI
    path_params: dict[str, str] = field(default_factory=dict)
    # Filled in by validation: typed parameters and the parsed body (a JSON value, or a dict of
    # strings for a URL-encoded form), both already checked against the spec.
    params: dict[str, Any] = field(default_factory=dict)
    json: Any = None

    @cached_property
    def query(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for key, value in parse_qsl(self.query_string.decode("utf-8", "replace"), keep_blank_values=True):
            found.setdefault(key, []).append(value)
        return found

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def uri(self) -> str:
        """The request target exactly as the client sent it: the raw path plus `?query` when present."""
        path = self.raw_path.decode("latin-1") or self.path
        return f"{path}?{self.query_string.decode('latin-1')}" if self.query_string else path

    def json_exact(self) -> Any:
        """The body parsed with every JSON number as an exact `Decimal` (for providers that send numbers)."""
        return loads_exact(self.body)


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # The JSON value behind `body`, kept so test mode can validate it without re-parsing; None for an
    # answer with exact decimals, which test mode parses from `body` (only it needs the value).
    data: Any = None
    dropped: bool = False  # close the connection instead of answering (an injected fault)

    @classmethod
    def json(cls, status: int, data: Any, headers: dict[str, str] | None = None) -> Response:
        """A JSON response; `Decimal` values go on the wire as their exact number text."""
        exact = False
        if _ORJSON:

            def number(value: object) -> Any:
                nonlocal exact
                if isinstance(value, Decimal):
                    exact = True
                    return orjson.Fragment(json_number(value).encode())
                raise TypeError

            try:
                # One pass, in C, each Decimal written as its exact text where it stands.
                body = orjson.dumps(data, default=number)
            except TypeError:  # what orjson does not take (an integer beyond 64 bits...) goes the long way
                body, exact = _stdlib_json(data)
        else:
            body, exact = _stdlib_json(data)
        # With exact decimals test mode parses the body, as a client would; otherwise it checks `data`.
        return cls(status, body, {"content-type": JSON, **(headers or {})}, None if exact else data)

    @classmethod
    def empty(cls, status: int = 204) -> Response:
        return cls(status)

    @classmethod
    def drop(cls) -> Response:
        return cls(0, dropped=True)
