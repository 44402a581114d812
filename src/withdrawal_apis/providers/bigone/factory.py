"""The generated BigONE client with `BigONEAuth` installed."""

from __future__ import annotations

from typing import Any

from bigone_client import AuthenticatedClient

from ...core.clients import with_auth
from . import PRODUCTION_URL
from .auth import BigONEAuth


def client(
    api_key: str, secret: str, base_url: str = PRODUCTION_URL, recv_window: int | None = None, **kwargs: Any
) -> AuthenticatedClient:
    """The generated BigONE client with a fresh HS256 JWT signed into every request.

    Extra keyword arguments go to `AuthenticatedClient` (timeout, headers, httpx_args, ...). The
    static token slot stays empty: `BigONEAuth` writes `Authorization` per request, because the
    token's nonce must be within `recv_window` seconds (default 30) of the server clock.
    """
    return with_auth(AuthenticatedClient, base_url, BigONEAuth(api_key, secret, recv_window=recv_window), **kwargs)
