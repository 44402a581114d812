"""BigONE's accounts, withdrawal lifecycle and withdrawal terms as the emulator keeps them.

Balances. BigONE keeps each asset in several accounts: the fund, spot and contract accounts are the
wallets `fund`, `spot` and `contract` of the store. Withdrawals are taken from the fund account, as
BigONE's wallet guide says; `balance` is reported as available + locked, `locked_balance` as what
pending withdrawals hold.

Reference data. `GET /assets` and `GET /asset_pairs` serve the table of `gateways.py` with the fee and
minimum overrides and suspended gateways of the options applied (`Terms`), so they list exactly the
terms that create enforces.

Lifecycle: `PENDING` → `complete` → `COMPLETED` (funds leave; `txid`, `completed_at` set), `fail` →
`FAILED` and `cancel` → `CANCELLED` (funds return).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...money import format_decimal
from ...sandbox import Effect, Lifecycle, Transition
from .gateways import ASSETS, GATEWAYS, Asset, AssetPair, listing_id

KIND, TRANSFER = "withdrawal", "transfer"
FUND, SPOT, CONTRACT = "fund", "spot", "contract"
ACCOUNT_TYPES = {"FUND": FUND, "SPOT": SPOT, "CONTRACT": CONTRACT}  # a transfer's `from`/`to` -> wallet
VIEW_BALANCE, VIEW_WITHDRAWALS, EXECUTE_WITHDRAWALS = "view_balance", "view_withdrawal_history", "execute_withdrawals"
SCOPES = (VIEW_BALANCE, VIEW_WITHDRAWALS, EXECUTE_WITHDRAWALS)
MAX_PAGE = 200  # the provider documents no maximum for `limit`; larger values are cut to this
AMOUNT_PLACES = 16  # amounts and fees are printed with 16 decimals, as in a captured real response

LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="PENDING",
    transitions=(
        Transition("complete", frozenset({"PENDING"}), "COMPLETED", Effect.SETTLE, delay=600),
        Transition("fail", frozenset({"PENDING"}), "FAILED", Effect.RELEASE),
        Transition("cancel", frozenset({"PENDING"}), "CANCELLED", Effect.RELEASE),
    ),
    happy_path=("complete",),
    failures=("fail",),
)

_AMOUNT = {"type": "string", "pattern": "^[0-9]{1,40}(\\.[0-9]{1,40})?$"}
_PER_GATEWAY = {"type": "object", "additionalProperties": _AMOUNT}


def _per_asset(description: str, value: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON Schema of an option keyed by asset symbol."""
    return {
        "type": "object",
        "description": description,
        "propertyNames": {"enum": list(ASSETS)},
        "additionalProperties": value,
        "default": {},
    }


OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "fees": _per_asset("fee overrides: asset symbol -> gateway -> flat fee", _PER_GATEWAY),
        "minimums": _per_asset("minimum withdrawal overrides: asset symbol -> gateway -> amount", _PER_GATEWAY),
        "suspended": _per_asset(
            "gateways whose withdrawals are closed: asset symbol -> gateway names",
            {"type": "array", "items": {"enum": list(GATEWAYS)}},
        ),
    },
}


@dataclass(frozen=True)
class Terms:
    """The withdrawal terms of the sandbox: the gateway table with the options' overrides applied."""

    options: Mapping[str, Any]

    def fee(self, asset: Asset, gateway: str) -> Decimal:
        return asset.fee(gateway, self.options["fees"])

    def minimum(self, asset: Asset, gateway: str) -> Decimal:
        return asset.minimum(gateway, self.options["minimums"])

    def withdrawals_open(self, asset: Asset, gateway: str) -> bool:
        return gateway not in self.options["suspended"].get(asset.symbol, [])

    def listed(self, asset: Asset) -> dict[str, Any]:
        """One asset as `GET /assets` lists it: the same terms `create_withdrawal` enforces."""
        gateways = [
            {
                "guid": listing_id(asset.symbol, gateway),
                "gateway_name": gateway,
                "is_withdrawal_enabled": self.withdrawals_open(asset, gateway),
                "min_withdrawal_amount": format_decimal(self.minimum(asset, gateway)),
                "withdrawal_fee": format_decimal(self.fee(asset, gateway)),
                "is_memo_required": GATEWAYS[gateway].memo_required,
                "withdrawal_scale": asset.scale,
                "scale": asset.scale,
            }
            for gateway in asset.fees
        ]
        return {
            "uuid": asset.uuid,
            "symbol": asset.symbol,
            "name": asset.name,
            "scale": asset.scale,
            "is_fiat": False,
            "is_transfer_enabled": True,
            "transfer_scale": asset.scale,
            "binding_gateways": gateways,
        }


def listed_pair(pair: AssetPair) -> dict[str, Any]:
    """One pair as `GET /asset_pairs` lists it."""
    return {
        "id": listing_id(pair.name),
        "name": pair.name,
        "base_asset": _pair_asset(pair.base),
        "quote_asset": _pair_asset(pair.quote),
        "base_scale": pair.base_scale,
        "quote_scale": pair.quote_scale,
        "min_quote_value": pair.min_quote_value,
        "max_quote_value": pair.max_quote_value,
    }


def _pair_asset(symbol: str) -> dict[str, str]:
    asset = ASSETS[symbol]
    return {"id": asset.uuid, "symbol": asset.symbol, "name": asset.name}
