"""The generated MPChat client, with its auth, against the emulator over loopback: a whole payout."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import pytest
from mpchat_client.api.balance import get_balance, list_transactions
from mpchat_client.api.merchants import get_merchant
from mpchat_client.api.webhooks import create_webhook, list_webhook_deliveries, list_webhooks
from mpchat_client.api.withdrawals import create_withdrawal, get_withdrawal, list_withdrawals
from mpchat_client.models import (
    Balance,
    CreateWebhookRequest,
    CreateWithdrawalRequest,
    EntryType,
    Error,
    Merchant,
    MerchantEnvironment,
    MerchantStatus,
    Network,
    TransactionList,
    Webhook,
    WebhookDeliveryList,
    WebhookEventType,
    Withdrawal,
    WithdrawalList,
    WithdrawalStatus,
)
from mpchat_client.types import Unset

from withdrawal_apis.providers import mpchat
from withdrawal_apis.testing import Emulator

from .scenario import MPCHAT, MPCHAT_ADDRESS, MPCHAT_KEY, MPCHAT_SECRET


@pytest.fixture
def running(serve: Any) -> Emulator:
    running: Emulator = serve("mpchat", rate_limit=0)
    running.raw.post("/_sandbox/seed", json=MPCHAT.seed(Decimal("1250.50"))).raise_for_status()
    return running


def test_create_get_list_review_complete_ledger(running: Emulator) -> None:
    client = mpchat.client(MPCHAT_KEY, MPCHAT_SECRET, base_url=running.base_url, httpx_args=running.httpx_args)
    request = CreateWithdrawalRequest(amount="500.00", destination_address=MPCHAT_ADDRESS, network=Network.TRC20)
    created = create_withdrawal.sync(client=client, body=request)
    assert isinstance(created, Withdrawal)
    assert (created.status, created.amount, created.fee, created.tx_hash) == (
        WithdrawalStatus.PENDING,
        "500.00",
        "1.00",
        None,
    )

    fetched = get_withdrawal.sync(created.id, client=client)
    assert isinstance(fetched, Withdrawal)
    assert fetched.id == created.id
    page = list_withdrawals.sync(client=client, limit=10)
    assert isinstance(page, WithdrawalList)
    assert (page.total, page.withdrawals[0].id) == (1, created.id)

    balance = get_balance.sync(client=client)
    assert isinstance(balance, Balance)
    assert (Decimal(balance.available), Decimal(balance.frozen)) == (Decimal("749.50"), Decimal("501.00"))

    for step in ("submit_for_review", "approve_level1", "approve_level2", "broadcast", "complete"):
        running.raw.post(
            f"/_sandbox/withdrawals/{created.id}/transitions", json={"transition": step}
        ).raise_for_status()
    done = get_withdrawal.sync(created.id, client=client)
    assert isinstance(done, Withdrawal)
    assert done.status is WithdrawalStatus.COMPLETED
    assert done.tx_hash

    ledger = list_transactions.sync(client=client)
    assert isinstance(ledger, TransactionList)
    debit = ledger.transactions[0]
    assert (debit.entry_type, debit.amount, debit.balance_after) == (EntryType.DEBIT, "500.00", "749.50")
    assert debit.description == f"Withdrawal {created.id}"
    balance = get_balance.sync(client=client)
    assert isinstance(balance, Balance)
    assert (balance.available, balance.frozen) == ("749.50", "0.00")


def test_not_found_parses_into_the_error_model(running: Emulator) -> None:
    client = mpchat.client(MPCHAT_KEY, MPCHAT_SECRET, base_url=running.base_url, httpx_args=running.httpx_args)
    response = get_withdrawal.sync_detailed("wd_nope", client=client)
    assert response.status_code == 404
    assert isinstance(response.parsed, Error)
    assert response.parsed.error == "withdrawal not found"


@pytest.mark.parametrize(
    ("key_id", "secret", "clock_skew", "message"),
    [
        (MPCHAT_KEY, "not-the-secret", 0, "invalid signature"),
        ("mk_test_nobody", MPCHAT_SECRET, 0, "api key not found"),
        ("mk_test_inactive", MPCHAT_SECRET, 0, "api key is inactive"),
        (MPCHAT_KEY, MPCHAT_SECRET, -600, "request timestamp too old"),
        (MPCHAT_KEY, MPCHAT_SECRET, +600, "request timestamp too old"),
        ("mk:bad", MPCHAT_SECRET, 0, "invalid authorization format"),
    ],
)
def test_each_auth_error_reaches_the_client(
    running: Emulator, key_id: str, secret: str, clock_skew: int, message: str
) -> None:
    client = mpchat.client(
        key_id, secret, base_url=running.base_url, clock=lambda: time.time() + clock_skew, httpx_args=running.httpx_args
    )
    response = get_balance.sync_detailed(client=client)
    assert response.status_code == 401
    assert isinstance(response.parsed, Error)
    assert response.parsed.error == message


def test_missing_header_is_reported(running: Emulator) -> None:
    from mpchat_client import AuthenticatedClient

    client = AuthenticatedClient(base_url=running.base_url, token="", prefix="", httpx_args=running.httpx_args)
    response = get_balance.sync_detailed(client=client)
    assert response.status_code == 401
    assert isinstance(response.parsed, Error)
    assert response.parsed.error == "missing authorization header"


def test_webhook_registration_deliveries_and_profile_through_the_client(running: Emulator) -> None:
    """What a client written from the docs does: find its merchant, subscribe, watch a payout's event arrive."""
    client = mpchat.client(MPCHAT_KEY, MPCHAT_SECRET, base_url=running.base_url, httpx_args=running.httpx_args)
    merchant = get_merchant.sync(client=client)
    assert isinstance(merchant, Merchant)
    assert (merchant.id, merchant.status, merchant.environment) == (
        "merchant-1",
        MerchantStatus.ACTIVE,
        MerchantEnvironment.TEST,
    )

    events = [WebhookEventType.WITHDRAWAL_COMPLETED, WebhookEventType.WITHDRAWAL_FAILED]
    hook = create_webhook.sync(client=client, body=CreateWebhookRequest(url="https://shop.example/mp", events=events))
    assert isinstance(hook, Webhook)
    assert (hook.url, hook.events, hook.is_active) == ("https://shop.example/mp", events, True)
    listed = list_webhooks.sync(client=client)
    assert isinstance(listed, list)
    assert [w.id for w in listed] == [hook.id]

    refused = create_webhook.sync_detailed(
        client=client, body=CreateWebhookRequest(url="http://shop.example/mp", events=events)
    )
    assert refused.status_code == 400
    assert isinstance(refused.parsed, Error)

    request = CreateWithdrawalRequest(amount="5.00", destination_address=MPCHAT_ADDRESS, network=Network.TRC20)
    created = create_withdrawal.sync(client=client, body=request)
    assert isinstance(created, Withdrawal)
    running.complete(created.id)
    deadline = time.monotonic() + 5
    while not running.webhooks.received and time.monotonic() < deadline:
        running.deliver_webhooks()
        time.sleep(0.01)
    page = list_webhook_deliveries.sync(hook.id, client=client, limit=5)
    assert isinstance(page, WebhookDeliveryList)
    assert page.total == 1
    assert not isinstance(page.deliveries, Unset)
    [delivery] = page.deliveries
    assert (delivery.webhook_id, delivery.event, delivery.status) == (
        hook.id,
        WebhookEventType.WITHDRAWAL_COMPLETED,
        "DELIVERED",
    )
    assert [hit.url for hit in running.webhooks.received] == ["https://shop.example/mp"]
