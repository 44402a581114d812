"""SmartyPay (partner API): a merchant's balance swept to its confirmed address, HTTP Basic or HMAC headers.

from withdrawal_apis.providers import smartypay
api = smartypay.client(api_key, secret, scheme="hmac")   # signs timestamp, method, URI and body
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...registry import Provider, Settings, lazy

PRODUCTION_URL = "https://partner-api.smartypay.io"
"""The only partner host the docs give; staging keys exist, a staging host is not published."""

PROVIDER = Provider(
    name="smartypay",
    title="SmartyPay (Partner API)",
    docs_url="https://partner-docs.smartypay.io",
    # `merchant_id`: the partner's merchant to pay out for; `scheme`: "hmac" (default) or "basic".
    settings=Settings("api_key", "secret", required=("merchant_id",), optional=("scheme",)),
    urls={"production": PRODUCTION_URL},
    networks={
        "ERC20": "EthereumMainNet",
        "BEP20": "BinanceMainNet",
        "MATIC": "PolygonMainNet",
        "ARBONE": "ArbitrumMainNet",
    },
)

if TYPE_CHECKING:
    from .auth import SmartyPayBasicAuth, SmartyPayHmacAuth
    from .factory import client

__all__ = ["PRODUCTION_URL", "PROVIDER", "SmartyPayBasicAuth", "SmartyPayHmacAuth", "client"]
_LAZY = {"client": "factory", "SmartyPayBasicAuth": "auth", "SmartyPayHmacAuth": "auth"}


def __getattr__(name: str) -> Any:
    return lazy(__name__, name, _LAZY)
