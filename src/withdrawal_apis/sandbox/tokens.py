"""Access tokens the emulators issue after a login (kamiPay, 1Konto): HS256 JWTs with an expiry.

Each emulator keeps its own signing secret in the store, so tokens survive a restart of the same
database and a token from another emulator, or one signed with any other key, is a forgery.
Signing and verifying go through `withdrawal_apis.hs256`; the expiry is judged here, against the
`now` the caller passes.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from .. import hs256
from ..hs256 import TokenProblem
from .store import Store

__all__ = ["TokenIssuer", "TokenProblem"]


class TokenIssuer:
    def __init__(self, store: Store, ttl_seconds: float) -> None:
        self.store = store
        self.ttl = ttl_seconds

    @property
    def secret(self) -> str:
        """The emulator's signing key, created once per database."""
        existing = self.store.get_meta("token_secret")
        if existing:
            return existing
        created = secrets.token_hex(32)
        self.store.set_meta("token_secret", created)
        return created

    def issue(self, subject: str, now: float, extra: dict[str, Any] | None = None) -> tuple[str, int]:
        """A signed token for `subject` and its expiry (Unix seconds)."""
        expires = int(now + self.ttl)
        claims = {"sub": subject, "iat": int(now), "exp": expires, "jti": uuid.uuid4().hex, **(extra or {})}
        return hs256.encode(claims, self.secret), expires

    def verify(self, token: str, now: float) -> dict[str, Any]:
        """The token's claims, or TokenProblem. Expiry is checked against `now`."""
        claims = hs256.decode(token, self.secret)
        expires = claims.get("exp")
        if not isinstance(claims.get("sub"), str) or not isinstance(expires, int):
            raise TokenProblem("claims")
        if now >= expires:
            raise TokenProblem("expired")
        return claims
