"""BigONE's emulator: money, idempotent guid, addresses and memos, trusted list, scopes, paging, limits."""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from withdrawal_apis.chains import random_ethereum_address, random_tron_address
from withdrawal_apis.providers.bigone.auth import BigONEAuth
from withdrawal_apis.sandbox.lifecycle import AdvancePolicy
from withdrawal_apis.testing import Emulator

from .scenario import BIGONE, BIGONE_ADDRESS, BIGONE_KEY, BIGONE_SECRET

ETH_ADDRESS = random_ethereum_address(random.Random(3))
BTC_ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
MIXIN_USER = "5f2ab9b4-6a1c-4d9e-8f0b-3c2d1e0f9a8b"


def seed(balance: str = "1000", **changes: Any) -> dict[str, Any]:
    data = BIGONE.seed(Decimal(balance))
    account = data["accounts"][0]
    account["wallets"]["fund"].update({"BTC": "1", "ETH": "10", "EOS": "100"})
    account["wallets"]["spot"] = {"USDT": "7"}
    account["whitelist"] += [
        {"network": "Ethereum", "address": ETH_ADDRESS},
        {"network": "Bitcoin", "address": BTC_ADDRESS},
        {"network": "EOS", "address": "bigonewallet"},
        {"network": "Mixin", "address": MIXIN_USER},
    ]
    account.update(changes)
    return data


@pytest.fixture
def bigone(serve: Any) -> Emulator:
    running: Emulator = serve("bigone", rate_limit=0)
    running.raw.post("/_sandbox/seed", json=seed()).raise_for_status()
    return running


@pytest.fixture
def client(bigone: Emulator) -> Iterator[httpx.Client]:
    with bigone.http(BIGONE.auth()) as client:
        yield client


def create(client: httpx.Client, **fields: Any) -> httpx.Response:
    body = {"symbol": "USDT", "target_address": BIGONE_ADDRESS, "amount": "10", "guid": str(uuid.uuid4())}
    body.update(fields)
    return client.post("/viewer/withdrawals", json={k: v for k, v in body.items() if v is not None})


def error(response: httpx.Response, status: int, code: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message"}
    assert body["code"] == code, body
    return str(body["message"])


def transition(running: Emulator, withdrawal_id: int, name: str) -> None:
    response = running.raw.post(f"/_sandbox/withdrawals/{withdrawal_id}/transitions", json={"transition": name})
    assert response.status_code == 200, response.text


# -- money ----------------------------------------------------------------------------------
def test_create_locks_amount_plus_fee_in_the_fund_account(bigone: Emulator, client: httpx.Client) -> None:
    response = create(client, amount="10.25")
    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["state"], data["amount"], data["fee"], data["kind"], data["txid"], data["memo"]) == (
        "PENDING",
        "10.2500000000000000",
        "1.0000000000000000",
        "on_chain",
        "",
        "",
    )
    assert "guid" not in data
    assert "completed_at" not in data
    assert data["inserted_at"].endswith("+00:00")
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal("988.75"), Decimal("11.25"))
    assert bigone.balance("bigone-1", "USDT", "spot") == (Decimal(7), Decimal(0))
    fund = client.get("/viewer/fund/accounts/USDT").json()["data"]
    assert fund == {"asset_symbol": "USDT", "balance": "1000", "locked_balance": "11.25"}


def test_complete_settles_and_fail_returns(bigone: Emulator, client: httpx.Client) -> None:
    done = create(client, amount="100").json()["data"]
    failed = create(client, amount="50").json()["data"]
    transition(bigone, done["id"], "complete")
    transition(bigone, failed["id"], "fail")
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(899), Decimal(0))
    listed = {w["id"]: w for w in client.get("/viewer/withdrawals").json()["data"]}
    assert listed[done["id"]]["state"] == "COMPLETED"
    assert len(listed[done["id"]]["txid"]) == 64
    assert listed[failed["id"]]["state"] == "FAILED"
    assert listed[failed["id"]]["txid"] == ""
    again = bigone.raw.post(f"/_sandbox/withdrawals/{done['id']}/transitions", json={"transition": "cancel"})
    assert again.status_code == 409


