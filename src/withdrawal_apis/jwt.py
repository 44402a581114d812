"""HS256 JSON Web Tokens: the one implementation behind every JWT signer and verifier here.

BigONE's clients sign a fresh HS256 token per request; the kamiPay and 1Konto emulators issue
HS256 access tokens. All of them encode and verify through `encode` and `decode` below, and the
tests check both against tokens made by an independent library and the providers' own examples.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

ALGORITHM = "HS256"


class JWTError(Exception):
    """The token is unusable; `reason` says why (malformed, algorithm, signature)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not text or any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in text):
        raise JWTError("malformed", "segment is not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise JWTError("malformed", "segment is not base64url") from None


def _key(secret: str | bytes) -> bytes:
    return secret.encode() if isinstance(secret, str) else secret


def signing_input(header: dict[str, Any], claims: dict[str, Any]) -> str:
    """`base64url(header) . base64url(claims)`, compact JSON, keys in the order given."""
    parts = (json.dumps(part, separators=(",", ":")).encode() for part in (header, claims))
    return ".".join(b64url_encode(part) for part in parts)


def signature(secret: str | bytes, message: str) -> str:
    return b64url_encode(hmac.new(_key(secret), message.encode("ascii"), hashlib.sha256).digest())


def encode(claims: dict[str, Any], secret: str | bytes, header: dict[str, Any] | None = None) -> str:
    message = signing_input({"alg": ALGORITHM, "typ": "JWT", **(header or {})}, claims)
    return f"{message}.{signature(secret, message)}"


def split(token: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    """Header and claims (not verified) and the signature segment; JWTError if the shape is wrong."""
    parts = token.split(".")
    if len(parts) != 3:
        raise JWTError("malformed", "a JWT has three dot-separated segments")
    try:
        header = json.loads(b64url_decode(parts[0]))
        claims = json.loads(b64url_decode(parts[1]))
    except (UnicodeDecodeError, ValueError):
        raise JWTError("malformed", "header or claims are not JSON") from None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise JWTError("malformed", "header and claims must be JSON objects")
    return header, claims, parts[2]


def decode(token: str, secret: str | bytes) -> dict[str, Any]:
    """Verified claims. Only HS256 is accepted: `none` and every other algorithm are refused."""
    header, claims, sig = split(token)
    if header.get("alg") != ALGORITHM:
        raise JWTError("algorithm", f"algorithm {header.get('alg')!r} is not accepted")
    message = token.rsplit(".", 1)[0]
    if not hmac.compare_digest(signature(secret, message), sig):
        raise JWTError("signature", "signature does not verify")
    return claims


def unverified_claims(token: str) -> dict[str, Any]:
    """Claims read without the key, e.g. a client reading `exp` of the token it was given."""
    return split(token)[1]
