"""The kamiPay emulator on loopback, driven by the generated client and checked through the control API."""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from kamipay_client.api.merchants import list_merchant_wallets
from kamipay_client.api.wallet import create_withdrawal, get_address_balance
from kamipay_client.models import Chain, DetailError, WithdrawRequest, WithdrawResponse, WithdrawToken

from withdrawal_apis import hs256
from withdrawal_apis.chains import eth_checksum_address, random_ethereum_address
from withdrawal_apis.providers import kamipay
from withdrawal_apis.providers.kamipay.auth import KamipayAuth
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.testing import Emulator

rng = random.Random(5)
WALLET, SPARE, OTHERS, DESTINATION, STRANGER = (random_ethereum_address(rng) for _ in range(5))
USER, PASSWORD = "merchant-api", "correct horse battery staple"


def seed(usdt: str = "1", matic: str = "1") -> dict[str, Any]:
    return {
        "accounts": [
            {
                "id": "merchant-1",
                "credentials": [
                    {"key_id": USER, "secret": PASSWORD},
                    {"key_id": "short-lived", "secret": PASSWORD, "data": {"token_ttl": 0}},
                ],
                "extra": {
                    "merchant_id": 7,
                    "wallets": [
                        {"address": WALLET, "wallet_desc": "Main wallet"},
                        {"address": SPARE, "wallet_id": 9, "currency_id": 2, "network_id": 3},
                    ],
                },
                "wallets": {WALLET.lower(): {"USDT": usdt, "MATIC": matic}},
                "whitelist": [{"network": "polygon", "address": DESTINATION}],
            },
            {
                "id": "merchant-2",
                "credentials": [{"key_id": "other-merchant", "secret": "pw2"}],
                "extra": {"merchant_id": 8, "wallets": [{"address": OTHERS}]},
                "wallets": {OTHERS.lower(): {"USDT": "50", "MATIC": "5"}},
                "whitelist": [{"network": "polygon", "address": DESTINATION}],
            },
        ]
    }


class KamipaySandbox(Emulator):
    """The kamiPay emulator on a loopback port (the tests below use plain httpx and the generated client)."""

    def __init__(self) -> None:
        super().__init__("kamipay", SandboxConfig(test_mode=True, rate_limit=0), serve=True, seed=None)

    def post_seed(self, body: dict[str, Any]) -> httpx.Response:
        return self.raw.post("/_sandbox/seed", json=body)

    def balances(self, account: str = "merchant-1", address: str = WALLET) -> tuple[Decimal, Decimal]:
        state = self.raw.get(f"/_sandbox/accounts/{account}").json()["wallets"][address.lower()]
        usdt = state["USDT"]
        matic = state["MATIC"]
        assert usdt["frozen"] in ("0", "0.0", "0.00") or Decimal(usdt["frozen"]) == 0
        return Decimal(usdt["available"]), Decimal(matic["available"])

    def signed(self, user: str = USER, password: str = PASSWORD) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, auth=KamipayAuth(user, password), timeout=10)

    def api(self, user: str = USER, password: str = PASSWORD) -> Any:
        return kamipay.client(user, password, base_url=self.base_url)


@pytest.fixture
def emulator() -> Iterator[KamipaySandbox]:
    with KamipaySandbox() as running:
        running.post_seed(seed()).raise_for_status()
        yield running
        assert not running.violations, running.violations


def withdraw(token: str = "usdt", amount: Any = 0.1, source: str = WALLET, to: str = DESTINATION) -> dict[str, Any]:
    return {"chain": "polygon", "token": token, "amount": amount, "from_address": source, "to_address": to}


