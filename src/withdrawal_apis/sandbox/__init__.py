"""The provider-independent emulator engine: a spec-driven ASGI app with a durable, stateful core."""

from .app import SandboxApp, build_app
from .engine import Engine, Principal, ProviderSandbox, SandboxConfig
from .http import ApiError, Request, Response
from .lifecycle import AdvancePolicy, Effect, Lifecycle, Transition

__all__ = [
    "AdvancePolicy",
    "ApiError",
    "Effect",
    "Engine",
    "Lifecycle",
    "Principal",
    "ProviderSandbox",
    "Request",
    "Response",
    "SandboxApp",
    "SandboxConfig",
    "Transition",
    "build_app",
]
