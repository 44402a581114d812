"""MPChat's `Scenario`: what the engine's race, crash and auth-attack tests need of it."""

from __future__ import annotations

import random
import time
from decimal import Decimal
from typing import Any

from withdrawal_apis.chains import random_tron_address
from withdrawal_apis.providers.mpchat import auth as mpchat_auth

from ...sandbox.scenario import AuthAttack, Scenario

MPCHAT_KEY, MPCHAT_SECRET = "mk_test_scenario", "5ce0a710" * 8
MPCHAT_ADDRESS = random_tron_address(random.Random(7))


def _mpchat_seed(available: Decimal) -> dict[str, Any]:
    return {
        "accounts": [
            {
                "id": "merchant-1",
                "credentials": [
                    {"key_id": MPCHAT_KEY, "secret": MPCHAT_SECRET},
                    {"key_id": "mk_test_inactive", "secret": MPCHAT_SECRET, "active": False},
                ],
                "balances": {"USDT": str(available)},
            },
            {
                "id": "merchant-2",
                "credentials": [{"key_id": "mk_test_other", "secret": "07e1" * 16}],
                "balances": {"USDT": "5"},
            },
        ]
    }


def _mpchat_attacks() -> list[AuthAttack]:
    now = int(time.time())

    def bearer(key: str, ts: int, secret: str = MPCHAT_SECRET) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}:{ts}:{mpchat_auth.sign(secret, key, ts)}"}

    def error(message: str) -> dict[str, Any]:
        return {"error": message}

    good_sig = mpchat_auth.sign(MPCHAT_SECRET, MPCHAT_KEY, now)
    return [
        AuthAttack("missing header", {}, 401, error("missing authorization header")),
        AuthAttack("replay outside the window", bearer(MPCHAT_KEY, now - 360), 401, error("request timestamp too old")),
        AuthAttack("timestamp from the future", bearer(MPCHAT_KEY, now + 360), 401, error("request timestamp too old")),
        AuthAttack(
            "forged signature",
            {"Authorization": f"Bearer {MPCHAT_KEY}:{now}:{'ab' * 32}"},
            401,
            error("invalid signature"),
        ),
        AuthAttack(
            "other key's signature",
            {"Authorization": f"Bearer {MPCHAT_KEY}:{now}:{mpchat_auth.sign('07e1' * 16, 'mk_test_other', now)}"},
            401,
            error("invalid signature"),
        ),
        AuthAttack(
            "signature for another timestamp",
            {"Authorization": f"Bearer {MPCHAT_KEY}:{now + 1}:{good_sig}"},
            401,
            error("invalid signature"),
        ),
        AuthAttack("unknown key", bearer("mk_test_nobody", now), 401, error("api key not found")),
        AuthAttack("inactive key", bearer("mk_test_inactive", now), 401, error("api key is inactive")),
        AuthAttack(
            "wrong scheme",
            {"Authorization": f"Basic {MPCHAT_KEY}:{now}:{good_sig}"},
            401,
            error("invalid authorization format"),
        ),
        AuthAttack(
            "two fields", {"Authorization": f"Bearer {MPCHAT_KEY}:{now}"}, 401, error("invalid authorization format")
        ),
        AuthAttack(
            "non-numeric timestamp",
            {"Authorization": f"Bearer {MPCHAT_KEY}:now:{good_sig}"},
            401,
            error("invalid authorization format"),
        ),
        AuthAttack(
            "truncated signature",
            {"Authorization": f"Bearer {MPCHAT_KEY}:{now}:{good_sig[:40]}"},
            401,
            error("invalid authorization format"),
        ),
        AuthAttack(
            "non-hex signature",
            {"Authorization": f"Bearer {MPCHAT_KEY}:{now}:{'zz' * 32}"},
            401,
            error("invalid authorization format"),
        ),
        AuthAttack("bearer only", {"Authorization": "Bearer"}, 401, error("invalid authorization format")),
    ]


MPCHAT = Scenario(
    provider="mpchat",
    account_id="merchant-1",
    asset="USDT",
    unit=Decimal("3.00"),  # 2.00 + the 1.00 TRC20 fee, frozen on create
    frozen_per_success=Decimal("3.00"),
    success_status=201,
    seed=_mpchat_seed,
    auth=lambda: mpchat_auth.MPChatAuth(MPCHAT_KEY, MPCHAT_SECRET),
    create=lambda client, i: client.post(
        "/v1/withdrawals", json={"amount": "2.00", "destination_address": MPCHAT_ADDRESS, "network": "TRC20"}
    ),
    created_id=lambda response: str(response.json()["id"]),
    get=lambda client, wid: client.get(f"/v1/withdrawals/{wid}"),
    read_path="/v1/balance",
    auth_attacks=_mpchat_attacks,
)

SCENARIO = MPCHAT
