"""Tron T-addresses: the USDT TRC-20 contract as TronScan shows it, and every single-character change."""

from __future__ import annotations

import random

import base58
import pytest

from withdrawal_apis.chains import is_valid_tron_address, random_tron_address, tron_address_from_bytes

from .mutations import BASE58_ALPHABET, single_substitutions

USDT_TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
USDT_TRC20_HEX = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"  # the same contract in TronScan's hex form


def _base58check(payload: bytes) -> str:
    return base58.b58encode_check(payload).decode()


def test_usdt_trc20_contract_is_a_valid_tron_address() -> None:
    assert is_valid_tron_address(USDT_TRC20)
    assert base58.b58decode_check(USDT_TRC20).hex() == USDT_TRC20_HEX
    assert tron_address_from_bytes(bytes.fromhex(USDT_TRC20_HEX)[1:]) == USDT_TRC20


def test_any_single_character_change_breaks_a_tron_address() -> None:
    for mutant in single_substitutions(USDT_TRC20, BASE58_ALPHABET):
        assert not is_valid_tron_address(mutant), mutant


@pytest.mark.parametrize(
    "address",
    [
        "TXyz1234567890abcdefghijklmnopqrst",  # '0' and 'l' are not Base58
        USDT_TRC20[:-1],  # 33 characters
        USDT_TRC20 + "1",  # 35 characters
        USDT_TRC20.lower(),
        " " + USDT_TRC20,
        USDT_TRC20 + "\n",
        USDT_TRC20_HEX,  # the hex form is not what users paste as a destination
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",  # valid Base58Check, Bitcoin's version byte
        _base58check(bytes([0xA0]) + bytes(20)),  # right shape, wrong version byte
    ],
)
def test_invalid_tron_addresses(address: str) -> None:
    assert not is_valid_tron_address(address)


def test_random_tron_addresses_are_valid_and_checksummed() -> None:
    rng = random.Random(41)
    for _ in range(20):
        address = random_tron_address(rng)
        assert len(address) == 34
        assert address.startswith("T")
        assert is_valid_tron_address(address)
        assert not any(is_valid_tron_address(m) for m in single_substitutions(address, BASE58_ALPHABET))


def test_tron_address_from_bytes_covers_the_extremes_and_checks_length() -> None:
    assert is_valid_tron_address(tron_address_from_bytes(bytes(20)))
    assert is_valid_tron_address(tron_address_from_bytes(b"\xff" * 20))
    with pytest.raises(ValueError, match="20 bytes"):
        tron_address_from_bytes(bytes(21))


def test_random_tron_address_is_deterministic_per_seed() -> None:
    assert random_tron_address(random.Random(7)) == random_tron_address(random.Random(7))
    assert random_tron_address(random.Random(7)) != random_tron_address(random.Random(8))
