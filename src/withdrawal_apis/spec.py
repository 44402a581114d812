"""One way to read an OpenAPI document and to validate values against any schema inside it.

The spec-rule tests, the sandbox engine and the publishing scripts all go through `SpecDocument`,
so "what the spec says" is computed once, by one set of code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema_rs
import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BUSINESS_RULES = "x-business-rules"
RULE_HEADER = "x-sandbox-rule"  # an emulator's refusal names the `x-business-rules` entry it enforces here
_BASE_URI = "urn:withdrawal-apis:spec"


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps ISO dates and times as the strings they are on the wire."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 floats that YAML 1.1 reads as strings: an exponent without a point (`1e-18`, as Redocly writes
# a small `multipleOf`), or with an unsigned exponent (`1.0e5`).
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True)
class Operation:
    """One operation of `paths` (or of `webhooks`, where `path` is the webhook name)."""

    path: str
    method: str
    pointer: str
    raw: dict[str, Any]
    is_webhook: bool

    @property
    def operation_id(self) -> str | None:
        value = self.raw.get("operationId")
        return value if isinstance(value, str) else None

    @cached_property
    def business_rules(self) -> tuple[BusinessRule, ...]:
        """The rules no schema states that the operation lists under `x-business-rules`, in order (read once)."""
        entries = self.raw.get(BUSINESS_RULES) or []
        where = f"{self.pointer}/{BUSINESS_RULES}"
        return tuple(BusinessRule.read(entry, f"{where}/{n}") for n, entry in enumerate(entries))

    @cached_property
    def _rules_by_id(self) -> dict[str, BusinessRule]:
        return {rule.id: rule for rule in self.business_rules}

    def business_rule(self, rule_id: str) -> BusinessRule | None:
        return self._rules_by_id.get(rule_id)


@dataclass(frozen=True)
class BusinessRule:
    """One entry of an operation's `x-business-rules`: a rule JSON Schema cannot state, and its answer.

    x-business-rules:
      - id: trusted-address                 # unique within the operation
        rule: target_address is on the account's trusted-address list.
        error:
          status: 403                       # one of the operation's documented responses
          body: {code: 10403, message: Permission denied}   # the provider's error body
    """

    id: str
    rule: str
    status: int
    body: Any
    pointer: str

    @classmethod
    def read(cls, entry: Any, pointer: str) -> BusinessRule:
        if not isinstance(entry, dict):
            raise ValueError(f"{pointer}: a business rule is a mapping")
        found = entry.get("error")
        error: dict[str, Any] = found if isinstance(found, dict) else {}
        status = error.get("status")
        return cls(
            id=str(entry.get("id") or ""),
            rule=" ".join(str(entry.get("rule") or "").split()),
            status=int(status) if isinstance(status, int) and not isinstance(status, bool) else 0,
            body=error.get("body"),
            pointer=pointer,
        )


class SpecDocument:
    """A parsed OpenAPI 3.1 document with `$ref` resolution and compiled schema validators."""

    def __init__(self, path: Path, raw: dict[str, Any] | None = None) -> None:
        """The document at `path`, or `raw` when given (a document built from the one at `path`)."""
        self.path = path
        self.raw: dict[str, Any] = load_yaml(path) if raw is None else raw
        self._registry = jsonschema_rs.Registry([(_BASE_URI, self.raw)])
        self._validators: dict[str, jsonschema_rs.Validator] = {}

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        found: list[Operation] = []
        for section, is_webhook in (("paths", False), ("webhooks", True)):
            for path, item in (self.raw.get(section) or {}).items():
                for method in HTTP_METHODS:
                    if method in item:
                        pointer = f"/{section}/{escape_pointer(path)}/{method}"
                        found.append(Operation(path, method, pointer, item[method], is_webhook))
        return tuple(found)

    def at(self, pointer: str) -> Any:
        node: Any = self.raw
        for token in filter(None, pointer.split("/")):
            key = unescape_pointer(token)
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local `$ref`s (parameters, responses, examples...) to the object and its pointer."""
        seen = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#") or ref in seen:
                raise ValueError(f"unsupported or circular $ref {ref!r} at {pointer}")
            seen.add(ref)
            pointer = ref[1:]
            node = self.at(pointer)
        return node, pointer

    def validator(self, schema_pointer: str) -> jsonschema_rs.Validator:
        """A compiled validator for the schema at `schema_pointer` (cached; `$ref`s resolve in-document)."""
        validator = self._validators.get(schema_pointer)
        if validator is None:
            validator = jsonschema_rs.Draft202012Validator(
                {"$ref": f"{_BASE_URI}#{quote(schema_pointer, safe='/~')}"},
                registry=self._registry,
                validate_formats=True,
            )
            self._validators[schema_pointer] = validator
        return validator

    def condition(self, schema_path: Sequence[str | int]) -> str | None:
        """Under which condition the keyword at `schema_path` applies, in words (`when type is NORMAL`).

        `schema_path` is a validation error's keyword location in this document (jsonschema_rs gives it
        from the document root, through any `$ref`). The innermost `then` (or `else`) on it is described
        by its sibling `if`, when that `if` only pins properties to values. None for a keyword that
        applies unconditionally, or a condition too involved to say in a few words.
        """
        node: Any = self.raw
        found: str | None = None
        for step in schema_path:
            if step in ("then", "else") and isinstance(node, dict):
                found = _describe_if(node.get("if"), negate=step == "else")
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return found

    def errors(self, schema_pointer: str, value: Any) -> list[str]:
        """Human-readable validation errors of `value` against the schema at `schema_pointer`."""
        return [
            f"{'/'.join(map(str, error.instance_path)) or '<root>'}: {error.message}"
            for error in self.validator(schema_pointer).iter_errors(value)
        ]

    def iter_examples(self) -> Iterator[tuple[str, str, Any]]:
        """Every example in the document as (where, schema pointer, value).

        Covers media types, parameters and headers (`example` and `examples[*].value`, following
        `$ref`) and schema-level `example`/`examples` anywhere in a schema tree.
        """
        yield from self._walk_objects(self.raw, "")

    def _walk_objects(self, node: Any, pointer: str) -> Iterator[tuple[str, str, Any]]:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from self._walk_objects(item, f"{pointer}/{index}")
            return
        if not isinstance(node, dict):
            return
        if "schema" in node and isinstance(node["schema"], dict):
            schema_pointer = f"{pointer}/schema"
            if "example" in node:
                yield f"{pointer}/example", schema_pointer, node["example"]
            for name, example in (node.get("examples") or {}).items():
                resolved, where = self.resolve(example, f"{pointer}/examples/{escape_pointer(name)}")
                if isinstance(resolved, dict) and "value" in resolved:
                    yield f"{where}/value", schema_pointer, resolved["value"]
            yield from self._walk_schema(node["schema"], schema_pointer)
        for key, child in node.items():
            if key in ("schema", "example", "examples"):
                continue
            if key == "schemas" and pointer == "/components":
                for name, schema in child.items():
                    yield from self._walk_schema(schema, f"/components/schemas/{escape_pointer(name)}")
                continue
            yield from self._walk_objects(child, f"{pointer}/{escape_pointer(key)}")

    def _walk_schema(self, schema: Any, pointer: str) -> Iterator[tuple[str, str, Any]]:
        if not isinstance(schema, dict):
            return
        if "example" in schema:
            yield f"{pointer}/example", pointer, schema["example"]
        for index, example in enumerate(schema.get("examples") or []):
            yield f"{pointer}/examples/{index}", pointer, example
        for key in ("items", "additionalProperties", "not", "if", "then", "else", "contains"):
            if isinstance(schema.get(key), dict):
                yield from self._walk_schema(schema[key], f"{pointer}/{key}")
        for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
            for index, child in enumerate(schema.get(key) or []):
                yield from self._walk_schema(child, f"{pointer}/{key}/{index}")
        for key in ("properties", "patternProperties", "$defs"):
            for name, child in (schema.get(key) or {}).items():
                yield from self._walk_schema(child, f"{pointer}/{key}/{escape_pointer(name)}")


def _describe_if(schema: Any, negate: bool) -> str | None:
    """`when type is NORMAL`, `unless token is usdt`: an `if` that pins properties to values, in words."""
    if not isinstance(schema, dict) or set(schema) - {"properties", "required"} or not schema.get("properties"):
        return None
    parts = []
    for name, value in schema["properties"].items():
        if not isinstance(value, dict):
            return None
        if set(value) == {"const"}:
            parts.append(f"{name} is {value['const']}")
        elif set(value) == {"enum"} and isinstance(value["enum"], list):
            parts.append(f"{name} is one of {', '.join(map(str, value['enum']))}")
        else:
            return None
    return ("unless " if negate else "when ") + " and ".join(parts)


@cache
def spec_document(path: Path) -> SpecDocument:
    """A spec read once per process: every emulator, profile and check of a provider shares its parsed
    document and compiled validators."""
    return SpecDocument(path)
