"""What the payouts interface returns: payouts, balances, sweeps and what a provider can do."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any


class PayoutStatus(enum.StrEnum):
    """One status vocabulary across providers; `Payout.raw_status` keeps the provider's own word."""

    PENDING = "pending"  # accepted, waiting for review or for its turn
    IN_REVIEW = "in_review"  # a person or a rule is deciding
    PROCESSING = "processing"  # approved and being sent
    COMPLETED = "completed"  # sent; the money has left
    FAILED = "failed"  # sending failed; the money came back
    CANCELLED = "cancelled"  # withdrawn before it was sent; the money came back
    REJECTED = "rejected"  # refused by the provider; the money came back
    UNKNOWN = "unknown"  # a provider status this library does not know yet

    @property
    def is_final(self) -> bool:
        return self in _FINAL

    @property
    def ccxt(self) -> str:
        """CCXT's transaction status for this one: `pending`, `ok`, `failed` or `canceled`."""
        return _CCXT[self]


_FINAL = frozenset({PayoutStatus.COMPLETED, PayoutStatus.FAILED, PayoutStatus.CANCELLED, PayoutStatus.REJECTED})
_CCXT = {
    PayoutStatus.PENDING: "pending",
    PayoutStatus.IN_REVIEW: "pending",
    PayoutStatus.PROCESSING: "pending",
    PayoutStatus.COMPLETED: "ok",
    PayoutStatus.FAILED: "failed",
    PayoutStatus.CANCELLED: "canceled",
    PayoutStatus.REJECTED: "failed",
    PayoutStatus.UNKNOWN: "pending",
}


@dataclass(frozen=True)
class PayoutRequest:
    """A create as the caller asked for it, with the provider's network name already resolved."""

    asset: str
    network: str  # the provider's own name
    address: str
    amount: Decimal
    memo: str | None = None
    reference: str | None = None
    idempotency_key: str | None = None  # sent to providers that deduplicate on one (`capabilities.idempotent_create`)


@dataclass(frozen=True)
class Payout:
    """One withdrawal at a provider.

    `id` is what `get` and `cancel` take. Amounts are exact; times are timezone-aware (UTC) or None
    where the provider does not say. `raw` is the generated client's model the payout was read from.
    """

    provider: str
    id: str
    status: PayoutStatus
    raw_status: str
    asset: str
    network: str | None  # the common code (`TRC20`) where one is known, else the provider's name
    address: str
    amount: Decimal
    fee: Decimal | None
    txid: str | None
    created_at: datetime | None
    updated_at: datetime | None
    memo: str | None = None
    reference: str | None = None
    idempotency_key: str | None = None
    raw: Any = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Balance:
    """What one asset (in one wallet or sub-account, where the provider has several) holds.

    `held` is what pending payouts have frozen, or None where the provider does not report it.
    """

    asset: str
    available: Decimal
    held: Decimal | None
    wallet: str | None = None
    network: str | None = None


@dataclass(frozen=True)
class Sweep:
    """A provider-scheduled sweep of a whole balance (`capabilities.sweep`).

    It becomes a payout (see `list`) when the provider processes it at `process_at`.
    """

    provider: str
    id: str
    status: PayoutStatus  # pending until processed, then completed (swept) or failed
    raw_status: str
    asset: str
    network: str | None
    process_at: datetime | None
    raw: Any = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Capabilities:
    """What a provider's API lets the payouts interface do."""

    create: bool  # pay a chosen amount to a chosen address
    sweep: bool  # move a whole balance to a pre-confirmed address instead
    get: bool
    list: bool
    cancel: bool
    idempotent_create: bool  # the provider itself deduplicates a repeated create
    reconcile: bool  # a create whose answer was lost can be looked up
    memo: bool  # destination tags / memos
    networks: frozenset[str]  # common network codes known to map (the provider's own names work too)
    assets: frozenset[str]  # assets known to be payable (others may work)


def aware(moment: datetime | None) -> datetime | None:
    """A datetime with a timezone: a naive one is read as UTC (every provider here writes UTC)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)
