"""Common network codes, as CCXT names them, and what each provider calls the same network.

Apps name networks once (`TRC20`, `ERC20`, `BEP20`, `BTC`, `MATIC`, ...) and each provider gets its
own word: BigONE's gateway `Tron`, SmartyPay's blockchain `BinanceMainNet`, kamiPay's chain
`polygon`. A provider's own name is accepted as it is, so networks missing here still work.
"""

from __future__ import annotations

from collections.abc import Mapping

# common code -> provider -> the provider's name for it. BigONE's names follow CCXT's BigONE map;
# 1Konto's follow the lowercase chain names in its examples.
NETWORKS: Mapping[str, Mapping[str, str]] = {
    "TRC20": {"mpchat": "TRC20", "bigone": "Tron", "onekonto": "tron"},
    "ERC20": {"mpchat": "ERC20", "bigone": "Ethereum", "smartypay": "EthereumMainNet"},
    "BEP20": {"bigone": "BinanceSmartChain", "smartypay": "BinanceMainNet"},
    "MATIC": {"bigone": "Polygon", "kamipay": "polygon", "smartypay": "PolygonMainNet"},
    "ARBONE": {"smartypay": "ArbitrumMainNet"},
    "BTC": {"bigone": "Bitcoin", "onekonto": "bitcoin"},
    "EOS": {"bigone": "EOS"},
}

_COMMON_OF: Mapping[str, Mapping[str, str]] = {
    provider: {names[provider]: code for code, names in NETWORKS.items() if provider in names}
    for provider in {p for names in NETWORKS.values() for p in names}
}


def provider_network(provider: str, network: str) -> str:
    """The provider's name for `network`: a common code is translated, anything else passes as given."""
    return NETWORKS.get(network.upper(), {}).get(provider, network)


def common_network(provider: str, name: str | None) -> str | None:
    """The common code for the provider's network `name`, or `name` itself when there is none."""
    if name is None:
        return None
    return _COMMON_OF.get(provider, {}).get(name, name)


def known_networks(provider: str) -> frozenset[str]:
    """The common codes that map to one of the provider's networks."""
    return frozenset(code for code, names in NETWORKS.items() if provider in names)
