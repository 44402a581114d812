"""The generated Toy Pay client (`toy_client`) with `ToyAuth` installed."""

from __future__ import annotations

from typing import Any

from toy_client import AuthenticatedClient

from withdrawal_apis.core.clients import with_auth

from .auth import ToyAuth


def client(key_id: str, secret: str, base_url: str, **kwargs: Any) -> AuthenticatedClient:
    return with_auth(AuthenticatedClient, base_url, ToyAuth(key_id, secret), **kwargs)
