"""Drift: where a provider's live traffic leaves its spec.

`withdrawal-apis proxy <provider> --upstream URL` validates traffic as it passes; `withdrawal-apis
drift check <provider> TRAFFIC` validates captured traffic (HAR, VCR, NDJSON). Both judge each
exchange with the emulators' own compiled validators (`TrafficValidator`), report typed findings,
keep every secret out of what they write, and report deviations the spec documents as known.
Names load lazily, so that the command line's parser costs nothing until a drift command runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "DriftProxy": ".proxy",
    "Exchange": ".traffic",
    "Finding": ".findings",
    "Recorder": ".report",
    "Severity": ".findings",
    "Tally": ".findings",
    "TrafficValidator": ".validation",
    "read_traffic": ".traffic",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module, __name__), name)
