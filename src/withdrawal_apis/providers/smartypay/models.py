"""SmartyPay's withdrawals, intents and schedules as the emulator keeps them.

The model, with the parts the provider does not document marked as our reading:

- A partner (the store account that holds the API keys) manages merchants, each a store account whose
  `extra` names its partner (see `seed.py`). A merchant's token balances are store balances keyed by
  currency code; a gas wallet's native balance (in wei) is the balance of asset `<Blockchain>` in the
  merchant's wallet `gas`. A merchant record (kind `merchant`) keeps its creation time.
- The merchant search lists the partner's merchants, newest first, filtered by a case-insensitive
  part of the name; the blockchains dictionary is the table in `currencies.py`.
- Request fields the spec does not list are ignored; a currency code the emulator does not know is
  a 400 (the spec accepts any code, since the provider adds codes over time).

Intents and withdrawals each have a lifecycle: a withdrawal goes `start` (New -> Running) and
`finish` (Running -> Finished, the tokens leave); `pause`, `resume`, `cancel` and `fail` are
reachable through the control API. An intent `succeed`s or `fail`s when its slot comes.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from ...sandbox import Effect, Lifecycle, Response, Transition
from .currencies import BLOCKCHAINS, NATIVE_DECIMALS

WITHDRAWAL, INTENT, SCHEDULE, MERCHANT = "withdrawal", "intent", "schedule", "merchant"
GAS_WALLET = "gas"  # the wallet holding each blockchain's native balance (in wei), per merchant
NETWORK_OF = {code: chain.net for code, chain in BLOCKCHAINS.items()}
API_TYPE = "EVM"  # every blockchain of the model is an EVM chain (the value is our reading)

DEFAULT_SLOT_SECONDS = 300
DEFAULT_GAS_COST_WEI = 500_000_000_000_000  # 0.0005 of the native token per sweep (our assumption)
DEFAULT_PAGE_LIMIT = 20
_ID_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "slot_seconds": {"type": "integer", "minimum": 1, "maximum": 86400, "default": DEFAULT_SLOT_SECONDS},
        "gas_cost_wei": {"type": "integer", "minimum": 0, "maximum": 10**30, "default": DEFAULT_GAS_COST_WEI},
    },
}

LIFECYCLE = Lifecycle(
    kind=WITHDRAWAL,
    initial="New",
    transitions=(
        Transition("start", frozenset({"New"}), "Running", delay=60),
        Transition("finish", frozenset({"Running"}), "Finished", Effect.SETTLE, delay=120),
        Transition("pause", frozenset({"New", "Running"}), "Paused"),
        Transition("resume", frozenset({"Paused"}), "Running"),
        Transition("cancel", frozenset({"New", "Paused"}), "Cancelled", Effect.RELEASE),
        Transition("fail", frozenset({"New", "Running", "Paused"}), "Error", Effect.RELEASE),
    ),
    happy_path=("start", "finish"),
    failures=("fail",),
)

INTENT_LIFECYCLE = Lifecycle(
    kind=INTENT,
    initial="Pending",
    transitions=(
        Transition("succeed", frozenset({"Pending"}), "Succeeded"),
        Transition("fail", frozenset({"Pending"}), "Failed"),
    ),
    happy_path=(),
)


def new_id() -> str:
    """A 22-character identifier shaped like the provider's (`SxzNzHmWUsESHzYCqdFzw1`)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(22))


def gas_wallets(extra: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The merchant's gas wallets by blockchain; a chain seeded twice keeps its last wallet."""
    return {wallet["blockchain"]: wallet for wallet in extra.get("gasWallets") or []}


def merchant_name(merchant_id: str, extra: Mapping[str, Any]) -> str:
    return str(extra.get("name") or merchant_id)


def network_fields(predicates: Mapping[str, Any]) -> dict[str, Any]:
    """The object fields a search's `network` predicate selects on: the blockchains of that net."""
    network = predicates.get("network")
    if network is None:
        return {}
    return {"blockchain": tuple(chain for chain, net in NETWORK_OF.items() if net == network)}


def next_period_start(period: str, at: float) -> float | None:
    """The first instant (UTC) of the next week or month after `at`; None for `NotSet`."""
    moment = datetime.fromtimestamp(at, tz=UTC)
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "FirstDayOfWeek":
        return (midnight + timedelta(days=7 - midnight.weekday())).timestamp()
    if period == "FirstDayOfMonth":
        first = midnight.replace(day=1)
        return (
            first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1)
        ).timestamp()
    return None


def schedule_response(period: str, amount: str) -> Response:
    """The schedule with `unifiedMinAmount` as the exact JSON number it was set to, never via float."""
    marker = "__unified_min_amount__"
    body = json.dumps({"period": period, "unifiedMinAmount": marker}, separators=(",", ":"))
    raw = body.replace(json.dumps(marker), amount).encode()
    return Response(200, raw, {"content-type": "application/json"})  # test mode reads the body, as a client does


def blockchains() -> list[dict[str, Any]]:
    """The blockchains dictionary."""
    return [
        {
            "blockchain": code,
            "apiType": API_TYPE,
            "isActive": chain.active,
            "net": chain.net,
            "nativeAsset": {"code": chain.native, "decimals": NATIVE_DECIMALS},
        }
        for code, chain in BLOCKCHAINS.items()
    ]
