"""Ethereum-style accounts (Ethereum, Polygon and the other EVM chains): EIP-55 checksummed hex."""

from __future__ import annotations

import functools
import random
import re

from Crypto.Hash import keccak

ACCOUNT_BYTES = 20
"""EVM and Tron accounts are both the last 20 bytes of a Keccak-256 public-key hash."""

_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")
_UPPER_NIBBLES = frozenset("89abcdef")


def _keccak256_hex(data: bytes) -> str:
    # Ethereum's Keccak-256 is the original submission, not NIST SHA3-256 (`hashlib.sha3_256`), whose
    # padding differs.
    return keccak.new(digest_bits=256, data=data).hexdigest()


def eth_checksum_address(address: str) -> str:
    """EIP-55 form of `address` (any case in, mixed-case checksum out); ValueError if not `0x` + 40 hex."""
    if not _ADDRESS.fullmatch(address):
        raise ValueError(f"not an Ethereum address: {address!r}")
    return _checksummed(address[2:].lower())


@functools.lru_cache(maxsize=4096)
def _checksummed(body: str) -> str:
    """The EIP-55 form of a lower-case body; a wallet sends from and to the same few addresses, hashed once each."""
    # Hex digit i of the hash of the lower-case body decides the case of character i: 8 or above means upper.
    nibbles = _keccak256_hex(body.encode("ascii"))[: len(body)]
    return "0x" + "".join(
        char.upper() if nibble in _UPPER_NIBBLES else char for char, nibble in zip(body, nibbles, strict=True)
    )


def is_valid_ethereum_address(address: object) -> bool:
    """True for `0x` + 40 hex digits whose case is all-lower, all-upper, or exactly the EIP-55 checksum."""
    if not isinstance(address, str) or not _ADDRESS.fullmatch(address):
        return False
    body = address[2:]
    # Single-case addresses carry no checksum, and wallets accept them as such.
    if body == body.lower() or body == body.upper():
        return True
    return address == eth_checksum_address(address)


def same_address(a: str, b: str) -> bool:
    """Whether two destinations are one: `0x` hex addresses compare without case (EIP-55's case is only a
    checksum), every other address exactly."""
    if a.startswith("0x") and b.startswith("0x"):
        return a.lower() == b.lower()
    return a == b


def ethereum_address_from_bytes(body: bytes) -> str:
    """The checksummed address for a 20-byte account body."""
    require_account_bytes(body)
    return eth_checksum_address("0x" + body.hex())


def random_ethereum_address(rng: random.Random) -> str:
    """A checksummed address from `rng`: the same seed always gives the same address."""
    return ethereum_address_from_bytes(rng.randbytes(ACCOUNT_BYTES))


def require_account_bytes(body: bytes) -> None:
    """ValueError unless `body` is one 20-byte account."""
    if len(body) != ACCOUNT_BYTES:
        raise ValueError(f"an account is {ACCOUNT_BYTES} bytes, got {len(body)}")
