"""HS256 JSON Web Tokens through PyJWT: the one place that signs and verifies them.

BigONE's clients sign a fresh token per request and its emulator verifies it; the kamiPay and 1Konto
emulators issue access tokens and verify them on every request. All of them go through `encode` and
`decode` here, so the algorithm allow-list is written once: HS256 only, `alg: none` and every other
algorithm refused.

PyJWT checks the token's shape and signature. Its claim checks are off: each caller judges its own
claims on its own clock (BigONE's nonce window on the server's clock, the emulators' token expiry on
their virtual clock), which PyJWT, reading the wall clock, cannot do.
"""

from __future__ import annotations

from typing import Any

import jwt
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
