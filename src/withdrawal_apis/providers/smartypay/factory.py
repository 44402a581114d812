"""The generated SmartyPay client with the chosen scheme's auth installed."""

from __future__ import annotations

from typing import Any

from smartypay_client import AuthenticatedClient

from ...core.clients import with_auth
from . import PRODUCTION_URL
from .auth import make_auth


def client(
    api_key: str, secret: str, base_url: str = PRODUCTION_URL, scheme: str = "hmac", **kwargs: Any
) -> AuthenticatedClient:
    """The generated SmartyPay client, authenticating every request with `scheme` (`"hmac"` or `"basic"`).

    HMAC signs timestamp, method, URI and the exact body bytes of each request; Basic sends the key
    and secret. Extra keyword arguments go to `AuthenticatedClient` (timeout, headers, httpx_args, ...);
    its static token slot is left empty because the installed `httpx.Auth` writes the credentials.
    """
    return with_auth(AuthenticatedClient, base_url, make_auth(api_key, secret, scheme), **kwargs)
