"""Access tokens the emulators issue after a login: HS256 JWTs with an expiry.

Each emulator keeps its own signing secret in the store, so tokens survive a restart of the same
database and a token from another emulator, or one signed with any other key, is a forgery.
Signing and verifying go through `withdrawal_apis.hs256`; the expiry is judged here, against the
`now` the caller passes.

Clients log in once and send the same token until it expires, so a verified token's claims are kept
(keyed by the signing secret and the exact token, a bounded number of them): the signature and claim
shape of a token never change, only its expiry is judged again on every request.

`holder` is the whole check a request's `Authorization: Bearer {token}` gets: the header's shape, the
token, and its user as stored now (a user deactivated or removed after the login is refused at once).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from .. import hs256
from ..credentials import Credential
from ..hs256 import TokenProblem
from .store import Store

__all__ = ["TokenIssuer", "TokenProblem"]

# RFC 6750's credentials: the scheme (any case), spaces, one token.
_BEARER = re.compile(r"(?i:bearer)[ ]+(\S+)[ ]*")

_VERIFIED: dict[tuple[str, str], dict[str, Any]] = {}
_VERIFIED_MAX = 1024


class TokenIssuer:
    def __init__(self, store: Store, ttl_seconds: float) -> None:
        self.store = store
        self.ttl = ttl_seconds

    @property
    def secret(self) -> str:
        """The emulator's signing key, created once per database (one key, however many processes ask first)."""
        return self.store.secret("token_secret")

    def issue(self, subject: str, now: float, extra: dict[str, Any] | None = None) -> tuple[str, int]:
        """A signed token for `subject` and its expiry (Unix seconds)."""
        expires = int(now + self.ttl)
        claims = {"sub": subject, "iat": int(now), "exp": expires, "jti": uuid.uuid4().hex, **(extra or {})}
        return hs256.encode(claims, self.secret), expires

    def verify(self, token: str, now: float) -> dict[str, Any]:
        """The token's claims, or TokenProblem. Expiry is checked against `now`."""
        secret = self.secret
        claims = _VERIFIED.get((secret, token))
        if claims is None:
            claims = hs256.decode(token, secret)
            if not isinstance(claims.get("sub"), str) or not isinstance(claims.get("exp"), int):
                raise TokenProblem("claims")
            if len(_VERIFIED) >= _VERIFIED_MAX:
                _VERIFIED.clear()
            _VERIFIED[(secret, token)] = claims
        if now >= claims["exp"]:
            raise TokenProblem("expired")
        return dict(claims)

    def holder(
        self, authorization: str | None, now: float, lookup: Callable[[str], Credential | None] | None = None
    ) -> Credential:
        """The active user whose token an `Authorization: Bearer {token}` header carries.

        TokenProblem otherwise: `missing` when the header carries no bearer token at all, the token's
        own problem (`malformed`, `algorithm`, `signature`, `claims`, `expired`), or `user` when its
        subject is unknown or inactive in `lookup` (the store's credentials unless given).
        """
        match = _BEARER.fullmatch(authorization or "")
        if match is None:
            raise TokenProblem("missing")
        claims = self.verify(match.group(1), now)
        user = (lookup or self.store.credential)(claims["sub"])
        if user is None or not user.active:
            raise TokenProblem("user")
        return user
