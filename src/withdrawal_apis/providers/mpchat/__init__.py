"""MPChat (MP Merchant API): USDT withdrawals on TRC20 and ERC20 with a two-level review, HMAC-signed bearer keys.

from withdrawal_apis.providers import mpchat
api = mpchat.client(key_id, secret, base_url=mpchat.SANDBOX_URL)   # the generated client, signing each request
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...registry import Provider, Settings, lazy

PRODUCTION_URL = "https://api.mpchat.com"
SANDBOX_URL = "https://api-sandbox.mpchat.com"

PROVIDER = Provider(
    name="mpchat",
    title="MPChat (MP Merchant API)",
    docs_url="https://merchant.mutualprotocal.com/docs/api",
    settings=Settings("key_id", "secret"),
    urls={"production": PRODUCTION_URL, "sandbox": SANDBOX_URL},
    networks={"TRC20": "TRC20", "ERC20": "ERC20"},
)

if TYPE_CHECKING:
    from .auth import MPChatAuth
    from .factory import client

__all__ = ["PRODUCTION_URL", "PROVIDER", "SANDBOX_URL", "MPChatAuth", "client"]
_LAZY = {"client": "factory", "MPChatAuth": "auth"}


def __getattr__(name: str) -> Any:
    return lazy(__name__, name, _LAZY)
