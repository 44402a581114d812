"""The same app scenarios against every emulator, through the sync and the async client.

Each test is parametrized by provider (see `profiles.py`) and mode (sync, async).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from withdrawal_apis import payouts
from withdrawal_apis.payouts import PayoutStatus
from withdrawal_apis.testing import Emulator

from .conftest import App
from .profile import INITIAL, Profile

SLOT = 300  # the SmartyPay emulator's processing slot, in seconds


def balance_of(app: App, profile: Profile) -> payouts.Balance | None:
    rows = [
        b
        for b in app.balances()
        if b.asset == profile.asset and all(getattr(b, k) == v for k, v in profile.balance_filter.items())
    ]
    assert len(rows) <= 1, rows
    return rows[0] if rows else None


def pay(app: App, profile: Profile, emulator: Emulator, amount: Decimal | None = None, **extra: Any) -> payouts.Payout:
    """One payout the app's way: a create, or (SmartyPay) a sweep and the slot that processes it."""
    if not profile.sweep:
        return app.create(
            asset=profile.asset,
            network=profile.network,
            address=profile.address,
            amount=amount or profile.amount,
            **extra,
        )
    sweep = app.sweep(asset=profile.asset, network=profile.network)
    assert (sweep.status, sweep.raw_status, sweep.asset, sweep.network) == (
        PayoutStatus.PENDING,
        "Pending",
        "USDT",
        "BEP20",
    )
    emulator.advance(SLOT)
    [payout] = [p for p in app.list() if not p.id.startswith("Past")]
    return payout


def test_balance_create_held_complete_settled(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    opening = balance_of(app, profile)
    assert opening is not None
    assert opening.available == INITIAL
    assert opening.held in (Decimal(0), None)

    payout = pay(app, profile, emulator)
    amount = INITIAL if profile.sweep else profile.amount
    assert (payout.provider, payout.asset, payout.amount) == (profile.provider, profile.asset, amount)
    assert payout.network == profile.network
    assert isinstance(payout.amount, Decimal)
    assert payout.created_at is None or (isinstance(payout.created_at, datetime) and payout.created_at.tzinfo)
    assert payout.raw is not None
    spent = amount + profile.fee

    if profile.holds:
        assert payout.status is PayoutStatus.PENDING
        assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL - spent, spent)
        held = balance_of(app, profile)
        if held is not None:  # SmartyPay lists no currency whose whole balance is in flight
            assert (held.available, held.held) == (INITIAL - spent, spent)
        emulator.complete(payout.id)
    else:
        assert payout.status is PayoutStatus.COMPLETED  # kamiPay answers once the transfer is mined
        assert payout.txid

    settled = app.get(payout.id) if app.capabilities.get else payout
    assert settled.status is PayoutStatus.COMPLETED
    assert settled.status.ccxt == "ok"
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL - spent, 0)
    closing = balance_of(app, profile)
    assert closing is None or (closing.available, closing.held or 0) == (INITIAL - spent, 0)


def test_insufficient_funds(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    if profile.sweep:
        with pytest.raises(payouts.NotSupportedError, match="create"):
            app.create(asset="USDT", network="BEP20", address="0x" + "1" * 40, amount=Decimal(1))
        return
    with pytest.raises(payouts.InsufficientFundsError) as refused:
        pay(app, profile, emulator, amount=INITIAL * 2)
    assert refused.value.http_status == 400
    assert refused.value.provider == profile.provider
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL, 0)


def test_bad_address(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    if profile.sweep:
        assert not app.capabilities.create
        assert app.capabilities.sweep
        return
    with pytest.raises(payouts.InvalidAddressError) as refused:
        app.create(asset=profile.asset, network=profile.network, address=profile.bad_address, amount=profile.amount)
    assert refused.value.http_status == 400
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL, 0)


