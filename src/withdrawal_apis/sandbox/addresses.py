"""Withdrawal destination addresses, validated the way the chains themselves validate them.

The sandbox emulators reject a withdrawal whose destination a real node or wallet would reject, so the
checks here are the real ones, not look-alike regexes:

* Ethereum: `0x` + 40 hex digits, with the EIP-55 mixed-case checksum enforced whenever the case is mixed.
  That needs Keccak-256, implemented below because `hashlib.sha3_256` is the later NIST SHA-3, whose
  padding differs and so gives different digests.
* Tron: Base58Check with version byte 0x41, which always renders as 34 characters starting with `T`.
* Bitcoin mainnet: Base58Check P2PKH / P2SH, and native segwit in bech32 (v0, BIP-173) or bech32m
  (v1 and later, BIP-350).

The `*_from_bytes` and `random_*` generators give the conformance harness addresses that pass these
checks, so property-based tests get past validation.

Standard library only.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence

__all__ = [
    "base58_decode",
    "base58_encode",
    "base58check_decode",
    "base58check_encode",
    "eth_checksum_address",
    "ethereum_address_from_bytes",
    "is_valid_bitcoin_address",
    "is_valid_ethereum_address",
    "is_valid_tron_address",
    "keccak256",
    "random_ethereum_address",
    "random_tron_address",
    "tron_address_from_bytes",
]

ADDRESS_BODY_LENGTH = 20
"""Ethereum and Tron both take the last 20 bytes of a Keccak-256 public-key hash as the account."""

# --------------------------------------------------------------------------------------------------
# Keccak-256 (the original submission, as Ethereum uses it)
# --------------------------------------------------------------------------------------------------

_MASK64 = (1 << 64) - 1
_KECCAK_ROUNDS = 24
_KECCAK256_RATE = 136  # bytes: 1600-bit state minus a 512-bit capacity
_KECCAK_PAD_FIRST = 0x01  # SHA-3 uses 0x06 here; this one byte is the whole Keccak/SHA-3 difference


def _lane(x: int, y: int) -> int:
    """Index of lane (x, y) in the flat 25-lane state; x varies fastest, as in the spec."""
    return x + 5 * y


def _rotation_offsets() -> list[int]:
    """The rho step's per-lane rotations, derived as the Keccak reference defines them."""
    offsets = [0] * 25
    x, y = 1, 0
    for t in range(24):
        offsets[_lane(x, y)] = ((t + 1) * (t + 2) // 2) % 64
        x, y = y, (2 * x + 3 * y) % 5
    return offsets


def _round_constant_bit(t: int) -> int:
    """Output bit t of the iota LFSR (x^8 + x^6 + x^5 + x^4 + 1)."""
    register = 1
    for _ in range(t % 255):
        register <<= 1
        if register & 0x100:
            register ^= 0x171
    return register & 1


def _round_constants() -> list[int]:
    """The iota step's 24 constants: bit 2^j - 1 of round i is LFSR output j + 7i."""
    constants = []
    for round_index in range(_KECCAK_ROUNDS):
        constant = 0
        for j in range(7):
            constant |= _round_constant_bit(j + 7 * round_index) << ((1 << j) - 1)
        constants.append(constant)
    return constants


# Derived rather than hard-coded, so there is no 24-entry table to mistype; tests pin the digests.
_ROTATIONS = _rotation_offsets()
_ROUND_CONSTANTS = _round_constants()


def _rotl64(value: int, shift: int) -> int:
    return ((value << shift) | (value >> (64 - shift))) & _MASK64


def _keccak_round(state: list[int], round_constant: int) -> list[int]:
    # theta: mix each column's parity into its neighbours.
    parity = [state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20] for x in range(5)]
    state = [
        state[_lane(x, y)] ^ parity[(x - 1) % 5] ^ _rotl64(parity[(x + 1) % 5], 1) for y in range(5) for x in range(5)
    ]
    # rho and pi: rotate every lane, then move lane (x, y) to (y, 2x + 3y).
    moved = [0] * 25
    for y in range(5):
        for x in range(5):
            moved[_lane(y, (2 * x + 3 * y) % 5)] = _rotl64(state[_lane(x, y)], _ROTATIONS[_lane(x, y)])
    # chi: the only non-linear step, row by row.
    state = [
        moved[_lane(x, y)] ^ (~moved[_lane((x + 1) % 5, y)] & moved[_lane((x + 2) % 5, y)])
        for y in range(5)
        for x in range(5)
    ]
    # iota: break the symmetry between rounds.
    state[0] ^= round_constant
    return state


