"""1Konto's login-then-bearer scheme, for both sides of the wire.

`POST /api/v1/identity/jwt` with `{"user": ..., "password": hex(SHA-256(password))}` answers a token
that is valid for 24 hours and is sent as `Authorization: Bearer {token}`. `password_digest` is the
one definition of what travels instead of the password: the client-side `OneKontoAuth` sends it and
the emulator's `verify_password` recomputes it from the seeded password, so the two cannot drift.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable

import httpx

from ... import hs256
from ...core.token_auth import TokenLoginAuth

LOGIN_PATH = "/api/v1/identity/jwt"
API_PREFIX = "/api/v1/"
TOKEN_TTL_SECONDS = 24 * 60 * 60
"""The docs: tokens are valid for 24 hours; log in again to renew."""

# The provider's documented status-error messages, verbatim.
UNAUTHORIZED = "Unauthorized"
FORBIDDEN = "Forbidden"


def password_digest(password: str) -> str:
    """What 1Konto wants instead of the password: the lowercase hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def verify_password(stored_password: str, sent_digest: str) -> bool:
    """Server side: does the value a client sent equal the stored password's digest? (constant time)

    Any other string, the password in plain text included, does not match. Bytes are compared, so a
    value with non-ASCII characters is simply wrong rather than an error.
    """
    expected = password_digest(stored_password).encode("ascii")
    return hmac.compare_digest(expected, sent_digest.encode("utf-8", "surrogatepass"))


def login_url(request_url: httpx.URL) -> httpx.URL:
    """The login endpoint beside a request's URL, keeping any prefix in front of `/api/v1/`."""
    path = request_url.path
    prefix = path.split(API_PREFIX, 1)[0] if API_PREFIX in path else path.rstrip("/")
    return request_url.copy_with(path=prefix + LOGIN_PATH, query=None, fragment=None)


def token_expiry(token: str, issued_at: float) -> float:
    """When a token stops working: its JWT `exp` if it has one, else 24 hours after the login.

    1Konto does not document the token format; the emulator's tokens are JWTs, real ones may not be.
    """
    try:
        expires = hs256.unverified_claims(token).get("exp")
    except hs256.TokenProblem:
        expires = None
    if isinstance(expires, int | float) and not isinstance(expires, bool):
        return float(expires)
    return issued_at + TOKEN_TTL_SECONDS


class OneKontoAuth(TokenLoginAuth):
    """Logs in on first use, sends `Bearer {token}`, logs in again before the 24 hours are up and once on a 401.

    Only the password's digest is kept in memory; the password itself is neither stored nor sent.
    Pass `digest=` instead of `password=` if you only hold the digest.
    """

    def __init__(
        self,
        user: str,
        password: str | None = None,
        *,
        digest: str | None = None,
        refresh_margin: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if (password is None) == (digest is None):
            raise ValueError("give exactly one of password and digest")
        super().__init__(refresh_margin=refresh_margin, clock=clock)
        self.user = user
        self._digest = digest.lower() if digest is not None else password_digest(password or "")

    def __repr__(self) -> str:
        return f"OneKontoAuth(user={self.user!r}, password=***, token={'set' if self._token else 'unset'})"

    def login_request(self, base: httpx.Request) -> httpx.Request:
        return httpx.Request(
            "POST",
            login_url(base.url),
            json={"user": self.user, "password": self._digest},
            headers={"Accept": "application/json"},
        )

    def parse_login(self, response: httpx.Response) -> tuple[str, float]:
        try:
            data = response.json()
        except ValueError:  # a 200 that is not JSON (a proxy's page, say) is a failed login, not a crash
            raise httpx.DecodingError("login response is not JSON", request=response.request) from None
        token = data.get("token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise httpx.DecodingError("login response has no token", request=response.request)
        return token, token_expiry(token, self._clock())
