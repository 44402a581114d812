"""The engine's helpers for provider rules: refusals of a short balance, store secrets, bearer-token holders."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from withdrawal_apis import hs256
from withdrawal_apis.chains import same_address
from withdrawal_apis.credentials import Credential
from withdrawal_apis.sandbox import ApiError, Balance, InsufficientFunds, Store, TokenIssuer, TokenProblem

T0 = 1_700_000_000.0


def refused(short: InsufficientFunds) -> ApiError:
    return ApiError(400, f"only {short.available} {short.asset} of {short.needed}", code=10014)


@pytest.mark.parametrize("move", ["freeze", "debit", "transfer"])
def test_a_short_balance_raises_the_providers_refusal_and_changes_nothing(db: str, move: str) -> None:
    store = Store(db)
    store.set_available("acct", "USDT", Decimal("5"), "fund")
    take = {
        "freeze": lambda **refusal: store.freeze("acct", "USDT", Decimal("7.5"), "fund", **refusal),
        "debit": lambda **refusal: store.debit("acct", "USDT", Decimal("7.5"), "fund", **refusal),
        "transfer": lambda **refusal: store.transfer("acct", "USDT", Decimal("7.5"), "fund", "spot", **refusal),
    }[move]
    with pytest.raises(ApiError) as caught:
        take(refusal=refused)
    assert (caught.value.status, caught.value.code, caught.value.message) == (400, 10014, "only 5 USDT of 7.5")
    with pytest.raises(InsufficientFunds) as plain:
        take()  # no refusal: the store's own error
    assert (plain.value.available, plain.value.needed) == (Decimal("5"), Decimal("7.5"))
    assert store.wallets("acct") == {"fund": {"USDT": Balance(Decimal("5"), Decimal(0))}}


def test_a_covered_amount_moves_and_the_refusal_is_not_called(db: str) -> None:
    store = Store(db)
    store.set_available("acct", "USDT", Decimal("10"), "fund")

    def never(short: InsufficientFunds) -> Exception:
        raise AssertionError("called for a covered amount")

    assert store.freeze("acct", "USDT", Decimal("4"), "fund", refusal=never) == Balance(Decimal("6"), Decimal("4"))
    assert store.debit("acct", "USDT", Decimal("6"), "fund", refusal=never) == Balance(Decimal(0), Decimal("4"))


def test_a_secret_is_made_once_per_database_and_kept(db: str) -> None:
    first, second = Store(db), Store(db)  # two processes of one sandbox, say
    key = first.secret("signing")
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert second.secret("signing") == key
    assert first.secret("another") != key
    second.reset()
    assert first.secret("signing") == key  # kept in memory until the process learns of the reset
    first.forget()  # what each process's engine does when the shared generation moves
    assert first.secret("signing") != key  # a reset store starts with new keys


USERS = {"alice": Credential("alice", "pw", "acct"), "retired": Credential("retired", "pw", "acct", active=False)}


def test_a_bearer_header_proves_its_active_holder() -> None:
    issuer = TokenIssuer(Store(), ttl_seconds=60)
    issuer.store.put_credential(USERS["alice"])
    token, _ = issuer.issue("alice", T0)
    assert issuer.holder(f"Bearer {token}", T0 + 1).key_id == "alice"  # the store's users by default
    assert issuer.holder(f"bearer  {token} ", T0 + 1, USERS.get).account_id == "acct"


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (None, "missing"),
        ("", "missing"),
        ("Basic YWxpY2U6cHc=", "missing"),
        ("Bearer", "missing"),
        ("Bearer a b", "missing"),
        ("Bearer not.a.jwt", "malformed"),
        ("Bearer {forged}", "signature"),
        ("Bearer {expired}", "expired"),
        ("Bearer {retired}", "user"),
        ("Bearer {ghost}", "user"),
    ],
)
def test_a_bearer_header_is_refused_with_its_reason(header: str | None, reason: str) -> None:
    issuer = TokenIssuer(Store(), ttl_seconds=60)
    tokens = {
        "forged": hs256.encode({"sub": "alice", "exp": int(T0) + 60}, "a guessed key of a sensible length!"),
        "expired": issuer.issue("alice", T0 - 120)[0],
        "retired": issuer.issue("retired", T0)[0],
        "ghost": issuer.issue("nobody", T0)[0],
    }
    with pytest.raises(TokenProblem) as caught:
        issuer.holder(None if header is None else header.format(**tokens), T0, USERS.get)
    assert caught.value.reason == reason


def test_same_address_ignores_case_only_for_hex_addresses() -> None:
    assert same_address("0x52908400098527886E0F7030069857D2E4169EE7", "0x52908400098527886e0f7030069857d2e4169ee7")
    assert not same_address("TNGJhrUp1chLfj9B9kmUQubutka4FiWrSV", "tngjhrup1chlfj9b9kmuqubutka4fiwrsv")
    assert not same_address("0x52908400098527886E0F7030069857D2E4169EE7", "52908400098527886E0F7030069857D2E4169EE7")
