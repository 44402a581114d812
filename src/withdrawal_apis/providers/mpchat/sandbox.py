"""MPChat's business rules for the sandbox emulator (handlers keyed by operationId).

Fee rule (the provider does not document one): a flat fee per network, `TRC20` 1.00 and `ERC20`
5.00 USDT, configurable with the `fee` option (`{"TRC20": "1.00", ...}`). With `fee_mode`
`on_top` (default) creating a withdrawal freezes amount + fee and completion writes two ledger
`DEBIT` entries, the amount (`Withdrawal {id}`, as in the docs) and the fee (`Withdrawal fee {id}`);
with `inclusive` only the amount is frozen and debited and the fee is reported as taken out of it.
"""

from __future__ import annotations

import secrets
import time
import uuid
from decimal import Decimal
from typing import Any, ClassVar

from ...chains import is_valid_ethereum_address, is_valid_tron_address
from ...money import format_decimal, parse_decimal
from ...sandbox.engine import Principal, ProviderSandbox
from ...sandbox.http import ApiError, Request, Response
from ...sandbox.ids import hex_hash, ulid
from ...sandbox.lifecycle import Effect, Lifecycle, Transition
from ...sandbox.store import InsufficientFunds, StoredObject
from . import auth

ASSET = "USDT"
KIND = "withdrawal"
DEFAULT_FEES = {"TRC20": "1.00", "ERC20": "5.00"}
ADDRESS_CHECKS = {"TRC20": is_valid_tron_address, "ERC20": is_valid_ethereum_address}

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
)

WEBHOOK_EVENTS = {"COMPLETED": "withdrawal.completed", "FAILED": "withdrawal.failed"}


class Sandbox(ProviderSandbox):
    name = "mpchat"
    lifecycle: ClassVar[Lifecycle | None] = LIFECYCLE
    rate_limit = (60, 60.0)  # 60 requests per minute per API key

    # -- auth, errors, webhooks ---------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(request.headers.get("authorization"), self.store.credential, now=time.time())
        except auth.AuthError as error:
            raise ApiError(401, error.message) from None
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def render_error(self, error: ApiError) -> Response:
        return Response.json(error.status, {"error": error.message}, error.headers)

    def sign_webhook(self, secret: str, body: bytes, timestamp: int) -> dict[str, str]:
        return {"x-merchant-signature": auth.webhook_signature_header(secret, body, timestamp)}

    def seed_account(self, account: dict[str, Any]) -> None:
        if account.get("extra"):
            raise ApiError(400, "mpchat accounts take no extra settings")

    def demo_seed(self) -> dict[str, Any]:
        return {
            "accounts": [
                {
                    "id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
                    "credentials": [{"key_id": "mk_test_sandbox", "secret": secrets.token_hex(32)}],
                    "balances": {ASSET: "10000.00"},
                }
            ]
        }

    # -- configuration ------------------------------------------------------------------------
    def fee(self, network: str) -> Decimal:
        fees = {**DEFAULT_FEES, **self.engine.config.options.get("fee", {})}
        return Decimal(fees[network])

    @property
    def fee_on_top(self) -> bool:
        return str(self.engine.config.options.get("fee_mode", "on_top")) == "on_top"

    # -- operations ---------------------------------------------------------------------------
    def create_withdrawal(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        body = request.json
        amount = parse_decimal(body["amount"])
        if amount <= 0:
            raise ApiError(400, "invalid amount")
        network, address = body["network"], body["destination_address"]
        if not ADDRESS_CHECKS[network](address):
            raise ApiError(400, "invalid destination address")
        fee = self.fee(network)
        hold = amount + fee if self.fee_on_top else amount
        now = self.clock.iso()
        withdrawal_id = f"wd_{ulid(self.clock.now())}"
        withdrawal = {
            "id": withdrawal_id,
            "merchant_id": principal.account_id,
            "amount": body["amount"],
            "fee": format_decimal(fee, 2),
            "status": LIFECYCLE.initial,
            "destination_address": address,
            "network": network,
            "tx_hash": None,
            "created_at": now,
            "updated_at": now,
        }
        with self.store.transaction():
            try:
                self.store.freeze(principal.account_id, ASSET, hold)
            except InsufficientFunds:
                raise ApiError(400, "insufficient balance") from None
            obj = self.store.insert_object(
                KIND, withdrawal_id, principal.account_id, LIFECYCLE.initial, withdrawal, asset=ASSET, hold=hold
            )
            self.engine.schedule_happy_path(obj)
        return Response.json(201, withdrawal)

    def list_withdrawals(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        objects, total = self.store.objects_page(
            KIND, principal.account_id, request.params["limit"], request.params["offset"]
        )
        # The provider's list example leaves merchant_id out of each item.
        items = [{k: v for k, v in obj.body.items() if k != "merchant_id"} for obj in objects]
        return Response.json(200, {"withdrawals": items, "total": total})

    def get_withdrawal(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        obj = self.store.get_object(KIND, request.params["id"])
        if obj is None:
            raise ApiError(404, "withdrawal not found")
        if obj.account_id != principal.account_id:
            raise ApiError(403, "forbidden")
        return Response.json(200, obj.body)

    def get_balance(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        balance = self.store.balance(principal.account_id, ASSET)
        return Response.json(
            200,
            {
                "merchant_id": principal.account_id,
                "available": format_decimal(balance.available, 2),
                "frozen": format_decimal(balance.frozen, 2),
            },
        )

    def list_transactions(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        rows, total = self.store.ledger_page(principal.account_id, request.params["limit"], request.params["offset"])
        entries = [
            {
                "id": row["id"],
                "merchant_id": row["account_id"],
                "order_id": None,
                "entry_type": row["entry_type"],
                "amount": row["amount"],
                "balance_after": row["balance_after"],
                "description": row["description"],
                "created_at": row["created_at"],
            }
            for row in rows
        ]
        return Response.json(200, {"transactions": entries, "total": total})

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(self, obj: StoredObject, transition: Transition, body: dict[str, Any]) -> dict[str, Any]:
        body["status"] = transition.target
        body["updated_at"] = self.clock.iso()
        if transition.target == "COMPLETED":
            body["tx_hash"] = hex_hash("0x" if body["network"] == "ERC20" else "")
            self._write_debits(obj, body)
        event = WEBHOOK_EVENTS.get(transition.target)
        if event:
            payload = {"event": event, "timestamp": body["updated_at"], "data": body}
            self.engine.outbox.enqueue(obj.account_id, event, payload, int(time.time()), {"x-webhook-event": event})
        return body

    def _write_debits(self, obj: StoredObject, body: dict[str, Any]) -> None:
        """Ledger lines for a completed withdrawal: the fee (if taken on top) and then the amount."""
        amount = Decimal(body["amount"])
        fee = obj.hold - amount
        settled = self.store.balance(obj.account_id, ASSET)
        final = settled.available + settled.frozen
        lines = [("Withdrawal fee", fee, final + amount)] if fee > 0 else []
        lines.append(("Withdrawal", amount, final))
        for label, value, balance_after in lines:
            self.store.add_ledger_entry(
                {
                    "id": str(uuid.uuid4()),
                    "account_id": obj.account_id,
                    "asset": ASSET,
                    "entry_type": "DEBIT",
                    "amount": format_decimal(value, 2),
                    "balance_after": format_decimal(balance_after, 2),
                    "description": f"{label} {obj.id}",
                    "ref": obj.id,
                    "created_at": body["updated_at"],
                }
            )
