"""How the conformance harness and plain `st run` drive Toy Pay: its signer and a seed rich enough to fuzz."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from withdrawal_apis.core.profile import ConformanceProfile

from .auth import ToyAuth


def _seed(credentials: Mapping[str, str]) -> dict[str, Any]:
    credential = {"key_id": credentials["key_id"], "secret": credentials["secret"]}
    return {"accounts": [{"id": "toy-conformance", "credentials": [credential], "balances": {"USDT": "1" + "0" * 20}}]}


CONFORMANCE = ConformanceProfile(
    make_auth=lambda c: ToyAuth(c["key_id"], c["secret"]),
    emulator_seed=_seed,
    money_moving=frozenset({"create_withdrawal"}),
)
