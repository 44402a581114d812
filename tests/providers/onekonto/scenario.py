"""1Konto's `Scenario`: what the engine's race, crash and auth-attack tests need of it."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import httpx

from withdrawal_apis.providers.onekonto import auth as onekonto_auth

from ...forgery import forge
from ...sandbox.scenario import AuthAttack, Scenario

ONEKONTO_USER, ONEKONTO_PASSWORD = "alice@1konto.test", "correct horse battery staple"
ONEKONTO_ACCOUNT = "acct-1"
ONEKONTO_PATH = f"/api/v1/accounting/account/{ONEKONTO_ACCOUNT}"
ONEKONTO_WALLET = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


def _onekonto_seed(available: Decimal) -> dict[str, Any]:
    return {
        "accounts": [
            {
                "id": ONEKONTO_ACCOUNT,
                "credentials": [
                    {"key_id": ONEKONTO_USER, "secret": ONEKONTO_PASSWORD},
                    {"key_id": "carol@1konto.test", "secret": ONEKONTO_PASSWORD, "active": False},
                ],
                "balances": {"BTC": str(available)},
                "whitelist": [{"network": "bitcoin", "address": ONEKONTO_WALLET, "data": {"asset": "BTC"}}],
            },
            {
                "id": "acct-2",
                "credentials": [{"key_id": "bob@1konto.test", "secret": "bob's password"}],
                "balances": {"BTC": "5"},
            },
        ]
    }


def _onekonto_get(client: httpx.Client, request_id: str) -> httpx.Response:
    """1Konto has no get-by-id: query by id, and call an empty answer what a lookup would call it, 404."""
    response = client.get(f"{ONEKONTO_PATH}/request/withdraw", params={"withdrawRequestId": request_id})
    if response.status_code == 200 and not response.json()["withdrawRequests"]:
        return httpx.Response(404, json={"status": 404, "error": "Not Found"}, request=response.request)
    return response


def _onekonto_attacks() -> list[AuthAttack]:
    now = int(time.time())
    claims = {"sub": ONEKONTO_USER, "iat": now, "exp": now + 3600, "accounts": [ONEKONTO_ACCOUNT, "acct-2"]}
    refused = {"status": 401, "error": "Unauthorized"}

    def bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    unsigned = forge(claims, None, "none")
    digest = onekonto_auth.password_digest(ONEKONTO_PASSWORD)
    return [
        AuthAttack("missing header", {}, 401, refused),
        AuthAttack("wrong scheme", {"Authorization": f"Basic {digest}"}, 401, refused),
        AuthAttack("bearer only", {"Authorization": "Bearer"}, 401, refused),
        AuthAttack("the docs' placeholder token", bearer("superSecretToken"), 401, refused),
        AuthAttack("password digest as token", bearer(digest), 401, refused),
        AuthAttack("forged signature", bearer(forge(claims, "not the emulator's key")), 401, refused),
        AuthAttack("signed with the password", bearer(forge(claims, ONEKONTO_PASSWORD)), 401, refused),
        AuthAttack("alg none", bearer(unsigned), 401, refused),
        AuthAttack("alg HS512", bearer(forge(claims, "x", "HS512")), 401, refused),
        AuthAttack("expired and forged", bearer(forge({**claims, "exp": now - 10}, "x")), 401, refused),
        AuthAttack("two segments", bearer(unsigned.removesuffix(".")), 401, refused),
    ]


ONEKONTO = Scenario(
    provider="onekonto",
    account_id=ONEKONTO_ACCOUNT,
    asset="BTC",
    unit=Decimal("0.01"),  # no fee: exactly the amount is locked
    frozen_per_success=Decimal("0.01"),
    success_status=200,
    seed=_onekonto_seed,
    auth=lambda: onekonto_auth.OneKontoAuth(ONEKONTO_USER, ONEKONTO_PASSWORD),
    create=lambda client, i: client.post(
        f"{ONEKONTO_PATH}/request/withdraw/blockchain",
        json={"amount": "0.01 BTC", "network": "bitcoin", "address": ONEKONTO_WALLET, "instructions": [f"#{i}"]},
    ),
    created_id=lambda response: str(response.json()["withdrawRequestId"]),
    get=_onekonto_get,
    read_path=ONEKONTO_PATH,
    auth_attacks=_onekonto_attacks,
)

SCENARIO = ONEKONTO
