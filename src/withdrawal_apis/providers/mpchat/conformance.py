"""How the conformance harness and plain `st run` drive MPChat: signing, the seed, the body rules."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import Any

from ...chains import is_valid_ethereum_address, is_valid_tron_address, random_ethereum_address, random_tron_address
from ...core.profile import BodyRule, ConformanceProfile
from .auth import MPChatAuth


def _emulator_seed(credentials: Mapping[str, str]) -> dict[str, Any]:
    # A balance no schema-valid amount (at most 12 integer digits) can exhaust in a fuzzing run.
    return {
        "accounts": [
            {
                "id": "conformance-merchant",
                "credentials": [{"key_id": credentials["key_id"], "secret": credentials["secret"]}],
                "balances": {"USDT": "1" + "0" * 24},
            }
        ]
    }


# network -> (is the address valid, make a valid one)
_ADDRESSES: dict[str, tuple[Callable[[object], bool], Callable[[random.Random], str]]] = {
    "TRC20": (is_valid_tron_address, random_tron_address),
    "ERC20": (is_valid_ethereum_address, random_ethereum_address),
}
_rng = random.Random(20241115)


def _valid_destination(body: dict[str, Any]) -> bool:
    rule = _ADDRESSES.get(str(body.get("network")))
    if rule is None or "destination_address" not in body or rule[0](body["destination_address"]):
        return False
    body["destination_address"] = rule[1](_rng)
    return True


CONFORMANCE = ConformanceProfile(
    make_auth=lambda c: MPChatAuth(c["key_id"], c["secret"]),
    emulator_seed=_emulator_seed,
    body_rules=(BodyRule("create_withdrawal", "address-checksum", _valid_destination),),
    money_moving=frozenset({"create_withdrawal"}),
)
