"""MPChat (MP Merchant API): base URLs and the authenticated client factory."""

from __future__ import annotations

from typing import Any

from mpchat_client import AuthenticatedClient

from .auth import MPChatAuth

PRODUCTION_URL = "https://api.mpchat.com"
SANDBOX_URL = "https://api-sandbox.mpchat.com"

__all__ = ["PRODUCTION_URL", "SANDBOX_URL", "MPChatAuth", "client"]


def client(key_id: str, secret: str, base_url: str = SANDBOX_URL, **kwargs: Any) -> AuthenticatedClient:
    """The generated MPChat client with per-request HMAC signing installed.

    Extra keyword arguments go to `AuthenticatedClient` (timeout, headers, httpx_args, ...). The
    static token slot is left empty: `MPChatAuth` writes a fresh `Authorization` on every request.
    """
    httpx_args = dict(kwargs.pop("httpx_args", {}))
    httpx_args["auth"] = MPChatAuth(key_id, secret)
    return AuthenticatedClient(base_url=base_url, token="", prefix="", httpx_args=httpx_args, **kwargs)
