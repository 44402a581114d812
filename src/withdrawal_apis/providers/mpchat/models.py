"""MPChat's withdrawals, fees, webhook endpoints and ledger lines as the emulator keeps them.

Fee rule (the provider does not document one): a flat fee per network, `TRC20` 1.00 and `ERC20`
5.00 USDT, configurable with the `fee` option (`{"TRC20": "1.00", ...}`, merged over the defaults). With `fee_mode`
`on_top` (default) creating a withdrawal freezes amount + fee and completion writes two ledger
`DEBIT` entries, the amount (`Withdrawal {id}`, as in the docs) and the fee (`Withdrawal fee {id}`);
with `inclusive` only the amount is frozen and debited and the fee is reported as taken out of it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ...chains import is_valid_ethereum_address, is_valid_tron_address
from ...money import exact_sum, format_decimal
from ...sandbox import Delivery, Effect, LedgerEntry, Lifecycle, StoredObject, Transition

ASSET = "USDT"
KIND = "withdrawal"
WEBHOOK = "webhook"  # object kind of a registered endpoint
MERCHANT = "merchant"  # object kind of the merchant profile, one per account
EVENT_TYPES = (
    "payment.confirmed",
    "payment.expired",
    "payment.underpaid",
    "payment.frozen",
    "withdrawal.completed",
    "withdrawal.failed",
)
DELIVERY_STATUS = {"pending": "PENDING", "delivered": "DELIVERED", "failed": "FAILED"}
DEFAULT_FEES = {"TRC20": "1.00", "ERC20": "5.00"}
ADDRESS_CHECKS = {"TRC20": is_valid_tron_address, "ERC20": is_valid_ethereum_address}
_FEE = {"type": "string", "pattern": "^[0-9]{1,12}(\\.[0-9]{1,2})?$"}
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "fee": {
            "type": "object",
            "propertyNames": {"enum": list(DEFAULT_FEES)},
            "additionalProperties": _FEE,
            "default": DEFAULT_FEES,
        },
        "fee_mode": {"enum": ["on_top", "inclusive"], "default": "on_top"},
    },
}

_BEFORE_BROADCAST = frozenset({"PENDING", "PENDING_REVIEW", "LEVEL1_APPROVED", "APPROVED"})

LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="PENDING",
    transitions=(
        Transition("submit_for_review", frozenset({"PENDING"}), "PENDING_REVIEW", delay=5),
        Transition("approve_level1", frozenset({"PENDING_REVIEW"}), "LEVEL1_APPROVED", delay=120),
        Transition("approve_level2", frozenset({"LEVEL1_APPROVED"}), "APPROVED", delay=300),
        Transition("broadcast", frozenset({"APPROVED"}), "PROCESSING", delay=30),
        Transition("complete", frozenset({"PROCESSING"}), "COMPLETED", Effect.SETTLE, delay=180),
        Transition("fail", frozenset({"PROCESSING"}), "FAILED", Effect.RELEASE),
        Transition("reject", frozenset({"PENDING", "PENDING_REVIEW", "LEVEL1_APPROVED"}), "REJECTED", Effect.RELEASE),
        Transition("cancel", _BEFORE_BROADCAST, "CANCELLED", Effect.RELEASE),
    ),
    happy_path=("submit_for_review", "approve_level1", "approve_level2", "broadcast", "complete"),
    failures=("fail", "reject"),
)

WEBHOOK_EVENTS = {"COMPLETED": "withdrawal.completed", "FAILED": "withdrawal.failed"}


def webhook_body(webhook_id: str, account_id: str, url: str, events: list[str], now: str) -> dict[str, Any]:
    """A registered endpoint as `POST /v1/webhooks` answers it."""
    return {
        "id": webhook_id,
        "merchant_id": account_id,
        "url": url,
        "events": events,
        "is_active": True,
        "created_at": now,
        "updated_at": now,
    }


def delivery_body(delivery: Delivery, iso: Callable[[float], str]) -> dict[str, Any]:
    """One delivery to an endpoint, its times written by `iso`."""
    return {
        "id": delivery.id,
        "webhook_id": delivery.endpoint,
        "event": delivery.event,
        "status": DELIVERY_STATUS.get(delivery.status, delivery.status.upper()),
        "attempts": delivery.attempts,
        "response_status": delivery.last_status,
        "created_at": iso(delivery.created_at),
        "delivered_at": None if delivery.delivered_at is None else iso(delivery.delivered_at),
    }


def debit_entries(obj: StoredObject, body: dict[str, Any], final: Decimal) -> list[LedgerEntry]:
    """Ledger lines for a completed withdrawal: the fee (if taken on top) and then the amount.

    `final` is the account's total once the withdrawal has left.
    """
    amount = Decimal(body["amount"])
    fee = obj.hold - amount
    lines = [("Withdrawal fee", fee, exact_sum(final, amount))] if fee > 0 else []
    lines.append(("Withdrawal", amount, final))
    return [
        LedgerEntry(
            id=str(uuid.uuid4()),
            account_id=obj.account_id,
            asset=ASSET,
            entry_type="DEBIT",
            amount=Decimal(format_decimal(value, 2)),
            balance_after=Decimal(format_decimal(balance_after, 2)),
            description=f"{label} {obj.id}",
            ref=obj.id,
            created_at=body["updated_at"],
        )
        for label, value, balance_after in lines
    ]