def test_bad_credentials(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect(**profile.wrong_credentials)
    with pytest.raises(payouts.AuthenticationError) as refused:
        app.balances()
    assert refused.value.http_status in (401, 403)
    wrong = next(v for k, v in profile.wrong_credentials.items() if k in ("secret", "password"))
    assert wrong not in str(refused.value)
    assert wrong not in repr(refused.value)


def test_retry_after_and_503s_are_retried(
    profile: Profile, emulator: Emulator, connect: Any, sleeps: list[float]
) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    app.balances()  # logged in: the faults below hit the calls under test, not a login
    emulator.fail_next(1, status=429, retry_after=3)
    assert balance_of(app, profile) is not None
    assert sleeps == [3.0]  # the provider's Retry-After, as given

    emulator.fail_next(2, status=503)
    assert balance_of(app, profile) is not None
    assert len(sleeps) == 3
    assert all(0 < s <= payouts.RetryPolicy().max_delay for s in sleeps[1:])


def test_a_rate_limited_create_is_retried(
    profile: Profile, emulator: Emulator, connect: Any, sleeps: list[float]
) -> None:
    """A 429 is a refusal: the provider did nothing, so the create is simply sent again."""
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    app.balances()
    emulator.fail_next(1, status=429, retry_after=2)
    payout = pay(app, profile, emulator)
    assert 2.0 in sleeps
    assert_exactly_one_payout(profile, emulator, app, payout)


def test_two_503s_on_a_create(profile: Profile, emulator: Emulator, connect: Any, sleeps: list[float]) -> None:
    """Retried where that cannot pay twice; kamiPay, which cannot tell, says the outcome is unknown."""
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    app.balances()
    emulator.fail_next(2, status=503)
    if profile.provider == "kamipay":
        with pytest.raises(payouts.OutcomeUnknownError) as unknown:
            pay(app, profile, emulator, reference="order-17")
        assert unknown.value.http_status == 503
        assert unknown.value.request.reference == "order-17"
        assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (
            INITIAL,
            0,
        )  # the 503 was real
        return
    payout = pay(app, profile, emulator)
    assert len(sleeps) >= 2
    assert_exactly_one_payout(profile, emulator, app, payout)


def test_a_create_whose_answer_is_lost_after_commit(
    profile: Profile, emulator: Emulator, connect: Any, sleeps: list[float]
) -> None:
    """The provider pays and the connection drops before the answer: one payout, or outcome unknown, never two."""
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    app.balances()
    emulator.drop_next(1, commit=True)
    spent = (INITIAL if profile.sweep else profile.amount) + profile.fee
    if not (app.capabilities.idempotent_create or app.capabilities.reconcile):
        with pytest.raises(payouts.OutcomeUnknownError) as unknown:
            pay(app, profile, emulator, reference="order-18")
        assert unknown.value.request.reference == "order-18"
        assert unknown.value.http_status is None
        assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (
            INITIAL - spent,
            0,
        )  # paid once
        return
    payout = pay(app, profile, emulator)
    assert_exactly_one_payout(profile, emulator, app, payout)


def test_list_follows_every_page(profile: Profile, emulator: Emulator, connect: Any) -> None:
    count = 250
    app = connect()
    if profile.sweep:
        emulator.seed(profile.seed(INITIAL, history=count))
        created = {f"Past{n:04d}" for n in range(count)}
    else:
        emulator.seed(profile.seed(INITIAL * 100))
        if not app.capabilities.list:
            with pytest.raises(payouts.NotSupportedError):
                app.list()
            return
        created = {pay(app, profile, emulator, amount=Decimal("1")).id for _ in range(count)}
    listed = [payout.id for payout in app.list()]
    assert len(listed) == len(set(listed)) == count
    assert set(listed) == created


def assert_exactly_one_payout(profile: Profile, emulator: Emulator, app: App, payout: payouts.Payout) -> None:
    spent = (INITIAL if profile.sweep else profile.amount) + profile.fee
    frozen = spent if profile.holds else Decimal(0)
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL - spent, frozen)
    if app.capabilities.list:
        assert [p.id for p in app.list() if not p.id.startswith("Past")] == [payout.id]