def test_insufficient_funds_is_10014_and_the_exact_balance_works(bigone: Emulator, client: httpx.Client) -> None:
    error(create(client, amount="999.000001"), 400, 10014)
    assert create(client, amount="999").status_code == 200
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(0), Decimal(1000))


def test_realistic_advance_completes_on_the_virtual_clock(serve: Any) -> None:
    running: Emulator = serve("bigone", rate_limit=0, advance=AdvancePolicy.REALISTIC)
    running.raw.post("/_sandbox/seed", json=seed()).raise_for_status()
    with running.http(BIGONE.auth()) as client:
        guid = str(uuid.uuid4())
        create(client, guid=guid)
        assert client.get(f"/viewer/withdrawals/{guid}").json()["data"]["state"] == "PENDING"
        running.raw.post("/_sandbox/clock/advance", json={"seconds": 601}).raise_for_status()
        assert client.get(f"/viewer/withdrawals/{guid}").json()["data"]["state"] == "COMPLETED"


# -- guid -----------------------------------------------------------------------------------
def test_same_guid_same_body_is_the_same_withdrawal_without_a_second_lock(
    bigone: Emulator, client: httpx.Client
) -> None:
    guid = str(uuid.uuid4())
    first = create(client, guid=guid, amount="10")
    again = create(client, guid=guid, amount="10.000")  # the same amount, written differently
    assert first.status_code == again.status_code == 200
    assert again.json()["data"] == first.json()["data"]
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(989), Decimal(11))
    transition(bigone, first.json()["data"]["id"], "complete")
    replay = create(client, guid=guid, amount="10")
    assert replay.json()["data"]["state"] == "COMPLETED"  # the withdrawal as it is now


@pytest.mark.parametrize(
    "change",
    [{"amount": "11"}, {"target_address": ETH_ADDRESS, "gateway_name": "Ethereum"}, {"memo": "x"}, {"symbol": "TRX"}],
)
def test_same_guid_other_body_is_40302(bigone: Emulator, client: httpx.Client, change: dict[str, str]) -> None:
    guid = str(uuid.uuid4())
    assert create(client, guid=guid).status_code == 200
    assert error(create(client, guid=guid, **change), 403, 40302) == "already requested"
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(989), Decimal(11))


def test_guids_are_per_account_and_withdrawals_private(bigone: Emulator, client: httpx.Client) -> None:
    guid = str(uuid.uuid4())
    created = create(client, guid=guid).json()["data"]
    other = {"key_id": "bigone-other-2", "secret": "0a" * 32}
    bigone.raw.post(
        "/_sandbox/seed",
        json={
            "accounts": [
                {
                    "id": "bigone-2",
                    "credentials": [other],
                    "wallets": {"fund": {"USDT": "50"}},
                    "whitelist": [{"network": "Tron", "address": BIGONE_ADDRESS}],
                }
            ]
        },
    ).raise_for_status()
    with bigone.http(BigONEAuth(other["key_id"], other["secret"])) as stranger:
        error(stranger.get(f"/viewer/withdrawals/{guid}"), 404, 10013)
        error(stranger.get(f"/viewer/withdrawals/{created['id']}"), 404, 10013)
        error(stranger.post(f"/viewer/withdrawals/{guid}/cancel"), 404, 10013)
        assert stranger.get("/viewer/withdrawals").json()["data"] == []
        theirs = create(stranger, guid=guid)  # the same guid in another account is another withdrawal
        assert theirs.status_code == 200
        assert theirs.json()["data"]["id"] != created["id"]


def test_numeric_id_works_in_the_guid_segment(bigone: Emulator, client: httpx.Client) -> None:
    created = create(client).json()["data"]
    assert client.get(f"/viewer/withdrawals/{created['id']}").json()["data"] == created
    assert client.post(f"/viewer/withdrawals/{created['id']}/cancel").status_code == 200
    assert client.get(f"/viewer/withdrawals/{created['id']}").json()["data"]["state"] == "CANCELLED"


