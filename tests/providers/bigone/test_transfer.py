"""BigONE's `POST /viewer/transfer` in the emulator: money between spot, fund and contract, guid, races."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import httpx
import pytest

from withdrawal_apis.providers.bigone.auth import BigONEAuth
from withdrawal_apis.testing import Emulator

from .scenario import BIGONE, BIGONE_ADDRESS
from .test_emulator import error

ACCOUNT = "bigone-1"


def seed(spot: str = "100", fund: str = "1000", **wallets: dict[str, str]) -> dict[str, Any]:
    data = BIGONE.seed(Decimal(fund))
    data["accounts"][0]["wallets"].update({"spot": {"USDT": spot, "BTC": "0.5"}, **wallets})
    return data


def start(serve: Any, data: dict[str, Any]) -> Emulator:
    running: Emulator = serve("bigone", rate_limit=0)
    running.raw.post("/_sandbox/seed", json=data).raise_for_status()
    return running


@pytest.fixture
def bigone(serve: Any) -> Emulator:
    return start(serve, seed())


def transfer(client: httpx.Client, **fields: Any) -> httpx.Response:
    body = {"guid": str(uuid.uuid4()), "symbol": "USDT", "amount": "10", "from": "SPOT", "to": "FUND"}
    body.update(fields)
    return client.post("/viewer/transfer", json={k: v for k, v in body.items() if v is not None})


def test_spot_to_fund_then_withdraw_what_arrived(bigone: Emulator) -> None:
    with bigone.http(BIGONE.auth()) as client:
        response = transfer(client, amount="60.5")
        assert response.status_code == 200
        assert response.json() == {"code": 0, "data": None}  # the page's answer, as it is
        assert client.get("/viewer/accounts/USDT").json()["data"]["balance"] == "39.5"
        assert client.get("/viewer/fund/accounts/USDT").json()["data"]["balance"] == "1060.5"
        body = {"symbol": "USDT", "target_address": BIGONE_ADDRESS, "amount": "1059.5", "guid": str(uuid.uuid4())}
        assert client.post("/viewer/withdrawals", json=body).status_code == 200  # 1059.5 + 1 fee
    assert bigone.balance(ACCOUNT, "USDT", "fund") == (Decimal(0), Decimal("1060.5"))
    assert bigone.balance(ACCOUNT, "USDT", "spot") == (Decimal("39.5"), Decimal(0))


def test_every_direction_between_the_three_accounts(bigone: Emulator) -> None:
    with bigone.http(BIGONE.auth()) as client:
        for source, target, amount in [
            ("FUND", "SPOT", "100"),
            ("SPOT", "CONTRACT", "150"),
            ("CONTRACT", "FUND", "20"),
            ("CONTRACT", "SPOT", "30"),
            ("FUND", "CONTRACT", "0.000001"),
        ]:
            assert transfer(client, amount=amount, **{"from": source, "to": target}).status_code == 200
    assert bigone.balance(ACCOUNT, "USDT", "fund") == (Decimal("919.999999"), Decimal(0))
    assert bigone.balance(ACCOUNT, "USDT", "spot") == (Decimal(80), Decimal(0))
    assert bigone.balance(ACCOUNT, "USDT", "contract") == (Decimal("100.000001"), Decimal(0))


def test_only_available_funds_move(bigone: Emulator) -> None:
    """Funds a pending withdrawal holds in the fund account cannot be transferred away."""
    with bigone.http(BIGONE.auth()) as client:
        body = {"symbol": "USDT", "target_address": BIGONE_ADDRESS, "amount": "899", "guid": str(uuid.uuid4())}
        assert client.post("/viewer/withdrawals", json=body).status_code == 200  # holds 900
        error(transfer(client, amount="100.000001", **{"from": "FUND", "to": "SPOT"}), 400, 10014)
        assert transfer(client, amount="100", **{"from": "FUND", "to": "SPOT"}).status_code == 200
        error(transfer(client, amount="200.000001"), 400, 10014)
        error(transfer(client, **{"from": "CONTRACT", "to": "SPOT"}), 400, 10014)  # nothing there
    assert bigone.balance(ACCOUNT, "USDT", "fund") == (Decimal(0), Decimal(900))
    assert bigone.balance(ACCOUNT, "USDT", "spot") == (Decimal(200), Decimal(0))


def test_same_guid_moves_once_and_another_body_is_40302(bigone: Emulator) -> None:
    guid = str(uuid.uuid4())
    with bigone.http(BIGONE.auth()) as client:
        assert transfer(client, guid=guid, amount="10").json() == {"code": 0, "data": None}
        assert transfer(client, guid=guid, amount="10.0", note="ignored").json() == {"code": 0, "data": None}
        assert error(transfer(client, guid=guid, amount="11"), 403, 40302) == "already requested"
        error(transfer(client, guid=guid, **{"from": "FUND", "to": "SPOT"}), 403, 40302)
        # A withdrawal guid and a transfer guid are different namespaces.
        body = {"symbol": "USDT", "target_address": BIGONE_ADDRESS, "amount": "5", "guid": guid}
        assert client.post("/viewer/withdrawals", json=body).status_code == 200
    assert bigone.balance(ACCOUNT, "USDT", "spot") == (Decimal(90), Decimal(0))
    assert bigone.balance(ACCOUNT, "USDT", "fund") == (Decimal(1004), Decimal(6))


def test_guids_are_per_account(bigone: Emulator) -> None:
    guid = str(uuid.uuid4())
    bigone.raw.post(
        "/_sandbox/seed",
        json={
            "accounts": [
                {
                    "id": "bigone-9",
                    "credentials": [{"key_id": "ninth", "secret": "9" * 32}],
                    "wallets": {"spot": {"USDT": "5"}},
                }
            ]
        },
    ).raise_for_status()
    with bigone.http(BIGONE.auth()) as client, bigone.http(BigONEAuth("ninth", "9" * 32)) as ninth:
        assert transfer(client, guid=guid, amount="10").status_code == 200
        assert transfer(ninth, guid=guid, amount="5").status_code == 200
    assert bigone.balance("bigone-9", "USDT", "fund") == (Decimal(5), Decimal(0))


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"from": "FUND", "to": "FUND"}, 400, 10007),
        ({"from": "MARGIN"}, 400, 10007),
        ({"amount": "0"}, 400, 10007),
        ({"amount": "-5"}, 400, 10007),
        ({"amount": "1.0000001"}, 400, 10007),  # USDT moves with 6 decimals at most
        ({"amount": 10}, 400, 10007),  # a JSON number
        ({"guid": None}, 400, 10007),  # required by the page
        ({"to": None}, 400, 10007),
        ({"symbol": "DOGE"}, 404, 10013),
        ({"type": "NORMAL", "sub_account": "alice"}, 400, 10007),  # must be empty for NORMAL
        ({"type": "MASTER_TO_SUB"}, 400, 10007),  # sub_account required
        ({"type": "MASTER_TO_SUB", "sub_account": "alice"}, 404, 10013),  # no sub-accounts here
        ({"type": "SIDEWAYS"}, 400, 10007),
    ],
)
def test_transfer_is_refused(bigone: Emulator, fields: dict[str, Any], status: int, code: int) -> None:
    with bigone.http(BIGONE.auth()) as client:
        error(transfer(client, **fields), status, code)
    assert bigone.balance(ACCOUNT, "USDT", "spot") == (Decimal(100), Decimal(0))
    assert bigone.balance(ACCOUNT, "USDT", "fund") == (Decimal(1000), Decimal(0))


def test_an_asset_only_held_moves_with_any_precision(serve: Any) -> None:
    running = start(serve, seed(contract={"XRP": "21.9"}))
    with running.http(BIGONE.auth()) as client:
        response = transfer(client, symbol="XRP", amount="21.9000000000000000", **{"from": "CONTRACT", "to": "FUND"})
        assert response.status_code == 200, response.text
        assert client.get("/viewer/fund/accounts/XRP").json()["data"]["balance"] == "21.9"


# -- races ----------------------------------------------------------------------------------
CAPACITY, ATTEMPTS = 50, 200


def test_racing_transfers_never_overdraw(serve: Any) -> None:
    """200 transfers of 1 USDT race for a spot balance that covers 50 of them."""
    running = start(serve, seed(spot=str(CAPACITY), fund="0"))
    barrier = threading.Barrier(32)

    def attempt(i: int) -> int:
        with running.http(BIGONE.auth()) as client:
            if i < 32:
                barrier.wait()
            return transfer(client, amount="1", guid=str(uuid.uuid4())).status_code

    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = Counter(pool.map(attempt, range(ATTEMPTS)))
    assert statuses == {200: CAPACITY, 400: ATTEMPTS - CAPACITY}, statuses
    assert running.balance(ACCOUNT, "USDT", "spot") == (Decimal(0), Decimal(0))
    assert running.balance(ACCOUNT, "USDT", "fund") == (Decimal(CAPACITY), Decimal(0))


def test_transfers_and_withdrawals_racing_for_the_fund_account(serve: Any) -> None:
    """Transfers out of fund and withdrawals from fund compete for 90 USDT; each success takes 3."""
    running = start(serve, seed(spot="0", fund="90"))

    def attempt(i: int) -> tuple[str, int]:
        with running.http(BIGONE.auth()) as client:
            if i % 2:
                response = transfer(client, amount="3", **{"from": "FUND", "to": "SPOT"})
                return "transfer", response.status_code
            body = {"symbol": "USDT", "target_address": BIGONE_ADDRESS, "amount": "2", "guid": str(uuid.uuid4())}
            return "withdrawal", client.post("/viewer/withdrawals", json=body).status_code  # 2 + 1 fee

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = Counter(pool.map(attempt, range(120)))
    moved = outcomes[("transfer", 200)]
    withdrawn = outcomes[("withdrawal", 200)]
    assert moved + withdrawn == 30, outcomes
    assert {status for _, status in outcomes} == {200, 400}, outcomes
    assert running.balance(ACCOUNT, "USDT", "fund") == (Decimal(0), Decimal(3 * withdrawn))
    assert running.balance(ACCOUNT, "USDT", "spot") == (Decimal(3 * moved), Decimal(0))


def test_parallel_same_guid_moves_once(bigone: Emulator) -> None:
    guid = str(uuid.uuid4())

    def attempt(_: int) -> int:
        with bigone.http(BIGONE.auth()) as client:
            return transfer(client, guid=guid, amount="7").status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        assert set(pool.map(attempt, range(16))) == {200}
    assert bigone.balance(ACCOUNT, "USDT", "spot") == (Decimal(93), Decimal(0))
    assert bigone.balance(ACCOUNT, "USDT", "fund") == (Decimal(1007), Decimal(0))
