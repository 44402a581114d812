"""Base58 and Base58Check against Bitcoin Core's published vectors (base58_encode_decode.json)."""

from __future__ import annotations

import random

import base58
import pytest

from withdrawal_apis.chains import base58check

BASE58_VECTORS = [
    ("", ""),
    ("61", "2g"),
    ("626262", "a3gV"),
    ("636363", "aPEr"),
    ("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"),
    ("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"),
    ("516b6fcd0f", "ABnLTmg"),
    ("bf4f89001e670274dd", "3SEo3LWLoPntC"),
    ("572e4794", "3EFU7m"),
    ("ecac89cad93923c02321", "EJDM8drfXA6uyA"),
    ("10c8511e", "Rt5zm"),
    ("00000000000000000000", "1111111111"),
]

BASE58CHECK_VECTORS = [
    ("", "3QJmnh"),
    ("61", "C2dGTwc"),
    ("626262", "4jF5uERJAK"),
    ("00000000000000000000", "111111111146Momb"),
    ("00eb15231dfceb60925886b67d065299925915aeb172c06647", "13REmUhe2ckUKy1FvM7AMCdtyYq831yxM3QeyEu4"),
]


@pytest.mark.parametrize(("hex_data", "text"), BASE58_VECTORS)
def test_the_base58_library_matches_bitcoin_core(hex_data: str, text: str) -> None:
    assert base58.b58encode(bytes.fromhex(hex_data)).decode() == text
    assert base58.b58decode(text) == bytes.fromhex(hex_data)


def test_base58_round_trips_random_bytes_with_leading_zeros() -> None:
    rng = random.Random(58)
    for length in range(40):
        data = bytes(rng.randrange(3)) + rng.randbytes(length)
        assert base58check.decode(base58check.encode(data)) == data


@pytest.mark.parametrize(("hex_payload", "text"), BASE58CHECK_VECTORS)
def test_base58check_vectors(hex_payload: str, text: str) -> None:
    assert base58check.encode(bytes.fromhex(hex_payload)) == text
    assert base58check.decode(text) == bytes.fromhex(hex_payload)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1",
        "2g",
        "3QJmni",  # the vectors with their last character changed
        "C2dGTwd",
        "13REmUhe2ckUKy1FvM7AMCdtyYq831yxM3QeyEu5",
        "3mJr0",  # characters outside the alphabet
        "4kl8",
        "a+b",
        "C2dGTwc\u00e9",
    ],
)
def test_base58check_decode_refuses_what_is_not_base58check(text: str) -> None:
    assert base58check.decode(text) is None


@pytest.mark.parametrize("suffix", [" ", "\n", "\t", "\u3000"])
def test_trailing_whitespace_is_refused_though_the_library_would_strip_it(suffix: str) -> None:
    assert base58.b58decode_check("C2dGTwc" + suffix) == b"a"
    assert base58check.decode("C2dGTwc" + suffix) is None


def test_version_byte_needs_the_exact_payload_length() -> None:
    text = base58check.encode(bytes([0x41]) + bytes(20))
    assert base58check.version_byte(text, 21) == 0x41
    assert base58check.version_byte(text, 20) is None
    assert base58check.version_byte(text[:-1] + "2", 21) is None
