"""Identifiers shaped like the providers' own (time-ordered, unguessable)."""

from __future__ import annotations

import secrets
import time

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid(at: float | None = None) -> str:
    """A 26-character ULID: 48 bits of milliseconds, then 80 random bits, in Crockford base32."""
    value = (int((time.time() if at is None else at) * 1000) << 80) | secrets.randbits(80)
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def hex_hash(prefix: str = "") -> str:
    """A 32-byte transaction hash in hex."""
    return prefix + secrets.token_hex(32)
