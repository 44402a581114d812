"""MPChat's HMAC bearer scheme, for both sides of the wire.

`Authorization: Bearer {key_id}:{unix_ts}:{hex(HMAC-SHA256(secret, "{key_id}.{unix_ts}"))}`

`canonical_string` is the single definition of what gets signed; the client-side `MPChatAuth` and
the server-side `verify` both go through `sign`, and the tests check `sign` against a value
computed independently from the provider's formula.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Generator

import httpx

from ...credentials import AuthError, Credential

TOLERANCE_SECONDS = 300
"""The provider rejects timestamps more than five minutes away from its clock, in either direction."""

# The provider's documented 401 messages, verbatim.
MISSING_HEADER = "missing authorization header"
INVALID_FORMAT = "invalid authorization format"
KEY_NOT_FOUND = "api key not found"
KEY_INACTIVE = "api key is inactive"
INVALID_SIGNATURE = "invalid signature"
TIMESTAMP_TOO_OLD = "request timestamp too old"

_HEADER = re.compile(r"(?i:bearer) ([^:\s]{1,128}):([0-9]{1,12}):([0-9a-fA-F]{64})")


def canonical_string(key_id: str, timestamp: int) -> str:
    """The exact text MPChat signs: key id and Unix seconds joined by a dot."""
    return f"{key_id}.{timestamp}"


def sign(secret: str, key_id: str, timestamp: int) -> str:
    message = canonical_string(key_id, timestamp).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def authorization_header(key_id: str, secret: str, timestamp: int) -> str:
    return f"Bearer {key_id}:{timestamp}:{sign(secret, key_id, timestamp)}"


class MPChatAuth(httpx.Auth):
    """Signs every request with a fresh timestamp (the signature is only valid for ±5 minutes)."""

    def __init__(self, key_id: str, secret: str, clock: Callable[[], float] = time.time) -> None:
        self.key_id = key_id
        self._secret = secret
        self._clock = clock

    def __repr__(self) -> str:
        return f"MPChatAuth(key_id={self.key_id!r}, secret=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        timestamp = int(self._clock())
        request.headers["Authorization"] = authorization_header(self.key_id, self._secret, timestamp)
        yield request


def verify(header: str | None, lookup: Callable[[str], Credential | None], now: float) -> Credential:
    """Check an `Authorization` header the way MPChat does and return the key it proves.

    Raises `AuthError` carrying the documented message. The signature is compared in constant time,
    and checked before the timestamp so a forger learns nothing about the clock.
    """
    if not header:
        raise AuthError(MISSING_HEADER)
    match = _HEADER.fullmatch(header)
    if match is None:
        raise AuthError(INVALID_FORMAT)
    key_id, timestamp_text, signature = match.groups()
    key = lookup(key_id)
    if key is None:
        raise AuthError(KEY_NOT_FOUND)
    if not key.active:
        raise AuthError(KEY_INACTIVE)
    timestamp = int(timestamp_text)
    if not hmac.compare_digest(sign(key.secret, key_id, timestamp), signature.lower()):
        raise AuthError(INVALID_SIGNATURE)
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        raise AuthError(TIMESTAMP_TOO_OLD)
    return key


# -- webhooks -------------------------------------------------------------------------------
# The provider's signing section could not be read; this follows the `t=...,v1=...` header layout
# it shows (Stripe's convention): v1 = hex(HMAC-SHA256(webhook secret, "{t}.{raw body}")).


def webhook_signed_payload(timestamp: int, body: bytes) -> bytes:
    return f"{timestamp}.".encode() + body


def webhook_signature_header(secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), webhook_signed_payload(timestamp, body), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_webhook(
    header: str | None, body: bytes, secret: str, now: float, tolerance: int = TOLERANCE_SECONDS
) -> bool:
    """What a merchant's endpoint should do with `X-Merchant-Signature` (and what our tests do)."""
    fields = dict(part.split("=", 1) for part in (header or "").split(",") if "=" in part)
    timestamp, signature = fields.get("t", ""), fields.get("v1", "")
    if not timestamp.isdigit() or abs(now - int(timestamp)) > tolerance:
        return False
    expected = webhook_signature_header(secret, body, int(timestamp)).split("v1=", 1)[1]
    return hmac.compare_digest(expected, signature)