def test_a_tenth_of_a_usdt_moves_exactly_a_tenth(emulator: KamipaySandbox) -> None:
    """0.1 in the JSON text is one tenth, not 0.1000000000000000055511151231257827 (the float)."""
    assert Decimal(0.1) != Decimal("0.1")  # noqa: RUF032 - the binary float that float arithmetic would move
    body = WithdrawRequest(
        chain=Chain.POLYGON, token=WithdrawToken.USDT, amount=0.1, from_address=WALLET, to_address=DESTINATION
    )
    response = create_withdrawal.sync_detailed(client=emulator.api(), body=body)
    assert response.status_code == 200, response.content
    assert isinstance(response.parsed, WithdrawResponse)
    assert b'"usdt amount":0.1}' in response.content
    assert kamipay.exact_json(response.content)["data"]["usdt amount"] == Decimal("0.1")
    usdt, matic = emulator.balances()
    assert usdt == Decimal("0.9")
    assert usdt == Decimal(1) - Decimal("0.1")
    assert matic == Decimal("0.99")  # 0.01 MATIC gas for a USDT transfer, from the same address
    # Ten more tenths empty the wallet to exactly zero, and the eleventh is refused.
    with emulator.signed() as http:
        statuses = [http.post("/v1/wallet/withdraw", json=withdraw()).status_code for _ in range(10)]
    assert statuses == [200] * 9 + [400]
    assert emulator.balances() == (Decimal(0), Decimal("0.9"))


def test_the_documented_success_body(emulator: KamipaySandbox) -> None:
    with emulator.signed() as http:
        response = http.post("/v1/wallet/withdraw", json=withdraw(amount=0.10))
    body = response.json()
    assert set(body) == {"status", "msg", "data"}
    assert (body["status"], body["msg"]) == ("ok", "transaction succesful")
    assert set(body["data"]) == {"status", "transactionHash", "to", "usdt amount"}
    assert body["data"]["status"] == "mined"
    assert re.fullmatch(r"0x[0-9a-f]{64}", body["data"]["transactionHash"])
    assert body["data"]["to"] == DESTINATION
    state = emulator.raw.get(f"/_sandbox/withdrawals/{body['data']['transactionHash']}").json()
    assert state == {
        "id": body["data"]["transactionHash"],
        "account_id": "merchant-1",
        "status": "mined",
        "available_transitions": [],
    }


def test_matic_withdrawals_keep_all_18_decimals(emulator: KamipaySandbox) -> None:
    amount = Decimal("0.123456789012345678")
    response = kamipay.withdraw_exact(
        emulator.api(), token="matic", amount=amount, from_address=WALLET, to_address=DESTINATION
    )
    assert response.status_code == 200, response.text
    assert b'"matic amount":0.123456789012345678}' in response.content
    # amount + the 0.005 MATIC gas of a native transfer, to the last wei.
    assert emulator.balances() == (Decimal(1), Decimal(1) - amount - Decimal("0.005"))
    balance = get_address_balance.sync_detailed(client=emulator.api(), address=WALLET, chain=Chain.POLYGON)
    tokens = kamipay.exact_json(balance.content)["data"]["tokens"]
    assert tokens == [
        {"token": "MATIC", "balance": Decimal("0.871543210987654322")},
        {"token": "USDT", "balance": Decimal(1)},
    ]


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        # The schema's multipleOf for the token, answered 406 as kamiPay answers a value out of range.
        (
            withdraw(amount=0.0000001),
            406,
            "invalid request body: amount: must be a multiple of 0.000001 when token is usdt",
        ),
        (withdraw(to=STRANGER), 400, "to_address is not whitelisted for your user"),
        (withdraw(source=OTHERS), 400, "from_address is not mapped to your user"),
        (withdraw(source=STRANGER), 400, "from_address is not mapped to your user"),
        (withdraw(to=DESTINATION[:2] + DESTINATION[2:].swapcase()), 400, "to_address is not a valid polygon address"),
        (withdraw(to=DESTINATION.lower()[:-1] + "Z"), 400, None),  # not hex: the schema's pattern
        (withdraw(amount=2), 400, "insufficient usdt balance on from_address"),
        (withdraw(token="matic", amount=1), 400, "insufficient matic balance on from_address"),
        (withdraw(source=SPARE), 400, "insufficient usdt balance on from_address"),
        ({**withdraw(), "chain": "tron"}, 400, None),
        ({**withdraw(), "token": "USDT"}, 400, None),
        ({**withdraw(), "amount": "0.1"}, 400, None),
        ({**withdraw(), "amount": 0}, 400, None),
    ],
)
def test_refusals_move_nothing(emulator: KamipaySandbox, body: dict[str, Any], status: int, detail: str | None) -> None:
    with emulator.signed() as http:
        response = http.post("/v1/wallet/withdraw", json=body)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"detail"}
    if detail is not None:
        assert response.json()["detail"] == detail
    assert emulator.balances() == (Decimal(1), Decimal(1))


