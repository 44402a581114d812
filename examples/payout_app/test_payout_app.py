"""The payout service against every provider's emulator, through the pytest plugin."""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

import pytest
from payout_app import Order, PayoutService, Settlement

from withdrawal_apis import payouts
from withdrawal_apis.chains import random_tron_address
from withdrawal_apis.testing import Emulator

FAST = payouts.RetryPolicy(initial_delay=0.01, max_delay=0.05)


def payable(sandbox: Emulator) -> tuple[str, str, str, Decimal] | None:
    """What the demo seed can pay: (asset, network, destination, amount); None for a sweep-only provider."""
    holder = next(a for a in sandbox.seeded.values() if a.get("credentials"))
    whitelist = {d["network"]: d["address"] for d in holder.get("whitelist", [])}
    return {
        "mpchat": ("USDT", "TRC20", random_tron_address(random.Random(7)), Decimal("12.50")),
        "bigone": ("USDT", "TRC20", whitelist.get("Tron", ""), Decimal("12.5")),
        "kamipay": ("USDT", "MATIC", whitelist.get("polygon", ""), Decimal("12.5")),
        "onekonto": ("BTC", "BTC", whitelist.get("bitcoin", ""), Decimal("0.5")),
    }.get(sandbox.provider.name)


@pytest.fixture
def service(withdrawal_sandbox: Emulator) -> Iterator[PayoutService]:
    with withdrawal_sandbox.payouts(retry=FAST) as client:
        yield PayoutService(client)


def order(sandbox: Emulator, order_id: str, amount: Decimal | None = None) -> Order:
    found = payable(sandbox)
    assert found is not None
    asset, network, address, usual = found
    return Order(order_id, asset, network, address, usual if amount is None else amount)


BY_AMOUNT = pytest.mark.withdrawal_sandbox("mpchat", "bigone", "kamipay", "onekonto")


@BY_AMOUNT
def test_an_order_is_paid_then_settled(withdrawal_sandbox: Emulator, service: PayoutService) -> None:
    paid = service.pay(order(withdrawal_sandbox, "order-1"))
    if paid.settlement is Settlement.SENT:  # kamiPay's payouts are final at once
        withdrawal_sandbox.complete(paid.payout_id or "")
        paid = service.refresh("order-1")
    assert paid.settlement is Settlement.PAID, paid
    assert service.pay(order(withdrawal_sandbox, "order-1")) is paid  # asking again pays nothing more


@pytest.mark.withdrawal_sandbox("mpchat", "bigone", "onekonto")
def test_a_payout_the_provider_fails_settles_as_failed(withdrawal_sandbox: Emulator, service: PayoutService) -> None:
    sent = service.pay(order(withdrawal_sandbox, "order-2"))
    assert sent.settlement is Settlement.SENT
    withdrawal_sandbox.fail(sent.payout_id or "")
    assert service.refresh("order-2").settlement is Settlement.FAILED


@BY_AMOUNT
def test_refused_orders_pay_nothing(withdrawal_sandbox: Emulator, service: PayoutService) -> None:
    too_much = service.pay(order(withdrawal_sandbox, "order-3", amount=Decimal("1000000000")))
    assert too_much.settlement is Settlement.REFUSED
    assert too_much.payout_id is None


@BY_AMOUNT
def test_503s_are_retried_through(withdrawal_sandbox: Emulator, service: PayoutService) -> None:
    withdrawal_sandbox.fail_next(2, status=503)
    assert service.pay(order(withdrawal_sandbox, "order-4")).settlement in (Settlement.SENT, Settlement.PAID)


@BY_AMOUNT
def test_a_lost_answer_never_pays_twice(withdrawal_sandbox: Emulator, service: PayoutService) -> None:
    first = service.pay(order(withdrawal_sandbox, "order-5"))  # the app has been running: logged in, set up
    withdrawal_sandbox.drop_next(1, commit=True)  # the provider makes the next payout; its answer never arrives
    lost = service.pay(order(withdrawal_sandbox, "order-6"))
    capabilities = service.client.capabilities
    if not (capabilities.reconcile or capabilities.idempotent_create):  # kamiPay: nothing to find it by
        assert lost.settlement is Settlement.NEEDS_REVIEW
        return
    assert lost.settlement in (Settlement.SENT, Settlement.PAID), lost
    made = [p.id for p in service.client.list()]
    assert sorted(made) == sorted([first.payout_id, lost.payout_id])  # found again, not made twice


@pytest.mark.withdrawal_sandbox("smartypay")
def test_a_sweep_only_provider_is_swept(withdrawal_sandbox: Emulator, service: PayoutService) -> None:
    with pytest.raises(payouts.NotSupportedError):
        service.pay(Order("order-7", "USDT", "BEP20", "0x7aa002968e2B68b4803cbE15DdfdEe1488550180", Decimal(1)))
    service.sweep("USDT", "BEP20")
    withdrawal_sandbox.advance(301)  # the next processing slot
    # The demo seed also holds a finished withdrawal from before; the sweep is the pending one.
    [swept] = [p for p in service.client.list() if p.status is payouts.PayoutStatus.PENDING]
    withdrawal_sandbox.complete(swept.id)
    assert service.client.get(swept.id).status is payouts.PayoutStatus.COMPLETED
