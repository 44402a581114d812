"""The assets and chains ("gateways") the BigONE emulator supports, and their withdrawal rules.

The documentation names five gateways (`Bitcoin`, `Ethereum`, `Tron`, `EOS`, `Mixin`) and publishes
no fees, precisions or memo rules; those come from BigONE's undocumented web asset list as third-party
clients show it, rounded to simple values. They are the emulator's defaults, not the provider's terms.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ...chains import is_valid_bitcoin_address, is_valid_ethereum_address, is_valid_tron_address

_EOS_ACCOUNT = re.compile(r"[a-z1-5.]{0,11}[a-z1-5]")


def is_valid_eos_account(address: object) -> bool:
    """An EOS account name: 1-12 of `a-z`, `1-5` and `.`, not ending in a dot."""
    return isinstance(address, str) and _EOS_ACCOUNT.fullmatch(address) is not None


def is_valid_mixin_recipient(address: object) -> bool:
    """A Mixin Network recipient, taken here to be a user id (a UUID)."""
    if not isinstance(address, str) or len(address) != 36:
        return False
    try:
        return str(uuid.UUID(address)) == address.lower()
    except ValueError:
        return False


@dataclass(frozen=True)
class Gateway:
    name: str
    kind: str  # the withdrawal `kind` it produces
    is_valid_address: Callable[[object], bool]
    memo_required: bool = False
    txid_prefix: str = ""


GATEWAYS: Mapping[str, Gateway] = {
    g.name: g
    for g in (
        Gateway("Bitcoin", "on_chain", is_valid_bitcoin_address),
        Gateway("Ethereum", "on_chain", is_valid_ethereum_address, txid_prefix="0x"),
        Gateway("Tron", "on_chain", is_valid_tron_address),
        Gateway("EOS", "on_chain", is_valid_eos_account, memo_required=True),
        Gateway("Mixin", "off_chain", is_valid_mixin_recipient),
    )
}


def new_txid(gateway: Gateway) -> str:
    """A random 32-byte transaction hash in hex, written as the gateway's explorers write it."""
    return gateway.txid_prefix + secrets.token_hex(32)


@dataclass(frozen=True)
class Asset:
    symbol: str
    scale: int  # most decimals a withdrawal amount may have
    fees: Mapping[str, str]  # gateway name -> flat fee, charged on top of the amount
    default_gateway: str

    def fee(self, gateway: str, overrides: Mapping[str, Mapping[str, str]] | None = None) -> Decimal:
        return Decimal({**self.fees, **(overrides or {}).get(self.symbol, {})}[gateway])


ASSETS: Mapping[str, Asset] = {
    a.symbol: a
    for a in (
        Asset("BTC", 8, {"Bitcoin": "0.0005", "Mixin": "0"}, "Bitcoin"),
        Asset("ETH", 8, {"Ethereum": "0.005", "Mixin": "0"}, "Ethereum"),
        Asset("USDT", 6, {"Tron": "1", "Ethereum": "5", "Mixin": "0"}, "Tron"),
        Asset("TRX", 6, {"Tron": "1"}, "Tron"),
        Asset("EOS", 4, {"EOS": "0.1"}, "EOS"),
    )
}
