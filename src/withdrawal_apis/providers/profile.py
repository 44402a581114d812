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
