"""The shared parts on their own: retry delays, error mapping, networks, statuses, settings."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest

from withdrawal_apis import payouts
from withdrawal_apis.payouts import errors, networks
from withdrawal_apis.payouts.client import env_settings
from withdrawal_apis.payouts.errors import ErrorRule
from withdrawal_apis.providers.kamipay.payouts import float_carrier

from .conftest import FAST

POLICY = payouts.RetryPolicy()


def unavailable() -> errors.PayoutError:
    return errors.ProviderUnavailableError("p", "HTTP 503", http_status=503)


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    for attempt, full in enumerate([0.5, 1.0, 2.0]):
        delay = POLICY.delay(attempt, unavailable())
        assert delay is not None
        assert full * (1 - POLICY.jitter) <= delay <= full
    capped = payouts.RetryPolicy(max_retries=10).delay(9, unavailable())
    assert capped is not None
    assert capped <= POLICY.max_delay
    assert POLICY.delay(POLICY.max_retries, unavailable()) is None


def test_retry_after_is_honoured_up_to_a_limit() -> None:
    limited = errors.RateLimitedError("p", "slow down", retry_after=7, http_status=429)
    assert POLICY.delay(0, limited) == 7
    too_long = errors.RateLimitedError("p", "slow down", retry_after=3600, http_status=429)
    assert POLICY.delay(0, too_long) is None  # raised at once, with retry_after for the caller
    busy = errors.from_answer("p", 503, b"", httpx.Headers({"retry-after": "30"}), ())
    assert isinstance(busy, errors.ProviderUnavailableError)
    assert POLICY.delay(0, busy) == 30  # a 503's Retry-After too, not the shorter backoff


def test_refusals_are_never_retried() -> None:
    for kind in (errors.InvalidRequestError, errors.AuthenticationError, errors.NotFoundError):
        assert POLICY.delay(0, kind("p", "no", http_status=400)) is None


def test_retry_after_as_seconds_or_as_a_date() -> None:
    assert errors.retry_after_seconds("3") == 3.0
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= (errors.retry_after_seconds(later) or 0) <= 30
    assert errors.retry_after_seconds("soon") is None
    assert errors.retry_after_seconds(None) is None


@pytest.mark.parametrize(
    ("status", "body", "kind", "code", "message"),
    [
        (401, b'{"error": "invalid signature"}', errors.AuthenticationError, None, "invalid signature"),
        (
            403,
            b'{"code": 10403, "message": "Permission denied"}',
            errors.PermissionDeniedError,
            10403,
            "Permission denied",
        ),
        (404, b'{"detail": "Not Found"}', errors.NotFoundError, None, "Not Found"),
        (400, b'{"errors": ["a", "b"], "status": "badRequest"}', errors.InvalidRequestError, None, "a; b"),
        (502, b"<html>bad gateway</html>", errors.ProviderUnavailableError, None, "HTTP 502"),
        (
            400,
            b'{"code": 10014, "message": "Insufficient funds"}',
            errors.InsufficientFundsError,
            10014,
            "Insufficient funds",
        ),
        (
            400,
            b'{"status": 400, "code": "BadRequest", "message": "bad address"}',
            errors.InvalidAddressError,
            "BadRequest",
            "bad address",
        ),
    ],
)
def test_answers_become_typed_errors(status: int, body: bytes, kind: type, code: object, message: str) -> None:
    rules = (
        ErrorRule(errors.InsufficientFundsError, code=10014),
        ErrorRule(errors.InvalidAddressError, message="address"),
    )
    error = errors.from_answer("p", status, body, httpx.Headers(), rules)
    assert type(error) is kind
    assert (error.code, error.http_status, error.message) == (code, status, message)


def test_a_429_carries_retry_after() -> None:
    error = errors.from_answer("p", 429, b"{}", httpx.Headers({"retry-after": "4"}), ())
    assert isinstance(error, errors.RateLimitedError)
    assert error.retry_after == 4.0


def test_no_answer_is_unavailable_and_says_whether_it_was_sent() -> None:
    request = httpx.Request("POST", "http://p.test")
    refused = errors.from_transport("p", httpx.ConnectError("refused", request=request))
    dropped = errors.from_transport("p", httpx.RemoteProtocolError("closed", request=request))
    assert isinstance(refused, errors.ProviderUnavailableError)
    assert not refused.may_have_acted
    assert isinstance(dropped, errors.ProviderUnavailableError)
    assert dropped.may_have_acted


def test_common_network_codes_map_both_ways() -> None:
    for code, names in networks.NETWORKS.items():
        for provider, name in names.items():
            assert networks.provider_network(provider, code) == name
            assert networks.provider_network(provider, code.lower()) == name
            assert networks.common_network(provider, name) == code
    assert networks.provider_network("bigone", "Mixin") == "Mixin"  # a provider's own name passes
    assert networks.common_network("bigone", "Mixin") == "Mixin"


def test_every_status_has_a_ccxt_status() -> None:
    assert {s.ccxt for s in payouts.PayoutStatus} == {"pending", "ok", "failed", "canceled"}
    assert {s for s in payouts.PayoutStatus if s.is_final} == {
        payouts.PayoutStatus.COMPLETED,
        payouts.PayoutStatus.FAILED,
        payouts.PayoutStatus.CANCELLED,
        payouts.PayoutStatus.REJECTED,
    }


def test_a_float_carries_only_amounts_it_writes_exactly() -> None:
    assert float_carrier("kamipay", Decimal("123456789.123456")) == 123456789.123456
    assert repr(float_carrier("kamipay", Decimal("0.1"))) == "0.1"
    with pytest.raises(errors.InvalidAmountError):
        float_carrier("kamipay", Decimal("0.123456789012345678"))


def test_connect_names_what_is_missing_or_unknown() -> None:
    with pytest.raises(TypeError, match=r"missing \['secret'\]"):
        payouts.connect("mpchat", base_url="http://p.test", key_id="k")
    with pytest.raises(TypeError, match=r"unknown \['api_key'\]"):
        payouts.connect("mpchat", base_url="http://p.test", key_id="k", secret="s", api_key="x")
    with pytest.raises(TypeError, match="base_url is required"):
        payouts.connect("mpchat", base_url="", key_id="k", secret="s")
    with pytest.raises(KeyError, match="unknown provider"):
        payouts.connect("paypal", base_url="http://p.test")


def test_secrets_stay_out_of_reprs() -> None:
    client = payouts.connect("bigone", base_url="http://p.test", api_key="key", secret="sekrit-value")
    assert "sekrit-value" not in repr(client) + repr(client._adapter.settings) + repr(client.client)
    client.close()


def test_settings_from_the_fuzz_variables() -> None:
    env = {"BIGONE_API_KEY": "k", "BIGONE_API_SECRET": "s", "BIGONE_BASE_URL": "http://p.test"}
    assert env_settings("bigone", env) == {"api_key": "k", "secret": "s", "base_url": "http://p.test"}
    env = {"SMARTYPAY_API_KEY": "k", "SMARTYPAY_SECRET": "s", "SMARTYPAY_MERCHANT_ID": "m", "SMARTYPAY_BASE_URL": "u"}
    assert env_settings("smartypay", env | {"SMARTYPAY_SCHEME": "basic"})["scheme"] == "basic"
    with pytest.raises(
        payouts.ConfigurationError, match="ONEKONTO_USER, ONEKONTO_PASSWORD, ONEKONTO_ACCOUNT_ID, ONEKONTO_BASE_URL"
    ):
        env_settings("onekonto", {})


def mpchat_answering(answer: Callable[[httpx.Request], httpx.Response]) -> payouts.Payouts:
    transport = httpx.MockTransport(answer)
    return payouts.connect(
        "mpchat", base_url="http://p.test", key_id="k", secret="s", retry=FAST, httpx_args={"transport": transport}
    )


def create_usdt(client: payouts.Payouts) -> payouts.Payout:
    return client.create(asset="USDT", network="TRC20", address="T" + "1" * 33, amount=Decimal("5"))


def test_an_accepted_create_with_an_unreadable_answer_is_outcome_unknown(sleeps: list[float]) -> None:
    client = mpchat_answering(lambda request: httpx.Response(202, json={"queued": True}))
    with pytest.raises(payouts.OutcomeUnknownError, match="could not be read"):
        create_usdt(client)
    assert sleeps == []  # never sent twice


def test_a_lost_create_whose_lookup_fails_too_is_outcome_unknown(sleeps: list[float]) -> None:
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.method)
        return httpx.Response(503, json={"error": "maintenance"})

    with pytest.raises(payouts.OutcomeUnknownError, match="looking it up failed too"):
        create_usdt(mpchat_answering(answer))
    assert sent.count("POST") == 1  # the create was not repeated blind