def test_without_a_guid_the_withdrawal_is_made_but_only_listed(bigone: Emulator, client: httpx.Client) -> None:
    response = create(client, guid=None)
    assert response.status_code == 200
    assert client.get("/viewer/withdrawals").json()["data"][0]["id"] == response.json()["data"]["id"]


# -- cancel ---------------------------------------------------------------------------------
def test_cancel_returns_funds_only_from_pending(bigone: Emulator, client: httpx.Client) -> None:
    guid = str(uuid.uuid4())
    create(client, guid=guid, amount="20")
    answer = client.post(f"/viewer/withdrawals/{guid}/cancel")
    assert answer.json() == {"code": 0, "message": "cancel request submitted", "data": None}
    assert client.get(f"/viewer/withdrawals/{guid}").json()["data"]["state"] == "CANCELLED"
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(1000), Decimal(0))
    # Cancelling again, or cancelling a completed one, is accepted (asynchronous) and changes nothing.
    assert client.post(f"/viewer/withdrawals/{guid}/cancel").json()["code"] == 0
    done = create(client, amount="30").json()["data"]
    transition(bigone, done["id"], "complete")
    assert client.post(f"/viewer/withdrawals/{done['id']}/cancel").json()["code"] == 0
    assert client.get(f"/viewer/withdrawals/{done['id']}").json()["data"]["state"] == "COMPLETED"
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(969), Decimal(0))
    error(client.post(f"/viewer/withdrawals/{uuid.uuid4()}/cancel"), 404, 10013)


# -- gateways, addresses, memo, precision ---------------------------------------------------
def test_each_gateway_with_its_address_format(bigone: Emulator, client: httpx.Client) -> None:
    cases = [
        ({"symbol": "USDT", "gateway_name": "Ethereum", "target_address": ETH_ADDRESS}, "5", "on_chain"),
        ({"symbol": "BTC", "target_address": BTC_ADDRESS, "amount": "0.001"}, "0.0005", "on_chain"),
        ({"symbol": "EOS", "target_address": "bigonewallet", "memo": "123", "amount": "1.5"}, "0.1", "on_chain"),
        ({"symbol": "USDT", "gateway_name": "Mixin", "target_address": MIXIN_USER}, "0", "off_chain"),
    ]
    for fields, fee, kind in cases:
        response = create(client, **fields)
        assert response.status_code == 200, response.text
        data = response.json()["data"]
        assert (Decimal(data["fee"]), data["kind"]) == (Decimal(fee), kind)
    off_chain = client.get("/viewer/withdrawals", params={"kind": "off_chain"}).json()["data"]
    assert [w["target_address"] for w in off_chain] == [MIXIN_USER]
    btc = client.get("/viewer/withdrawals", params={"asset_symbol": "BTC"}).json()["data"]
    assert [w["asset_symbol"] for w in btc] == ["BTC"]
    assert client.get("/viewer/withdrawals", params={"kind": "internal"}).json()["data"] == []


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"target_address": ETH_ADDRESS}, 400, 10007),  # an Ethereum address on the Tron gateway
        ({"target_address": "TXyz1234567890abcdefghijklmnopqrst"}, 400, 10007),  # the MPChat docs' fake
        ({"gateway_name": "Ethereum", "target_address": ETH_ADDRESS[:-1]}, 400, 10007),  # 39 hex digits
        ({"gateway_name": "Ethereum", "target_address": ETH_ADDRESS.swapcase()}, 400, 10007),  # EIP-55 broken
        ({"gateway_name": "Bitcoin"}, 400, 10007),  # USDT has no Bitcoin gateway here
        ({"gateway_name": "Solana"}, 400, 10007),
        ({"symbol": "EOS", "target_address": "bigonewallet", "amount": "1"}, 400, 10007),  # memo missing
        ({"symbol": "EOS", "target_address": "BigOne", "memo": "1", "amount": "1"}, 400, 10007),
        ({"amount": "1.0000001"}, 400, 10007),  # USDT has 6 decimals
        ({"symbol": "DOGE"}, 404, 10013),
        ({"amount": "0"}, 400, 10007),
        ({"amount": "-1"}, 400, 10007),
        ({"amount": 10}, 400, 10007),  # a JSON number
        ({"guid": "has/slash"}, 400, 10007),
        ({"amount": "0.999999"}, 400, 10007),  # below USDT's 1 USDT minimum on Tron
        ({"target_address": random_tron_address(random.Random(99))}, 403, 10403),  # valid, not trusted
        ({"gateway_name": "Ethereum", "target_address": random_ethereum_address(random.Random(5))}, 403, 10403),
    ],
)
def test_create_is_refused(
    bigone: Emulator, client: httpx.Client, fields: dict[str, Any], status: int, code: int
) -> None:
    error(create(client, **fields), status, code)
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(1000), Decimal(0))


