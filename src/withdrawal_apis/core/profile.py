"""What the conformance harness needs from a provider, declared once per provider."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

from ..registry import Provider
from ..spec import Operation, spec_document


@dataclass(frozen=True)
class BodyRule:
    """Makes generated positive bodies of one operation satisfy one of its `x-business-rules` entries.

    A business rule is one no schema can state (a whitelist, a balance, a checksum...); the spec lists
    each under the operation with the error it answers, and a body rule names the entry it satisfies
    (`rule`, its id). The spec's own examples are never adjusted. `apply` changes the body in place and
    returns whether it changed anything. `why` is the rule in the spec's words, filled in by
    `profile_of` and printed beside the cases it touched.
    """

    operation_id: str
    rule: str
    apply: Callable[[dict[str, Any]], bool]
    why: str = ""


def own_login(operation_id: str, rule: str, login: Mapping[str, str], rng: random.Random) -> BodyRule:
    """Half the generated logins send `login` (filled in by the profile's `make_auth`); made-up
    credentials only ever get 401, so without this rule the login operation is never tested.
    `rule` is the login's business rule that the credentials must name a user."""

    def apply(body: dict[str, Any]) -> bool:
        if not login or rng.random() < 0.5:
            return False
        body.update(login)
        return True

    return BodyRule(operation_id, rule, apply)


@dataclass(frozen=True)
class ConformanceProfile:
    # Credentials -> the provider's httpx.Auth (the same signer the Python client uses).
    make_auth: Callable[[Mapping[str, str]], httpx.Auth]
    # Credentials -> the control-API seed that makes an emulator accept them (rich balances, whitelist).
    emulator_seed: Callable[[Mapping[str, str]], dict[str, Any]]
    # Rules that let generated positive bodies reach the ledger; see `BodyRule`.
    body_rules: tuple[BodyRule, ...] = ()
    # Operations that move money: never run against a real sandbox without --allow-withdrawals.
    money_moving: frozenset[str] = field(default_factory=frozenset)
    # Named overlays merged into the credentials, one conformance run each: a provider with several
    # authentication schemes lists one variant per scheme (`{"basic": {"scheme": "basic"}, ...}`) so
    # every scheme is fuzzed. Empty means one run with the credentials as they are.
    variants: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The statuses the provider refuses credentials with (some answer 403 for a bad signature too).
    auth_refusals: frozenset[int] = frozenset({401})

    def credential_variants(self, credentials: Mapping[str, str]) -> dict[str, dict[str, str]]:
        """Variant name -> the credentials to run it with (`{"": credentials}` without variants)."""
        if not self.variants:
            return {"": dict(credentials)}
        return {name: {**credentials, **overlay} for name, overlay in self.variants.items()}

    def rules_for(self, operation_id: str) -> tuple[BodyRule, ...]:
        return tuple(rule for rule in self.body_rules if rule.operation_id == operation_id)


def profile_of(provider: Provider) -> ConformanceProfile:
    """The provider's profile, from its folder's `conformance.py`, each body rule bound to its spec entry.

    ValueError when a body rule names an operation or a rule its spec does not list: the hooks apply
    only rules the spec states.
    """
    declared: ConformanceProfile = provider.part("conformance").CONFORMANCE
    spec = spec_document(provider.spec_path)
    operations = {op.operation_id: op for op in spec.operations}
    bound = tuple(bind_rule(rule, operations, provider.spec_path) for rule in declared.body_rules)
    return replace(declared, body_rules=bound)


def bind_rule(rule: BodyRule, operations: Mapping[str | None, Operation], spec_path: Path) -> BodyRule:
    """`rule` with `why` taken from the `x-business-rules` entry it names."""
    operation = operations.get(rule.operation_id)
    if operation is None:
        raise ValueError(f"a body rule names {rule.operation_id}, which {spec_path.name} does not have")
    listed = operation.business_rule(rule.rule)
    if listed is None:
        raise ValueError(
            f"a body rule of {rule.operation_id} names business rule {rule.rule!r}, "
            f"which its x-business-rules in {spec_path.name} do not list"
        )
    return replace(rule, why=f"{listed.id}: {listed.rule}")


def credentials_from_env(provider: Provider, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The key and secret that sign requests, from the provider's variables (ConfigurationError names any unset)."""
    return provider.settings_from_env(environ, base_url=False, only_credentials=True)
