"""MPChat's business rules for the sandbox emulator (handlers keyed by operationId).

Fee rule (the provider does not document one): a flat fee per network, `TRC20` 1.00 and `ERC20`
5.00 USDT, configurable with the `fee` option (`{"TRC20": "1.00", ...}`, merged over the defaults). With `fee_mode`
`on_top` (default) creating a withdrawal freezes amount + fee and completion writes two ledger
`DEBIT` entries, the amount (`Withdrawal {id}`, as in the docs) and the fee (`Withdrawal fee {id}`);
with `inclusive` only the amount is frozen and debited and the fee is reported as taken out of it.

Webhooks. Endpoints registered with `POST /v1/webhooks` are store objects of kind `webhook`; an
event goes to every active endpoint of the merchant subscribed to it, signed with the merchant's
webhook secret (MPChat sets it in the dashboard; here the seed's `extra.webhook_secret`, else the
seeded `webhook.secret`). A seeded `webhook` is an endpoint registered beforehand, subscribed to every
event type, and may use plain HTTP (for a local receiver); the API accepts HTTPS only, as documented.
An event no endpoint subscribes to is recorded by the outbox as `no_endpoint`.

Merchant profile. `GET /v1/merchants/me` serves a `merchant` object written when the account is
seeded, from the seed's `extra` (name, email, status, tier...) with defaults for what it leaves out.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from ...chains import is_valid_ethereum_address, is_valid_tron_address
from ...money import exact_sum, format_decimal, parse_decimal
from ...sandbox import (
    ApiError,
    Lifecycle,
    Principal,
    ProviderSandbox,
    Reason,
    Request,
    Response,
    Transition,
    operation,
)
from ...sandbox.ids import hex_hash, ulid
from ...sandbox.lifecycle import Effect
from ...sandbox.seeding import account_schema, closed
from ...sandbox.store import Delivery, Filter, InsufficientFunds, LedgerEntry, StoredObject
from . import auth

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
MAX_WEBHOOKS = 100
"""Endpoints per merchant (an emulator limit, not MPChat's: it documents none)."""
DELIVERY_STATUS = {"pending": "PENDING", "delivered": "DELIVERED", "failed": "FAILED"}
# Documented messages (from the orders table) and inferred ones, by the request field that failed.
FIELD_ERRORS = {
    ("body", "amount"): "invalid amount",
    ("body", "network"): "unsupported network",
    ("body", "destination_address"): "invalid destination address",
    ("body", "url"): "url must be an https URL",
    ("body", "events"): "unsupported event type",
    ("query", "limit"): "invalid limit",
    ("query", "offset"): "invalid offset",
}
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
    failures=("fail", "reject"),
)

WEBHOOK_EVENTS = {"COMPLETED": "withdrawal.completed", "FAILED": "withdrawal.failed"}
_ABSENT = frozenset({"required", "missing"})  # a field not sent keeps the engine's "<field>: is required"
_TEXT = {"type": "string", "minLength": 1, "maxLength": 200}
_VALUE = {"type": "string", "pattern": "^[A-Z][A-Z0-9_]{0,31}$"}


