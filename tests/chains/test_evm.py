"""EVM addresses against EIP-55's published vectors."""

from __future__ import annotations

import random

import pytest

from withdrawal_apis.chains import (
    eth_checksum_address,
    ethereum_address_from_bytes,
    is_valid_ethereum_address,
    random_ethereum_address,
)

from .mutations import replace

# EIP-55's own test cases, plus one address as a block explorer prints it.
EIP55_ALL_CAPS = ["0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D"]
EIP55_ALL_LOWER = ["0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26"]
EIP55_MIXED = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    "0xdAC17F958D2ee523a2206206994597C13D831ec7",  # USDT's ERC-20 contract, as Etherscan shows it
]


@pytest.mark.parametrize("address", EIP55_ALL_CAPS + EIP55_ALL_LOWER + EIP55_MIXED)
def test_eip55_vectors_are_their_own_checksum_form(address: str) -> None:
    assert eth_checksum_address(address.lower()) == address
    assert eth_checksum_address(address.upper().replace("0X", "0x")) == address
    assert is_valid_ethereum_address(address)


@pytest.mark.parametrize("address", EIP55_MIXED)
def test_single_case_forms_are_accepted_without_checksum(address: str) -> None:
    assert is_valid_ethereum_address(address.lower())
    assert is_valid_ethereum_address("0x" + address[2:].upper())


@pytest.mark.parametrize("address", EIP55_MIXED)
def test_flipping_the_case_of_any_letter_breaks_the_checksum(address: str) -> None:
    letter_positions = [i for i, char in enumerate(address) if i >= 2 and char.isalpha()]
    assert letter_positions
    for i in letter_positions:
        assert not is_valid_ethereum_address(replace(address, i, address[i].swapcase())), i


@pytest.mark.parametrize(
    "address",
    [
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",  # no prefix
        "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",  # upper-case prefix
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",  # 39 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",  # 41 digits
        "0xg29d7d1dd5b6f9c864d9db560d72a247c178ae86",  # non-hex digit
        " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\n",
        "0x",
    ],
)
def test_malformed_ethereum_addresses_are_rejected(address: str) -> None:
    assert not is_valid_ethereum_address(address)
    with pytest.raises(ValueError, match="not an Ethereum address"):
        eth_checksum_address(address)


def test_ethereum_address_from_bytes() -> None:
    assert ethereum_address_from_bytes(bytes.fromhex("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")) == EIP55_MIXED[0]
    with pytest.raises(ValueError, match="20 bytes"):
        ethereum_address_from_bytes(bytes(19))


def test_random_ethereum_addresses_are_valid_and_checksum_every_letter() -> None:
    rng = random.Random(55)
    for _ in range(50):
        address = random_ethereum_address(rng)
        assert is_valid_ethereum_address(address)
        assert address == eth_checksum_address(address)
        for i in (i for i, char in enumerate(address) if i >= 2 and char.isalpha()):
            flipped = replace(address, i, address[i].swapcase())
            body = flipped[2:]
            # Flipping the only letter of its case leaves a single-case address, which is valid by design.
            assert is_valid_ethereum_address(flipped) == (body in (body.lower(), body.upper()))


def test_random_ethereum_address_is_deterministic_per_seed() -> None:
    assert random_ethereum_address(random.Random(1)) == random_ethereum_address(random.Random(1))
    assert random_ethereum_address(random.Random(1)) != random_ethereum_address(random.Random(2))
