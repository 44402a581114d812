"""HS256 JSON Web Tokens through PyJWT: the one place that signs and verifies them.

Some providers' clients sign a fresh token per request and the emulator verifies it; others'
emulators issue access tokens and verify them on every request. All of them go through `encode` and
`decode` here, so the algorithm allow-list is written once: HS256 only, `alg: none` and every other
algorithm refused.

PyJWT checks the token's shape and signature. Its claim checks are off: each caller judges its own
claims on its own clock (a nonce window on the server's clock, the emulators' token expiry on
their virtual clock), which PyJWT, reading the wall clock, cannot do.

A verifier that must read a token before it knows the key (one that names the key in the `sub` claim)
uses `read` and then `check`: the token is decoded once, by PyJWT, and only its signature is checked
against the key, with PyJWT's own HS256 algorithm. A token read or verified once is remembered (a
bounded number of them, keyed by the exact token, and by the key for a verification), so a client that
sends the same token again costs a lookup: what a token says and whether a key signed it never change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jwt
from jwt.algorithms import HMACAlgorithm
from jwt.types import Options

ALGORITHM = "HS256"
_ALLOWED = [ALGORITHM]
_SIGNATURE_ONLY: Options = {
    "verify_exp": False,
    "verify_nbf": False,
    "verify_iat": False,
    "verify_aud": False,
    "verify_iss": False,
    "verify_sub": False,
    "verify_jti": False,
}
_UNVERIFIED: Options = {"verify_signature": False}
_HMAC = HMACAlgorithm(HMACAlgorithm.SHA256)
_CACHE_MAX = 1024  # tokens remembered; the memory stays bounded however many distinct tokens arrive
_READ: dict[str, Token] = {}
_CHECKED: set[tuple[str, str]] = set()
_KEYS: dict[str, bytes] = {}  # each secret as PyJWT prepares it for HMAC (it refuses key material that is not a secret)


class TokenProblem(Exception):
    """Why a token was refused: `malformed`, `algorithm`, `signature`, or the caller's `expired` / `claims`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def encode(claims: dict[str, Any], secret: str) -> str:
    """The compact HS256 token for `claims` (header `{"alg": "HS256", "typ": "JWT"}`)."""
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode(token: str, secret: str) -> dict[str, Any]:
    """The claims of a token whose HS256 signature verifies under `secret`; TokenProblem otherwise."""
    try:
        return jwt.decode(token, secret, algorithms=_ALLOWED, options=_SIGNATURE_ONLY)
    except jwt.InvalidSignatureError:
        raise TokenProblem("signature") from None
    except jwt.InvalidAlgorithmError:
        raise TokenProblem("algorithm") from None
    except jwt.InvalidTokenError:
        raise TokenProblem("malformed") from None


@dataclass(frozen=True)
class Token:
    """A token as read without the key: its header and claims, and what its signature covers."""

    text: str
    header: Mapping[str, Any]
    claims: Mapping[str, Any]
    signing_input: bytes
    signature: bytes


def read(token: str) -> Token:
    """The token decoded once (by PyJWT, without the key); TokenProblem("malformed") if it is not a JWT."""
    found = _READ.get(token)
    if found is None:
        try:
            decoded = jwt.decode_complete(token, options=_UNVERIFIED)
        except jwt.InvalidTokenError:
            raise TokenProblem("malformed") from None
        signing_input = token.encode("utf-8").rsplit(b".", 1)[0]
        found = Token(token, decoded["header"], decoded["payload"], signing_input, decoded["signature"])
        _remember(_READ, token, found)
    return found


def check(token: Token, secret: str) -> dict[str, Any]:
    """The claims of a token `read` returned, when its HS256 signature verifies under `secret`.

    TokenProblem otherwise: `algorithm` for any `alg` but HS256, `signature` for a signature that does
    not verify. The same checks, in the same order, as `decode` makes after reading the token.
    """
    if token.header.get("alg") != ALGORITHM:
        raise TokenProblem("algorithm")
    if (token.text, secret) not in _CHECKED:
        key = _KEYS.get(secret)
        if key is None:
            key = _HMAC.prepare_key(secret)
            if len(_KEYS) >= _CACHE_MAX:
                _KEYS.clear()
            _KEYS[secret] = key
        if not _HMAC.verify(token.signing_input, key, token.signature):
            raise TokenProblem("signature")
        if len(_CHECKED) >= _CACHE_MAX:
            _CHECKED.clear()
        _CHECKED.add((token.text, secret))
    return dict(token.claims)


def _remember(cache: dict[str, Token], key: str, value: Token) -> None:
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = value


def unverified(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and claims read without the key (say, to find which key to verify with); TokenProblem if malformed."""
    try:
        decoded = jwt.decode_complete(token, options=_UNVERIFIED)
    except jwt.InvalidTokenError:
        raise TokenProblem("malformed") from None
    return decoded["header"], decoded["payload"]


def unverified_claims(token: str) -> dict[str, Any]:
    """Claims read without the key, e.g. a client reading the `exp` of the token it was given."""
    return unverified(token)[1]
