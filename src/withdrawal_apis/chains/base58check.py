"""Base58Check as Bitcoin and Tron use it, strict about its input (the `base58` library does the work)."""

from __future__ import annotations

import base58


def encode(payload: bytes) -> str:
    """Base58 of `payload` (version byte included) followed by its 4-byte double-SHA256 checksum."""
    return base58.b58encode_check(payload).decode("ascii")


def decode(text: str) -> bytes | None:
    """The payload (version byte included) of Base58Check `text`, or None if it is not one.

    The library forgives trailing whitespace; an address with any is refused here, because the
    string that is stored and paid to must be the string that was checked.
    """
    if text != text.rstrip():
        return None
    try:
        return base58.b58decode_check(text)
    except ValueError:  # a character outside the alphabet (UnicodeError included), or a bad checksum
        return None


def version_byte(text: str, payload_length: int) -> int | None:
    """The version byte of Base58Check `text` carrying exactly `payload_length` bytes, else None."""
    payload = decode(text)
    return payload[0] if payload is not None and len(payload) == payload_length else None
