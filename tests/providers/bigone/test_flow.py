"""The generated BigONE client, with its auth, against the emulator over loopback: every operation."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal
from typing import Any

import pytest
from bigone_client import AuthenticatedClient
from bigone_client.api.accounts import get_fund_account, get_spot_account, list_fund_accounts, list_spot_accounts
from bigone_client.api.system import ping
from bigone_client.api.withdrawals import cancel_withdrawal, create_withdrawal, get_withdrawal, list_withdrawals
from bigone_client.models import (
    AccountListResponse,
    AccountResponse,
    CancelResponse,
    CreateWithdrawalRequest,
    Error,
    PingResponse,
    WithdrawalKind,
    WithdrawalPage,
    WithdrawalResponse,
    WithdrawalState,
)

from withdrawal_apis.providers import bigone
from withdrawal_apis.providers.bigone import BigONEAuth
from withdrawal_apis.testing import Emulator

from .scenario import BIGONE, BIGONE_ADDRESS, BIGONE_KEY, BIGONE_SECRET


@pytest.fixture
def running(serve: Any) -> Emulator:
    running: Emulator = serve("bigone", rate_limit=0)
    seed = BIGONE.seed(Decimal("100"))
    seed["accounts"][0]["wallets"]["spot"] = {"BTC": "0.5"}
    running.raw.post("/_sandbox/seed", json=seed).raise_for_status()
    return running


def test_create_get_list_cancel_and_balances(running: Emulator) -> None:
    client = bigone.client(BIGONE_KEY, BIGONE_SECRET, base_url=running.base_url, httpx_args=running.httpx_args)
    pong = ping.sync(client=client)
    assert isinstance(pong, PingResponse)
    assert abs(pong.data.timestamp - time.time_ns()) < 5 * 10**9

    guid = str(uuid.uuid4())
    request = CreateWithdrawalRequest(symbol="USDT", target_address=BIGONE_ADDRESS, amount="10.5", guid=guid)
    created = create_withdrawal.sync(client=client, body=request)
    assert isinstance(created, WithdrawalResponse)
    withdrawal = created.data
    assert (withdrawal.state, withdrawal.kind, withdrawal.amount, withdrawal.fee, withdrawal.txid) == (
        WithdrawalState.PENDING,
        WithdrawalKind.ON_CHAIN,
        "10.5000000000000000",
        "1.0000000000000000",
        "",
    )

    fund = get_fund_account.sync("USDT", client=client)
    assert isinstance(fund, AccountResponse)
    assert (Decimal(fund.data.balance), Decimal(fund.data.locked_balance)) == (Decimal(100), Decimal("11.5"))
    funds = list_fund_accounts.sync(client=client)
    assert isinstance(funds, AccountListResponse)
    assert {a.asset_symbol for a in funds.data} >= {"BTC", "ETH", "USDT", "TRX", "EOS"}
    spot = get_spot_account.sync("BTC", client=client)
    assert isinstance(spot, AccountResponse)
    assert spot.data.balance == "0.5"
    spots = list_spot_accounts.sync(client=client)
    assert isinstance(spots, AccountListResponse)
    assert next(a for a in spots.data if a.asset_symbol == "USDT").balance == "0"

    fetched = get_withdrawal.sync(guid, client=client)
    assert isinstance(fetched, WithdrawalResponse)
    assert fetched.data.id == withdrawal.id
    page = list_withdrawals.sync(client=client, limit="10", asset_symbol="USDT", kind=WithdrawalKind.ON_CHAIN)
    assert isinstance(page, WithdrawalPage)
    assert [w.id for w in page.data] == [withdrawal.id]
    assert not page.page_token

    cancelled = cancel_withdrawal.sync(guid, client=client)
    assert isinstance(cancelled, CancelResponse)
    assert (cancelled.code, cancelled.message, cancelled.data) == (0, "cancel request submitted", None)
    after = get_withdrawal.sync(guid, client=client)
    assert isinstance(after, WithdrawalResponse)
    assert after.data.state is WithdrawalState.CANCELLED
    fund = get_fund_account.sync("USDT", client=client)
    assert isinstance(fund, AccountResponse)
    assert (fund.data.balance, fund.data.locked_balance) == ("100", "0")


def test_completion_sets_txid_and_completed_at(running: Emulator) -> None:
    client = bigone.client(BIGONE_KEY, BIGONE_SECRET, base_url=running.base_url, httpx_args=running.httpx_args)
    guid = str(uuid.uuid4())
    body = CreateWithdrawalRequest(symbol="USDT", target_address=BIGONE_ADDRESS, amount="7", guid=guid)
    created = create_withdrawal.sync(client=client, body=body)
    assert isinstance(created, WithdrawalResponse)
    running.raw.post(
        f"/_sandbox/withdrawals/{created.data.id}/transitions", json={"transition": "complete"}
    ).raise_for_status()
    done = get_withdrawal.sync(guid, client=client)
    assert isinstance(done, WithdrawalResponse)
    assert done.data.state is WithdrawalState.COMPLETED
    assert len(done.data.txid) == 64
    assert done.data.completed_at is not None
    fund = get_fund_account.sync("USDT", client=client)
    assert isinstance(fund, AccountResponse)
    assert (fund.data.balance, fund.data.locked_balance) == ("92", "0")


def test_errors_parse_into_the_error_model(running: Emulator) -> None:
    client = bigone.client(BIGONE_KEY, BIGONE_SECRET, base_url=running.base_url, httpx_args=running.httpx_args)
    missing = get_withdrawal.sync_detailed(str(uuid.uuid4()), client=client)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Error)
    assert missing.parsed.code == 10013
    broke = create_withdrawal.sync_detailed(
        client=client, body=CreateWithdrawalRequest(symbol="USDT", target_address=BIGONE_ADDRESS, amount="1000")
    )
    assert broke.status_code == 400
    assert isinstance(broke.parsed, Error)
    assert (broke.parsed.code, broke.parsed.message) == (10014, "Insufficient funds")


@pytest.mark.parametrize(
    ("client_args", "status", "code"),
    [
        ({"api_key": BIGONE_KEY, "secret": "wrong-" + "5e" * 16}, 401, 40106),
        ({"api_key": "nobody", "secret": BIGONE_SECRET}, 401, 40004),
        ({"api_key": "bigone-disabled", "secret": BIGONE_SECRET}, 401, 40004),
    ],
)
def test_every_operation_refuses_bad_credentials(
    running: Emulator, client_args: dict[str, str], status: int, code: int
) -> None:
    client = bigone.client(**client_args, base_url=running.base_url, httpx_args=running.httpx_args)
    calls = [
        lambda: list_spot_accounts.sync_detailed(client=client),
        lambda: get_spot_account.sync_detailed("BTC", client=client),
        lambda: list_fund_accounts.sync_detailed(client=client),
        lambda: get_fund_account.sync_detailed("BTC", client=client),
        lambda: list_withdrawals.sync_detailed(client=client),
        lambda: get_withdrawal.sync_detailed("g", client=client),
        lambda: cancel_withdrawal.sync_detailed("g", client=client),
        lambda: create_withdrawal.sync_detailed(
            client=client, body=CreateWithdrawalRequest(symbol="USDT", target_address=BIGONE_ADDRESS, amount="1")
        ),
    ]
    for call in calls:
        response = call()
        assert response.status_code == status
        assert isinstance(response.parsed, Error)
        assert response.parsed.code == code
    # /ping is public: it answers whatever the credentials.
    assert ping.sync_detailed(client=client).status_code == 200


def test_stale_clock_and_wider_recv_window(running: Emulator) -> None:
    def lagging(recv_window: int | None) -> AuthenticatedClient:
        signer = BigONEAuth(BIGONE_KEY, BIGONE_SECRET, recv_window, clock_ns=lambda: time.time_ns() - 40 * 10**9)
        return AuthenticatedClient(
            base_url=running.base_url, token="", prefix="", httpx_args={"auth": signer, **running.httpx_args}
        )

    response = list_withdrawals.sync_detailed(client=lagging(None))
    assert response.status_code == 401
    assert isinstance(response.parsed, Error)
    assert response.parsed.code == 40106
    assert list_withdrawals.sync_detailed(client=lagging(60)).status_code == 200


def test_malformed_header_is_40107(running: Emulator) -> None:
    response = running.raw.get("/viewer/accounts", headers={"Authorization": f"Token {BIGONE_KEY}"})
    assert response.status_code == 400
    assert response.json()["code"] == 40107
