"""The provider-independent emulator engine: a spec-driven ASGI app with a durable, stateful core.

A provider extends `ProviderSandbox` and declares its handlers with `@operation` / `@public`;
`SandboxApp` serves it. `withdrawal_apis.emulators` builds an app for a registered provider by name.

This module is the engine's one public surface: a provider imports from `withdrawal_apis.sandbox`
and never from its submodules. Besides the app and the base class, that is the HTTP primitives, the
lifecycle declarations, the store (`ProviderSandbox.store`) with its records, filters and the
`Refusal` a money move takes, the seed-schema builders, identifiers shaped like the providers' and
the access tokens a login issues.
"""

from .app import SandboxApp
from .engine import ConfigError, Engine, ProviderSandbox, SandboxConfig
from .http import ApiError, Problem, Reason, Request, Response, reason_words
from .ids import hex_hash, ulid
from .lifecycle import AdvancePolicy, Effect, Lifecycle, Transition
from .operations import Operation, Principal, operation, public
from .seeding import account_schema, closed
from .store import (
    Balance,
    Delivery,
    Destination,
    Filter,
    InsufficientFunds,
    Job,
    LedgerEntry,
    LedgerFilter,
    Refusal,
    Store,
    StoredObject,
)
from .tokens import TokenIssuer, TokenProblem

__all__ = [
    "AdvancePolicy",
    "ApiError",
    "Balance",
    "ConfigError",
    "Delivery",
    "Destination",
    "Effect",
    "Engine",
    "Filter",
    "InsufficientFunds",
    "Job",
    "LedgerEntry",
    "LedgerFilter",
    "Lifecycle",
    "Operation",
    "Principal",
    "Problem",
    "ProviderSandbox",
    "Reason",
    "Refusal",
    "Request",
    "Response",
    "SandboxApp",
    "SandboxConfig",
    "Store",
    "StoredObject",
    "TokenIssuer",
    "TokenProblem",
    "Transition",
    "account_schema",
    "closed",
    "hex_hash",
    "operation",
    "public",
    "reason_words",
    "ulid",
]