def test_unknown_body_fields_are_ignored(bigone: Emulator, client: httpx.Client) -> None:
    guid = str(uuid.uuid4())
    first = create(client, guid=guid, client_reference="order-17")
    assert first.status_code == 200, first.text
    assert "client_reference" not in first.json()["data"]
    again = create(client, guid=guid, client_reference="something else")  # not part of the request's identity
    assert again.json()["data"] == first.json()["data"]
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(989), Decimal(11))


def test_minimums_and_suspended_gateways_from_the_options(serve: Any) -> None:
    options = {"minimums": {"USDT": {"Tron": "50"}}, "suspended": {"USDT": ["Ethereum"]}}
    running: Emulator = serve("bigone", rate_limit=0, options=options)
    running.raw.post("/_sandbox/seed", json=seed()).raise_for_status()
    with running.http(BIGONE.auth()) as client:
        assert "minimum" in error(create(client, amount="49.999999"), 400, 10007)
        assert create(client, amount="50").status_code == 200
        refused = create(client, gateway_name="Ethereum", target_address=ETH_ADDRESS, amount="100")
        assert "suspended" in error(refused, 400, 10007)
        assert create(client, gateway_name="Mixin", target_address=MIXIN_USER, amount="1").status_code == 200
    assert running.balance("bigone-1", "USDT", "fund") == (Decimal(948), Decimal(52))  # 50 + 1 fee, 1 + 0 fee


def test_fee_override(serve: Any) -> None:
    running: Emulator = serve("bigone", rate_limit=0, options={"fees": {"USDT": {"Tron": "2.5"}}})
    running.raw.post("/_sandbox/seed", json=seed()).raise_for_status()
    with running.http(BIGONE.auth()) as client:
        assert create(client, amount="10").json()["data"]["fee"] == "2.5000000000000000"
    assert running.balance("bigone-1", "USDT", "fund") == (Decimal("987.5"), Decimal("12.5"))


def test_trailing_zeros_do_not_count_against_precision(client: httpx.Client) -> None:
    response = create(client, amount="1.500000000000")
    assert response.status_code == 200
    assert response.json()["data"]["amount"] == "1.5000000000000000"


# -- keys: scopes, IP list, auth ------------------------------------------------------------
def test_scopes_are_enforced_per_operation(serve: Any) -> None:
    running: Emulator = serve("bigone", rate_limit=0)
    data = seed()
    data["accounts"][0]["credentials"] = [
        {"key_id": "reader", "secret": BIGONE_SECRET, "data": {"scopes": ["view_balance", "view_withdrawal_history"]}},
        {"key_id": "payer", "secret": BIGONE_SECRET, "data": {"scopes": ["execute_withdrawals"]}},
    ]
    running.raw.post("/_sandbox/seed", json=data).raise_for_status()
    with running.http(BigONEAuth("reader", BIGONE_SECRET)) as reader:
        assert reader.get("/viewer/accounts").status_code == 200
        assert reader.get("/viewer/withdrawals").status_code == 200
        error(create(reader), 403, 10403)
        error(reader.post(f"/viewer/withdrawals/{uuid.uuid4()}/cancel"), 403, 10403)
        # The transfer page names the balance scope, not a withdrawal one.
        transfer = {"guid": str(uuid.uuid4()), "symbol": "USDT", "amount": "1", "from": "SPOT", "to": "FUND"}
        assert reader.post("/viewer/transfer", json=transfer).status_code == 200
    with running.http(BigONEAuth("payer", BIGONE_SECRET)) as payer:
        assert create(payer).status_code == 200
        error(payer.get("/viewer/fund/accounts"), 403, 10403)
        error(payer.get("/viewer/withdrawals"), 403, 10403)
        error(payer.post("/viewer/transfer", json={**transfer, "guid": str(uuid.uuid4())}), 403, 10403)
        error(payer.post("/viewer/transfer", json={"not": "a transfer"}), 403, 10403)  # scope before the body


