"""Composing an emulator: a registered provider's rules and spec, served by the engine.

The engine knows no provider; this module is where the registry and the engine meet, for the CLI,
the pytest plugin and the conformance harness alike.
"""

from __future__ import annotations

from typing import Any

from .registry import Provider, resolve
from .sandbox import ProviderSandbox, SandboxApp, SandboxConfig
from .spec import spec_document


def sandbox_class(provider: Provider | str) -> type[ProviderSandbox]:
    """The provider's `Sandbox` class (its emulator rules, in its folder's `emulator.py`)."""
    found: type[ProviderSandbox] = resolve(provider).part("emulator").Sandbox
    return found


def build_app(provider: Provider | str, config: SandboxConfig | None = None, **kwargs: Any) -> SandboxApp:
    """An emulator for `provider` (a registry entry or its name), not yet seeded."""
    info = resolve(provider)
    return SandboxApp(sandbox_class(info), spec_document(info.spec_path), config, **kwargs)


__all__ = ["build_app", "sandbox_class"]
