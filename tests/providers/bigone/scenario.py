"""BigONE's `Scenario`: what the engine's race, crash and auth-attack tests need of it."""

from __future__ import annotations

import json
import random
import time
import uuid
from decimal import Decimal
from typing import Any

import httpx

from withdrawal_apis.chains import random_tron_address
from withdrawal_apis.providers.bigone import auth as bigone_auth

from ...forgery import forge
from ...sandbox.scenario import AuthAttack, Scenario

BIGONE_KEY, BIGONE_SECRET = "c6f1e8a2-5d3b-4f7e-9a10-2b4c6d8e0f12", "b16e" * 16
BIGONE_ADDRESS = random_tron_address(random.Random(11))
BIGONE_GUID_NAMESPACE = uuid.UUID("0f6b6a53-3c55-4f3c-8d8a-9a4a3b1b2c01")


def _bigone_seed(available: Decimal) -> dict[str, Any]:
    return {
        "accounts": [
            {
                "id": "bigone-1",
                "credentials": [
                    {"key_id": BIGONE_KEY, "secret": BIGONE_SECRET},
                    {"key_id": "bigone-disabled", "secret": BIGONE_SECRET, "active": False},
                ],
                "wallets": {"fund": {"USDT": str(available)}},
                "whitelist": [{"network": "Tron", "address": BIGONE_ADDRESS}],
            },
            {
                "id": "bigone-2",
                "credentials": [{"key_id": "bigone-other", "secret": "07e1" * 16}],
                "wallets": {"fund": {"USDT": "5"}},
            },
        ]
    }


def _bigone_attacks() -> list[AuthAttack]:
    now = time.time_ns()
    second = 1_000_000_000

    def bearer(claims: dict[str, Any], secret: str = BIGONE_SECRET, algorithm: str = "HS256") -> dict[str, str]:
        return {"Authorization": f"Bearer {forge(claims, secret, algorithm)}"}

    def error(code: int) -> dict[str, Any]:
        return {"code": code}

    good = bigone_auth.Claims(BIGONE_KEY, now).to_jwt()
    unsigned = forge(good, None, "none")
    return [
        AuthAttack("missing header", {}, 401, error(40004)),
        AuthAttack("wrong scheme", {"Authorization": f"Basic {BIGONE_KEY}:{BIGONE_SECRET[:4]}"}, 400, error(40107)),
        AuthAttack("bearer only", {"Authorization": "Bearer"}, 400, error(40107)),
        AuthAttack("not a JWT", {"Authorization": "Bearer abc.def"}, 401, error(40106)),
        AuthAttack("alg none", {"Authorization": f"Bearer {unsigned}"}, 401, error(40106)),
        AuthAttack("alg HS512 with the right key", bearer(good, algorithm="HS512"), 401, error(40106)),
        AuthAttack("forged signature", bearer(good, "not-the-secret"), 401, error(40106)),
        AuthAttack("other key's secret", bearer(good, "07e1" * 16), 401, error(40106)),
        AuthAttack("legacy token type", bearer({**good, "type": "OpenAPI"}), 401, error(40106)),
        AuthAttack("replay outside the window", bearer({**good, "nonce": str(now - 31 * second)}), 401, error(40106)),
        AuthAttack("nonce from the future", bearer({**good, "nonce": str(now + 31 * second)}), 401, error(40106)),
        AuthAttack("non-numeric nonce", bearer({**good, "nonce": "now"}), 401, error(40106)),
        AuthAttack("unknown key", bearer({**good, "sub": "nobody"}), 401, error(40004)),
        AuthAttack("disabled key", bearer({**good, "sub": "bigone-disabled"}), 401, error(40004)),
    ]


def _bigone_create(client: httpx.Client, i: int) -> httpx.Response:
    body = {
        "symbol": "USDT",
        "target_address": BIGONE_ADDRESS,
        "amount": "2",
        "guid": str(uuid.uuid5(BIGONE_GUID_NAMESPACE, str(i))),
    }
    return client.post("/viewer/withdrawals", json=body)


BIGONE = Scenario(
    provider="bigone",
    account_id="bigone-1",
    asset="USDT",
    wallet="fund",
    unit=Decimal("3"),  # 2 + the 1 USDT Tron fee, locked on create
    frozen_per_success=Decimal("3"),
    success_status=200,
    seed=_bigone_seed,
    auth=lambda: bigone_auth.BigONEAuth(BIGONE_KEY, BIGONE_SECRET),
    create=_bigone_create,
    # Withdrawals are addressed by the guid the client sent; the object itself has no guid field.
    created_id=lambda response: str(json.loads(response.request.content)["guid"]),
    get=lambda client, guid: client.get(f"/viewer/withdrawals/{guid}"),
    read_path="/viewer/accounts",
    auth_attacks=_bigone_attacks,
)

SCENARIO = BIGONE
