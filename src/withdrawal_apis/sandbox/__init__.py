"""The provider-independent emulator engine: a spec-driven ASGI app with a durable, stateful core.

A provider extends `ProviderSandbox` and declares its handlers with `@operation` / `@public`;
`SandboxApp` serves it. `withdrawal_apis.emulators` builds an app for a registered provider by name.
"""

from .app import SandboxApp
from .engine import ConfigError, Engine, ProviderSandbox, SandboxConfig
from .http import ApiError, Problem, Reason, Request, Response
from .lifecycle import AdvancePolicy, Effect, Lifecycle, Transition
from .operations import Operation, Principal, operation, public

__all__ = [
    "AdvancePolicy",
    "ApiError",
    "ConfigError",
    "Effect",
    "Engine",
    "Lifecycle",
    "Operation",
    "Principal",
    "Problem",
    "ProviderSandbox",
    "Reason",
    "Request",
    "Response",
    "SandboxApp",
    "SandboxConfig",
    "Transition",
    "operation",
    "public",
]
