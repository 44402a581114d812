"""Per-provider adapters that let one race / crash / auth-attack test run against every emulator.

Each provider contributes a `Scenario`: how to seed an account with a given withdrawable balance,
how to authenticate, how to make one withdrawal (and what it holds), and which forged or malformed
credentials must be refused with which documented answer. The tests themselves are written once.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx

from withdrawal_apis.chains import random_ethereum_address, random_tron_address
from withdrawal_apis.providers.bigone import auth as bigone_auth
from withdrawal_apis.providers.kamipay import auth as kamipay_auth
from withdrawal_apis.providers.mpchat import auth as mpchat_auth
from withdrawal_apis.providers.onekonto import auth as onekonto_auth
from withdrawal_apis.providers.smartypay import auth as smartypay_auth

from ..forgery import forge


@dataclass(frozen=True)
class AuthAttack:
    name: str
    headers: dict[str, str]  # replaces the provider's auth headers on an authenticated read
    status: int
    body: dict[str, Any]  # expected subset of the error body


@dataclass(frozen=True)
class Scenario:
    provider: str
    account_id: str
    asset: str
    unit: Decimal  # what one successful create takes out of `available`
    frozen_per_success: Decimal  # what it leaves in `frozen` until the withdrawal finishes
    success_status: int
    seed: Callable[[Decimal], dict[str, Any]]
    auth: Callable[[], httpx.Auth]
    create: Callable[[httpx.Client, int], httpx.Response]
    created_id: Callable[[httpx.Response], str]
    get: Callable[[httpx.Client, str], httpx.Response]
    read_path: str  # an authenticated, side-effect-free GET for auth probes
    auth_attacks: Callable[[], list[AuthAttack]] = field(default=lambda: [])
    # False where a create holds no fixed amount (SmartyPay sweeps whole balances): the ledger race
    # and crash tests then do not apply, and the provider's own suite carries its versions of them.
    fixed_unit: bool = True
    wallet: str = ""  # the wallet (sub-account) `asset` is held in, where the provider has several


# -- MPChat -----------------------------------------------------------------------------------
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


# -- BigONE -----------------------------------------------------------------------------------
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


# -- kamiPay ----------------------------------------------------------------------------------
KAMIPAY_USER, KAMIPAY_PASSWORD = "kamipay-scenario", "pw-5ce0a710-5ce0a710"
KAMIPAY_WALLET = random_ethereum_address(random.Random(11))
KAMIPAY_OTHER_WALLET = random_ethereum_address(random.Random(12))
KAMIPAY_DESTINATION = random_ethereum_address(random.Random(13))


def _kamipay_seed(available: Decimal) -> dict[str, Any]:
    wallet, other = KAMIPAY_WALLET.lower(), KAMIPAY_OTHER_WALLET.lower()
    return {
        "accounts": [
            {
                "id": "merchant-1",
                "credentials": [
                    {"key_id": KAMIPAY_USER, "secret": KAMIPAY_PASSWORD},
                    {"key_id": "kamipay-retired", "secret": KAMIPAY_PASSWORD, "active": False},
                ],
                "extra": {"merchant_id": 1, "wallets": [{"address": KAMIPAY_WALLET, "wallet_desc": "Main wallet"}]},
                # USDT is what the race is about; MATIC pays 0.01 gas per withdrawal and never runs out here.
                "wallets": {wallet: {"USDT": str(available), "MATIC": "1000000"}},
                "whitelist": [{"network": "polygon", "address": KAMIPAY_DESTINATION}],
            },
            {
                "id": "merchant-2",
                "credentials": [{"key_id": "kamipay-other", "secret": "07e1" * 8}],
                "extra": {"merchant_id": 2, "wallets": [{"address": KAMIPAY_OTHER_WALLET}]},
                "wallets": {other: {"USDT": "5", "MATIC": "5"}},
            },
        ]
    }


def _kamipay_attacks() -> list[AuthAttack]:
    now = int(time.time())
    claims = {"sub": KAMIPAY_USER, "iat": now, "exp": now + 3600}
    gateway = {"message": "Unauthorized"}  # plus a fresh request_id
    refused = {"detail": "Incorrect Credentials"}

    def bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    unsigned = forge(claims, None, "none")
    return [
        AuthAttack("missing header", {}, 401, gateway),
        AuthAttack("basic scheme with the password", {"Authorization": f"Basic {KAMIPAY_PASSWORD}"}, 401, gateway),
        AuthAttack("bearer only", {"Authorization": "Bearer"}, 401, gateway),
        AuthAttack("password as the token", bearer(KAMIPAY_PASSWORD), 401, refused),
        AuthAttack("not a JWT", bearer("a.b.c"), 401, refused),
        AuthAttack("signed with a guessed key", bearer(forge(claims, "secret")), 401, refused),
        AuthAttack("alg none", bearer(unsigned), 401, refused),
        AuthAttack("alg HS512", bearer(forge(claims, "secret", "HS512")), 401, refused),
        AuthAttack("expired and forged", bearer(forge({**claims, "exp": now - 10}, KAMIPAY_PASSWORD)), 401, refused),
        AuthAttack("deactivated user", bearer(forge({**claims, "sub": "kamipay-retired"}, "x")), 401, refused),
    ]


KAMIPAY = Scenario(
    provider="kamipay",
    account_id="merchant-1",
    asset="USDT",
    wallet=KAMIPAY_WALLET.lower(),
    unit=Decimal("1"),  # 1 USDT; the 0.01 MATIC gas comes out of another balance
    frozen_per_success=Decimal("0"),  # synchronous: the money leaves at once, nothing is held
    success_status=200,
    seed=_kamipay_seed,
    auth=lambda: kamipay_auth.KamipayAuth(KAMIPAY_USER, KAMIPAY_PASSWORD),
    create=lambda client, i: client.post(
        "/v1/wallet/withdraw",
        json={
            "chain": "polygon",
            "token": "usdt",
            "amount": 1,
            "from_address": KAMIPAY_WALLET,
            "to_address": KAMIPAY_DESTINATION,
        },
    ),
    created_id=lambda response: str(response.json()["data"]["transactionHash"]),
    # kamiPay has no withdrawal lookup; the emulator stores each one under its transaction hash and
    # the control API (same server, no auth) shows it.
    get=lambda client, tx_hash: client.get(f"/_sandbox/withdrawals/{tx_hash}"),
    read_path="/v2/merchants/wallets",
    auth_attacks=_kamipay_attacks,
)


# -- 1Konto -----------------------------------------------------------------------------------
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

# -- SmartyPay --------------------------------------------------------------------------------
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

SCENARIOS: dict[str, Scenario] = {s.provider: s for s in (MPCHAT, BIGONE, KAMIPAY, ONEKONTO, SMARTYPAY)}