def test_unknown_fields_are_accepted_and_ignored(emulator: KamipaySandbox) -> None:
    """kamiPay documents no rejection of extra fields: `external_id` (a Pix-payout field) does not break a withdraw."""
    with emulator.signed() as http:
        response = http.post("/v1/wallet/withdraw", json={**withdraw(), "external_id": "order-1042", "memo": None})
    assert response.status_code == 200, response.text
    assert set(response.json()["data"]) == {"status", "transactionHash", "to", "usdt amount"}
    assert emulator.balances() == (Decimal("0.9"), Decimal("0.99"))


def test_gas_shortage_refuses_the_whole_withdrawal(emulator: KamipaySandbox) -> None:
    emulator.post_seed(seed(usdt="10", matic="0.009")).raise_for_status()
    with emulator.signed() as http:
        response = http.post("/v1/wallet/withdraw", json=withdraw(amount=5))
    assert response.status_code == 400
    assert response.json() == {"detail": "insufficient matic balance on from_address to pay gas"}
    assert emulator.balances() == (Decimal(10), Decimal("0.009"))  # the USDT leg was rolled back


def test_an_extreme_json_number_is_a_clean_4xx(emulator: KamipaySandbox) -> None:
    with emulator.signed() as http:
        for text in ("1e400", "1e-400", "123456789012345678901234567890123456789", "-1"):
            content = httpx.Request("POST", "http://x", json=withdraw()).content.replace(b"0.1", text.encode())
            response = http.post("/v1/wallet/withdraw", content=content, headers={"content-type": "application/json"})
            assert response.status_code in (400, 406), (text, response.text)
    assert emulator.balances() == (Decimal(1), Decimal(1))


def test_balances_and_wallets_are_per_merchant(emulator: KamipaySandbox) -> None:
    api = emulator.api()
    wallets = list_merchant_wallets.sync(client=api)
    assert isinstance(wallets, list)
    assert [(w.merchant_id, w.wallet_id, w.wallet_desc, w.currency_id, w.network_id) for w in wallets] == [
        (7, 1, "Main wallet", 1, 1),
        (7, 9, "Wallet 2", 2, 3),
    ]
    assert [w.address for w in wallets] == [WALLET, SPARE]
    # Addresses compare case-insensitively, as on chain.
    ok = get_address_balance.sync_detailed(client=api, address=WALLET.lower(), chain=Chain.POLYGON)
    assert ok.status_code == 200
    for address in (OTHERS, STRANGER):
        refused = get_address_balance.sync_detailed(client=api, address=address, chain=Chain.POLYGON)
        assert refused.status_code == 404
        assert isinstance(refused.parsed, DetailError)
        assert refused.parsed.detail == "Address not found"


def test_login_answers(emulator: KamipaySandbox) -> None:
    with httpx.Client(base_url=emulator.base_url) as http:
        good = http.post("/auth/token", data={"username": USER, "password": PASSWORD})
        assert good.status_code == 200
        assert good.json()["token_type"] == "bearer"
        claims = hs256.unverified_claims(good.json()["access_token"])
        assert claims["sub"] == USER
        assert 3590 <= claims["exp"] - time.time() <= 3600  # the default one-hour lifetime
        for form in ({"username": USER, "password": "wrong"}, {"username": "nobody", "password": PASSWORD}):
            refused = http.post("/auth/token", data=form)
            assert (refused.status_code, refused.json()) == (401, {"detail": "Incorrect Credentials"})
            assert PASSWORD not in refused.text
        assert http.post("/auth/token", data={"username": USER}).status_code == 400
        assert http.post("/auth/token", json={"username": USER, "password": PASSWORD}).status_code == 400
        assert http.post("/auth/token", data={"username": "u" * 300, "password": "p"}).status_code == 400


