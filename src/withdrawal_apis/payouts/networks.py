"""Common network codes, as CCXT names them, and what each provider calls the same network.

Apps name networks once (`TRC20`, `ERC20`, `BEP20`, `BTC`, `MATIC`, ...) and each provider gets its
own word (a gateway `Tron`, a blockchain `BinanceMainNet`, a chain `polygon`). Each provider declares
its names in its registry entry (`Provider.networks`); a provider's own name is accepted as it is, so
networks missing there still work.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..registry import PROVIDERS, get

NETWORKS: Mapping[str, Mapping[str, str]] = {
    code: {p.name: p.networks[code] for p in PROVIDERS if code in p.networks}
    for code in dict.fromkeys(code for p in PROVIDERS for code in p.networks)
}
"""Common code -> provider -> the provider's name for it."""


def provider_network(provider: str, network: str) -> str:
    """The provider's name for `network`: a common code is translated, anything else passes as given."""
    return get(provider).networks.get(network.upper(), network)


def common_network(provider: str, name: str | None) -> str | None:
    """The common code for the provider's network `name`, or `name` itself when there is none."""
    if name is None:
        return None
    return next((code for code, own in get(provider).networks.items() if own == name), name)


def known_networks(provider: str) -> frozenset[str]:
    """The common codes that map to one of the provider's networks."""
    return frozenset(get(provider).networks)
