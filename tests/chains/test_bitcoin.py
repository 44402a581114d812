"""Bitcoin mainnet addresses against BIP-173's and BIP-350's published vectors, verbatim."""

from __future__ import annotations

import base58
import bech32m.codecs
import pytest

from withdrawal_apis.chains import decode_segwit_address, is_valid_bitcoin_address

from .mutations import BASE58_ALPHABET, BECH32_CHARSET, single_substitutions

# --------------------------------------------------------------------------------------------------
# P2PKH / P2SH (Base58Check)
# --------------------------------------------------------------------------------------------------

P2PKH = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
USDT_TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def _base58check(payload: bytes) -> str:
    return base58.b58encode_check(payload).decode()


def test_base58_bitcoin_addresses() -> None:
    assert is_valid_bitcoin_address(P2PKH)
    assert is_valid_bitcoin_address(P2SH)
    assert base58.b58decode_check(P2PKH).hex() == "0077bff20c60e522dfaa3350c39b030a5d004e839a"


@pytest.mark.parametrize("address", [P2PKH, P2SH])
def test_any_single_character_change_breaks_a_base58_bitcoin_address(address: str) -> None:
    for mutant in single_substitutions(address, BASE58_ALPHABET):
        assert not is_valid_bitcoin_address(mutant), mutant


@pytest.mark.parametrize(
    "address",
    [
        _base58check(bytes([0x6F]) + bytes(20)),  # testnet P2PKH version
        _base58check(bytes([0xC4]) + bytes(20)),  # testnet P2SH version
        _base58check(bytes([0x00]) + bytes(19)),  # hash160 one byte short
        _base58check(bytes([0x05]) + bytes(21)),  # hash160 one byte long
        USDT_TRC20,
        P2PKH + "1",
        P2PKH + "\n",  # within the length limit, and the Base58 library alone would strip it
        P2PKH + " ",
        "1" * 100,
    ],
)
def test_invalid_base58_bitcoin_addresses(address: str) -> None:
    assert not is_valid_bitcoin_address(address)


# --------------------------------------------------------------------------------------------------
# bech32 / bech32m checksums: the vectors hold for the library the segwit rules are built on
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
    assert bech32m.codecs.bech32_decode(text)[2] is bech32m.codecs.Encoding.BECH32


@pytest.mark.parametrize("text", BECH32M_VALID)
def test_bip350_checksum_vectors_decode_as_bech32m(text: str) -> None:
    assert bech32m.codecs.bech32_decode(text)[2] is bech32m.codecs.Encoding.BECH32M


@pytest.mark.parametrize("text", BECH32_INVALID + BECH32M_INVALID)
def test_invalid_checksum_vectors_do_not_decode(text: str) -> None:
    with pytest.raises(bech32m.DecodeError):
        bech32m.codecs.bech32_decode(text)


# --------------------------------------------------------------------------------------------------
# Segwit addresses
# --------------------------------------------------------------------------------------------------

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
    decoded = decode_segwit_address(address, hrp)
    assert decoded is not None
    assert _script_pubkey(*decoded) == script_pubkey
    assert is_valid_bitcoin_address(address) == (hrp == "bc")


@pytest.mark.parametrize("address", SEGWIT_INVALID)
def test_invalid_segwit_vectors_are_rejected_for_every_network(address: str) -> None:
    assert not is_valid_bitcoin_address(address)
    assert decode_segwit_address(address) is None
    assert decode_segwit_address(address, "tb") is None


def _bech32m_address(hrp: str, groups: list[int]) -> str:
    """Encode 5-bit `groups` under `hrp` with a valid bech32m checksum, however malformed the groups are."""
    return bech32m.codecs.bech32_encode(hrp, bytes(groups), bech32m.codecs.Encoding.BECH32M)


def test_padding_of_five_or_more_bits_is_rejected_even_when_zero() -> None:
    # 8 groups carry exactly 5 bytes; a 9th all-zero group adds 5 padding bits, one more than BIP-173 allows.
    program_groups = [1, 2, 3, 4, 5, 6, 7, 8]
    assert bech32m.codecs.bech32_decode(_bech32m_address("bc", [1, *program_groups, 0]))[0] == "bc"  # checksum holds
    assert is_valid_bitcoin_address(_bech32m_address("bc", [1, *program_groups]))
    assert not is_valid_bitcoin_address(_bech32m_address("bc", [1, *program_groups, 0]))


def test_over_long_segwit_strings_are_refused_before_decoding() -> None:
    valid = MAINNET_SEGWIT_VALID[-1]
    assert not is_valid_bitcoin_address(valid + "q" * 1_000_000)


@pytest.mark.parametrize("address", MAINNET_SEGWIT_VALID)
def test_any_single_character_change_breaks_a_segwit_address(address: str) -> None:
    # bech32 and bech32m detect every substitution of up to 4 characters, so each mutant must fail.
    lower = address.lower()
    mutants = single_substitutions(lower, BECH32_CHARSET, start=lower.rfind("1") + 1)
    assert mutants
    for mutant in mutants:
        assert not is_valid_bitcoin_address(mutant), mutant
