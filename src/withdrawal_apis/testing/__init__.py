"""Test your app against the emulators: in-process emulators driven through their control API.

`Emulator` runs one; the pytest plugin (`withdrawal_apis.testing.plugin`, registered automatically)
gives every test its own through the `withdrawal_sandbox` fixture. Names load lazily, so that the
plugin costs nothing to a test suite that does not use it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Captured": ".emulator",
    "Emulator": ".emulator",
    "WebhookInbox": ".emulator",
    "InProcessTransport": ".inprocess",
    "LoopThread": ".inprocess",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module, __name__), name)
