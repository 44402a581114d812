"""Toy Pay's signature, for both sides of the wire: `X-Toy-Signature` = hex HMAC-SHA256(secret, "{key}.{ts}")."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Generator, Mapping

import httpx

from withdrawal_apis.credentials import AuthError, Credential

TOLERANCE_SECONDS = 300


def sign(secret: str, key_id: str, timestamp: int) -> str:
    """The one definition of what is signed, used by the client and the emulator alike."""
    return hmac.new(secret.encode(), f"{key_id}.{timestamp}".encode(), hashlib.sha256).hexdigest()


class ToyAuth(httpx.Auth):
    def __init__(self, key_id: str, secret: str, clock: Callable[[], float] = time.time) -> None:
        self.key_id, self._secret, self._clock = key_id, secret, clock

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        timestamp = int(self._clock())
        request.headers["X-Toy-Key"] = self.key_id
        request.headers["X-Toy-Timestamp"] = str(timestamp)
        request.headers["X-Toy-Signature"] = sign(self._secret, self.key_id, timestamp)
        yield request


def verify(headers: Mapping[str, str], lookup: Callable[[str], Credential | None], now: float) -> Credential:
    key_id, timestamp, signature = (headers.get(f"x-toy-{name}", "") for name in ("key", "timestamp", "signature"))
    if not (key_id and timestamp.isdigit() and signature):
        raise AuthError("missing or malformed credentials")
    key = lookup(key_id)
    if key is None or not key.active:
        raise AuthError("unknown key")
    if not hmac.compare_digest(sign(key.secret, key_id, int(timestamp)), signature.lower()):
        raise AuthError("invalid signature")
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        raise AuthError("stale timestamp")
    return key
