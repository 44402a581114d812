"""SmartyPay's two partner-API authentication schemes, for both sides of the wire.

1. HTTP Basic: `Authorization: Basic base64(API_KEY:SECRET)`.
2. HMAC headers: `x-api-key`, `x-api-ts` (Unix seconds) and `x-api-sig`, the lowercase hex
   HMAC-SHA256 keyed with the secret of `{ts}{METHOD}{URI}{raw body}` without separators.

`string_to_sign` is the single definition of what gets signed. The client-side `SmartyPayHmacAuth`
(an `httpx.Auth` that reads the request body, so it signs the exact bytes httpx sends) and the
server-side `verify` both go through `signature`; the tests check it against the provider's own
published vector and against values computed independently of this module.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import time
from collections.abc import Callable, Generator, Mapping

import httpx

from ...credentials import AuthError, Credential

TOLERANCE_SECONDS = 300
"""Our emulator's replay window, either side of its clock (the provider does not document one)."""

MILLISECONDS_ABOVE = 10**11
"""A timestamp larger than this is read as milliseconds: the docs' examples are 13-digit values."""

KEY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER = "x-api-key", "x-api-sig", "x-api-ts"
HMAC_HEADERS = (KEY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER)

UNAUTHORIZED, FORBIDDEN = "Unauthorized", "Forbidden"

_TIMESTAMP = re.compile(r"[0-9]{1,13}")
_SIGNATURE = re.compile(r"[0-9a-fA-F]{64}")
_KEY = re.compile(r"[\x21-\x7e]{1,256}")


def string_to_sign(timestamp: str, method: str, uri: str, body: bytes = b"") -> bytes:
    """The exact bytes SmartyPay signs: timestamp as sent, upper-case method, URI, raw body."""
    return timestamp.encode() + method.upper().encode() + uri.encode() + body


def signature(secret: str, timestamp: str, method: str, uri: str, body: bytes = b"") -> str:
    message = string_to_sign(timestamp, method, uri, body)
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def hmac_headers(api_key: str, secret: str, timestamp: str, method: str, uri: str, body: bytes = b"") -> dict[str, str]:
    return {
        KEY_HEADER: api_key,
        SIGNATURE_HEADER: signature(secret, timestamp, method, uri, body),
        TIMESTAMP_HEADER: timestamp,
    }


def basic_header(api_key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{api_key}:{secret}".encode()).decode("ascii")


def request_uri(request: httpx.Request) -> str:
    """The request target as it goes on the wire: the encoded path plus `?query` when present."""
    return request.url.raw_path.decode("ascii")


class SmartyPayBasicAuth(httpx.Auth):
    """HTTP Basic with the API key and secret (the simpler of the two schemes)."""

    def __init__(self, api_key: str, secret: str) -> None:
        self.api_key = api_key
        self._header = basic_header(api_key, secret)

    def __repr__(self) -> str:
        return f"SmartyPayBasicAuth(api_key={self.api_key!r}, secret=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request


class SmartyPayHmacAuth(httpx.Auth):
    """Signs timestamp, method, URI and the body bytes of every request with a fresh timestamp."""

    requires_request_body = True  # httpx reads the body first, so `request.content` is what is sent

    def __init__(self, api_key: str, secret: str, clock: Callable[[], float] = time.time) -> None:
        self.api_key = api_key
        self._secret = secret
        self._clock = clock

    def __repr__(self) -> str:
        return f"SmartyPayHmacAuth(api_key={self.api_key!r}, secret=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        timestamp = str(int(self._clock()))
        headers = hmac_headers(
            self.api_key, self._secret, timestamp, request.method, request_uri(request), request.content
        )
        for name, value in headers.items():
            request.headers[name] = value
        if "Authorization" in request.headers and not request.headers["Authorization"].strip():
            del request.headers["Authorization"]  # the generated client's empty static-token slot
        yield request


def make_auth(api_key: str, secret: str, scheme: str = "hmac") -> httpx.Auth:
    """`scheme` is `"basic"` or `"hmac"`."""
    if scheme == "basic":
        return SmartyPayBasicAuth(api_key, secret)
    if scheme == "hmac":
        return SmartyPayHmacAuth(api_key, secret)
    raise ValueError(f"unknown SmartyPay auth scheme {scheme!r}; use 'basic' or 'hmac'")


# -- server side ----------------------------------------------------------------------------


def refused(status: int, message: str) -> AuthError:
    """A refusal with its HTTP status, the error `code` SmartyPay names after it, and a message safe to send back."""
    return AuthError(message, status=status, code=UNAUTHORIZED if status == 401 else FORBIDDEN)


def verify(
    headers: Mapping[str, str],
    method: str,
    uri: str,
    body: bytes,
    lookup: Callable[[str], Credential | None],
    now: float,
) -> Credential:
    """Check either scheme and return the key it proves; `headers` have lower-case names.

    The HMAC headers win when any of them is present. Missing, malformed or unknown credentials are
    401; a wrong secret, a bad signature, a stale timestamp or a disabled key are 403. Secrets and
    signatures are compared in constant time, and the signature before the timestamp.
    """
    if any(name in headers for name in HMAC_HEADERS):
        return _verify_hmac(headers, method, uri, body, lookup, now)
    authorization = headers.get("authorization")
    if authorization:
        return _verify_basic(authorization, lookup)
    raise refused(401, "Missing credentials: send HTTP Basic or the x-api-key, x-api-sig and x-api-ts headers")


def _known(lookup: Callable[[str], Credential | None], key_id: str) -> Credential:
    key = lookup(key_id)
    if key is None:
        raise refused(401, "Unknown API key")
    if not key.active:
        raise refused(403, "API key is disabled")
    return key


def _verify_basic(authorization: str, lookup: Callable[[str], Credential | None]) -> Credential:
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        raise refused(401, "Malformed Authorization header: expected Basic credentials")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise refused(401, "Malformed Authorization header: not base64 of API_KEY:SECRET") from None
    key_id, colon, secret = decoded.partition(":")
    if not colon or not key_id:
        raise refused(401, "Malformed Authorization header: not base64 of API_KEY:SECRET")
    key = _known(lookup, key_id)
    if not hmac.compare_digest(key.secret.encode(), secret.encode()):
        raise refused(403, "Invalid API secret")
    return key


def _verify_hmac(
    headers: Mapping[str, str],
    method: str,
    uri: str,
    body: bytes,
    lookup: Callable[[str], Credential | None],
    now: float,
) -> Credential:
    key_id, sig, timestamp = (headers.get(name, "") for name in HMAC_HEADERS)
    if not (key_id and sig and timestamp):
        raise refused(401, "x-api-key, x-api-sig and x-api-ts must be sent together")
    if not _KEY.fullmatch(key_id):
        raise refused(401, "Malformed x-api-key")
    if not _TIMESTAMP.fullmatch(timestamp):
        raise refused(401, "Malformed x-api-ts: expected Unix seconds")
    if not _SIGNATURE.fullmatch(sig):
        raise refused(401, "Malformed x-api-sig: expected 64 hex digits")
    key = _known(lookup, key_id)
    expected = signature(key.secret, timestamp, method, uri, body)
    if not hmac.compare_digest(expected, sig.lower()):
        raise refused(403, "Invalid signature")
    seconds = int(timestamp)
    if seconds > MILLISECONDS_ABOVE:
        seconds //= 1000
    if abs(now - seconds) > TOLERANCE_SECONDS:
        raise refused(403, "Request timestamp outside the allowed window")
    return key
