"""MPChat's sandbox emulator: authentication, webhooks and the handlers, keyed by operationId.

Webhooks. Endpoints registered with `POST /v1/webhooks` are store objects of kind `webhook`; an
event goes to every active endpoint of the merchant subscribed to it, signed with the merchant's
webhook secret (MPChat sets it in the dashboard; here the seed's `extra.webhook_secret`, else the
seeded `webhook.secret`). The API accepts HTTPS endpoints only, as documented. An event no endpoint
subscribes to is recorded by the outbox as `no_endpoint`.

The fee rule, the lifecycle and the ledger lines are in `models.py`, the error body in `errors.py`,
and what a seed holds (the merchant profile, a pre-registered endpoint) in `seed.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from ...credentials import AuthError
from ...money import exact_sum, format_decimal, parse_decimal
from ...sandbox import (
    ApiError,
    Filter,
    Principal,
    ProviderSandbox,
    Request,
    Response,
    StoredObject,
    Transition,
    hex_hash,
    operation,
    ulid,
)
from . import auth, errors, models, seed
from .models import ADDRESS_CHECKS, ASSET, KIND, LIFECYCLE, MERCHANT, WEBHOOK, WEBHOOK_EVENTS


class Sandbox(ProviderSandbox):
    name = "mpchat"
    lifecycles = (LIFECYCLE,)
    rate_limit = (60, 60.0)  # 60 requests per minute per API key
    seed_schema: ClassVar[Mapping[str, Any]] = seed.SCHEMA
    options_schema: ClassVar[Mapping[str, Any]] = models.OPTIONS_SCHEMA

    # -- auth, errors, webhooks ---------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(request.headers.get("authorization"), self.store.credential, now=self.clock.wall())
        except AuthError as error:
            raise ApiError(401, error.message) from None
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def render_error(self, error: ApiError) -> Response:
        return errors.render(error)

    def sign_webhook(self, secret: str, body: bytes, timestamp: int) -> dict[str, str]:
        return {"x-merchant-signature": auth.webhook_signature_header(secret, body, timestamp)}

    def verify_webhook(self, secret: str, headers: Mapping[str, str], body: bytes, now: float) -> bool:
        return auth.verify_webhook(headers.get("x-merchant-signature"), body, secret, now=now)

    def demo_seed(self) -> dict[str, Any]:
        return seed.demo_seed()

    # -- seeding ------------------------------------------------------------------------------
    def seed_account(self, account: Mapping[str, Any]) -> None:
        """The merchant profile, and the seeded webhook endpoint as a registered one."""
        seed.seed_account(self.store, account, self.clock.iso())

    def webhook_secret(self, account_id: str) -> str:
        """The merchant's webhook signing secret (set in MPChat's dashboard, here by the seed)."""
        account = self.store.account(account_id)
        if account is None:
            return ""
        secret = account.extra.get("webhook_secret") or (account.webhook or {}).get("secret") or ""
        return str(secret)

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
            raise ApiError(400, "invalid destination address", rule="address-checksum")
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
            self.store.freeze(principal.account_id, ASSET, hold, refusal=errors.insufficient_balance)
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
            raise ApiError(403, "forbidden", rule="own-resource")
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
        webhook = models.webhook_body(
            webhook_id, principal.account_id, body["url"], list(body["events"]), self.clock.iso()
        )
        # MPChat documents no limit on the number of endpoints, and the emulator sets none.
        with self.store.transaction():
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
        items = [models.delivery_body(delivery, self.clock.iso) for delivery in deliveries]
        return Response.json(200, {"deliveries": items, "total": total})

    @operation("get_merchant")
    def get_merchant(self, request: Request, principal: Principal) -> Response:
        merchant = self.store.get_object(MERCHANT, principal.account_id)
        if merchant is None:  # an account seeded before profiles existed
            raise ApiError(404, "merchant not found")
        return Response.json(200, merchant.body)

    def _webhooks(self, account_id: str) -> list[StoredObject]:
        every = self.store.count(Filter(WEBHOOK, owners=(account_id,)))
        return self.store.find(Filter(WEBHOOK, owners=(account_id,)), limit=every, oldest_first=True)

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(
        self, obj: StoredObject, transition: Transition, body: dict[str, Any], private: dict[str, Any]
    ) -> None:
        body["status"] = transition.target
        body["updated_at"] = self.clock.iso()
        if transition.target == "COMPLETED":
            body["tx_hash"] = hex_hash("0x" if body["network"] == "ERC20" else "")
            final = self.store.balance(obj.account_id, ASSET).total
            for entry in models.debit_entries(obj, body, final):
                self.store.add_ledger_entry(entry)
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
