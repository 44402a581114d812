"""Tokens an emulator issues expire on its virtual clock: advance it, and the client logs in again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from kamipay_client.api.merchants import list_merchant_wallets
from onekonto_client.api.accounting import get_account

from withdrawal_apis.core.token_auth import TokenLoginAuth
from withdrawal_apis.providers import kamipay, onekonto
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.testing import Emulator


@dataclass(frozen=True)
class Case:
    provider: str
    lifetime: float  # the emulator's default token lifetime, seconds
    client: Callable[[Emulator, str, dict[str, Any]], Any]  # (emulator, account id, its seed) -> generated client
    read: Callable[[Any, str], Any]  # (client, account id) -> detailed response of an authenticated read
    path: Callable[[str], str]  # account id -> the read's path


CASES = [
    Case(
        "kamipay",
        3600,
        lambda e, _, account: kamipay.client(
            account["credentials"][0]["key_id"],
            account["credentials"][0]["secret"],
            base_url=e.base_url,
            httpx_args=e.httpx_args,
        ),
        lambda client, _: list_merchant_wallets.sync_detailed(client=client),
        lambda _: "/v2/merchants/wallets",
    ),
    Case(
        "onekonto",
        24 * 3600,
        lambda e, account_id, account: onekonto.client(
            account["credentials"][0]["key_id"],
            account["credentials"][0]["secret"],
            account_id,
            base_url=e.base_url,
            httpx_args=e.httpx_args,
        ),
        lambda client, account_id: get_account.sync_detailed(account_id, client=client),
        lambda account_id: f"/api/v1/accounting/account/{account_id}",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.provider)
def test_advancing_past_a_token_lifetime_expires_it_and_the_client_logs_in_again(case: Case) -> None:
    with Emulator(case.provider, SandboxConfig(test_mode=True, rate_limit=0)) as emulator:
        account_id, account = next(iter(emulator.seeded.items()))
        client = case.client(emulator, account_id, account)
        assert case.read(client, account_id).status_code == 200
        auth = client.get_httpx_client().auth
        assert isinstance(auth, TokenLoginAuth)
        token = auth._token
        assert auth.logins == 1

        with emulator.http() as raw:
            path = case.path(account_id)
            assert raw.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 200
            emulator.advance(case.lifetime + 1)
            assert raw.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 401

        # The client still believes its token fresh (its own clock has not moved): it sends it, gets
        # the 401, logs in once more and repeats the read with the new token.
        again = case.read(client, account_id)
        assert again.status_code == 200, again.content
        assert auth.logins == 2
        assert auth._token != token
        assert not emulator.violations


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.provider)
def test_disabling_a_user_cuts_its_live_tokens_at_once(case: Case) -> None:
    """A token outlives nothing: the user is checked against the store on every request."""
    with Emulator(case.provider, SandboxConfig(test_mode=True, rate_limit=0)) as emulator:
        account_id, account = next(iter(emulator.seeded.items()))
        client = case.client(emulator, account_id, account)
        assert case.read(client, account_id).status_code == 200
        token = client.get_httpx_client().auth._token

        disabled = [{**account["credentials"][0], "active": False}]
        emulator.seed({"accounts": [{"id": account_id, "credentials": disabled}]})
        with emulator.http() as raw:
            refused = raw.get(case.path(account_id), headers={"Authorization": f"Bearer {token}"})
        assert refused.status_code == 401
        assert not emulator.violations
