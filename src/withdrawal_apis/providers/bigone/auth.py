"""BigONE's per-request HS256 JWT, for both sides of the wire.

`Authorization: Bearer {JWT}`; the JWT is HS256-signed with the API secret used as-is, and its claims
are `type: "OpenAPIV2"`, `sub` (the API key), `nonce` (Unix time in nanoseconds, a decimal string) and
optionally `recv_window` (seconds, a decimal string, default 30). The server refuses a nonce whose
distance to its clock is not below `recv_window` seconds. Method, path and body are not signed.

`Claims` is the single definition of that claim set: the client-side `BigONEAuth` builds its tokens
with `Claims.to_jwt()` and the server-side `verify` reads them back with `Claims.from_jwt()`. Encoding
and signature checking go through `withdrawal_apis.hs256` (PyJWT, HS256 allow-listed); the server reads
each token once and checks only its signature against the key the claims name.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from ... import hs256
from ...credentials import AuthError, Credential

CLAIM_TYPE = "OpenAPIV2"  # the `type` claim of every token
DEFAULT_RECV_WINDOW = 30
NANOS = 1_000_000_000

_DIGITS = re.compile(r"[0-9]{1,20}")
_HEADER = re.compile(r"Bearer ([A-Za-z0-9_\-.=]+)")
# What a refused token's `hs256.TokenProblem.reason` means, as the 40106 message says it.
_REASONS = {
    "malformed": "not a JWT",
    "algorithm": f"only {hs256.ALGORITHM} is accepted",
    "signature": "signature does not verify",
}

# BigONE's documented authentication errors: (HTTP status, code, message).
UNAUTHORIZED = (401, 40004, "Unauthorized")
INVALID_TOKEN = (401, 40106, "Invalid token")
UNEXPECTED_HEADER = (400, 40107, "Unexpected request header")


def refused(failure: tuple[int, int, str], reason: str = "") -> AuthError:
    """One of the documented failures above, with a reason for humans (the sandbox appends it to the message)."""
    status, code, message = failure
    return AuthError(message, status=status, code=code, reason=reason)


@dataclass(frozen=True)
class Claims:
    """The OpenAPIV2 claim set, in both directions."""

    sub: str
    nonce: int  # nanoseconds since the Unix epoch
    recv_window: int | None = None  # seconds; None leaves the claim out (the server assumes 30)

    def to_jwt(self) -> dict[str, str]:
        """The payload a client signs: every value a string, as the provider's table types them."""
        claims = {"type": CLAIM_TYPE, "sub": self.sub, "nonce": str(self.nonce)}
        if self.recv_window is not None:
            claims["recv_window"] = str(self.recv_window)
        return claims

    @classmethod
    def from_jwt(cls, claims: Mapping[str, Any]) -> Claims:
        """Read a verified payload back; `AuthError` (40106) for a wrong `type` or an unreadable claim.

        The provider's own newest example token carries `nonce` as a JSON number, so a number is
        accepted where the table says string (for `recv_window` too).
        """
        if claims.get("type") != CLAIM_TYPE:
            raise refused(INVALID_TOKEN, f"type must be {CLAIM_TYPE}")
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise refused(INVALID_TOKEN, "sub must be the API key")
        nonce = _whole_number(claims.get("nonce"))
        if nonce is None:
            raise refused(INVALID_TOKEN, "nonce must be nanoseconds as a decimal string")
        recv_window: int | None = None
        if "recv_window" in claims:
            recv_window = _whole_number(claims["recv_window"])
            if recv_window is None or recv_window <= 0:
                raise refused(INVALID_TOKEN, "recv_window must be a positive number of seconds")
        return cls(sub, nonce, recv_window)

    @property
    def window(self) -> int:
        return DEFAULT_RECV_WINDOW if self.recv_window is None else self.recv_window


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    return None


def token(api_key: str, secret: str, nonce: int, recv_window: int | None = None) -> str:
    return hs256.encode(Claims(api_key, nonce, recv_window).to_jwt(), secret)


def authorization_header(api_key: str, secret: str, nonce: int, recv_window: int | None = None) -> str:
    return f"Bearer {token(api_key, secret, nonce, recv_window)}"


class BigONEAuth(httpx.Auth):
    """Signs every request with a fresh token whose nonce is the current time in nanoseconds."""

    def __init__(
        self,
        api_key: str,
        secret: str,
        recv_window: int | None = None,
        clock_ns: Callable[[], int] = time.time_ns,
    ) -> None:
        self.api_key = api_key
        self._secret = secret
        self.recv_window = recv_window
        self._clock_ns = clock_ns

    def __repr__(self) -> str:
        return f"BigONEAuth(api_key={self.api_key!r}, secret=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        header = authorization_header(self.api_key, self._secret, self._clock_ns(), self.recv_window)
        request.headers["Authorization"] = header
        yield request


def verify(header: str | None, lookup: Callable[[str], Credential | None], now_ns: int) -> Credential:
    """Check an `Authorization` header the way BigONE does and return the key it proves.

    Order: header shape (40107), token shape and algorithm (40106), key (40004), signature (40106),
    claims (40106), then the nonce window (40106). The signature is checked before the claims and the
    clock, so a forger learns nothing but "Invalid token".
    """
    if not header:
        raise refused(UNAUTHORIZED, "missing Authorization header")
    match = _HEADER.fullmatch(header.strip())
    if match is None:
        raise refused(UNEXPECTED_HEADER, "expected `Authorization: Bearer {token}`")
    try:
        parsed = hs256.read(match.group(1))  # decoded once: the claims name the key, the key checks the signature
    except hs256.TokenProblem:
        raise refused(INVALID_TOKEN, "not a JWT") from None
    if parsed.header.get("alg") != hs256.ALGORITHM:
        raise refused(INVALID_TOKEN, f"algorithm {parsed.header.get('alg')!r} is not accepted")
    sub = parsed.claims.get("sub")
    key = lookup(sub) if isinstance(sub, str) and sub else None
    if key is None or not key.active:
        raise refused(UNAUTHORIZED, "unknown or disabled API key")
    try:
        verified = hs256.check(parsed, key.secret)
    except hs256.TokenProblem as problem:
        raise refused(INVALID_TOKEN, _REASONS[problem.reason]) from None
    claims = Claims.from_jwt(verified)
    if abs(now_ns - claims.nonce) >= claims.window * NANOS:
        raise refused(INVALID_TOKEN, "nonce is outside recv_window")
    return key
