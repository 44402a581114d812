"""What the conformance harness needs from a provider, declared once per provider."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass(frozen=True)
class ConformanceProfile:
    # Credential field -> environment variable a user sets to fuzz a real sandbox.
    credentials_env: Mapping[str, str]
    # Credentials -> the provider's httpx.Auth (the same signer the Python client uses).
    make_auth: Callable[[Mapping[str, str]], httpx.Auth]
    # Credentials -> the control-API seed that makes an emulator accept them (rich balances, whitelist).
    emulator_seed: Callable[[Mapping[str, str]], dict[str, Any]]
    # Turn a schema-valid body into one that also passes business rules the schema cannot say
    # (an address valid for the chosen network...), so positive cases reach the ledger.
    fix_body: Callable[[str, dict[str, Any]], None] | None = None
    # Operations that move money: never run against a real sandbox without --allow-withdrawals.
    money_moving: frozenset[str] = field(default_factory=frozenset)
    # Named overlays merged into the credentials, one conformance run each: a provider with several
    # authentication schemes lists one variant per scheme (`{"basic": {"scheme": "basic"}, ...}`) so
    # every scheme is fuzzed. Empty means one run with the credentials as they are.
    variants: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def credential_variants(self, credentials: Mapping[str, str]) -> dict[str, dict[str, str]]:
        """Variant name -> the credentials to run it with (`{"": credentials}` without variants)."""
        if not self.variants:
            return {"": dict(credentials)}
        return {name: {**credentials, **overlay} for name, overlay in self.variants.items()}