class Sandbox(ProviderSandbox):
    name = "mpchat"
    lifecycles = (LIFECYCLE,)
    rate_limit = (60, 60.0)  # 60 requests per minute per API key
    seed_schema: ClassVar[Mapping[str, Any]] = account_schema(
        extra=closed(
            {
                "name": _TEXT,
                "email": _TEXT,
                "platform_user_id": _TEXT,
                "status": _VALUE,
                "tier": _VALUE,
                "fee_rate": {"type": "string", "pattern": "^[0-9]{1,3}(\\.[0-9]{1,6})?$"},
                "environment": {"enum": ["live", "test"]},
                "webhook_secret": {"type": "string", "maxLength": 256},
            },
            description="the merchant profile and the dashboard's webhook secret",
        ),
        balances={"type": "object", "propertyNames": {"const": ASSET}},
        wallets={"type": "object", "maxProperties": 0},
        credential_data={"type": "object", "maxProperties": 0},
    )
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
        message = error.message
        problem = error.problem
        if error.reason is Reason.INVALID_REQUEST and problem and problem.field and problem.keyword not in _ABSENT:
            message = FIELD_ERRORS.get((problem.location, str(problem.field[0])), message)
        return Response.json(error.status, {"error": message}, error.headers)

    def sign_webhook(self, secret: str, body: bytes, timestamp: int) -> dict[str, str]:
        return {"x-merchant-signature": auth.webhook_signature_header(secret, body, timestamp)}

    def verify_webhook(self, secret: str, headers: Mapping[str, str], body: bytes, now: float) -> bool:
        return auth.verify_webhook(headers.get("x-merchant-signature"), body, secret, now=now)

    def demo_seed(self) -> dict[str, Any]:
        return {
            "accounts": [
                {
                    "id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
                    "credentials": [{"key_id": "mk_test_sandbox", "secret": secrets.token_hex(32)}],
                    "balances": {ASSET: "10000.00"},
                    "extra": {
                        "name": "Acme Store",
                        "email": "merchant@example.com",
                        "platform_user_id": "usr_abc123",
                        "tier": "STANDARD",
                        "fee_rate": "0.01",
                        "webhook_secret": "whsec_" + secrets.token_hex(16),
                    },
                }
            ]
        }

    # -- seeding ------------------------------------------------------------------------------
    def seed_account(self, account: Mapping[str, Any]) -> None:
        """The merchant profile, and the seeded webhook endpoint as a registered one."""
        account_id = account["id"]
        extra = account.get("extra") or {}
        now = self.clock.iso()
        keys = [credential["key_id"] for credential in account.get("credentials") or []]
        live = any(key.startswith("mk_live_") for key in keys)
        profile: dict[str, Any] = {
            "id": account_id,
            **({"platform_user_id": extra["platform_user_id"]} if "platform_user_id" in extra else {}),
            "name": extra.get("name", account_id),
            "email": extra.get("email", "merchant@example.com"),
            "status": extra.get("status", "ACTIVE"),
            "tier": extra.get("tier", "BASIC"),
            "fee_rate": extra.get("fee_rate", "0"),
            "environment": extra.get("environment", "live" if live else "test"),
            "created_at": now,
            "updated_at": now,
        }
        existing = self.store.get_object(MERCHANT, account_id)
        if existing is None:
            self.store.insert_object(MERCHANT, account_id, account_id, profile["status"], profile)
        else:
            profile["created_at"] = existing.body.get("created_at", now)
            self.store.update_object(existing, profile["status"], profile)
        seeded = account.get("webhook")
        if seeded:
            # One pre-registered endpoint per account, replaced when the account is seeded again.
            webhook_id = "wh_seed_" + hashlib.sha256(account_id.encode()).hexdigest()[:20]
            body = self._webhook_body(webhook_id, account_id, seeded["url"], list(EVENT_TYPES), now)
            found = self.store.get_object(WEBHOOK, webhook_id)
            if found is None:
                self.store.insert_object(WEBHOOK, webhook_id, account_id, "active", body)
            else:
                self.store.update_object(found, "active", {**body, "created_at": found.body["created_at"]})

    def webhook_secret(self, account_id: str) -> str:
        """The merchant's webhook signing secret (set in MPChat's dashboard, here by the seed)."""
        account = self.store.account(account_id)
        if account is None:
            return ""
        secret = account.extra.get("webhook_secret") or (account.webhook or {}).get("secret") or ""
        return str(secret)

    @staticmethod
    def _webhook_body(webhook_id: str, account_id: str, url: str, events: list[str], now: str) -> dict[str, Any]:
        return {
            "id": webhook_id,
            "merchant_id": account_id,
            "url": url,
            "events": events,
            "is_active": True,
            "created_at": now,
            "updated_at": now,
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
        return Response.json(200, self._owned(KIND, request.params["id"], principal).body)

    def _owned(self, kind: str, obj_id: str, principal: Principal) -> StoredObject:
        """The caller's object: 404 when it does not exist, 403 when another merchant owns it."""
        obj = self.store.get_object(kind, obj_id)
        if obj is None:
            raise ApiError(404, f"{kind} not found")
        if obj.account_id != principal.account_id:
            raise ApiError(403, "forbidden")
        return obj

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

    @operation("create_webhook")
    def create_webhook(self, request: Request, principal: Principal) -> Response:
        body = request.json
        webhook_id = f"wh_{ulid(self.clock.now())}"
        webhook = self._webhook_body(
            webhook_id, principal.account_id, body["url"], list(body["events"]), self.clock.iso()
        )
        with self.store.transaction():
            if self.store.count(Filter(WEBHOOK, owners=(principal.account_id,))) >= MAX_WEBHOOKS:
                raise ApiError(400, f"too many webhooks (at most {MAX_WEBHOOKS})")
            self.store.insert_object(WEBHOOK, webhook_id, principal.account_id, "active", webhook)
        return Response.json(201, webhook)

    @operation("list_webhooks")
    def list_webhooks(self, request: Request, principal: Principal) -> Response:
        return Response.json(200, [obj.body for obj in self._webhooks(principal.account_id)])

    @operation("list_webhook_deliveries")
    def list_webhook_deliveries(self, request: Request, principal: Principal) -> Response:
        webhook = self._owned(WEBHOOK, request.params["id"], principal)
        deliveries, total = self.store.endpoint_deliveries(
            principal.account_id, webhook.id, request.params["limit"], request.params["offset"]
        )
        return Response.json(200, {"deliveries": [self._delivery(d) for d in deliveries], "total": total})

    @operation("get_merchant")
    def get_merchant(self, request: Request, principal: Principal) -> Response:
        merchant = self.store.get_object(MERCHANT, principal.account_id)
        if merchant is None:  # an account seeded before profiles existed
            raise ApiError(404, "merchant not found")
        return Response.json(200, merchant.body)

    def _webhooks(self, account_id: str) -> list[StoredObject]:
        return self.store.find(Filter(WEBHOOK, owners=(account_id,)), limit=MAX_WEBHOOKS, oldest_first=True)

    def _delivery(self, delivery: Delivery) -> dict[str, Any]:
        return {
            "id": delivery.id,
            "webhook_id": delivery.endpoint,
            "event": delivery.event,
            "status": DELIVERY_STATUS.get(delivery.status, delivery.status.upper()),
            "attempts": delivery.attempts,
            "response_status": delivery.last_status,
            "created_at": self.clock.iso(delivery.created_at),
            "delivered_at": None if delivery.delivered_at is None else self.clock.iso(delivery.delivered_at),
        }

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
            self._notify(obj.account_id, event, {"event": event, "timestamp": body["updated_at"], "data": body})

    def _notify(self, account_id: str, event: str, payload: dict[str, Any]) -> None:
        """Queue `event` for each active endpoint of the merchant subscribed to it, in the caller's transaction."""
        headers = {"x-webhook-event": event}
        endpoints = [
            webhook.body
            for webhook in self._webhooks(account_id)
            if webhook.body.get("is_active") and event in webhook.body.get("events", [])
        ]
        if not endpoints:
            self.engine.outbox.enqueue(account_id, event, payload, headers, url="")
            return
        secret = self.webhook_secret(account_id)
        for endpoint in endpoints:
            self.engine.outbox.enqueue(
                account_id, event, payload, headers, url=endpoint["url"], secret=secret, endpoint=endpoint["id"]
            )

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
