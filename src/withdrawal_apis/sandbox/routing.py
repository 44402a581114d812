"""Routes and request validation compiled once from an OpenAPI document.

Nothing here knows a provider: paths, parameters, their types and the body schema all come from the
spec. Every failure is an `ApiError` carrying a structured `Problem` (location, field, keyword), which
each provider renders in its own error shape. Input limits that no schema states (nesting depth,
number and string length, integers the store cannot hold, text that is not Unicode) are enforced
here too, once for every provider, so hostile input gets a 4xx and never reaches a handler.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jsonschema_rs

from ..spec import HTTP_METHODS, Operation, SpecDocument, escape_pointer
from .http import ApiError, Problem, Reason, Request

JSON_MEDIA = "application/json"
FORM_MEDIA = "application/x-www-form-urlencoded"
# Fields whose values are never echoed in an error, whatever the provider's renderer does with them.
SENSITIVE = frozenset({"password", "secret", "token", "api_key", "apikey", "pin", "authorization"})
_INTEGER = re.compile(r"-?[0-9]{1,40}")
_NUMBER = re.compile(r"-?[0-9]{1,40}(\.[0-9]{1,40})?([eE][-+]?[0-9]{1,3})?")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = bytes(range(256)).translate(None, b"[]{}")
_SLASHES = re.compile(r"/{2,}")
_EXPECTED_KEYS = ("types", "pattern", "limit", "options", "expected_value", "format", "multiple_of")


@dataclass(frozen=True)
class InputLimits:
    """What any request may carry before its schema is even looked at (the same for every provider)."""

    max_depth: int = 32  # nesting of JSON arrays and objects
    # A JSON number: any double a client can send (`1.7976931348623157e+308`, `5e-324`) and integers
    # of a few hundred digits pass; `1e-99999999`, which would expand to a hundred million digits, not.
    max_number_chars: int = 400  # characters of one JSON number literal
    max_exponent: int = 400  # |exponent| of a JSON number in scientific notation
    max_string_chars: int = 8192  # characters of one JSON string
    max_integer: int = 2**63 - 1  # integer parameters: what SQLite can hold
    min_integer: int = -(2**63)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path | query | header
    required: bool
    schema_pointer: str
    kind: str  # the schema's primitive type, used to read the string off the wire
    sensitive: bool
    default: Any = None  # the schema's default, filled in when the parameter is absent


@dataclass(frozen=True)
class Route:
    operation: Operation
    pattern: re.Pattern[str]
    parameters: tuple[Parameter, ...]
    body_pointer: str | None
    body_required: bool
    body_media: str  # the one media type the body is read as: JSON, or a URL-encoded form
    response_pointers: dict[str, str]  # status -> pointer of the response object

    @property
    def operation_id(self) -> str:
        assert self.operation.operation_id is not None
        return self.operation.operation_id


def invalid(problem: Problem, message: str | None = None, status: int = 400) -> ApiError:
    return ApiError(status, message or problem.describe(), reason=Reason.INVALID_REQUEST, problem=problem)


class Router:
    """Matches method + path to a `Route`; validates a request against it."""

    def __init__(self, spec: SpecDocument, limits: InputLimits | None = None) -> None:
        self.spec = spec
        self.limits = limits or InputLimits()
        self.routes = tuple(self._compile(op) for op in spec.operations if not op.is_webhook)
        # One entry per path, concrete paths before templated ones (OpenAPI's matching rule): a URL
        # that fits a concrete path belongs to it, whatever the method, and never to a template.
        by_path: dict[str, list[Route]] = {}
        for route in self.routes:
            by_path.setdefault(route.operation.path, []).append(route)
        ordered = sorted(by_path.values(), key=lambda group: group[0].operation.path.count("{"))
        # Looked up, not searched: a concrete path by its text, a template among those of as many segments
        # (each `{name}` is one segment), fewer parameters first.
        self._concrete = {path: group for path, group in by_path.items() if "{" not in path}
        self._templates: dict[int, list[list[Route]]] = {}
        for group in ordered:
            if "{" in group[0].operation.path:
                self._templates.setdefault(group[0].operation.path.count("/"), []).append(group)
        # A server URL with a path (`https://api.example/api/v3`) means the API is served under it:
        # a base URL copied from the spec works, and so does the bare root. Servers declared on a path
        # or an operation (an API of the provider's under another base) are served under theirs too.
        self.base_paths = sorted(
            {path for server in _servers(spec) if (path := urlsplit(server["url"]).path.rstrip("/"))},
            key=len,
            reverse=True,
        )
        for route in self.routes:  # compile every validator now, not on the first request
            for parameter in route.parameters:
                spec.validator(parameter.schema_pointer)
            if route.body_pointer:
                spec.validator(route.body_pointer)

    @property
    def operation_ids(self) -> list[str]:
        return [route.operation_id for route in self.routes]

    def _compile(self, op: Operation) -> Route:
        regex = "".join(
            f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part)
            for part in re.split(r"(\{[^}]+\})", op.path)
        )
        item_pointer = op.pointer.rsplit("/", 1)[0]
        declared = [
            (p, f"{item_pointer}/parameters/{i}")
            for i, p in enumerate(self.spec.at(item_pointer).get("parameters", []))
        ]
        declared += [(p, f"{op.pointer}/parameters/{i}") for i, p in enumerate(op.raw.get("parameters", []))]
        parameters: dict[tuple[str, str], Parameter] = {}
        for raw, pointer in declared:
            param, pointer = self.spec.resolve(raw, pointer)
            if param["in"] == "cookie":
                continue
            schema, schema_pointer = self.spec.resolve(param["schema"], f"{pointer}/schema")
            name = param["name"].lower() if param["in"] == "header" else param["name"]
            parameters[(param["in"], name)] = Parameter(
                name=name,
                location=param["in"],
                required=bool(param.get("required")) or param["in"] == "path",
                schema_pointer=schema_pointer,
                kind=str(schema.get("type", "string")),
                sensitive=name.lower() in SENSITIVE,
                default=schema.get("default"),
            )
        body_pointer = None
        body_required = False
        body_media = JSON_MEDIA
        if "requestBody" in op.raw:
            body, pointer = self.spec.resolve(op.raw["requestBody"], f"{op.pointer}/requestBody")
            media = next((m for m in (JSON_MEDIA, FORM_MEDIA) if m in body.get("content", {})), None)
            if media is not None:
                body_pointer = f"{pointer}/content/{escape_pointer(media)}/schema"
                body_required = bool(body.get("required"))
                body_media = media
        responses = {str(status): f"{op.pointer}/responses/{status}" for status in op.raw.get("responses", {})}
        return Route(
            op, re.compile(f"^{regex}$"), tuple(parameters.values()), body_pointer, body_required, body_media, responses
        )

    # -- routing ------------------------------------------------------------------------------
    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """The route for `method path`; ApiError 404 for an unknown path, 405 (with Allow) for a wrong method.

        Repeated slashes count as one, as front-end servers such as nginx merge them by default.
        """
        if "//" in path:  # rare: skip the regular expression on every other request
            path = _SLASHES.sub("/", path)
        for base in self.base_paths:
            if path.startswith(base + "/"):
                path = path[len(base) :]
                break
        group = self._concrete.get(path)
        if group is not None:
            return self._method(group, method), {}
        for group in self._templates.get(path.count("/"), ()):
            found = group[0].pattern.match(path)
            if found is not None:
                return self._method(group, method), found.groupdict()
        raise ApiError(404, "not found", reason=Reason.ROUTE_NOT_FOUND)

    @staticmethod
    def _method(group: list[Route], method: str) -> Route:
        """The route of `method` among one path's; ApiError 405 (with Allow) when the path has none."""
        wanted = method.lower()
        for route in group:
            if route.operation.method == wanted:
                return route
        allowed = ", ".join(sorted(route.operation.method.upper() for route in group))
        raise ApiError(405, "method not allowed", reason=Reason.METHOD_NOT_ALLOWED, headers={"allow": allowed})

    # -- validation ---------------------------------------------------------------------------
    def validate(self, route: Route, request: Request) -> None:
        """Type and check every parameter and the body; fills `request.params` and `request.json`."""
        for parameter in route.parameters:
            self._validate_parameter(parameter, request)
        if route.body_pointer is None:
            return
        if not request.body:  # no body at all; whitespace is a body, and not valid JSON
            if route.body_required:
                raise invalid(Problem("body", (), "missing"), "request body is required")
            return
        if request.content_type != route.body_media:
            problem = Problem("body", (), "content_type", expected=route.body_media)
            raise invalid(problem, f"content type must be {route.body_media}")
        request.json = self.parse_body(route.body_media, request.body)
        self._check("body", (), route.body_pointer, request.json)

    def check_body(self, route: Route, value: Any) -> None:
        """Check an already parsed body (a seed file, say) against the route's body schema."""
        if route.body_pointer is None:
            raise ValueError(f"{route.operation_id} takes no body")
        self._check("body", (), route.body_pointer, value)

    def _validate_parameter(self, parameter: Parameter, request: Request) -> None:
        raw = self._raw_value(parameter, request)
        if raw is None:
            if parameter.required:
                problem = Problem(parameter.location, (parameter.name,), "missing")
                raise invalid(problem, f"missing required {parameter.location} parameter: {parameter.name}")
            if parameter.default is not None:
                request.params[parameter.name] = parameter.default
            return
        try:
            value = self._typed(parameter, raw)
        except ApiError:
            if parameter.location == "path":  # a path segment that cannot be the type names no resource
                raise ApiError(404, "not found", reason=Reason.ROUTE_NOT_FOUND) from None
            raise
        if parameter.location == "path":
            if not self.spec.validator(parameter.schema_pointer).is_valid(value):
                # A path segment the schema rules out names no resource: not found, as a real router says.
                raise ApiError(404, "not found", reason=Reason.ROUTE_NOT_FOUND)
        else:
            self._check(parameter.location, (parameter.name,), parameter.schema_pointer, value, parameter.sensitive)
        request.params[parameter.name] = value

    def _raw_value(self, parameter: Parameter, request: Request) -> str | None:
        if parameter.location == "path":
            return request.path_params.get(parameter.name)
        if parameter.location == "header":
            return request.headers.get(parameter.name)
        values = request.query.get(parameter.name)
        return values[-1] if values else None

    def _typed(self, parameter: Parameter, raw: str) -> Any:
        """Read a wire string as the schema's type; a value that cannot be read is a 400."""
        where = (parameter.name,)
        if parameter.kind == "integer":
            if not _INTEGER.fullmatch(raw):
                raise invalid(
                    Problem(parameter.location, where, "malformed", expected="an integer", value=raw),
                    f"invalid {parameter.location} parameter {parameter.name}: not an integer",
                )
            value = int(raw)
            if value > self.limits.max_integer:
                problem = Problem(parameter.location, where, "maximum", expected=self.limits.max_integer, value=raw)
                raise invalid(problem)
            if value < self.limits.min_integer:
                problem = Problem(parameter.location, where, "minimum", expected=self.limits.min_integer, value=raw)
                raise invalid(problem)
            return value
        if parameter.kind == "number":
            if not _NUMBER.fullmatch(raw):
                raise invalid(
                    Problem(parameter.location, where, "malformed", expected="a number", value=raw),
                    f"invalid {parameter.location} parameter {parameter.name}: not a number",
                )
            return float(raw) if any(c in raw for c in ".eE") else int(raw)
        if parameter.kind == "boolean":
            if raw not in ("true", "false"):
                raise invalid(
                    Problem(parameter.location, where, "malformed", expected="a boolean", value=raw),
                    f"invalid {parameter.location} parameter {parameter.name}: not a boolean",
                )
            return raw == "true"
        if len(raw) > self.limits.max_string_chars:
            raise invalid(Problem(parameter.location, where, "maxLength", expected=self.limits.max_string_chars))
        return raw

    # -- bodies -------------------------------------------------------------------------------
    def parse_body(self, media: str, body: bytes) -> Any:
        """The body as a JSON value, or a form as a dict of strings (the last of repeated fields wins)."""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise invalid(
                Problem("body", (), "malformed", expected="UTF-8 text"), "request body is not UTF-8"
            ) from None
        if media == FORM_MEDIA:
            return dict(parse_qsl(text, keep_blank_values=True, strict_parsing=False))
        self._check_depth(body)
        try:
            value = json.loads(
                text, parse_constant=_reject_constant, parse_int=self._parse_int, parse_float=self._parse_float
            )
        except _TooLong as error:
            raise invalid(Problem("body", (), "limit", expected=str(error))) from None
        except (ValueError, RecursionError) as error:
            problem = Problem("body", (), "malformed", expected="well-formed JSON")
            raise invalid(problem, f"malformed JSON body: {str(error)[:120]}") from None
        self._check_strings(body, value)
        return value

    def _check_depth(self, body: bytes) -> None:
        if body.count(b"[") + body.count(b"{") <= self.limits.max_depth:
            return  # cannot be deeper than that
        depth = 0
        for bracket in _JSON_STRING.sub(b'""', body).translate(None, _BRACKETS):
            depth += 1 if bracket in b"[{" else -1
            if depth > self.limits.max_depth:
                limit = f"JSON nested deeper than {self.limits.max_depth} levels"
                raise invalid(Problem("body", (), "limit", expected=limit))

    def _parse_int(self, text: str) -> int:
        if len(text) > self.limits.max_number_chars:
            raise _TooLong(f"a number longer than {self.limits.max_number_chars} characters")
        return int(text)

    def _parse_float(self, text: str) -> float:
        if len(text) > self.limits.max_number_chars:
            raise _TooLong(f"a number longer than {self.limits.max_number_chars} characters")
        exponent = text.lower().partition("e")[2]
        if exponent and abs(int(exponent)) > self.limits.max_exponent:
            raise _TooLong(f"a number with an exponent beyond ±{self.limits.max_exponent}")
        return float(text)

    def _check_strings(self, body: bytes, value: Any) -> None:
        """Every string is Unicode text within the length limit (lone surrogate escapes are not text)."""
        long_possible = len(body) > self.limits.max_string_chars
        if not long_possible and _SURROGATE_ESCAPE.search(body) is None:
            return
        for text in _strings(value):
            if len(text) > self.limits.max_string_chars:
                limit = f"a string longer than {self.limits.max_string_chars} characters"
                raise invalid(Problem("body", (), "limit", expected=limit))
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                problem = Problem("body", (), "malformed", expected="Unicode text")
                raise invalid(problem, "request body holds a lone UTF-16 surrogate") from None

    # -- schema checks ------------------------------------------------------------------------
    def _check(
        self, location: str, field: tuple[str | int, ...], pointer: str, value: Any, sensitive: bool = False
    ) -> None:
        validator = self.spec.validator(pointer)
        if validator.is_valid(value):
            return
        error = next(iter(validator.iter_errors(value)))
        problem = schema_problem(location, field, error, sensitive, self.spec.condition(error.schema_path))
        raise invalid(problem, f"invalid {_where(location, field)}: {problem.describe()}")