def _keccak_f1600(state: list[int]) -> list[int]:
    for round_constant in _ROUND_CONSTANTS:
        state = _keccak_round(state, round_constant)
    return state


def _keccak_pad(data: bytes) -> bytes:
    """Multi-rate padding 10*1 to a whole number of blocks; one spare byte gets both bits (0x81)."""
    pad_length = _KECCAK256_RATE - len(data) % _KECCAK256_RATE
    padding = bytearray(pad_length)
    padding[0] ^= _KECCAK_PAD_FIRST
    padding[-1] ^= 0x80
    return data + bytes(padding)


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (not NIST SHA3-256)."""
    state = [0] * 25
    padded = _keccak_pad(bytes(data))
    for start in range(0, len(padded), _KECCAK256_RATE):
        block = padded[start : start + _KECCAK256_RATE]
        # Lanes are little-endian 64-bit words; the block fills the first rate/8 of them.
        for i in range(_KECCAK256_RATE // 8):
            state[i] ^= int.from_bytes(block[8 * i : 8 * i + 8], "little")
        state = _keccak_f1600(state)
    # A 32-byte digest fits inside one rate block, so a single squeeze suffices.
    return b"".join(lane.to_bytes(8, "little") for lane in state[:4])


# --------------------------------------------------------------------------------------------------
# Ethereum (EIP-55)
# --------------------------------------------------------------------------------------------------

_ETH_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")


def eth_checksum_address(address: str) -> str:
    """EIP-55 form of `address` (any case in, mixed-case checksum out); ValueError if not `0x` + 40 hex."""
    if not _ETH_ADDRESS.fullmatch(address):
        raise ValueError(f"not an Ethereum address: {address!r}")
    body = address[2:].lower()
    # Hex digit i of the hash of the lower-case body decides the case of character i: 8 or above means upper.
    nibbles = keccak256(body.encode("ascii")).hex()[: len(body)]
    return "0x" + "".join(
        char.upper() if int(nibble, 16) >= 8 else char for char, nibble in zip(body, nibbles, strict=True)
    )


def is_valid_ethereum_address(address: object) -> bool:
    """True for `0x` + 40 hex digits whose case is all-lower, all-upper, or exactly the EIP-55 checksum."""
    if not isinstance(address, str) or not _ETH_ADDRESS.fullmatch(address):
        return False
    body = address[2:]
    # Single-case addresses carry no checksum, and wallets accept them as such.
    if body == body.lower() or body == body.upper():
        return True
    return address == eth_checksum_address(address)


def ethereum_address_from_bytes(body: bytes) -> str:
    """The checksummed address for a 20-byte account body."""
    _require_body_length(body)
    return eth_checksum_address("0x" + body.hex())


def random_ethereum_address(rng: random.Random) -> str:
    """A checksummed address from `rng`: the same seed always gives the same address."""
    return ethereum_address_from_bytes(rng.randbytes(ADDRESS_BODY_LENGTH))


# --------------------------------------------------------------------------------------------------
# Base58 and Base58Check (Bitcoin alphabet)
# --------------------------------------------------------------------------------------------------

_BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {char: index for index, char in enumerate(_BASE58_ALPHABET)}
_CHECKSUM_LENGTH = 4


def base58_encode(data: bytes) -> str:
    """Base58 text for `data`; each leading zero byte becomes a leading '1'."""
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(_BASE58_ALPHABET[remainder])
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + "".join(reversed(digits))


def base58_decode(text: str) -> bytes:
    """Bytes for Base58 `text`; each leading '1' becomes a zero byte. ValueError on any other character."""
    number = 0
    for char in text:
        if char not in _BASE58_INDEX:
            raise ValueError(f"not a Base58 character: {char!r}")
        number = number * 58 + _BASE58_INDEX[char]
    leading_ones = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_ones + number.to_bytes((number.bit_length() + 7) // 8, "big")


def _base58check_checksum(payload: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:_CHECKSUM_LENGTH]


def base58check_encode(payload: bytes) -> str:
    """Base58 of `payload` (version byte included) followed by its 4-byte double-SHA256 checksum."""
    return base58_encode(payload + _base58check_checksum(payload))


def base58check_decode(text: str) -> bytes:
    """The payload (version byte included) of Base58Check `text`; ValueError if not Base58 or the checksum fails."""
    raw = base58_decode(text)
    if len(raw) < _CHECKSUM_LENGTH:
        raise ValueError("too short for a Base58Check checksum")
    payload, checksum = raw[:-_CHECKSUM_LENGTH], raw[-_CHECKSUM_LENGTH:]
    if checksum != _base58check_checksum(payload):
        raise ValueError("Base58Check checksum mismatch")
    return payload


def _base58check_version(text: str, payload_length: int) -> int | None:
    """The version byte of a Base58Check string carrying `payload_length` bytes, or None if it is not one."""
    try:
        payload = base58check_decode(text)
    except ValueError:
        return None
    return payload[0] if len(payload) == payload_length else None


# --------------------------------------------------------------------------------------------------
# Tron
# --------------------------------------------------------------------------------------------------

_TRON_VERSION = 0x41
_TRON_ADDRESS_LENGTH = 34  # 25 bytes with a 0x41 lead always encode to exactly 34 characters


def is_valid_tron_address(address: object) -> bool:
    """True for a mainnet Tron T-address: Base58Check, version 0x41, 20-byte body."""
    if not isinstance(address, str) or len(address) != _TRON_ADDRESS_LENGTH or not address.startswith("T"):
        return False
    return _base58check_version(address, 1 + ADDRESS_BODY_LENGTH) == _TRON_VERSION


def tron_address_from_bytes(body: bytes) -> str:
    """The T-address for a 20-byte account body."""
    _require_body_length(body)
    return base58check_encode(bytes([_TRON_VERSION]) + body)


def random_tron_address(rng: random.Random) -> str:
    """A valid T-address from `rng`: the same seed always gives the same address."""
    return tron_address_from_bytes(rng.randbytes(ADDRESS_BODY_LENGTH))


def _require_body_length(body: bytes) -> None:
    if len(body) != ADDRESS_BODY_LENGTH:
        raise ValueError(f"an address body is {ADDRESS_BODY_LENGTH} bytes, got {len(body)}")


# --------------------------------------------------------------------------------------------------
# Bitcoin mainnet
# --------------------------------------------------------------------------------------------------

_P2PKH_VERSION = 0x00
_P2SH_VERSION = 0x05
_BITCOIN_HASH160_LENGTH = 20
_BASE58_BITCOIN_MAX_LENGTH = 35  # a 25-byte Base58Check string; also bounds the big-integer work

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {char: index for index, char in enumerate(_BECH32_CHARSET)}
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_BECH32_CONSTANT = 1  # BIP-173
_BECH32M_CONSTANT = 0x2BC830A3  # BIP-350
_BECH32_MAX_LENGTH = 90
_BECH32_CHECKSUM_LENGTH = 6
_BITCOIN_HRP = "bc"
_MAX_WITNESS_VERSION = 16
_MIN_PROGRAM_LENGTH, _MAX_PROGRAM_LENGTH = 2, 40
_V0_PROGRAM_LENGTHS = (20, 32)  # P2WPKH and P2WSH; BIP-141 defines no others


def is_valid_bitcoin_address(address: object) -> bool:
    """True for a mainnet P2PKH ('1…'), P2SH ('3…') or native segwit ('bc1…') address."""
    if not isinstance(address, str) or not address:
        return False
    if address[:3].lower() == _BITCOIN_HRP + "1":
        return _decode_segwit_address(_BITCOIN_HRP, address) is not None
    return _is_valid_base58_bitcoin_address(address)


def _is_valid_base58_bitcoin_address(address: str) -> bool:
    if len(address) > _BASE58_BITCOIN_MAX_LENGTH:
        return False
    # The version byte alone fixes the leading character ('1' for 0x00, '3' for 0x05), so no prefix check.
    return _base58check_version(address, 1 + _BITCOIN_HASH160_LENGTH) in (_P2PKH_VERSION, _P2SH_VERSION)


def _bech32_polymod(values: Iterable[int]) -> int:
    """The BCH checksum residue over GF(32) from BIP-173."""
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(_BECH32_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _bech32_hrp_expand(hrp: str) -> list[int]:
    """The human-readable part as the checksum sees it: high bits, a separator zero, low bits."""
    return [ord(char) >> 5 for char in hrp] + [0] + [ord(char) & 31 for char in hrp]


def _bech32_decode(text: str) -> tuple[str, list[int], int] | None:
    """(hrp, data without checksum, checksum constant) for a bech32 or bech32m string, or None.

    The constant says which of the two checksums matched; no string satisfies both.
    """
    if len(text) > _BECH32_MAX_LENGTH or any(not 33 <= ord(char) <= 126 for char in text):
        return None
    if text != text.lower() and text != text.upper():
        return None  # mixed case could hide a transcription error, so BIP-173 forbids it
    text = text.lower()
    separator = text.rfind("1")  # the hrp may itself contain '1'; the data part cannot
    if separator < 1 or separator + 1 + _BECH32_CHECKSUM_LENGTH > len(text):
        return None
    hrp, data_part = text[:separator], text[separator + 1 :]
    if any(char not in _BECH32_INDEX for char in data_part):
        return None
    data = [_BECH32_INDEX[char] for char in data_part]
    constant = _bech32_polymod(_bech32_hrp_expand(hrp) + data)
    if constant not in (_BECH32_CONSTANT, _BECH32M_CONSTANT):
        return None
    return hrp, data[:-_BECH32_CHECKSUM_LENGTH], constant


def _five_bit_groups_to_bytes(groups: Sequence[int]) -> bytes | None:
    """Regroup 5-bit values into bytes; None if the leftover padding is 5+ bits or not all zero."""
    accumulator, bits = 0, 0
    out = bytearray()
    for group in groups:
        accumulator = (accumulator << 5) | group
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((accumulator >> bits) & 0xFF)
    if bits >= 5 or accumulator & ((1 << bits) - 1):
        return None
    return bytes(out)


def _decode_segwit_address(hrp: str, address: str) -> tuple[int, bytes] | None:
    """(witness version, witness program) if `address` is a valid segwit address for `hrp`, else None."""
    decoded = _bech32_decode(address)
    if decoded is None:
        return None
    found_hrp, data, constant = decoded
    if found_hrp != hrp or not data or data[0] > _MAX_WITNESS_VERSION:
        return None
    version = data[0]
    # BIP-350: v0 keeps bech32, every later version must use bech32m.
    if constant != (_BECH32_CONSTANT if version == 0 else _BECH32M_CONSTANT):
        return None
    program = _five_bit_groups_to_bytes(data[1:])
    if program is None or not _MIN_PROGRAM_LENGTH <= len(program) <= _MAX_PROGRAM_LENGTH:
        return None
    if version == 0 and len(program) not in _V0_PROGRAM_LENGTHS:
        return None
    return version, program
