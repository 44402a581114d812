"""Routes and request validation compiled once from an OpenAPI document.

Nothing here knows a provider: paths, parameters, their types and the body schema all come from
the spec, and every failure is raised as `ApiError` for the provider to render in its own shape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from ..spec import Operation, SpecDocument, escape_pointer
from .http import ApiError, Request

_INTEGER = re.compile(r"-?[0-9]{1,4000}")  # any size the schema allows; Python ints are unbounded
JSON_MEDIA = "application/json"
FORM_MEDIA = "application/x-www-form-urlencoded"
_SENSITIVE = frozenset({"password", "secret", "token", "api_key", "apikey", "pin"})
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path | query | header
    required: bool
    schema_pointer: str
    kind: str  # the schema's primitive type, used to read the string off the wire


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


class Router:
    """Matches method + path to a `Route`; validates a request against it."""

    def __init__(self, spec: SpecDocument) -> None:
        self.spec = spec
        self.routes = tuple(self._compile(op) for op in spec.operations if not op.is_webhook)
        # One entry per path, concrete paths before templated ones (OpenAPI's matching rule): a URL
        # that fits a concrete path belongs to it, whatever the method, and never to a template.
        by_path: dict[str, list[Route]] = {}
        for route in self.routes:
            by_path.setdefault(route.operation.path, []).append(route)
        self._paths = sorted(by_path.values(), key=lambda group: group[0].operation.path.count("{"))
        for route in self.routes:
            for parameter in route.parameters:
                spec.validator(parameter.schema_pointer)
            if route.body_pointer:
                spec.validator(route.body_pointer)

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

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """The route for `method path`; ApiError 404 for an unknown path, 405 (with Allow) for a wrong method."""
        for group in self._paths:
            found = group[0].pattern.match(path)
            if found is None:
                continue
            for route in group:
                if route.operation.method == method.lower():
                    return route, found.groupdict()
            allowed = ", ".join(sorted(route.operation.method.upper() for route in group))
            raise ApiError(405, "method not allowed", headers={"allow": allowed})
        raise ApiError(404, "not found")

    def validate(self, route: Route, request: Request) -> None:
        """Type and check every parameter and the JSON body; fills `request.params` and `request.json`."""
        for parameter in route.parameters:
            raw = self._raw_value(parameter, request)
            if raw is None:
                if parameter.required:
                    raise ApiError(400, f"missing required {parameter.location} parameter: {parameter.name}")
                default = self.spec.at(parameter.schema_pointer).get("default")
                if default is not None:
                    request.params[parameter.name] = default
                continue
            if parameter.location == "path" and not self._path_value_ok(parameter, raw):
                # A path segment the schema rules out names no resource: not found, as a real router says.
                raise ApiError(404, "not found")
            value = self._typed(parameter, raw)
            self._check(parameter.schema_pointer, value, f"invalid {parameter.location} parameter {parameter.name}")
            request.params[parameter.name] = value
        if route.body_pointer is None:
            return
        if not request.body.strip():
            if route.body_required:
                raise ApiError(400, "request body is required")
            return
        if request.content_type != route.body_media:
            raise ApiError(400, f"content type must be {route.body_media}")
        request.json = self._parse_body(route.body_media, request.body)
        self._check(route.body_pointer, request.json, "invalid request body")

    @staticmethod
    def _parse_body(media: str, body: bytes) -> Any:
        """The body as a JSON value, or a form as a dict of strings (the last of repeated fields wins)."""
        try:
            if media == FORM_MEDIA:
                return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False))
            return json.loads(body, parse_constant=_reject_constant)
        except UnicodeDecodeError:
            raise ApiError(400, "request body is not UTF-8") from None
        except (ValueError, RecursionError) as error:
            raise ApiError(400, f"malformed JSON body: {error}") from None

    def _path_value_ok(self, parameter: Parameter, raw: str) -> bool:
        try:
            value = self._typed(parameter, raw)
        except ApiError:
            return False
        return bool(self.spec.validator(parameter.schema_pointer).is_valid(value))

    def _raw_value(self, parameter: Parameter, request: Request) -> str | None:
        if parameter.location == "path":
            return request.path_params.get(parameter.name)
        if parameter.location == "header":
            return request.headers.get(parameter.name)
        values = request.query.get(parameter.name)
        return values[-1] if values else None

    def _typed(self, parameter: Parameter, raw: str) -> Any:
        """Read a wire string as the schema's type; a value that cannot be read is a 400."""
        if parameter.kind == "integer":
            if not _INTEGER.fullmatch(raw):
                raise ApiError(400, f"invalid {parameter.location} parameter {parameter.name}: not an integer")
            return int(raw)
        if parameter.kind == "number":
            if not _NUMBER.fullmatch(raw):
                raise ApiError(400, f"invalid {parameter.location} parameter {parameter.name}: not a number")
            return float(raw) if any(c in raw for c in ".eE") else int(raw)
        if parameter.kind == "boolean":
            if raw not in ("true", "false"):
                raise ApiError(400, f"invalid {parameter.location} parameter {parameter.name}: not a boolean")
            return raw == "true"
        return raw

    def _check(self, pointer: str, value: Any, prefix: str) -> None:
        validator = self.spec.validator(pointer)
        if validator.is_valid(value):
            return
        first = next(iter(validator.iter_errors(value)))
        where = "/".join(map(str, first.instance_path))
        # Schema messages quote the offending value; never echo a credential, and keep it short.
        problem = first.message
        if any(str(part).lower() in _SENSITIVE for part in first.instance_path) or prefix.endswith(tuple(_SENSITIVE)):
            problem = problem.replace(json.dumps(first.instance, ensure_ascii=False), '"***"')
        if len(problem) > 200:
            problem = problem[:200] + "..."
        raise ApiError(400, f"{prefix}{' at ' + where if where else ''}: {problem}")


def allowed_statuses(route: Route) -> Iterable[str]:
    return route.response_pointers.keys()