class _TooLong(ValueError):
    pass


def _servers(spec: SpecDocument) -> Iterator[dict[str, Any]]:
    """The document's servers, then those of every path item and operation."""
    yield from spec.raw.get("servers") or []
    for item in (spec.raw.get("paths") or {}).values():
        yield from item.get("servers") or []
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield from operation.get("servers") or []


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _strings(value: Any) -> Iterator[str]:
    """Every string (keys included) in a parsed JSON value, without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _where(location: str, field: tuple[str | int, ...]) -> str:
    if location == "body":
        return "request body"
    return f"{location} parameter {field[0]}" if field else location


def schema_problem(
    location: str,
    field: tuple[str | int, ...],
    error: jsonschema_rs.ValidationError,
    sensitive: bool = False,
    condition: str | None = None,
) -> Problem:
    """A JSON-schema error as a Problem: the failing field, the keyword and the schema side of it, and the
    condition under which the schema applies that keyword (`when type is NORMAL`), if any."""
    keyword = error.kind.name
    detail = error.kind.as_dict()
    path = (*field, *error.instance_path)
    if keyword == "required":
        return Problem(location, (*path, detail["property"]), "required", condition=condition)
    if keyword == "additionalProperties":
        return Problem(location, (*path, detail["unexpected"][0]), "additionalProperties")
    if keyword == "propertyNames":  # the failing name is the inner error's instance
        return Problem(location, (*path, str(detail["error"].instance)), "propertyNames")
    expected = next((detail[key] for key in _EXPECTED_KEYS if key in detail), None)
    if isinstance(expected, list) and len(expected) == 1:
        expected = expected[0]
    hidden = sensitive or any(str(part).lower() in SENSITIVE for part in path)
    value = None if hidden else error.instance
    return Problem(location, path, keyword, expected=expected, value=value, condition=condition)
