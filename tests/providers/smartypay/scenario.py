"""SmartyPay's `Scenario`: what the engine's race, crash and auth-attack tests need of it."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import httpx

from withdrawal_apis.providers.smartypay import auth as smartypay_auth

from ...sandbox.scenario import AuthAttack, Scenario

# withdraw-now takes no amount: the intent sweeps the merchant's whole balance of the currency at
# the next processing slot, and a second call while it is pending returns the same intent. "One
# create holds a fixed unit" (the race and crash tests) has no SmartyPay reading, so the scenario
# says `fixed_unit=False` and takes part in the auth-attack test only; the SmartyPay race and crash
# tests (one intent, one sweep; acknowledged intents survive SIGKILL) are in
# tests/clients/test_smartypay_emulator.py.
SMARTYPAY_KEY, SMARTYPAY_SECRET = "sp_test_scenario", "5ce0a711" * 8
SMARTYPAY_UNIT = Decimal("998")
SMARTYPAY_MERCHANT = "RgFw2p65CQn3pE8uriL53d"


def _smartypay_seed(available: Decimal) -> dict[str, Any]:
    merchant = {
        "partner": "partner-1",
        "destinationAddress": "0x7aa002968e2B68b4803cbE15DdfdEe1488550180",
        "gasWallets": [
            {
                "blockchain": "BinanceMainNet",
                "address": "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753",
                "nativeBalance": "254803120000000000",
            }
        ],
    }
    return {
        "accounts": [
            {
                "id": "partner-1",
                "credentials": [
                    {"key_id": SMARTYPAY_KEY, "secret": SMARTYPAY_SECRET},
                    {"key_id": "sp_test_disabled", "secret": SMARTYPAY_SECRET, "active": False},
                ],
            },
            {"id": SMARTYPAY_MERCHANT, "balances": {"bUSDT": str(available)}, "extra": merchant},
            {"id": "partner-2", "credentials": [{"key_id": "sp_test_other", "secret": "07e1" * 16}]},
        ]
    }


def _smartypay_get(client: httpx.Client, intent_id: str) -> httpx.Response:
    """withdraw-now answers an intent, and intents are read through their search."""
    found = client.post("/v1/withdrawals/intents/search", json={"page": {"limit": 100}})
    ids = {item["id"] for item in found.json().get("list", [])} if found.status_code == 200 else set()
    return httpx.Response(200 if intent_id in ids else 404, request=found.request)


SMARTYPAY_PATH = f"/v1/merchants/{SMARTYPAY_MERCHANT}/balance"


def _smartypay_attacks() -> list[AuthAttack]:
    now = int(time.time())

    def signed(
        ts: int | str = now, method: str = "GET", uri: str = SMARTYPAY_PATH, body: bytes = b"", **over: str
    ) -> dict[str, str]:
        headers = smartypay_auth.hmac_headers(SMARTYPAY_KEY, SMARTYPAY_SECRET, str(ts), method, uri, body)
        return {**headers, **over}

    def basic(key: str, secret: str) -> dict[str, str]:
        return {"Authorization": smartypay_auth.basic_header(key, secret)}

    def error(code: str) -> dict[str, Any]:
        return {"code": code}

    other_sig = smartypay_auth.signature("07e1" * 16, str(now), "GET", SMARTYPAY_PATH)
    return [
        AuthAttack("missing credentials", {}, 401, error("Unauthorized")),
        AuthAttack("basic, wrong secret", basic(SMARTYPAY_KEY, "wrong"), 403, error("Forbidden")),
        AuthAttack("basic, unknown key", basic("sp_test_nobody", SMARTYPAY_SECRET), 401, error("Unauthorized")),
        AuthAttack("basic, disabled key", basic("sp_test_disabled", SMARTYPAY_SECRET), 403, error("Forbidden")),
        AuthAttack("basic, not base64", {"Authorization": "Basic ???"}, 401, error("Unauthorized")),
        AuthAttack("wrong scheme", {"Authorization": f"Bearer {SMARTYPAY_KEY}"}, 401, error("Unauthorized")),
        AuthAttack("replay outside the window", signed(now - 360), 403, error("Forbidden")),
        AuthAttack("timestamp from the future", signed(now + 360), 403, error("Forbidden")),
        AuthAttack("forged signature", signed(**{"x-api-sig": "ab" * 32}), 403, error("Forbidden")),
        AuthAttack("signature over a body", signed(body=b'{"merchantId":"x"}'), 403, error("Forbidden")),
        AuthAttack("signature for another path", signed(uri="/v1/withdrawals/search"), 403, error("Forbidden")),
        AuthAttack("signature for another method", signed(method="POST"), 403, error("Forbidden")),
        AuthAttack("other key's signature", signed(**{"x-api-sig": other_sig}), 403, error("Forbidden")),
        AuthAttack("unknown key", signed(**{"x-api-key": "sp_test_nobody"}), 401, error("Unauthorized")),
        AuthAttack("no timestamp", {"x-api-key": SMARTYPAY_KEY, "x-api-sig": other_sig}, 401, error("Unauthorized")),
        AuthAttack("non-numeric timestamp", signed(**{"x-api-ts": "now"}), 401, error("Unauthorized")),
        AuthAttack("non-hex signature", signed(**{"x-api-sig": "zz" * 32}), 401, error("Unauthorized")),
    ]


SMARTYPAY = Scenario(
    provider="smartypay",
    account_id=SMARTYPAY_MERCHANT,
    asset="bUSDT",
    unit=SMARTYPAY_UNIT,  # the whole seeded balance: one sweep takes it all
    frozen_per_success=SMARTYPAY_UNIT,
    success_status=200,
    seed=_smartypay_seed,
    auth=lambda: smartypay_auth.SmartyPayHmacAuth(SMARTYPAY_KEY, SMARTYPAY_SECRET),
    create=lambda client, i: client.post(
        "/v1/withdrawals/withdraw-now", json={"merchantId": SMARTYPAY_MERCHANT, "currency": "bUSDT"}
    ),
    created_id=lambda response: str(response.json()["intent"]["id"]),
    get=_smartypay_get,
    read_path=SMARTYPAY_PATH,
    auth_attacks=_smartypay_attacks,
    fixed_unit=False,
)

SCENARIO = SMARTYPAY
