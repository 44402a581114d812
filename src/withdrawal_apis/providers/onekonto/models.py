"""1Konto's withdraw requests, amounts, accounts and ledger as the emulator keeps them.

Amounts are `"<decimal> <ASSET>"`, read exactly; the schema makes them positive with an asset, and the
asset must be known (`ASSET_PRECISION`, or the `assets` option), of the request's kind (fiat or not),
with no more decimal places than it has. No fee is charged (1Konto
documents none): the amount is locked on create and leaves the account on `complete`, or is freed on
`cancel`/`reject`. The ledger records every change of an account's total: the seeded balances
(`initialBalances`, then `manual` when a seed changes them) and each completed request (`withdrawal`,
negative), so the amounts of an asset's transactions add up to its balance.
"""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from ...money import MONEY, json_number
from ...sandbox import Balance, Effect, LedgerEntry, Lifecycle, Transition
from .amounts import AssetAmount

KIND = "withdraw_request"
ASSET_PRECISION = {"BTC": 8, "ETH": 18, "USDT": 6, "USDC": 6, "USD": 2, "EUR": 2}
FIAT_ASSETS = frozenset({"USD", "EUR"})
# Transaction types (the Get Transactions page's names) the emulator writes.
WITHDRAWAL, INITIAL_BALANCES, MANUAL = "withdrawal", "initialBalances", "manual"

LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="pending",
    transitions=(
        Transition("complete", frozenset({"pending"}), "completed", Effect.SETTLE, delay=3600),
        Transition("cancel", frozenset({"pending"}), "canceled", Effect.RELEASE),
        Transition("reject", frozenset({"pending"}), "rejected", Effect.RELEASE),
    ),
    happy_path=("complete",),
    failures=("reject",),
)

ASSET = {"type": "string", "pattern": "^[A-Z0-9]{1,12}$"}  # the JSON Schema of an asset symbol
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "assets": {
            "type": "object",
            "description": "asset symbol -> decimal places, added to (or overriding) the known assets",
            "propertyNames": ASSET,
            "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 18},
            "default": ASSET_PRECISION,
        },
        "fiat_assets": {"type": "array", "items": ASSET, "default": sorted(FIAT_ASSETS)},
    },
}

_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})")


def new_request_id() -> str:
    """22 URL-safe base64 characters (16 random bytes), like the docs' `oiJ8s7oh8EqFwwnkZViCGg`."""
    return base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()


def utc_text(value: str) -> str:
    """A date-time as 1Konto prints it (`2023-02-21T22:07:38.6325460Z`), so that times compare as text.

    ValueError when `value` is not an RFC 3339 date-time that a calendar has.
    """
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        raise ValueError(f"not a date-time: {value!r}")
    date, clock, fraction, zone = match.groups()
    offset = "+00:00" if zone in ("Z", "z") else zone
    try:
        moment = datetime.fromisoformat(f"{date}T{clock}{offset}").astimezone(UTC)
    except (ValueError, OverflowError) as problem:
        raise ValueError(f"not a date-time: {value!r}") from problem
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + "." + (fraction or "").ljust(7, "0")[:7] + "Z"


def asset_problem(
    amount: AssetAmount, fiat: bool, precision: Mapping[str, int], fiat_assets: frozenset[str]
) -> tuple[str, str] | None:
    """The business rule a withdraw amount breaks and its `Field: problem` line, or None.

    The schema has already made the amount positive and named an asset; which assets exist, which of
    them are fiat and how many decimals each has are the account's terms, not the schema's.
    """
    asset = amount.asset or ""
    places = precision.get(asset)
    if places is None:
        return "supported-asset", f"Asset: {asset} is not supported"
    if fiat and asset not in fiat_assets:
        return "fiat-asset", f"Asset: {asset} is not a fiat currency"
    if not fiat and asset in fiat_assets:
        return "blockchain-asset", f"Asset: {asset} is not a blockchain asset"
    if amount.decimal_places > places:
        return "asset-precision", f"Amount: {asset} allows at most {places} decimal places"
    return None


def ledger_entry(
    account_id: str,
    asset: str,
    amount: Decimal,
    kind: str,
    description: str,
    balance_after: Decimal,
    created_at: str,
    ref: str | None = None,
) -> LedgerEntry:
    """One transaction of the account's ledger: `amount` (signed) changed its total to `balance_after`."""
    return LedgerEntry(
        id=new_request_id(),
        account_id=account_id,
        asset=asset,
        entry_type=kind,
        amount=amount,
        balance_after=balance_after,
        description=description,
        created_at=created_at,
        ref=ref,
    )


def transaction(entry: LedgerEntry) -> dict[str, Any]:
    """A ledger entry as Get Transactions lists it."""
    item: dict[str, Any] = {
        "transactionId": entry.id,
        "accountId": entry.account_id,
        "ordering": entry.seq,
        "type": entry.entry_type,
        "asset": entry.asset,
        "amount": f"{json_number(entry.amount)} {entry.asset}",
    }
    if entry.ref is not None:
        item["withdrawRequestId"] = entry.ref
    item["createdAt"] = entry.created_at
    return item


def account(account_id: str, extra: Mapping[str, Any], balances: dict[str, Any]) -> dict[str, Any]:
    """`{accountId, type, name, balances, sources}`: the account both account pages answer."""
    return {
        "accountId": account_id,
        "type": extra.get("type", "client"),
        "name": extra.get("name", account_id),
        "balances": balances,
        "sources": [],
    }


def account_balances(funds: Mapping[str, Balance]) -> dict[str, Any]:
    """Get Account's balances: what is free and what withdraw requests lock."""
    zero = Decimal(0)
    return {
        asset: {"free": b.available, "locked": b.frozen, "limit": zero, "pendingDeposit": zero, "available": zero}
        for asset, b in funds.items()
    }


def credit_balances(funds: Mapping[str, Balance], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Own funds from the balances, the credit line from `extra.credit`; no trading, so no credit is used."""
    credit = {asset: Decimal(amount) for asset, amount in (extra.get("credit") or {}).items()}
    zero = Decimal(0)
    balances: dict[str, Any] = {}
    for asset in sorted(set(funds) | set(credit)):
        available, locked = (funds[asset].available, funds[asset].frozen) if asset in funds else (zero, zero)
        total_credit, used = credit.get(asset, zero), zero
        available_credit = MONEY.subtract(total_credit, used)
        balances[asset] = {
            "availableToTrade": MONEY.add(available, available_credit),
            "totalFunds": MONEY.add(available, locked),
            "availableFunds": available,
            "lockedFunds": locked,
            "totalCredit": total_credit,
            "availableCredit": available_credit,
            "usedCredit": used,
        }
    return balances
