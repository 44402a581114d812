"""Toy Pay: a provider packaged outside withdrawal-apis, registered through the entry-point group.

It has what a real provider's folder has, and nothing else: its declaration here (standard library
only), its spec beside it, `auth`, `factory`, `emulator`, `payouts`, `conformance` and `bench`.
"""

from __future__ import annotations

from typing import Any

from withdrawal_apis.registry import Provider, Settings, lazy

PROVIDER = Provider(
    name="toy",
    title="Toy Pay",
    docs_url="https://toy.invalid/docs",
    settings=Settings("key_id", "secret"),
    networks={"TRC20": "TRC20"},
    package=__name__,
    spec="toy.yaml",
)

__all__ = ["PROVIDER", "client"]


def __getattr__(name: str) -> Any:
    return lazy(__name__, name, {"client": "factory"})
