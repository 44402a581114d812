"""The pytest plugin as an app uses it: a user's own test file, run by pytest, against every provider."""

from __future__ import annotations

import re

import pytest

from withdrawal_apis.registry import names

pytest_plugins = ["pytester"]

# What a user writes: one test, run once per provider, that pays out to completion, moves the clock,
# meets an injected 503 and checks the webhooks, all in-process.
USER_TESTS = """
import time
from decimal import Decimal

import pytest
from withdrawal_apis import payouts
from withdrawal_apis.chains import random_tron_address
import random

# What each demo seed can pay: asset, network and a destination it accepts.
PAYABLE = {
    "mpchat": ("USDT", "TRC20", lambda seed: random_tron_address(random.Random(1))),
    "bigone": ("USDT", "TRC20", lambda seed: next(d["address"] for d in seed["whitelist"] if d["network"] == "Tron")),
    "kamipay": ("USDT", "MATIC", lambda seed: seed["whitelist"][0]["address"]),
    "onekonto": ("BTC", "BTC", lambda seed: next(d["address"] for d in seed["whitelist"] if d["network"] == "bitcoin")),
}


def test_payout(withdrawal_sandbox):
    started = time.perf_counter()
    provider = withdrawal_sandbox.provider.name
    holder = next(a for a in withdrawal_sandbox.seeded.values() if a.get("credentials"))
    with withdrawal_sandbox.payouts(retry=payouts.RetryPolicy(initial_delay=0.01, max_delay=0.05)) as client:
        if provider == "smartypay":
            sweep = client.sweep(asset="USDT", network="BEP20")
            withdrawal_sandbox.advance(301)
            payout = next(iter(client.list()))
        else:
            asset, network, destination = PAYABLE[provider]
            payout = client.create(asset=asset, network=network, address=destination(holder), amount=Decimal("2"))
        withdrawal_sandbox.complete(payout.id)  # kamiPay's are complete (mined) at once
        final = client.get(payout.id) if client.capabilities.get else payout
        assert final.status is payouts.PayoutStatus.COMPLETED, (final.status, final.raw_status)

        clock = withdrawal_sandbox.advance(3600)
        assert clock.offset >= 3600

        withdrawal_sandbox.fail_next(1, status=503)  # answered 503 once, retried by the client
        assert client.balances()

    deliveries = withdrawal_sandbox.deliveries()
    if provider == "mpchat":
        assert [d.event for d in deliveries] == ["withdrawal.completed"]
    else:
        assert deliveries == []
    print(f"\\n{provider}: {(time.perf_counter() - started) * 1000:.0f} ms in the test body")


@pytest.mark.withdrawal_sandbox("mpchat", advance="instant")
def test_marker_picks_the_provider_and_the_policy(withdrawal_sandbox):
    assert withdrawal_sandbox.provider.name == "mpchat"
    assert withdrawal_sandbox.app.engine.advance == "instant"


def test_two_emulators_in_one_test(withdrawal_sandbox_factory):
    a = withdrawal_sandbox_factory("mpchat")
    b = withdrawal_sandbox_factory("bigone", seed=None)
    assert a.accounts() and not b.accounts()
"""


def test_a_users_test_file_runs_against_every_provider_in_process(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_app=USER_TESTS)
    result = pytester.runpytest_subprocess("-q", "-s", "--durations=0")
    result.assert_outcomes(passed=7)
    output = result.stdout.str()
    timings = {m[1]: float(m[0]) for m in re.findall(r"([0-9.]+)s call\s+test_app.py::test_payout\[(\w+)\]", output)}
    print("per-provider test time (s):", timings)
    assert set(timings) == set(names()), output


def test_the_command_line_option_narrows_the_providers(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_one="def test_it(withdrawal_sandbox):\n    assert withdrawal_sandbox.provider.name == 'bigone'\n"
    )
    result = pytester.runpytest_subprocess("--withdrawal-sandbox=bigone")
    result.assert_outcomes(passed=1)


def test_a_spec_violation_fails_the_users_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_broken="""
import pytest
from withdrawal_apis.sandbox import Response


@pytest.mark.withdrawal_sandbox("mpchat")
def test_it(withdrawal_sandbox):
    contract = withdrawal_sandbox.app.contracts[0]
    contract.violations.append("get_balance answered 200 against its spec: example")
"""
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=1, errors=1)  # the test body passed; the teardown reports the violation
    result.stdout.fnmatch_lines(["*answered against its spec*"])


def test_webhooks_are_captured_in_process_and_verified_with_the_providers_verifier() -> None:
    from decimal import Decimal

    from withdrawal_apis.sandbox import SandboxConfig
    from withdrawal_apis.testing import Emulator

    with Emulator("mpchat", SandboxConfig(test_mode=True), seed=None) as sandbox:
        seed = sandbox.app.provider.demo_seed()
        account = seed["accounts"][0]
        account["webhook"] = {"url": "https://app.example/hooks", "secret": "whsec_app"}
        account["extra"]["webhook_secret"] = "whsec_app"  # MPChat's dashboard secret signs every delivery
        sandbox.seed(seed)
        with sandbox.payouts() as client:
            payout = client.create(
                asset="USDT", network="TRC20", address="TYNK4gWEUa3eJjMUxneHffj2Dg8erjN5Bg", amount=Decimal("5")
            )
        sandbox.webhooks.fail_next(1, status=500)  # the receiver is down once: the emulator retries
        sandbox.complete(payout.id)
        sandbox.deliver_webhooks()
        sandbox.advance(2)  # past the first retry's backoff, on the emulator's clock
        sandbox.deliver_webhooks()
        received = sandbox.webhooks.received
        assert [(d.url, d.answered) for d in received] == [
            ("https://app.example/hooks", 500),
            ("https://app.example/hooks", 200),
        ]
        assert all(sandbox.verify_webhook(d, "whsec_app") for d in received)
        assert not sandbox.verify_webhook(received[-1], "not the secret")
        assert [(d.event, d.status, d.attempts) for d in sandbox.deliveries()] == [
            ("withdrawal.completed", "delivered", 2)
        ]
