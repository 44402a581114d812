"""The few HTTP primitives the engine needs on top of raw ASGI: a parsed request and a response."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any
from urllib.parse import parse_qsl

from ..money import dumps_exact, loads_exact

JSON = "application/json"


class _HasDecimal(TypeError):
    pass


def _no_decimal(value: object) -> Any:
    # Only a Decimal may reach here; the fast path hands it over to the exact encoder.
    if isinstance(value, Decimal):
        raise _HasDecimal
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class ApiError(Exception):
    """A failure to report to the client; each provider renders it in its own documented shape.

    `message` is the human text, `code` a provider error code where the provider has them, and
    `details` any extra fields that provider's error body carries.
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: int | str | None = None,
        headers: dict[str, str] | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}
        self.details = details or {}


class ConnectionDropped(Exception):
    """Raised by the app after starting a response, so the server closes the connection mid-answer."""


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

    def json_exact(self) -> Any:
        """The body parsed with every JSON number as an exact `Decimal` (for providers that send numbers)."""
        return loads_exact(self.body)


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # The JSON value behind `body`, kept so test mode can validate it without re-parsing.
    data: Any = None

    @classmethod
    def json(cls, status: int, data: Any, headers: dict[str, str] | None = None) -> Response:
        """A JSON response; `Decimal` values go on the wire as their exact number text."""
        try:
            text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=_no_decimal)
        except _HasDecimal:
            text = dumps_exact(data)
            data = json.loads(text)  # what a client parses; only test-mode validation reads it
        return cls(status, text.encode(), {"content-type": JSON, **(headers or {})}, data)

    @classmethod
    def empty(cls, status: int = 204) -> Response:
        return cls(status)