def test_ip_allow_list(serve: Any) -> None:
    running: Emulator = serve("bigone", rate_limit=0)
    data = seed()
    data["accounts"][0]["credentials"] = [
        {"key_id": "here", "secret": BIGONE_SECRET, "data": {"allowed_ips": ["127.0.0.1"]}},
        {"key_id": "elsewhere", "secret": BIGONE_SECRET, "data": {"allowed_ips": ["203.0.113.7"]}},
    ]
    running.raw.post("/_sandbox/seed", json=data).raise_for_status()
    with running.http(BigONEAuth("here", BIGONE_SECRET)) as here:
        assert here.get("/viewer/accounts").status_code == 200
    with running.http(BigONEAuth("elsewhere", BIGONE_SECRET)) as elsewhere:
        error(elsewhere.get("/viewer/accounts"), 403, 10403)


def test_errors_never_echo_the_secret_and_ping_is_public(bigone: Emulator) -> None:
    with bigone.http(BigONEAuth(BIGONE_KEY, "wrong-" + BIGONE_SECRET)) as client:
        response = client.get("/viewer/accounts")
    error(response, 401, 40106)
    assert BIGONE_SECRET not in response.text
    with bigone.http() as anonymous:
        assert anonymous.get("/ping").json()["data"]["timestamp"] > 0
        error(anonymous.get("/viewer/accounts"), 401, 40004)


# -- paging ---------------------------------------------------------------------------------
def test_paging_is_newest_first_and_stable_under_concurrent_inserts(bigone: Emulator, client: httpx.Client) -> None:
    ids = [create(client, amount="1").json()["data"]["id"] for _ in range(7)]
    seen: list[int] = []
    page = client.get("/viewer/withdrawals", params={"limit": "3"}).json()
    while True:
        seen += [w["id"] for w in page["data"]]
        create(client, amount="1")  # a new withdrawal between pages must not shift the rest
        if "page_token" not in page:
            break
        page = client.get("/viewer/withdrawals", params={"limit": "3", "page_token": page["page_token"]}).json()
    assert seen == ids[::-1]


def test_page_tokens_cannot_be_forged_or_moved(bigone: Emulator, client: httpx.Client) -> None:
    for _ in range(3):
        create(client, amount="1")
    token = client.get("/viewer/withdrawals", params={"limit": "1"}).json()["page_token"]
    forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    error(client.get("/viewer/withdrawals", params={"page_token": forged}), 404, 10013)
    error(client.get("/viewer/withdrawals", params={"page_token": "MTAwMA"}), 404, 10013)  # base64url("1000")
    error(client.get("/viewer/withdrawals", params={"page_token": "not a token!"}), 400, 10007)
    error(client.get("/viewer/withdrawals", params={"limit": "0"}), 400, 10007)
    error(client.get("/viewer/withdrawals", params={"kind": "airdrop"}), 400, 10007)
    bigone.raw.post(
        "/_sandbox/seed",
        json={"accounts": [{"id": "bigone-3", "credentials": [{"key_id": "third", "secret": BIGONE_SECRET}]}]},
    ).raise_for_status()
    with bigone.http(BigONEAuth("third", BIGONE_SECRET)) as third:
        error(third.get("/viewer/withdrawals", params={"page_token": token}), 404, 10013)


