"""SmartyPay's currency codes: the token each one is and the blockchain it lives on.

A SmartyPay currency code names a token on one chain (`bUSDT` is USDT on BNB Smart Chain). The
emulator and the payouts interface both read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    token: str  # the asset symbol apps use
    blockchain: str
    decimals: int


# From the provider's official client model.
CURRENCIES: dict[str, Currency] = {
    "bBUSD": Currency("BUSD", "BinanceMainNet", 18),
    "bUSDT": Currency("USDT", "BinanceMainNet", 18),
    "btMNXe": Currency("MNXe", "BinanceTestNet", 8),
    "btUSDTv2": Currency("USDT", "BinanceTestNet", 18),
    "btBUSD": Currency("BUSD", "BinanceTestNet", 18),
    "pUSDC": Currency("USDC", "PolygonMainNet", 6),
    "pUSDT": Currency("USDT", "PolygonMainNet", 6),
    "pmUSDC": Currency("USDC", "PolygonMumbaiNet", 18),
    "pmUSDT": Currency("USDT", "PolygonMumbaiNet", 18),
    "aUSDC": Currency("USDC", "ArbitrumMainNet", 6),
    "aUSDT": Currency("USDT", "ArbitrumMainNet", 6),
    "asUSDC": Currency("USDC", "ArbitrumSepolia", 18),
    "asUSDT": Currency("USDT", "ArbitrumSepolia", 18),
    "USDT": Currency("USDT", "EthereumMainNet", 6),
    "USDC": Currency("USDC", "EthereumMainNet", 6),
    "DAI": Currency("DAI", "EthereumMainNet", 18),
    "sUSDT": Currency("USDT", "EthereumSepolia", 18),
    "sUSDC": Currency("USDC", "EthereumSepolia", 18),
}
