"""What only some providers do: cancel, deduplicate by reference, find the wallet, give up honestly."""

from __future__ import annotations

import time
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from withdrawal_apis import payouts
from withdrawal_apis.payouts import PayoutStatus
from withdrawal_apis.payouts import adapter as base

from .conftest import Emulator
from .profile import INITIAL, Profile, profiles


def create(app: Any, profile: Profile, **extra: Any) -> payouts.Payout:
    fields = {"asset": profile.asset, "network": profile.network, "address": profile.address, "amount": profile.amount}
    return app.create(**(fields | extra))  # type: ignore[no-any-return]


def test_cancel_where_the_provider_has_it(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    if not app.capabilities.cancel:
        with pytest.raises(payouts.NotSupportedError, match="cancel"):
            app.cancel("any")
        return
    payout = create(app, profile)
    cancelled = app.cancel(payout.id)
    assert (cancelled.id, cancelled.status, cancelled.status.ccxt) == (payout.id, PayoutStatus.CANCELLED, "canceled")
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL, 0)


@pytest.mark.parametrize("profile", [profiles()["bigone"]], ids=["bigone"])
def test_the_same_reference_pays_once(profile: Profile, emulator: Emulator, connect: Any) -> None:
    """BigONE's guid is derived from the reference: a second create with it answers the first payout."""
    emulator.seed(profile.seed(INITIAL))
    first = create(connect(), profile, reference="order-19")
    again = create(connect(), profile, reference="order-19")  # another client, as after a restart
    assert (again.id, again.idempotency_key) == (first.id, first.idempotency_key)
    spent = profile.amount + profile.fee
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL - spent, spent)
    with pytest.raises(payouts.ConflictError):  # the same reference for another payout
        create(connect(), profile, reference="order-19", amount=Decimal("11"))


@pytest.mark.parametrize("profile", [profiles()["bigone"]], ids=["bigone"])
def test_an_idempotent_create_that_never_gets_an_answer(
    profile: Profile, emulator: Emulator, connect: Any, sleeps: list[float]
) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    app.balances()
    emulator.fail_next(10, status=503, commit=True)
    with pytest.raises(payouts.OutcomeUnknownError) as unknown:
        create(app, profile, reference="order-20")
    assert unknown.value.request.idempotency_key is not None
    assert len(sleeps) == payouts.RetryPolicy().max_retries
    emulator.clear_faults()
    resumed = create(app, profile, reference="order-20")  # safe: the guid makes it the same payout
    spent = profile.amount + profile.fee
    assert resumed.status is PayoutStatus.PENDING
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL - spent, spent)


@pytest.mark.parametrize("profile", [profiles()["mpchat"]], ids=["mpchat"])
def test_a_reconcile_that_cannot_tell_raises_outcome_unknown(
    profile: Profile, emulator: Emulator, connect: Any, sleeps: list[float]
) -> None:
    """Two identical payouts from elsewhere in the window, then a 503: which one, if any, is ours?"""
    emulator.seed(profile.seed(INITIAL))
    elsewhere = connect()
    create(elsewhere, profile)
    create(elsewhere, profile)
    app = connect()
    app.balances()
    emulator.fail_next(1, status=503)
    with pytest.raises(payouts.OutcomeUnknownError, match="2 recent payouts match"):
        create(app, profile)


@pytest.mark.parametrize("profile", [profiles()["mpchat"]], ids=["mpchat"])
def test_an_identical_payout_made_before_the_request_is_not_taken_for_it(
    profile: Profile, emulator: Emulator, connect: Any, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One identical payout from elsewhere, stamped before this create was sent, then a 503 that made nothing."""
    emulator.seed(profile.seed(INITIAL))
    earlier = create(connect(), profile)
    app = connect()
    app.balances()
    # This request goes out ten seconds after the other payout (well inside the clock-skew window).
    monkeypatch.setattr(base, "time", SimpleNamespace(time=lambda: time.time() + 10))
    emulator.fail_next(1, status=503)
    with pytest.raises(payouts.OutcomeUnknownError, match="stamped before this request"):
        create(app, profile)
    assert [p.id for p in app.list()] == [earlier.id]  # nothing else was made, and it was not claimed


@pytest.mark.parametrize("profile", [profiles()["kamipay"]], ids=["kamipay"])
def test_kamipay_pays_from_the_merchants_only_wallet(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    credentials = {k: v for k, v in profile.credentials.items() if k != "wallet"}
    payout = create(connect(**credentials), profile)
    assert payout.status is PayoutStatus.COMPLETED
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL - profile.amount, 0)


@pytest.mark.parametrize("profile", [profiles()["kamipay"]], ids=["kamipay"])
def test_kamipay_refuses_amounts_a_float_cannot_carry(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    with pytest.raises(payouts.InvalidAmountError, match="significant digits"):
        create(connect(), profile, asset="MATIC", amount=Decimal("0.123456789012345678"))
    assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL, 0)


@pytest.mark.parametrize("profile", [profiles()["smartypay"]], ids=["smartypay"])
def test_a_second_sweep_while_pending_is_the_same_sweep(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    first = app.sweep(asset="USDT", network="BEP20")
    assert app.sweep(asset="bUSDT").id == first.id  # a SmartyPay currency code works too
    assert first.process_at is not None
    assert first.process_at.tzinfo is not None
    with pytest.raises(payouts.InvalidRequestError, match="no single currency"):
        app.sweep(asset="USDT", network="TRC20")


def test_memo_only_where_the_provider_takes_one(profile: Profile, emulator: Emulator, connect: Any) -> None:
    emulator.seed(profile.seed(INITIAL))
    app = connect()
    if app.capabilities.memo:
        assert create(app, profile, memo="104779213").memo == "104779213"
    elif app.capabilities.create:
        with pytest.raises(payouts.NotSupportedError, match="memo"):
            create(app, profile, memo="104779213")
        assert emulator.balance(profile.account_id, profile.held_asset, profile.wallet) == (INITIAL, 0)
    else:
        assert app.capabilities.sweep