def test_limit_is_capped_at_200(bigone: Emulator, client: httpx.Client) -> None:
    bigone.raw.post("/_sandbox/seed", json=seed(balance="100000")).raise_for_status()
    for _ in range(205):
        create(client, amount="1")
    page = client.get("/viewer/withdrawals", params={"limit": "999999"}).json()
    assert len(page["data"]) == 200
    assert "page_token" in page
    rest = client.get("/viewer/withdrawals", params={"limit": "999999", "page_token": page["page_token"]}).json()
    assert len(rest["data"]) == 5
    assert "page_token" not in rest


# -- accounts -------------------------------------------------------------------------------
def test_accounts_list_every_known_asset_and_404_unknown_ones(client: httpx.Client) -> None:
    spot = client.get("/viewer/accounts").json()["data"]
    assert [a["asset_symbol"] for a in spot] == ["BTC", "EOS", "ETH", "TRX", "USDT"]
    assert next(a for a in spot if a["asset_symbol"] == "USDT") == {
        "asset_symbol": "USDT",
        "balance": "7",
        "locked_balance": "0",
    }
    assert client.get("/viewer/accounts/TRX").json()["data"]["balance"] == "0"
    error(client.get("/viewer/accounts/DOGE"), 404, 10013)
    error(client.get("/viewer/fund/accounts/not-a-symbol"), 404, 10013)


# -- engine paths in the provider's shape ---------------------------------------------------
def test_rate_limit_is_10429(serve: Any) -> None:
    running: Emulator = serve("bigone", rate_limit=3)
    running.raw.post("/_sandbox/seed", json=seed()).raise_for_status()
    with running.http(BIGONE.auth()) as client:
        statuses = [client.get("/viewer/accounts").status_code for _ in range(4)]
        limited = client.get("/viewer/accounts")
    assert statuses == [200, 200, 200, 429]
    assert error(limited, 429, 10429) == "Too many requests"
    assert int(limited.headers["retry-after"]) >= 1


def test_faults_and_bad_requests_keep_the_envelope(bigone: Emulator, client: httpx.Client) -> None:
    bigone.raw.post("/_sandbox/faults", json={"count": 1, "status": 503}).raise_for_status()
    error(client.get("/viewer/accounts"), 503, 10005)
    error(client.get("/nowhere"), 404, 10013)
    response = client.request("PATCH", "/viewer/withdrawals")
    error(response, 405, 10013)
    assert response.headers["allow"] == "GET, POST"
    bad_json = client.post("/viewer/withdrawals", content=b"{nope", headers={"content-type": "application/json"})
    assert error(bad_json, 400, 10007).startswith("Parameter error: malformed JSON body")
    error(client.post("/viewer/withdrawals", content=b"symbol=BTC"), 400, 10007)


@pytest.mark.parametrize(
    "account",
    [
        {"id": "x", "balances": {"USDT": "1"}},
        {"id": "x", "wallets": {"margin": {"USDT": "1"}}},
        {"id": "x", "whitelist": [{"network": "TRC20", "address": BIGONE_ADDRESS}]},
        {"id": "x", "credentials": [{"key_id": "k", "secret": "s", "data": {"scopes": ["trade"]}}]},
        {"id": "x", "credentials": [{"key_id": "k", "secret": "s", "data": {"ip": "1.2.3.4"}}]},
        {"id": "x", "extra": {"vip": True}},
    ],
)
def test_seed_is_validated(bigone: Emulator, account: dict[str, Any]) -> None:
    response = bigone.raw.post("/_sandbox/seed", json={"accounts": [account]})
    assert response.status_code == 400, response.text


def test_customer_id_from_the_seed(bigone: Emulator, client: httpx.Client) -> None:
    bigone.raw.post("/_sandbox/seed", json=seed(extra={"customer_id": 1082679})).raise_for_status()
    assert create(client).json()["data"]["customer_id"] == 1082679


def test_parallel_same_guid_locks_once(bigone: Emulator) -> None:
    guid = str(uuid.uuid4())
    results: list[int] = []

    def attempt() -> None:
        with bigone.http(BIGONE.auth()) as client:
            results.append(create(client, guid=guid).json()["data"]["id"])

    threads = [threading.Thread(target=attempt) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1
    assert len(results) == 16
    assert bigone.balance("bigone-1", "USDT", "fund") == (Decimal(989), Decimal(11))
