"""kamiPay's login-then-bearer scheme, for both sides of the wire.

Client side: `KamipayAuth` logs in with the user name and password (`POST /auth/token`, a URL-encoded
form), caches the JWT it gets back, and reads the token's lifetime from its `exp` claim, because the
login answer carries none. The caching, the refresh shortly before `exp`, the single retry after a
401 and the thread-safety come from `TokenLoginAuth`.

Server side: `verify` has the emulator's token issuer check an `Authorization` header against the
user table and says which of kamiPay's two documented 401 bodies applies. Both sides read the same
constants below, and every JWT goes through `withdrawal_apis.hs256`.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from typing import Protocol

import httpx

from ... import hs256
from ...core.token_auth import LoginFailed, TokenLoginAuth
from ...credentials import AuthError, Credential

LOGIN_PATH = "/auth/token"
DEFAULT_LIFETIME = 3600.0
"""Used when a token carries no readable `exp`: one hour, the shortest lifetime kamiPay configures."""

# kamiPay's documented 401 bodies.
INCORRECT_CREDENTIALS = "Incorrect Credentials"  # the application's {"detail": ...}
GATEWAY_UNAUTHORIZED = "Unauthorized"  # the gateway's {"message": ..., "request_id": ...}
GATEWAY = "gateway"  # AuthError.shape (and ApiError.shape) of the gateway's body

__all__ = [
    "DEFAULT_LIFETIME",
    "GATEWAY",
    "GATEWAY_UNAUTHORIZED",
    "INCORRECT_CREDENTIALS",
    "LOGIN_PATH",
    "AuthError",
    "KamipayAuth",
    "LoginFailed",
    "check_password",
    "verify",
]


class KamipayAuth(TokenLoginAuth):
    """Logs in on first use and whenever the token is about to expire; see `TokenLoginAuth`.

    `login_url` is the full URL of `/auth/token`; the `client()` factory sets it from its base URL so
    that a base URL with a path prefix works. Without it, the login goes to `/auth/token` on the host
    of the request that needs the token.
    """

    def __init__(
        self,
        username: str,
        password: str,
        *,
        login_url: str | None = None,
        refresh_margin: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, clock=clock)
        self.username = username
        self._password = password
        self.login_url = login_url

    def __repr__(self) -> str:
        return f"KamipayAuth(username={self.username!r}, password=***, token={'set' if self._token else 'unset'})"

    def login_request(self, base: httpx.Request) -> httpx.Request:
        url = httpx.URL(self.login_url) if self.login_url else base.url.copy_with(path=LOGIN_PATH, query=None)
        return httpx.Request(
            "POST",
            url,
            data={"username": self.username, "password": self._password},
            headers={"Accept": "application/json"},
        )

    def parse_login(self, response: httpx.Response) -> tuple[str, float]:
        try:
            body = response.json()
            token = body["access_token"]
        except (ValueError, KeyError, TypeError):
            raise LoginFailed(response) from None
        if not isinstance(token, str) or not token:
            raise LoginFailed(response)
        return token, token_expiry(token, self._clock())


def token_expiry(token: str, now: float) -> float:
    """The token's `exp` (Unix seconds), read without the key; one hour from `now` if it has none."""
    try:
        expires = hs256.unverified_claims(token).get("exp")
    except hs256.TokenProblem:
        return now + DEFAULT_LIFETIME
    if isinstance(expires, (int, float)) and not isinstance(expires, bool):
        return float(expires)
    return now + DEFAULT_LIFETIME


# -- server side ------------------------------------------------------------------------------


def check_password(user: Credential | None, password: str) -> bool:
    """Constant-time comparison; an unknown or deactivated user fails like a wrong password."""
    if user is None or not user.active:
        hmac.compare_digest(password.encode(), b"\0" * 32)
        return False
    return hmac.compare_digest(password.encode(), user.secret.encode())


class TokenHolders(Protocol):
    """What `verify` needs of the emulator's token issuer: the user a bearer header proves, else TokenProblem."""

    def holder(
        self, authorization: str | None, now: float, lookup: Callable[[str], Credential | None] | None = None
    ) -> Credential: ...


def verify(
    header: str | None, issuer: TokenHolders, lookup: Callable[[str], Credential | None], now: float
) -> Credential:
    """The user a bearer header proves, or AuthError with the documented body.

    No header, another scheme, or `Bearer` with nothing after it: the gateway's
    `{"message": "Unauthorized"}` (shape `GATEWAY`). Everything the token itself gets wrong (malformed,
    algorithm, signature, claims, expired) and a user removed or deactivated since the login: the
    application's `{"detail": "Incorrect Credentials"}`. The reason is not disclosed in the body.
    """
    try:
        return issuer.holder(header, now, lookup)
    except hs256.TokenProblem as problem:
        if problem.reason == "missing":
            raise AuthError(GATEWAY_UNAUTHORIZED, shape=GATEWAY) from None
        raise AuthError(INCORRECT_CREDENTIALS, reason=problem.reason) from None
