"""Address validation against the published vectors: Keccak, EIP-55, Base58(Check), BIP-173 and BIP-350."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable

import pytest

from withdrawal_apis.sandbox import addresses
from withdrawal_apis.sandbox.addresses import (
    base58_decode,
    base58_encode,
    base58check_decode,
    base58check_encode,
    eth_checksum_address,
    ethereum_address_from_bytes,
    is_valid_bitcoin_address,
    is_valid_ethereum_address,
    is_valid_tron_address,
    keccak256,
    random_ethereum_address,
    random_tron_address,
    tron_address_from_bytes,
)

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _seeded(seed: int) -> random.Random:
    return random.Random(seed)


def _replace(text: str, index: int, char: str) -> str:
    return text[:index] + char + text[index + 1 :]


def _next_in(alphabet: str, char: str) -> str:
    """A different character of `alphabet`, preserving nothing but membership."""
    return alphabet[(alphabet.index(char) + 1) % len(alphabet)]


# --------------------------------------------------------------------------------------------------
# Keccak-256
# --------------------------------------------------------------------------------------------------


def _counting_bytes(length: int) -> bytes:
    return bytes(i % 251 for i in range(length))


# The long-input digests were computed once outside this repo with pycryptodome's
# Crypto.Hash.keccak.new(digest_bits=256); 135/136/137 straddle the 136-byte rate, 300 spans three blocks.
KECCAK_VECTORS = [
    (b"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
    (b"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
    (_counting_bytes(135), "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"),
    (_counting_bytes(136), "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"),
    (_counting_bytes(137), "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"),
    (_counting_bytes(300), "4699841dafd5e26cca72b05a41d38c96b4b468e5a6cbf694cbebe77dacdf6528"),
]


@pytest.mark.parametrize(("data", "digest"), KECCAK_VECTORS, ids=["empty", "abc", "135", "136", "137", "300"])
def test_keccak256_matches_reference_digests(data: bytes, digest: str) -> None:
    assert keccak256(data).hex() == digest


def test_keccak256_is_not_nist_sha3() -> None:
    # Same sponge, different padding: the stdlib's sha3_256 must not be a drop-in replacement.
    assert keccak256(b"abc") != hashlib.sha3_256(b"abc").digest()


# --------------------------------------------------------------------------------------------------
# Ethereum / EIP-55
# --------------------------------------------------------------------------------------------------

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
        assert not is_valid_ethereum_address(_replace(address, i, address[i].swapcase())), i


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
    rng = _seeded(55)
    for _ in range(50):
        address = random_ethereum_address(rng)
        assert is_valid_ethereum_address(address)
        assert address == eth_checksum_address(address)
        for i in (i for i, char in enumerate(address) if i >= 2 and char.isalpha()):
            flipped = _replace(address, i, address[i].swapcase())
            body = flipped[2:]
            # Flipping the only letter of its case leaves a single-case address, which is valid by design.
            assert is_valid_ethereum_address(flipped) == (body in (body.lower(), body.upper()))


def test_random_ethereum_address_is_deterministic_per_seed() -> None:
    assert random_ethereum_address(_seeded(1)) == random_ethereum_address(_seeded(1))
    assert random_ethereum_address(_seeded(1)) != random_ethereum_address(_seeded(2))


# --------------------------------------------------------------------------------------------------
# Base58 and Base58Check (Bitcoin Core's base58_encode_decode.json vectors)
# --------------------------------------------------------------------------------------------------

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
def test_base58_vectors(hex_data: str, text: str) -> None:
    assert base58_encode(bytes.fromhex(hex_data)) == text
    assert base58_decode(text) == bytes.fromhex(hex_data)


@pytest.mark.parametrize("text", ["0", "O", "I", "l", "3mJr0", "4kl8", "a+b", "2g "])
def test_base58_decode_rejects_characters_outside_the_alphabet(text: str) -> None:
    with pytest.raises(ValueError, match="not a Base58 character"):
        base58_decode(text)


def test_base58_round_trips_random_bytes_with_leading_zeros() -> None:
    rng = _seeded(58)
    for length in range(40):
        data = bytes(rng.randrange(3)) + rng.randbytes(length)
        assert base58_decode(base58_encode(data)) == data


@pytest.mark.parametrize(("hex_payload", "text"), BASE58CHECK_VECTORS)
def test_base58check_vectors(hex_payload: str, text: str) -> None:
    assert base58check_encode(bytes.fromhex(hex_payload)) == text
    assert base58check_decode(text) == bytes.fromhex(hex_payload)


@pytest.mark.parametrize("text", ["", "1", "2g", "3QJmni", "C2dGTwd", "13REmUhe2ckUKy1FvM7AMCdtyYq831yxM3QeyEu5"])
def test_base58check_decode_rejects_bad_checksums(text: str) -> None:
    with pytest.raises(ValueError, match="Base58Check"):
        base58check_decode(text)


# --------------------------------------------------------------------------------------------------
# Tron
# --------------------------------------------------------------------------------------------------

USDT_TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
USDT_TRC20_HEX = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"  # the same contract as TronScan's hex form


def test_usdt_trc20_contract_is_a_valid_tron_address() -> None:
    assert is_valid_tron_address(USDT_TRC20)
    assert base58check_decode(USDT_TRC20).hex() == USDT_TRC20_HEX
    assert tron_address_from_bytes(bytes.fromhex(USDT_TRC20_HEX)[1:]) == USDT_TRC20


def _single_substitutions(address: str, alphabet: str) -> list[str]:
    """Every variant of `address` with exactly one character replaced by another from `alphabet`."""
    return [_replace(address, i, _next_in(alphabet, char)) for i, char in enumerate(address)]


def test_any_single_character_change_breaks_a_tron_address() -> None:
    for mutant in _single_substitutions(USDT_TRC20, BASE58_ALPHABET):
        assert not is_valid_tron_address(mutant), mutant


@pytest.mark.parametrize(
    "address",
    [
        "TXyz1234567890abcdefghijklmnopqrst",  # '0' and 'l' are not Base58
        USDT_TRC20[:-1],  # 33 characters
        USDT_TRC20 + "1",  # 35 characters
        USDT_TRC20.lower(),
        " " + USDT_TRC20,
        USDT_TRC20_HEX,  # the hex form is not what users paste as a destination
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",  # valid Base58Check, Bitcoin's version byte
        base58check_encode(bytes([0xA0]) + bytes(20)),  # right shape, wrong version byte
    ],
)
def test_invalid_tron_addresses(address: str) -> None:
    assert not is_valid_tron_address(address)


def test_random_tron_addresses_are_valid_and_checksummed() -> None:
    rng = _seeded(41)
    for _ in range(20):
        address = random_tron_address(rng)
        assert len(address) == 34
        assert address.startswith("T")
        assert is_valid_tron_address(address)
        assert not any(is_valid_tron_address(m) for m in _single_substitutions(address, BASE58_ALPHABET))


def test_tron_address_from_bytes_covers_the_extremes_and_checks_length() -> None:
    assert is_valid_tron_address(tron_address_from_bytes(bytes(20)))
    assert is_valid_tron_address(tron_address_from_bytes(b"\xff" * 20))
    with pytest.raises(ValueError, match="20 bytes"):
        tron_address_from_bytes(bytes(21))


def test_random_tron_address_is_deterministic_per_seed() -> None:
    assert random_tron_address(_seeded(7)) == random_tron_address(_seeded(7))
    assert random_tron_address(_seeded(7)) != random_tron_address(_seeded(8))


# --------------------------------------------------------------------------------------------------
# Bitcoin: Base58Check P2PKH / P2SH
# --------------------------------------------------------------------------------------------------

P2PKH = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"


def test_base58_bitcoin_addresses() -> None:
    assert is_valid_bitcoin_address(P2PKH)
    assert is_valid_bitcoin_address(P2SH)
    assert base58check_decode(P2PKH).hex() == "0077bff20c60e522dfaa3350c39b030a5d004e839a"


@pytest.mark.parametrize("address", [P2PKH, P2SH])
def test_any_single_character_change_breaks_a_base58_bitcoin_address(address: str) -> None:
    for mutant in _single_substitutions(address, BASE58_ALPHABET):
        assert not is_valid_bitcoin_address(mutant), mutant


@pytest.mark.parametrize(
    "address",
    [
        base58check_encode(bytes([0x6F]) + bytes(20)),  # testnet P2PKH version
        base58check_encode(bytes([0xC4]) + bytes(20)),  # testnet P2SH version
        base58check_encode(bytes([0x00]) + bytes(19)),  # hash160 one byte short
        base58check_encode(bytes([0x05]) + bytes(21)),  # hash160 one byte long
        USDT_TRC20,
        P2PKH + "1",
        "1" * 100,
    ],
)
def test_invalid_base58_bitcoin_addresses(address: str) -> None:
    assert not is_valid_bitcoin_address(address)


# --------------------------------------------------------------------------------------------------
# Bitcoin: bech32 / bech32m (BIP-173 and BIP-350 test vectors, verbatim)
# --------------------------------------------------------------------------------------------------

BECH32_VALID = [
    "A12UEL5L",
    "a12uel5l",
    "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
    "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
    "?1ezyfcl",
]
BECH32M_VALID = [
    "A1LQFN3A",
    "a1lqfn3a",
    "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
    "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
    "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
    "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
    "?1v759aa",
]
BECH32_INVALID = [
    "\x201nwldj5",
    "\x7f1axkwrx",
    "\x801eym55h",
    "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
    "pzry9x0s0muk",
    "1pzry9x0s0muk",
    "x1b4n0q5v",
    "li1dgmt3",
    "de1lg7wt\xff",
    "A1G7SGD8",
    "10a06t8",
    "1qzzfhee",
]
BECH32M_INVALID = [
    "\x201xj0phk",
    "\x7f1g6xzxy",
    "\x801vctc34",
    "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
    "qyrz8wqd2c9m",
    "1qyrz8wqd2c9m",
    "y1b0jsk6g",
    "lt1igcx5c0",
    "in1muywd",
    "mm1crxm3i",
    "au1s5cgom",
    "M1VUXWEZ",
    "16plkw9",
    "1p2gdwpf",
]


@pytest.mark.parametrize("text", BECH32_VALID)
def test_bip173_checksum_vectors_decode_as_bech32(text: str) -> None:
    decoded = addresses._bech32_decode(text)
    assert decoded is not None
    assert decoded[2] == addresses._BECH32_CONSTANT


@pytest.mark.parametrize("text", BECH32M_VALID)
def test_bip350_checksum_vectors_decode_as_bech32m(text: str) -> None:
    decoded = addresses._bech32_decode(text)
    assert decoded is not None
    assert decoded[2] == addresses._BECH32M_CONSTANT


@pytest.mark.parametrize("text", BECH32_INVALID + BECH32M_INVALID)
def test_invalid_checksum_vectors_do_not_decode(text: str) -> None:
    assert addresses._bech32_decode(text) is None


# (address, scriptPubKey hex). Mainnet ones must validate; testnet ones are well formed but for another network.
SEGWIT_VALID = [
    ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6"),
    (
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
        "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
    ),
    (
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
        "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6",
    ),
    ("BC1SW50QGDZ25J", "6002751e"),
    ("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323"),
    (
        "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
        "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    ),
    (
        "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
        "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    ),
    (
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
    ),
]
MAINNET_SEGWIT_VALID = [address for address, _ in SEGWIT_VALID if address.lower().startswith("bc1")]

SEGWIT_INVALID = [
    # BIP-350
    "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",  # invalid human-readable part
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",  # bech32 instead of bech32m
    "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",  # bech32 instead of bech32m
    "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",  # bech32 instead of bech32m
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",  # bech32m instead of bech32
    "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",  # bech32m instead of bech32
    "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",  # invalid character in checksum
    "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",  # invalid witness version
    "bc1pw5dgrnzv",  # program length 1
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",  # program length 41
    "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",  # program length 16 is not allowed for v0
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",  # mixed case
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",  # zero padding of more than 4 bits
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",  # non-zero padding in 8-to-5 conversion
    "bc1gmk9yu",  # empty data section
    # BIP-173 (those not repeated above)
    "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty",  # invalid human-readable part
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",  # invalid checksum
    "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2",  # invalid witness version
    "bc1rw5uspcuh",  # invalid program length
    "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",  # invalid program length
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",  # mixed case
    "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",  # zero padding of more than 4 bits
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv",  # non-zero padding in 8-to-5 conversion
    # BIP-173's valid v1+ addresses, which BIP-350 retired by requiring bech32m for them
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
    "BC1SW50QA3JX3S",
    "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj",
]


def _script_pubkey(version: int, program: bytes) -> str:
    """BIP-141 output script: OP_0 or OP_1..OP_16, then a push of the program."""
    opcode = 0 if version == 0 else 0x50 + version
    return bytes([opcode, len(program)]).hex() + program.hex()


@pytest.mark.parametrize(("address", "script_pubkey"), SEGWIT_VALID)
def test_segwit_vectors_decode_to_their_script_pubkey(address: str, script_pubkey: str) -> None:
    hrp = address[:2].lower()
    decoded = addresses._decode_segwit_address(hrp, address)
    assert decoded is not None
    assert _script_pubkey(*decoded) == script_pubkey
    assert is_valid_bitcoin_address(address) == (hrp == "bc")


@pytest.mark.parametrize("address", SEGWIT_INVALID)
def test_invalid_segwit_vectors_are_rejected_for_every_network(address: str) -> None:
    assert not is_valid_bitcoin_address(address)
    assert addresses._decode_segwit_address("bc", address) is None
    assert addresses._decode_segwit_address("tb", address) is None


def _bech32m_address(hrp: str, groups: list[int]) -> str:
    """Encode 5-bit `groups` under `hrp` with a valid bech32m checksum, however malformed the groups are."""
    residue = addresses._bech32_polymod([*addresses._bech32_hrp_expand(hrp), *groups, 0, 0, 0, 0, 0, 0])
    residue ^= addresses._BECH32M_CONSTANT
    checksum = [(residue >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[g] for g in groups + checksum)


def test_padding_of_five_or_more_bits_is_rejected_even_when_zero() -> None:
    # 8 groups carry exactly 5 bytes; a 9th all-zero group adds 5 padding bits, one more than BIP-173 allows.
    program_groups = [1, 2, 3, 4, 5, 6, 7, 8]
    assert addresses._bech32_decode(_bech32m_address("bc", [1, *program_groups])) is not None
    assert is_valid_bitcoin_address(_bech32m_address("bc", [1, *program_groups]))
    assert addresses._bech32_decode(_bech32m_address("bc", [1, *program_groups, 0])) is not None
    assert not is_valid_bitcoin_address(_bech32m_address("bc", [1, *program_groups, 0]))


@pytest.mark.parametrize("address", MAINNET_SEGWIT_VALID)
def test_any_single_character_change_breaks_a_segwit_address(address: str) -> None:
    # bech32 and bech32m detect every substitution of up to 4 characters, so each mutant must fail.
    lower = address.lower()
    data_start = lower.rfind("1") + 1
    mutants = [_replace(lower, i, _next_in(BECH32_CHARSET, lower[i])) for i in range(data_start, len(lower))]
    assert mutants
    for mutant in mutants:
        assert not is_valid_bitcoin_address(mutant), mutant


# --------------------------------------------------------------------------------------------------
# Anything that is not a string
# --------------------------------------------------------------------------------------------------

VALIDATORS: list[Callable[[object], bool]] = [
    is_valid_ethereum_address,
    is_valid_tron_address,
    is_valid_bitcoin_address,
]


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda v: v.__name__)
@pytest.mark.parametrize("value", [None, "", 0, 41, b"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", [P2PKH], object()])
def test_validators_return_false_for_non_addresses_instead_of_raising(
    validator: Callable[[object], bool], value: object
) -> None:
    assert validator(value) is False
