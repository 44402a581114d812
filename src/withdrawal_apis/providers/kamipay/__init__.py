"""kamiPay: USDT and MATIC withdrawals on Polygon from a merchant's wallets, form login then a JWT bearer.

from withdrawal_apis.providers import kamipay
api = kamipay.client(username, password, base_url=kamipay.DEVELOPMENT_URL)   # logs in as needed
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...registry import Provider, Settings, lazy

PRODUCTION_URL = "https://api.kamipay.io"
"""The host in the Go sample of kamiPay's address-balance page."""
DEVELOPMENT_URL = "https://devnakamotoapi2.kamipay.io"
"""The development host a third-party integration uses; kamiPay's own pages do not name one."""

PROVIDER = Provider(
    name="kamipay",
    title="kamiPay",
    docs_url="https://apidocs.kamipay.io/docs/api-reference/introduction",
    # `wallet`: the merchant wallet to pay from; needed only when the merchant has several.
    settings=Settings("username", "password", optional=("wallet",)),
    urls={"production": PRODUCTION_URL, "development": DEVELOPMENT_URL},
    networks={"MATIC": "polygon"},
)

if TYPE_CHECKING:
    from .auth import KamipayAuth
    from .factory import client, exact_json, withdraw_exact

__all__ = ["DEVELOPMENT_URL", "PRODUCTION_URL", "PROVIDER", "KamipayAuth", "client", "exact_json", "withdraw_exact"]
_LAZY = {"client": "factory", "exact_json": "factory", "withdraw_exact": "factory", "KamipayAuth": "auth"}


def __getattr__(name: str) -> Any:
    return lazy(__name__, name, _LAZY)
