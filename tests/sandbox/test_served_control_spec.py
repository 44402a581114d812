"""The control spec an emulator serves: the published one with its provider's seed rules and transitions.

The seed account schema is the common one and the provider's rules folded into one, rather than
combined with `allOf`, so generators see each field once; these tests hold the folded schema to the
meaning of the combination on every provider's demo seed and on mutations of it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

from withdrawal_apis.emulators import build_app, sandbox_class
from withdrawal_apis.registry import PROVIDERS
from withdrawal_apis.sandbox.app import control_spec
from withdrawal_apis.sandbox.lifecycle import AdvancePolicy
from withdrawal_apis.sandbox.seeding import narrow

from .scenario import scenarios

NAMES = [provider.name for provider in PROVIDERS]
ODD_VALUES: list[Any] = [None, 7, "7", "", [], {}, {"unknown": "1"}, ["x"], True, "0.123456789012345678901"]


def validator(account_schema: dict[str, Any], schemas: dict[str, Any]) -> Any:
    return jsonschema_rs.validator_for({**account_schema, "components": {"schemas": schemas}})


def mutations(value: Any) -> Iterator[Any]:
    """The value with one place changed at a time: each value swapped for odd ones, each object given a key."""
    yield from ODD_VALUES
    if isinstance(value, dict):
        for extra in ("unknown", "USDT", "fund", "data", "0x" + "a" * 40):
            if extra not in value:
                yield {**value, extra: "1"}
        for key, inner in value.items():
            for changed in mutations(inner):
                yield {**value, key: changed}
    elif isinstance(value, list) and value:
        yield [*value, copy.deepcopy(value[0])]
        for changed in mutations(value[0]):
            yield [changed, *value[1:]]


@pytest.mark.parametrize("name", NAMES)
def test_the_folded_schema_means_the_common_one_and_the_rules_at_once(name: str) -> None:
    provider = sandbox_class(name)
    common = control_spec().raw["components"]["schemas"]
    served = control_spec(provider).raw["components"]["schemas"]
    combined = validator({"allOf": [common["SeedAccount"], dict(provider.seed_schema)]}, common)
    folded = validator(served["SeedAccount"], served)

    accounts = build_app(name).engine.provider.demo_seed()["accounts"]
    checked = 0
    for account in accounts:
        assert folded.is_valid(account), f"{name}: the demo seed no longer fits its own schema"
        for mutated in mutations(account):
            assert folded.is_valid(mutated) == combined.is_valid(mutated), (name, mutated)
            checked += 1
    assert checked > 100
    assert "allOf" not in served["SeedAccount"]


def test_a_property_one_side_closes_is_left_out() -> None:
    # The common side types every balance; the provider names the only assets it takes.
    common = {"type": "object", "additionalProperties": {"type": "string"}}
    rules = {"properties": {"USDT": {"pattern": "^[0-9]+$"}}, "additionalProperties": False}
    folded = jsonschema_rs.validator_for(narrow(common, rules, {}))
    assert folded.is_valid({"USDT": "10"})
    assert not folded.is_valid({"USDT": 10})
    assert not folded.is_valid({"USDT": "1.5"})
    assert not folded.is_valid({"BTC": "10"})


def test_bounds_take_the_stricter_value_and_a_reference_is_inlined() -> None:
    schemas = {"Key": {"type": "object", "properties": {"id": {"type": "string", "maxLength": 128}}}}
    common = {"type": "array", "maxItems": 20, "items": {"$ref": "#/components/schemas/Key"}}
    rules = {"maxItems": 5, "items": {"properties": {"id": {"maxLength": 300, "pattern": "^k"}}}}
    folded = narrow(common, rules, schemas)
    assert folded["maxItems"] == 5
    assert folded["items"]["properties"]["id"] == {"type": "string", "maxLength": 128, "pattern": "^k"}


@pytest.mark.parametrize("name", NAMES)
def test_the_transition_request_names_the_providers_transitions(name: str) -> None:
    provider = sandbox_class(name)
    served = control_spec(provider).raw
    transition = served["components"]["schemas"]["TransitionRequest"]["properties"]["transition"]
    names = {t.name for lifecycle in provider.lifecycles for t in lifecycle.transitions}
    operation = served["paths"]["/_sandbox/withdrawals/{id}/transitions"]["post"]
    (example,) = operation["requestBody"]["content"]["application/json"]["examples"].values()
    if names:
        assert set(transition["enum"]) == names
        assert example["value"]["transition"] in names
    else:  # nothing to name: any name is a request the emulator answers 409
        assert "enum" not in transition


def test_a_withdrawal_with_no_transitions_refuses_any_as_a_conflict(serve: Any) -> None:
    # kamiPay answers a payout once it is mined: its lifecycle has no transition to apply.
    scenario = scenarios()["kamipay"]
    running = serve("kamipay", rate_limit=0)
    running.raw.post("/_sandbox/seed", json=scenario.seed(scenario.unit * 2)).raise_for_status()
    with running.http(scenario.auth()) as client:
        created = scenario.create(client, 0)
    assert created.status_code == scenario.success_status, created.text
    withdrawal = scenario.created_id(created)
    answer = running.raw.post(f"/_sandbox/withdrawals/{withdrawal}/transitions", json={"transition": "complete"})
    assert answer.status_code == 409
    assert answer.json() == {"error": "a kamipay withdrawal has no transitions"}


@pytest.mark.parametrize("name", NAMES)
def test_a_balance_too_long_to_add_exactly_is_refused_at_seeding(name: str, serve: Any) -> None:
    scenario = scenarios()[name]
    running = serve(name, rate_limit=0)
    seed = scenario.seed(scenario.unit * 2)
    huge = "9" * 41
    replaced = 0
    for account in seed["accounts"]:
        for balances in [account.get("balances") or {}, *(account.get("wallets") or {}).values()]:
            for asset in balances:
                balances[asset] = huge
                replaced += 1
    assert replaced, "the scenario seeds no balance"
    refused = running.raw.post("/_sandbox/seed", json=seed)
    assert refused.status_code == 400, refused.text
    assert "balances" in refused.text or "wallets" in refused.text


def test_a_scheduled_step_that_fails_is_dropped_and_the_emulator_keeps_answering(
    serve: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = scenarios()["mpchat"]
    running = serve("mpchat", rate_limit=0, advance=AdvancePolicy.REALISTIC)
    running.raw.post("/_sandbox/seed", json=scenario.seed(scenario.unit * 2)).raise_for_status()
    with running.http(scenario.auth()) as client:
        created = scenario.create(client, 0)
        assert created.status_code == scenario.success_status, created.text
        provider = running.app.engine.provider

        def broken(*args: Any) -> None:
            raise RuntimeError("a provider bug")

        monkeypatch.setattr(provider, "on_transition", broken)
        assert running.raw.post("/_sandbox/clock/advance", json={"seconds": 3600}).status_code == 200
        monkeypatch.undo()
        assert running.raw.get("/_sandbox/clock").status_code == 200
        assert client.get(scenario.read_path).status_code == 200
    withdrawal = running.raw.get(f"/_sandbox/withdrawals/{scenario.created_id(created)}").json()
    assert withdrawal["status"] == "PENDING"  # the failed step left it where it was
