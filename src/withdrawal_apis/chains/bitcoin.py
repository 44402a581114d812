"""Bitcoin mainnet addresses: P2PKH and P2SH in Base58Check, native segwit in bech32 and bech32m."""

from __future__ import annotations

import bech32m

from . import base58check

MAINNET_HRP = "bc"
P2PKH_VERSION = 0x00
P2SH_VERSION = 0x05
_HASH160_BYTES = 20
_BASE58_MAX_LENGTH = 35  # a 25-byte Base58Check string; also bounds the big-integer work
_BECH32_MAX_LENGTH = 90  # BIP-173's limit, checked before the library walks the string


def is_valid_bitcoin_address(address: object) -> bool:
    """True for a mainnet P2PKH ('1…'), P2SH ('3…') or native segwit ('bc1…') address."""
    if not isinstance(address, str) or not address:
        return False
    if address[:3].lower() == MAINNET_HRP + "1":
        return decode_segwit_address(address) is not None
    if len(address) > _BASE58_MAX_LENGTH:
        return False
    # The version byte alone fixes the leading character ('1' for 0x00, '3' for 0x05), so no prefix check.
    return base58check.version_byte(address, 1 + _HASH160_BYTES) in (P2PKH_VERSION, P2SH_VERSION)


def decode_segwit_address(address: str, hrp: str = MAINNET_HRP) -> tuple[int, bytes] | None:
    """(witness version, witness program) of a segwit address for network `hrp`, or None if it is not one.

    BIP-350 rules: v0 uses the bech32 checksum with a 20- or 32-byte program, v1 to v16 use bech32m
    with 2 to 40 bytes; one case throughout, at most 90 characters, padding of at most 4 zero bits.
    """
    if len(address) > _BECH32_MAX_LENGTH:
        return None
    try:
        version, program = bech32m.decode(hrp, address)
    except bech32m.DecodeError:
        return None
    return int(version), bytes(program)
