"""BigONE (OpenAPI v3, spot withdrawals): withdrawals by gateway with a trusted-address list, a per-request HS256 JWT.

from withdrawal_apis.providers import bigone
api = bigone.client(api_key, secret)   # the generated client, a fresh JWT on every request
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...registry import Provider, Settings, lazy

PRODUCTION_URL = "https://big.one/api/v3"
PRODUCTION_URL_NEW_HOST = "https://api.big.one/api/v3"
SANDBOX_URL = "http://127.0.0.1:8000"  # BigONE has no sandbox; this is `withdrawal-apis sandbox bigone`

PROVIDER = Provider(
    name="bigone",
    title="BigONE",
    docs_url="https://open.bigone.com/docs/getting-started",
    settings=Settings("api_key", "secret", env={"secret": "BIGONE_API_SECRET"}),
    urls={"production": PRODUCTION_URL, "production (new host)": PRODUCTION_URL_NEW_HOST},
    # Gateway names as CCXT's BigONE map has them.
    networks={
        "TRC20": "Tron",
        "ERC20": "Ethereum",
        "BEP20": "BinanceSmartChain",
        "MATIC": "Polygon",
        "BTC": "Bitcoin",
        "EOS": "EOS",
    },
)

if TYPE_CHECKING:
    from .auth import BigONEAuth
    from .factory import client

__all__ = ["PRODUCTION_URL", "PRODUCTION_URL_NEW_HOST", "PROVIDER", "SANDBOX_URL", "BigONEAuth", "client"]
_LAZY = {"client": "factory", "BigONEAuth": "auth"}


def __getattr__(name: str) -> Any:
    return lazy(__name__, name, _LAZY)
