"""The generated kamiPay client with `KamipayAuth` installed, and exact-decimal withdrawals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
from kamipay_client import AuthenticatedClient

from ...core.clients import with_auth
from ...money import loads_exact
from . import DEVELOPMENT_URL
from .auth import LOGIN_PATH, KamipayAuth


def client(username: str, password: str, base_url: str = DEVELOPMENT_URL, **kwargs: Any) -> AuthenticatedClient:
    """The generated kamiPay client, logging in with `username`/`password` as needed.

    Extra keyword arguments go to `AuthenticatedClient` (timeout, headers, httpx_args, ...). The static
    token slot is left empty: `KamipayAuth` writes `Authorization: Bearer <token>` on every request,
    logging in first when it has no token or the token is about to expire.
    """
    auth = KamipayAuth(username, password, login_url=base_url.rstrip("/") + LOGIN_PATH)
    return with_auth(AuthenticatedClient, base_url, auth, **kwargs)


def exact_json(content: bytes | str) -> Any:
    """A kamiPay answer parsed with every JSON number as an exact `Decimal` (`0.1` stays one tenth)."""
    return loads_exact(content)


def withdraw_exact(
    api: AuthenticatedClient, *, token: str, amount: Decimal, from_address: str, to_address: str, chain: str = "polygon"
) -> httpx.Response:
    """`create_withdrawal` with the amount written as the exact number text of a `Decimal`.

    The generated model types `amount` as a float, which cannot hold every 18-decimal MATIC amount;
    this sends the same request with the digits you gave. Read the answer with `exact_json`.
    """
    if not amount.is_finite() or amount <= 0:
        raise ValueError("amount must be a positive, finite Decimal")
    head = json.dumps({"chain": chain, "token": token, "from_address": from_address, "to_address": to_address})
    text = f'{head[:-1]}, "amount": {format(amount, "f")}}}'
    return api.get_httpx_client().post(
        "/v1/wallet/withdraw", content=text.encode(), headers={"Content-Type": "application/json"}
    )
