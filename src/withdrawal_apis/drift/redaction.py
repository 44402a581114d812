"""Which values are secrets, read off the spec, and how they are kept out of every output.

Secret-bearing headers and query parameters are the ones the spec's security schemes name
(`Authorization` for HTTP and OAuth schemes, the `name` of an API-key scheme) and parameters marked
`x-secret: true`. Secret-bearing body fields are properties marked `x-secret: true`, `writeOnly` or
`format: password`, plus a few names that hold a credential in any API (`password`, `access_token`,
...), plus any field the spec does not describe whose name sounds like a credential (`token`,
`secret`, ... in it): a provider that renames its token field must not leak the token. A value found
under any of them is also remembered, so that it is scrubbed wherever else it turns up (a login
token echoed in a URL, a digest in an error message).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode

from ..money import dumps_exact, loads_exact
from ..spec import SpecDocument, unescape_pointer

REDACTED = "[redacted]"
ALWAYS_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
ALWAYS_FIELDS = frozenset(
    {"password", "passwd", "secret", "api_secret", "client_secret", "access_token", "refresh_token", "id_token"}
)
# In the name of a field the spec does not describe, these mark it as a credential.
MARKERS = ("token", "secret", "password", "passwd", "signature", "credential", "apikey", "api_key", "private")
MIN_LEARNED = 8  # shorter values are not scrubbed from free text (they would match innocent words)
REMEMBERED = 256  # the most recent secrets scrubbed from free text (a signed scheme makes one per request)


class SecretPolicy:
    def __init__(
        self, headers: Iterable[str], query: Iterable[str], fields: Iterable[str], documented: Iterable[str] = ()
    ) -> None:
        self.headers = frozenset(h.lower() for h in headers) | ALWAYS_HEADERS
        self.query = frozenset(query)
        self.fields = frozenset(f.lower() for f in fields) | ALWAYS_FIELDS
        self.documented = frozenset(d.lower() for d in documented) - self.fields
        self._learned: OrderedDict[str, None] = OrderedDict()
        self._ordered: list[str] | None = []

    @classmethod
    def from_spec(cls, spec: SpecDocument) -> SecretPolicy:
        headers: set[str] = set()
        query: set[str] = set()
        schemes = (spec.raw.get("components") or {}).get("securitySchemes") or {}
        for scheme in schemes.values():
            kind = scheme.get("type")
            if kind == "apiKey":
                {"header": headers, "query": query, "cookie": headers}[scheme.get("in", "header")].add(
                    "cookie" if scheme.get("in") == "cookie" else scheme["name"]
                )
            elif kind in ("http", "oauth2", "openIdConnect"):
                headers.add("authorization")
        fields: set[str] = set()
        documented: set[str] = set()
        for node, parent_key, name in _walk(spec.raw):
            if parent_key == "properties":
                documented.add(name)
                if _secret_schema(spec, node):
                    fields.add(name)
            if "in" in node and "name" in node and (node.get("x-secret") or _secret_schema(spec, node.get("schema"))):
                (query if node["in"] == "query" else headers).add(str(node["name"]))
        return cls(headers, query, fields, documented)

    # -- knowing ------------------------------------------------------------------------------
    def is_secret_field(self, name: str | int) -> bool:
        lowered = str(name).lower()
        if lowered in self.fields:
            return True
        return lowered not in self.documented and any(marker in lowered for marker in MARKERS)

    def is_secret_pointer(self, pointer: str) -> bool:
        """Whether a JSON pointer ends in (or passes through) a secret field."""
        return any(self.is_secret_field(unescape_pointer(token)) for token in pointer.split("/") if token)

    def learn(self, value: str) -> None:
        if len(value) < MIN_LEARNED or value == REDACTED:
            return
        if value in self._learned:
            self._learned.move_to_end(value)
            return
        self._learned[value] = None
        if len(self._learned) > REMEMBERED:
            self._learned.popitem(last=False)
        self._ordered = None

    def learn_header(self, name: str, value: str) -> None:
        """Remember a secret header's value and its parts (the token after `Bearer`, a Basic pair...)."""
        self.learn(value)
        scheme, _, credentials = value.partition(" ")
        if credentials:
            self.learn(credentials.strip())
            if scheme.lower() == "basic":
                try:
                    decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8", "replace")
                except (binascii.Error, ValueError):
                    decoded = ""
                for part in decoded.split(":", 1)[1:]:
                    self.learn(part)
        for part in value.replace(" ", ":").replace(".", ":").split(":"):
            if len(part) >= 16:  # a signature or key inside a composite value
                self.learn(part)

    # -- redacting ----------------------------------------------------------------------------
    def text(self, text: str) -> str:
        """`text` with every remembered secret replaced."""
        if self._ordered is None:  # a secret holding another is replaced whole
            self._ordered = sorted(self._learned, key=len, reverse=True)
        for secret in self._ordered:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def header_pairs(self, headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        redacted = []
        for name, value in headers:
            if name.lower() in self.headers:
                self.learn_header(name, value)
                scheme, space, _ = value.partition(" ")
                # The scheme stays (`Bearer [redacted]`): which scheme was used is no secret, and tools check it.
                redacted.append((name, f"{scheme} {REDACTED}" if space and scheme.isalpha() else REDACTED))
            else:
                redacted.append((name, value))
        return [(name, self.text(value)) for name, value in redacted]

    def query_string(self, query: str) -> str:
        """A query string with secret parameters redacted; the rest kept as sent."""
        if not query or not any(f"{name}=" in query for name in self.query):
            return self.text(query)
        pairs = parse_qsl(query, keep_blank_values=True)
        for name, value in pairs:
            if name in self.query:
                self.learn(value)
        return self.text(urlencode([(k, REDACTED if k in self.query else v) for k, v in pairs]))

    def value(self, value: Any) -> Any:
        """A parsed JSON value (or form) with every secret field's value replaced, learning them."""
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if self.is_secret_field(key) and item is not None:
                    if isinstance(item, str):
                        self.learn(item)
                    out[key] = REDACTED
                else:
                    out[key] = self.value(item)
            return out
        if isinstance(value, list):
            return [self.value(item) for item in value]
        return value

    def body(self, body: bytes, media: str | None) -> bytes:
        """A body with secret fields redacted (JSON and forms), everything remembered scrubbed."""
        if not body:
            return body
        if media == "application/x-www-form-urlencoded":
            text = body.decode("utf-8", "replace")
            pairs = parse_qsl(text, keep_blank_values=True)
            if any(self.is_secret_field(k) for k, _ in pairs):
                for key, item in pairs:
                    if self.is_secret_field(key):
                        self.learn(item)
                text = urlencode([(k, REDACTED if self.is_secret_field(k) else v) for k, v in pairs])
            return self.text(text).encode()
        if media is None or media == "application/json" or media.endswith("+json"):
            lowered = body.lower()
            if not any(f'"{name}"'.encode() in lowered for name in self.fields) and not any(
                marker.encode() in lowered for marker in MARKERS
            ):
                return self.text(body.decode("utf-8", "replace")).encode()
            try:
                parsed = loads_exact(body)
            except (ValueError, RecursionError):
                return self.text(body.decode("utf-8", "replace")).encode()
            if _holds_secret_field(parsed, self):
                return self.text(dumps_exact(self.value(parsed))).encode()
        return self.text(body.decode("utf-8", "replace")).encode()

    def learn_body(self, body: bytes, media: str | None) -> None:
        """Remember the secrets in a body without producing its redacted copy."""
        self.body(body, media)


def _holds_secret_field(value: Any, policy: SecretPolicy) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if any(policy.is_secret_field(key) for key in item):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _secret_schema(spec: SpecDocument, schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if "$ref" in schema:
        try:
            schema, _ = spec.resolve(schema, "")
        except ValueError:
            return False
    return bool(schema.get("x-secret") or schema.get("writeOnly") or schema.get("format") == "password")


def _walk(node: Any, parent_key: str = "") -> Iterator[tuple[dict[str, Any], str, str]]:
    """Every object in the document as (object, the key of its container, its own key)."""
    stack: list[tuple[Any, str, str]] = [(node, "", "")]
    while stack:
        item, container, key = stack.pop()
        if isinstance(item, dict):
            yield item, container, key
            stack.extend((child, key, str(name)) for name, child in item.items())
        elif isinstance(item, list):
            stack.extend((child, key, str(index)) for index, child in enumerate(item))


def scrub_json(policy: SecretPolicy, document: Any) -> str:
    """A JSON document as text, every remembered secret scrubbed (for reports)."""
    return policy.text(json.dumps(document, ensure_ascii=False, indent=2, default=str))
