"""Is an answer one the spec allows for its operation? One check, shared by test mode and the drift tools.

`answer_deviations` lists every way a response leaves its operation's spec: an undocumented status, a
required header missing, a media type the operation does not answer with, a body where none is
documented (or none where one is), and every schema error of the body, each as a `Deviation` with the
rule it breaks, a JSON pointer, what the spec expected and what was seen. Test mode turns the first
few into a contract violation; `withdrawal_apis.drift` reports them all as findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema_rs

from ..money import loads_exact
from ..spec import SpecDocument, escape_pointer
from .http import Response
from .routing import Route, Router

# JSON-schema keywords, grouped into the rules a finding names.
_RULES = {
    "type": "type",
    "required": "required",
    "enum": "enum",
    "const": "enum",
    "additionalProperties": "closed-object",
    "unevaluatedProperties": "closed-object",
    "falseSchema": "closed-object",
    "format": "format",
    "pattern": "pattern",
    **dict.fromkeys(("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"), "range"),
    **dict.fromkeys(
        ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains"), "length"
    ),
}
_EXPECTED_KEYS = ("types", "pattern", "limit", "options", "expected_value", "format", "multiple_of")
UNPARSED: Any = object()  # `data` not given: the body is parsed here


def rule_of(keyword: str) -> str:
    """The rule a JSON-schema keyword (or one of the router's own, `missing`, `malformed`...) belongs to."""
    if keyword == "missing":
        return "required"
    if keyword in ("malformed", "content_type", "limit"):
        return {"content_type": "content-type"}.get(keyword, keyword)
    return _RULES.get(keyword, "schema")


@dataclass(frozen=True)
class Deviation:
    """One way an answer leaves its spec.

    `rule` is `status`, `header`, `content-type`, `body`, `malformed` or a schema rule (`rule_of`);
    `pointer` is a JSON pointer into the body (`""` for the whole body) or, for a header, its name;
    `schema` is the spec pointer of the schema that refused the value, where there is one.
    """

    rule: str
    pointer: str
    expected: Any = None
    seen: Any = None
    schema: str | None = None
    message: str = ""

    def describe(self) -> str:
        where = self.pointer or "body"
        return f"{where}: {self.message}" if self.message else f"{where}: {self.rule}"


def response_pointer(route: Route, status: int) -> str | None:
    """The spec pointer of the response object documented for `status` (exact, `4XX`, or `default`)."""
    code = str(status)
    return (
        route.response_pointers.get(code)
        or route.response_pointers.get(f"{code[0]}XX")
        or route.response_pointers.get("default")
    )


def media_type(headers: Mapping[str, str]) -> str | None:
    value = headers.get("content-type")
    return value.split(";", 1)[0].strip().lower() if value else None


def is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


def documented_media(content: Mapping[str, Any], seen: str | None) -> str | None:
    """The documented media type key that covers `seen` (wildcards included); with no header, the only JSON one."""
    if seen is None:
        json_keys = [key for key in content if is_json(key.lower())]
        return json_keys[0] if len(json_keys) == 1 else None
    for key in content:
        pattern = key.split(";", 1)[0].strip().lower()
        kind, _, sub = pattern.partition("/")
        seen_kind = seen.partition("/")[0]
        if pattern == seen or (kind in ("*", seen_kind) and sub == "*") or (pattern == "*/*"):
            return key
    return None


def answer_deviations(
    spec: SpecDocument,
    route: Route,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    data: Any = UNPARSED,
) -> list[Deviation]:
    """Every way the answer (`headers` lowercased) leaves the spec of `route`; empty when it conforms.

    `data` is the body already parsed, when the caller has it; otherwise JSON bodies are parsed with
    every number as an exact Decimal (money is never read as a float).
    """
    pointer = response_pointer(route, status)
    if pointer is None:
        documented = sorted(route.response_pointers)
        message = f"status {status} is not documented (documented: {', '.join(documented)})"
        return [Deviation("status", "", documented, status, route.operation.pointer + "/responses", message)]
    declared, pointer = spec.resolve(spec.at(pointer), pointer)
    found: list[Deviation] = []
    for name, header in (declared.get("headers") or {}).items():
        header, where = spec.resolve(header, f"{pointer}/headers/{escape_pointer(name)}")
        if header.get("required") and name.lower() not in headers and name.lower() != "content-type":
            found.append(Deviation("header", name, "present", None, where, f"required header {name} missing"))
    content = declared.get("content") or {}
    if not content:
        if body:
            found.append(
                Deviation("body", "", "no body", f"{len(body)} bytes", pointer, "a body where none is documented")
            )
        return found
    seen = media_type(headers)
    key = documented_media(content, seen)
    if key is None:
        expected = sorted(content)
        message = f"content type {seen or '(none)'} is not documented ({', '.join(expected)})"
        return [*found, Deviation("content-type", "", expected, seen, f"{pointer}/content", message)]
    if seen is None:  # no header, but the body can only be the one JSON type documented
        message = f"no content type (documented: {key})"
        found.append(Deviation("content-type", "", [key], None, f"{pointer}/content", message))
    if not is_json(key.split(";", 1)[0].strip().lower()):
        return found  # a documented non-JSON body: nothing more the spec can say about it
    if data is UNPARSED or (data is None and body):
        if not body:
            return [*found, Deviation("body", "", "a JSON body", "no body", pointer, "no body where one is documented")]
        try:
            data = loads_exact(body)
        except (ValueError, RecursionError):
            return [*found, Deviation("malformed", "", "JSON", None, pointer, "the body is not JSON")]
    return found + schema_deviations(spec, f"{pointer}/content/{escape_pointer(key)}/schema", data)


def schema_deviations(spec: SpecDocument, schema_pointer: str, value: Any) -> list[Deviation]:
    """Every schema error of `value`, a `oneOf`/`anyOf` failure replaced by the errors of its closest branch."""
    validator = spec.validator(schema_pointer)
    if validator.is_valid(value):
        return []
    return [_deviation(error) for error in _flatten(spec, validator.iter_errors(value))]


def _flatten(
    spec: SpecDocument, errors: Iterable[jsonschema_rs.ValidationError]
) -> Iterator[jsonschema_rs.ValidationError]:
    for error in errors:
        branch = _branch_errors(spec, error) if error.kind.name in ("anyOf", "oneOf") else None
        if branch is None:
            yield error
        else:
            yield from _flatten(spec, branch)


def _branch_errors(
    spec: SpecDocument, error: jsonschema_rs.ValidationError
) -> list[jsonschema_rs.ValidationError] | None:
    """The errors of the branch the value came closest to, or None when no branch is close.

    A branch whose only complaint is the value's type at the combinator itself is the wrong branch,
    not a near miss; when every branch is like that, the failure is about the type and stays whole.
    Among the others: the fewest errors, then the branch that describes the most of the value's
    fields, then the one whose errors lie deepest (it matched the most of the value).
    """
    context: list[list[jsonschema_rs.ValidationError]] = error.kind.as_dict().get("context") or []
    depth = len(error.instance_path)
    fields = set(error.instance) if isinstance(error.instance, dict) else set()

    def wrong_type(branch: list[jsonschema_rs.ValidationError]) -> bool:
        return any(e.kind.name == "type" and len(e.instance_path) == depth for e in branch)

    def described(branch: list[jsonschema_rs.ValidationError]) -> int:
        owners = {_owner(e) for e in branch if len(e.instance_path) == depth}
        return max((len(fields & set(_properties(spec, owner))) for owner in owners if owner), default=0)

    near = [branch for branch in context if branch and not wrong_type(branch)]
    if not near:
        return None
    return min(near, key=lambda b: (len(b), -described(b), -max(len(e.instance_path) for e in b)))


def _owner(error: jsonschema_rs.ValidationError) -> str | None:
    """The spec pointer of the schema whose keyword refused the value."""
    path = [str(part) for part in error.schema_path]
    return "/" + "/".join(escape_pointer(part) for part in path[:-1]) if path else None


def _properties(spec: SpecDocument, pointer: str) -> list[str]:
    try:
        node = spec.at(pointer)
    except (KeyError, IndexError, ValueError):
        return []
    return list(node.get("properties") or {}) if isinstance(node, dict) else []


def _deviation(error: jsonschema_rs.ValidationError) -> Deviation:
    keyword = error.kind.name
    detail = error.kind.as_dict()
    path = [str(part) for part in error.instance_path]
    schema = _owner(error)
    seen: Any = error.instance
    if keyword == "required":
        path.append(str(detail["property"]))
        seen = None
    elif keyword in ("additionalProperties", "unevaluatedProperties") and detail.get("unexpected"):
        path.append(str(detail["unexpected"][0]))
        seen = json_type(error.instance.get(detail["unexpected"][0]) if isinstance(error.instance, dict) else None)
    elif keyword in ("anyOf", "oneOf"):
        seen = json_type(error.instance)
    expected = next((detail[key] for key in _EXPECTED_KEYS if key in detail), None)
    if isinstance(expected, list) and len(expected) == 1:
        expected = expected[0]
    rule = rule_of(keyword)
    if keyword in ("anyOf", "oneOf"):
        expected = _branch_types(error)
        if expected and not (seen in expected or (seen == "number" and "integer" in expected)):
            rule = "type"  # no branch takes a value of this type at all
    pointer = "/" + "/".join(escape_pointer(part) for part in path) if path else ""
    return Deviation(rule, pointer, expected, seen, schema, error.message[:300])


def _branch_types(error: jsonschema_rs.ValidationError) -> list[str]:
    types: list[str] = []
    for branch in error.kind.as_dict().get("context") or []:
        for e in branch:
            if e.kind.name == "type":
                found = e.kind.as_dict().get("types") or []
                types += [t for t in found if t not in types]
    return types


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return "number"


class Contract:
    """Checks answers against the spec their router was built from, and remembers every violation."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.violations: list[str] = []

    def problem(self, route: Route, response: Response) -> str | None:
        """None when the spec allows `response` for `route`; otherwise what is wrong with it."""
        data = response.data if response.data is not None else UNPARSED
        found = answer_deviations(self.router.spec, route, response.status, response.headers, response.body, data)
        return "; ".join(deviation.describe() for deviation in found[:3]) or None

    def rule_problem(self, route: Route, response: Response, header: str) -> str | None:
        """A refusal naming a business rule must name one the operation lists, answered as listed."""
        rule_id = response.headers.get(header)
        if rule_id is None:
            return None
        rule = route.operation.business_rule(rule_id)
        if rule is None:
            return f"the refusal names business rule {rule_id!r}, which x-business-rules does not list"
        if rule.status != response.status:
            return f"business rule {rule_id!r} is listed with status {rule.status}, answered {response.status}"
        return None


__all__ = [
    "UNPARSED",
    "Contract",
    "Deviation",
    "answer_deviations",
    "documented_media",
    "json_type",
    "media_type",
    "response_pointer",
    "rule_of",
    "schema_deviations",
]
