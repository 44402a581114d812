"""Single-character mutations of addresses: every checksum here must catch each one."""

from __future__ import annotations

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def replace(text: str, index: int, char: str) -> str:
    return text[:index] + char + text[index + 1 :]


def next_in(alphabet: str, char: str) -> str:
    """A different character of `alphabet`, preserving nothing but membership."""
    return alphabet[(alphabet.index(char) + 1) % len(alphabet)]


def single_substitutions(address: str, alphabet: str, start: int = 0) -> list[str]:
    """Every variant of `address` with exactly one character from `start` on replaced by another from `alphabet`."""
    return [replace(address, i, next_in(alphabet, address[i])) for i in range(start, len(address))]
