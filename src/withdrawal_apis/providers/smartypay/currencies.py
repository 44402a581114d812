"""SmartyPay's currency codes and blockchains: which token a code is, on which chain, with how many decimals.

A SmartyPay currency code names one token on one chain (`bUSDT` is USDT on BNB Smart Chain, `eUSDT`
the same token on Ethereum). The codes, chains and decimals are those of the provider's own client
model (smarty-pay/smartypay-client-model, `src/model/Currency.ts`, `tokens.ts` and `blockchains.ts`
as of its "Token codes update" of May 2025). The provider adds codes over time; its currencies
dictionary is authoritative. The emulator and the payouts interface both read these tables.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    token: str  # the asset symbol apps use
    blockchain: str
    decimals: int


CURRENCIES: dict[str, Currency] = {
    # BinanceMainNet
    "bBUSD": Currency("BUSD", "BinanceMainNet", 18),
    "bUSDT": Currency("USDT", "BinanceMainNet", 18),
    # BinanceTestNet
    "btMNXe": Currency("MNXe", "BinanceTestNet", 8),
    "btUSDTv2": Currency("USDT", "BinanceTestNet", 18),
    "btBUSD": Currency("BUSD", "BinanceTestNet", 18),
    "btUSDT": Currency("USDT", "BinanceTestNet", 18),
    "btUSDC": Currency("USDC", "BinanceTestNet", 18),
    # PolygonMainNet
    "pUSDC": Currency("USDC", "PolygonMainNet", 6),
    "pUSDT": Currency("USDT", "PolygonMainNet", 6),
    # PolygonAmoy
    "paUSDC": Currency("USDC", "PolygonAmoy", 18),
    "paUSDT": Currency("USDT", "PolygonAmoy", 18),
    # ArbitrumMainNet
    "aUSDC": Currency("USDC", "ArbitrumMainNet", 6),
    "aUSDT": Currency("USDT", "ArbitrumMainNet", 6),
    # ArbitrumSepolia
    "asUSDC": Currency("USDC", "ArbitrumSepolia", 18),
    "asUSDT": Currency("USDT", "ArbitrumSepolia", 18),
    # EthereumMainNet
    "eUSDT": Currency("USDT", "EthereumMainNet", 6),
    "eUSDC": Currency("USDC", "EthereumMainNet", 6),
    "eDAI": Currency("DAI", "EthereumMainNet", 18),
    # EthereumSepolia
    "esUSDT": Currency("USDT", "EthereumSepolia", 18),
    "esUSDC": Currency("USDC", "EthereumSepolia", 18),
}

# Codes the client model used before: the Mumbai tokens became `paUSDC`/`paUSDT` on Amoy (April
# 2024) and the Ethereum codes gained an `e` prefix (May 2025). Old withdrawals may still carry them.
RETIRED_CURRENCIES: dict[str, str] = {
    "pmUSDC": "paUSDC",
    "pmUSDT": "paUSDT",
    "USDT": "eUSDT",
    "USDC": "eUSDC",
    "DAI": "eDAI",
    "sUSDT": "esUSDT",
    "sUSDC": "esUSDC",
}


@dataclass(frozen=True)
class Chain:
    net: str  # "MainNet" or "TestNet", the values of the search predicate `network`
    chain_id: int
    native: str  # the native token that pays gas
    active: bool = True


BLOCKCHAINS: dict[str, Chain] = {
    "BinanceMainNet": Chain("MainNet", 56, "BNB"),
    "BinanceTestNet": Chain("TestNet", 97, "BNB"),
    "PolygonMainNet": Chain("MainNet", 137, "MATIC"),
    "PolygonAmoy": Chain("TestNet", 80002, "MATIC"),
    "ArbitrumMainNet": Chain("MainNet", 42161, "ETH"),
    "ArbitrumSepolia": Chain("TestNet", 421614, "ETH"),
    "EthereumMainNet": Chain("MainNet", 1, "ETH"),
    "EthereumSepolia": Chain("TestNet", 11155111, "ETH"),
    # Mumbai, Polygon's former test network, was replaced by Amoy in April 2024.
    "PolygonMumbaiNet": Chain("TestNet", 80001, "MATIC", active=False),
}
NATIVE_DECIMALS = 18  # BNB, MATIC and ETH alike: gas balances are integers in wei
