"""MPChat's business rules for the sandbox emulator (handlers keyed by operationId).

Fee rule (the provider does not document one): a flat fee per network, `TRC20` 1.00 and `ERC20`
5.00 USDT, configurable with the `fee` option (`{"TRC20": "1.00", ...}`, merged over the defaults). With `fee_mode`
`on_top` (default) creating a withdrawal freezes amount + fee and completion writes two ledger
`DEBIT` entries, the amount (`Withdrawal {id}`, as in the docs) and the fee (`Withdrawal fee {id}`);
with `inclusive` only the amount is frozen and debited and the fee is reported as taken out of it.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from ...chains import is_valid_ethereum_address, is_valid_tron_address
from ...money import exact_sum, format_decimal, parse_decimal
from ...sandbox import ApiError, Lifecycle, Principal, ProviderSandbox, Request, Response, Transition, operation
from ...sandbox.ids import hex_hash, ulid
from ...sandbox.lifecycle import Effect
from ...sandbox.store import Filter, InsufficientFunds, LedgerEntry, StoredObject
from . import auth

ASSET = "USDT"
KIND = "withdrawal"
DEFAULT_FEES = {"TRC20": "1.00", "ERC20": "5.00"}
ADDRESS_CHECKS = {"TRC20": is_valid_tron_address, "ERC20": is_valid_ethereum_address}
_FEE = {"type": "string", "pattern": "^[0-9]{1,12}(\\.[0-9]{1,2})?$"}

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
    lifecycles = (LIFECYCLE,)
    rate_limit = (60, 60.0)  # 60 requests per minute per API key
    seed_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "extra": {"type": "object", "maxProperties": 0, "description": "MPChat accounts take no extra settings"},
            "balances": {"type": "object", "propertyNames": {"const": ASSET}},
            "wallets": {"type": "object", "maxProperties": 0},
            "credentials": {"items": {"properties": {"data": {"type": "object", "maxProperties": 0}}}},
        },
    }
    options_schema: ClassVar[Mapping[str, Any]] = {
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

    # -- auth, errors, webhooks ---------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(request.headers.get("authorization"), self.store.credential, now=self.clock.wall())
        except auth.AuthError as error:
            raise ApiError(401, error.message) from None
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def render_error(self, error: ApiError) -> Response:
        return Response.json(error.status, {"error": error.message}, error.headers)

    def sign_webhook(self, secret: str, body: bytes, timestamp: int) -> dict[str, str]:
        return {"x-merchant-signature": auth.webhook_signature_header(secret, body, timestamp)}

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
        return Decimal(self.options["fee"][network])

    @property
    def fee_on_top(self) -> bool:
        return bool(self.options["fee_mode"] == "on_top")

    # -- operations ---------------------------------------------------------------------------
    @operation("create_withdrawal")
    def create_withdrawal(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount = parse_decimal(body["amount"])
        if amount <= 0:
            raise ApiError(400, "invalid amount")
        network, address = body["network"], body["destination_address"]
        if not ADDRESS_CHECKS[network](address):
            raise ApiError(400, "invalid destination address")
        fee = self.fee(network)
        hold = exact_sum(amount, fee) if self.fee_on_top else amount
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

    @operation("list_withdrawals")
    def list_withdrawals(self, request: Request, principal: Principal) -> Response:
        query = Filter(KIND, owners=(principal.account_id,))
        objects = self.store.find(query, limit=request.params["limit"], offset=request.params["offset"])
        # The provider's list example leaves merchant_id out of each item.
        items = [{k: v for k, v in obj.body.items() if k != "merchant_id"} for obj in objects]
        return Response.json(200, {"withdrawals": items, "total": self.store.count(query)})

    @operation("get_withdrawal")
    def get_withdrawal(self, request: Request, principal: Principal) -> Response:
        obj = self.store.get_object(KIND, request.params["id"])
        if obj is None:
            raise ApiError(404, "withdrawal not found")
        if obj.account_id != principal.account_id:
            raise ApiError(403, "forbidden")
        return Response.json(200, obj.body)

    @operation("get_balance")
    def get_balance(self, request: Request, principal: Principal) -> Response:
        balance = self.store.balance(principal.account_id, ASSET)
        return Response.json(
            200,
            {
                "merchant_id": principal.account_id,
                "available": format_decimal(balance.available, 2),
                "frozen": format_decimal(balance.frozen, 2),
            },
        )

    @operation("list_transactions")
    def list_transactions(self, request: Request, principal: Principal) -> Response:
        entries, total = self.store.ledger(principal.account_id, request.params["limit"], request.params["offset"])
        items = [
            {
                "id": entry.id,
                "merchant_id": entry.account_id,
                "order_id": None,
                "entry_type": entry.entry_type,
                "amount": str(entry.amount),
                "balance_after": str(entry.balance_after),
                "description": entry.description,
                "created_at": entry.created_at,
            }
            for entry in entries
        ]
        return Response.json(200, {"transactions": items, "total": total})

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(
        self, obj: StoredObject, transition: Transition, body: dict[str, Any], private: dict[str, Any]
    ) -> None:
        body["status"] = transition.target
        body["updated_at"] = self.clock.iso()
        if transition.target == "COMPLETED":
            body["tx_hash"] = hex_hash("0x" if body["network"] == "ERC20" else "")
            self._write_debits(obj, body)
        event = WEBHOOK_EVENTS.get(transition.target)
        if event:
            payload = {"event": event, "timestamp": body["updated_at"], "data": body}
            self.engine.outbox.enqueue(obj.account_id, event, payload, {"x-webhook-event": event})

    def _write_debits(self, obj: StoredObject, body: dict[str, Any]) -> None:
        """Ledger lines for a completed withdrawal: the fee (if taken on top) and then the amount."""
        amount = Decimal(body["amount"])
        fee = obj.hold - amount
        final = self.store.balance(obj.account_id, ASSET).total
        lines = [("Withdrawal fee", fee, exact_sum(final, amount))] if fee > 0 else []
        lines.append(("Withdrawal", amount, final))
        for label, value, balance_after in lines:
            self.store.add_ledger_entry(
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
            )
