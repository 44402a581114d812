"""The generated MPChat client with `MPChatAuth` installed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from mpchat_client import AuthenticatedClient

from ...core.clients import with_auth
from . import SANDBOX_URL
from .auth import MPChatAuth


def client(
    key_id: str, secret: str, base_url: str = SANDBOX_URL, clock: Callable[[], float] = time.time, **kwargs: Any
) -> AuthenticatedClient:
    """The generated MPChat client signing every request with a fresh `{key_id}:{ts}:{hmac}` bearer.

    `clock` timestamps the signatures (replace it only to test clock skew); extra keyword arguments
    go to `AuthenticatedClient`.
    """
    return with_auth(AuthenticatedClient, base_url, MPChatAuth(key_id, secret, clock=clock), **kwargs)