def test_an_expired_token_is_refused_and_the_client_gives_up_after_one_retry(emulator: KamipaySandbox) -> None:
    """`short-lived` gets tokens with a lifetime of 0 s: every request finds its token expired."""
    auth = KamipayAuth("short-lived", PASSWORD)
    with httpx.Client(base_url=emulator.base_url, auth=auth) as http:
        response = http.get("/v2/merchants/wallets")
    assert (response.status_code, response.json()) == (401, {"detail": "Incorrect Credentials"})
    assert auth.logins == 2


def test_gateway_401_without_a_token(emulator: KamipaySandbox) -> None:
    with httpx.Client(base_url=emulator.base_url) as http:
        first = http.get("/v2/merchants/wallets").json()
        second = http.get("/v2/merchants/wallets").json()
    assert first["message"] == "Unauthorized"
    assert re.fullmatch(r"[0-9a-f]{32}", first["request_id"])
    assert first["request_id"] != second["request_id"]


def test_seed_validation(emulator: KamipaySandbox) -> None:
    account = seed()["accounts"][0]
    bad = [
        {**account, "balances": {"USDT": "1"}},
        {**account, "wallets": {"0x" + WALLET[2:].upper(): {"USDT": "1"}}},  # wallets are lower-case addresses
        {**account, "wallets": {WALLET.lower(): {"USDT": "1.0000001"}}},
        {**account, "balances": {f"DAI@{WALLET.lower()}": "1"}},
        {**account, "extra": {"wallets": [{"address": "0x123"}]}},
        {**account, "extra": {"wallets": [{"address": WALLET, "wallet_id": "one"}]}},
        {**account, "extra": {"color": "blue"}},
        {**account, "whitelist": [{"network": "tron", "address": DESTINATION}]},
        {**account, "credentials": [{"key_id": "u", "secret": "p", "data": {"token_ttl": -1}}]},
    ]
    for entry in bad:
        response = emulator.post_seed({"accounts": [entry]})
        assert response.status_code == 400, entry
        assert set(response.json()) == {"error"}
    # Taken as given: a wallet another merchant also declares (their balances stay apart) and an
    # address in any letter case (kamiPay compares addresses case-insensitively).
    shared = emulator.post_seed({"accounts": [{**account, "extra": {"wallets": [{"address": OTHERS}]}}]})
    assert shared.status_code == 200, shared.text
    checksummed = eth_checksum_address(WALLET.lower())
    accepted = emulator.post_seed(
        {"accounts": [{**account, "whitelist": [{"network": "polygon", "address": checksummed}]}]}
    )
    assert accepted.status_code == 200, accepted.text


def test_the_demo_seed_is_accepted(emulator: KamipaySandbox) -> None:
    demo = emulator.app.provider.demo_seed()
    assert emulator.post_seed(demo).status_code == 200
    (account,) = demo["accounts"]
    (credential,) = account["credentials"]
    wallet = account["extra"]["wallets"][0]["address"]
    with emulator.signed(credential["key_id"], credential["secret"]) as http:
        response = http.post("/v1/wallet/withdraw", json=withdraw(source=wallet, to=account["whitelist"][0]["address"]))
    assert response.status_code == 200, response.text


def test_the_seed_on_the_docs_page_is_accepted_and_works(serve: Any) -> None:
    page = (Path(__file__).resolve().parents[3] / "docs" / "providers" / "kamipay.md").read_text(encoding="utf-8")
    [document] = re.findall(r"```json\n(.*?)```", page, re.DOTALL)
    seed_document = json.loads(document)
    running: KamipaySandbox = serve("kamipay", rate_limit=0)
    running.raw.post("/_sandbox/seed", json=seed_document).raise_for_status()
    account = seed_document["accounts"][0]
    user = account["credentials"][0]
    wallet = account["extra"]["wallets"][0]["address"]
    destination = account["whitelist"][0]["address"]
    with running.http(KamipayAuth(user["key_id"], user["secret"])) as http:
        response = http.post("/v1/wallet/withdraw", json=withdraw(amount=1, source=wallet, to=destination))
        assert response.status_code == 200, response.text
        balance = http.get("/v1/wallet/get_address_balance", params={"address": wallet, "chain": "polygon"})
    assert balance.json()["data"]["tokens"] == [{"token": "MATIC", "balance": 4.99}, {"token": "USDT", "balance": 999}]
