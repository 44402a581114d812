"""The generated 1Konto client with `OneKontoAuth` installed, and the account it works on."""

from __future__ import annotations

from typing import Any

from attrs import define, field
from onekonto_client import AuthenticatedClient

from ...core.clients import with_auth
from .auth import OneKontoAuth


@define
class OneKontoClient(AuthenticatedClient):
    """The generated client plus the account it works on, since every 1Konto path names one.

    `account_id` is only a convenience for the caller (`list_withdraw_requests.sync(c.account_id,
    client=c)`); the token decides which accounts the server actually opens.
    """

    account_id: str = field(default="", kw_only=True)


def client(user: str, password: str, account_id: str, *, base_url: str, **kwargs: Any) -> OneKontoClient:
    """The generated 1Konto client, logging in as `user` on first use and again before the token expires.

    `password` is hashed (SHA-256, lowercase hex) before it is sent and is not kept. Extra keyword
    arguments go to `AuthenticatedClient` (timeout, headers, httpx_args, ...); the static token slot
    stays empty because `OneKontoAuth` writes `Authorization` on every request.
    """
    return with_auth(OneKontoClient, base_url, OneKontoAuth(user, password), account_id=account_id, **kwargs)
