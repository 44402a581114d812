"""Tron T-addresses: an EVM-style 20-byte account under version byte 0x41, in Base58Check."""

from __future__ import annotations

import random

from . import base58check
from .evm import ACCOUNT_BYTES, require_account_bytes

VERSION = 0x41
ADDRESS_LENGTH = 34  # 25 bytes with a 0x41 lead always encode to exactly 34 characters, the first a `T`


def is_valid_tron_address(address: object) -> bool:
    """True for a mainnet Tron T-address: Base58Check, version 0x41, 20-byte body."""
    if not isinstance(address, str) or len(address) != ADDRESS_LENGTH or not address.startswith("T"):
        return False
    return base58check.version_byte(address, 1 + ACCOUNT_BYTES) == VERSION


def tron_address_from_bytes(body: bytes) -> str:
    """The T-address for a 20-byte account body."""
    require_account_bytes(body)
    return base58check.encode(bytes([VERSION]) + body)


def random_tron_address(rng: random.Random) -> str:
    """A valid T-address from `rng`: the same seed always gives the same address."""
    return tron_address_from_bytes(rng.randbytes(ACCOUNT_BYTES))
