"""The assets, chains ("gateways") and asset pairs the BigONE emulator supports, and their rules.

The documentation names five gateways (`Bitcoin`, `Ethereum`, `Tron`, `EOS`, `Mixin`) and publishes
no fees, minimums, precisions or memo rules; those come from BigONE's undocumented asset list
(`GET /assets`) as third-party clients show it, rounded to simple values. They are the emulator's
defaults, not the provider's terms, and the emulator serves this same table as its `GET /assets` and
`GET /asset_pairs`, so what a client reads there is what the emulator enforces.
"""

from __future__ import annotations

import re
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


# Stable identifiers for the public listings (BigONE's are UUIDs too; these are ours).
_IDS = uuid.UUID("5b1d0c8e-2f47-4a6b-9c3e-8d7f6a5b4c3d")


def listing_id(*names: str) -> str:
    """A UUID that names one asset, gateway binding or pair of the listings, the same on every run."""
    return str(uuid.uuid5(_IDS, "/".join(names)))


@dataclass(frozen=True)
class Asset:
    symbol: str
    name: str
    scale: int  # most decimals a withdrawal or transfer amount may have
    fees: Mapping[str, str]  # gateway name -> flat fee, charged on top of the amount
    minimums: Mapping[str, str]  # gateway name -> smallest amount a withdrawal may send
    default_gateway: str

    @property
    def uuid(self) -> str:
        return listing_id(self.symbol)

    def fee(self, gateway: str, overrides: Mapping[str, Mapping[str, str]] | None = None) -> Decimal:
        return Decimal({**self.fees, **(overrides or {}).get(self.symbol, {})}[gateway])

    def minimum(self, gateway: str, overrides: Mapping[str, Mapping[str, str]] | None = None) -> Decimal:
        return Decimal({**self.minimums, **(overrides or {}).get(self.symbol, {})}[gateway])


def _asset(symbol: str, name: str, scale: int, default: str, **gateways: tuple[str, str]) -> Asset:
    """An asset with its gateways, each given as (fee, minimum withdrawal)."""
    fees = {gateway: fee for gateway, (fee, _) in gateways.items()}
    minimums = {gateway: minimum for gateway, (_, minimum) in gateways.items()}
    return Asset(symbol, name, scale, fees, minimums, default)


ASSETS: Mapping[str, Asset] = {
    a.symbol: a
    for a in (
        _asset("BTC", "Bitcoin", 8, "Bitcoin", Bitcoin=("0.0005", "0.001"), Mixin=("0", "0.0001")),
        _asset("ETH", "Ethereum", 8, "Ethereum", Ethereum=("0.005", "0.01"), Mixin=("0", "0.001")),
        _asset("USDT", "TetherUS", 6, "Tron", Tron=("1", "1"), Ethereum=("5", "10"), Mixin=("0", "0.01")),
        _asset("TRX", "TRON", 6, "Tron", Tron=("1", "1")),
        _asset("EOS", "EOS", 4, "EOS", EOS=("0.1", "1")),
    )
}


@dataclass(frozen=True)
class AssetPair:
    """A spot market as `GET /asset_pairs` lists it (the emulator does not trade; ccxt reads these)."""

    base: str
    quote: str
    base_scale: int
    quote_scale: int
    min_quote_value: str
    max_quote_value: str

    @property
    def name(self) -> str:
        return f"{self.base}-{self.quote}"


PAIRS: tuple[AssetPair, ...] = (
    AssetPair("BTC", "USDT", 6, 2, "1", "500000"),
    AssetPair("ETH", "USDT", 4, 2, "1", "500000"),
    AssetPair("ETH", "BTC", 4, 6, "0.0001", "35"),
    AssetPair("TRX", "USDT", 1, 5, "1", "100000"),
    AssetPair("EOS", "USDT", 2, 4, "1", "100000"),
)
