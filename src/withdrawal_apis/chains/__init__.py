"""Withdrawal destination addresses, validated the way the chains themselves validate them.

The emulators reject a withdrawal whose destination a real node or wallet would reject, and the
conformance profiles generate destinations that pass the same checks, so the rules live here, apart
from both: importing this package loads neither a client nor the emulator engine.

* `evm`: Ethereum-style accounts, `0x` + 40 hex digits with the EIP-55 mixed-case checksum.
* `tron`: Tron T-addresses, Base58Check with version byte 0x41.
* `bitcoin`: mainnet P2PKH and P2SH (Base58Check) and native segwit (bech32 for v0, bech32m for v1+).

The checksums come from maintained libraries: Keccak-256 from pycryptodome, Base58Check from
`base58`, bech32 and bech32m from `bech32m` (the BIP-350 reference code).
"""

from .bitcoin import decode_segwit_address, is_valid_bitcoin_address
from .evm import (
    ACCOUNT_BYTES,
    eth_checksum_address,
    ethereum_address_from_bytes,
    is_valid_ethereum_address,
    random_ethereum_address,
    same_address,
)
from .tron import is_valid_tron_address, random_tron_address, tron_address_from_bytes

__all__ = [
    "ACCOUNT_BYTES",
    "decode_segwit_address",
    "eth_checksum_address",
    "ethereum_address_from_bytes",
    "is_valid_bitcoin_address",
    "is_valid_ethereum_address",
    "is_valid_tron_address",
    "random_ethereum_address",
    "random_tron_address",
    "same_address",
    "tron_address_from_bytes",
]
