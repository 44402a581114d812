"""SmartyPay's sandbox emulator: authentication, the handlers (keyed by operationId) and the sweeps.

- `withdraw_now` creates a `Pending` intent for the next processing slot (`slot_seconds` on the
  virtual clock, default 300; "now" under the `instant` advance policy). While one is pending for
  the merchant and currency, asking again returns it.
- When the slot comes, the intent takes the whole available balance of its currency into a new
  withdrawal (`New`, the amount held) and pays the network fee from the gas wallet of the currency's
  blockchain (`gas_cost_wei`, default 5e14 wei, charged once and not refunded). A missing,
  out-of-service or too poor gas wallet fails the withdrawal at once (`Error`, the tokens are
  released) and the intent (`Failed`); otherwise the intent `Succeeded` and the withdrawal follows
  its happy path under the advance policy. Nothing to sweep: the intent succeeds without a withdrawal.
- A schedule other than `NotSet` creates, at the first instant of each week (Monday, UTC) or month,
  an intent for every currency whose balance is at least `unifiedMinAmount` (and above zero).

An intent's processing is a job scheduled on the engine's clock for its slot; a schedule is a job at
the next week or month start that re-schedules itself. The model and lifecycles are in `models.py`,
the error body in `errors.py` and what a seed holds in `seed.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from ...credentials import AuthError
from ...money import format_decimal
from ...sandbox import (
    AdvancePolicy,
    ApiError,
    Filter,
    Job,
    Principal,
    ProviderSandbox,
    Request,
    Response,
    StoredObject,
    Transition,
    operation,
)
from . import auth, errors, models, seed
from .currencies import CURRENCIES
from .models import (
    DEFAULT_PAGE_LIMIT,
    GAS_WALLET,
    INTENT,
    INTENT_LIFECYCLE,
    LIFECYCLE,
    MERCHANT,
    SCHEDULE,
    WITHDRAWAL,
    gas_wallets,
    merchant_name,
    network_fields,
    new_id,
    next_period_start,
    schedule_response,
)


class Sandbox(ProviderSandbox):
    name = "smartypay"
    lifecycles = (LIFECYCLE, INTENT_LIFECYCLE)
    rate_limit = (0, 1.0)  # the provider documents no rate limit
    seed_schema: ClassVar[Mapping[str, Any]] = seed.SCHEMA
    options_schema: ClassVar[Mapping[str, Any]] = models.OPTIONS_SCHEMA

    # -- auth, errors -------------------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(
                request.headers, request.method, request.uri, request.body, self.store.credential, now=self.clock.wall()
            )
        except AuthError as error:
            raise ApiError(error.status, error.message, code=error.code) from None
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def render_error(self, error: ApiError) -> Response:
        return errors.render(error)

    # -- seeding ------------------------------------------------------------------------------
    def seed_account(self, account: Mapping[str, Any]) -> None:
        seed.seed_account(self.store, account, self.clock.iso(self.clock.now(), digits=6))

    def client_settings(self, account_id: str) -> dict[str, str]:
        """The partner's first merchant, the one a payouts client pays out for."""
        merchants = self._merchants_of(account_id)
        return {"merchant_id": merchants[0]} if merchants else {}

    def demo_seed(self) -> dict[str, Any]:
        return seed.demo_seed()

    # -- lookups ------------------------------------------------------------------------------
    def _merchant(self, principal: Principal, merchant_id: str) -> dict[str, Any]:
        """The merchant's seeded settings, or 404 when it is not one of this partner's merchants."""
        account = self.store.account(merchant_id)
        if account is None or account.extra.get("partner") != principal.account_id:
            raise ApiError(404, "Merchant not found", code="MerchantNotFound", rule="partner-merchant")
        return dict(account.extra)

    def _merchants_of(self, partner: str) -> tuple[str, ...]:
        return tuple(account.id for account in self.store.accounts(extra={"partner": partner}))

    def _search(self, query: Filter, page: Mapping[str, Any]) -> tuple[list[StoredObject], dict[str, int]]:
        """One page of the partner's objects, newest first, and the page as the answer states it."""
        limit = int(page.get("limit", DEFAULT_PAGE_LIMIT))
        offset = int(page.get("offset", 0))
        return self.store.find(query, limit=limit, offset=offset), {"limit": limit, "offset": offset}

    # -- withdrawals --------------------------------------------------------------------------
    @operation("withdraw_now")
    def withdraw_now(self, request: Request, principal: Principal) -> Response:
        # The spec's closed list of currencies is the emulator's table (`currencies.py`).
        merchant_id, currency = request.json["merchantId"], request.json["currency"]
        self._merchant(principal, merchant_id)
        with self.store.transaction():
            intent = self._pending_intent(merchant_id, currency)
            if intent is None:
                intent = self._create_intent(merchant_id, currency)
        return Response.json(200, {"intent": intent.body, "merchantId": merchant_id})

    def _pending_intent(self, merchant_id: str, currency: str) -> StoredObject | None:
        return self.store.first(Filter(INTENT, owners=(merchant_id,), statuses=("Pending",), asset=currency))

    def _create_intent(self, merchant_id: str, currency: str, not_before: float | None = None) -> StoredObject:
        now = self.clock.now() if not_before is None else not_before
        if self.engine.advance is AdvancePolicy.INSTANT:
            due = now
        else:
            slot = self.options["slot_seconds"]
            due = float((int(now // slot) + 1) * slot)
        intent_id = new_id()
        body = {
            "blockchain": CURRENCIES[currency].blockchain,
            "currency": currency,
            "id": intent_id,
            "processAt": self.clock.iso(due, digits=6),
            "status": INTENT_LIFECYCLE.initial,
        }
        with self.store.transaction():
            intent = self.store.insert_object(INTENT, intent_id, merchant_id, "Pending", body, asset=currency)
            self.engine.schedule(intent, "process", at=due)
        return intent

    @operation("search_withdrawals")
    def search_withdrawals(self, request: Request, principal: Principal) -> Response:
        query = request.json or {}
        fields = network_fields(query.get("predicates") or {})
        found, page = self._search(
            Filter(WITHDRAWAL, owners=self._merchants_of(principal.account_id), fields=fields), query.get("page") or {}
        )
        return Response.json(200, {"list": [obj.body for obj in found], "page": page})

    @operation("get_withdrawal")
    def get_withdrawal(self, request: Request, principal: Principal) -> Response:
        obj = self.store.get_object(WITHDRAWAL, request.params["id"])
        owner = self.store.account(obj.account_id) if obj else None
        if obj is None or owner is None or owner.extra.get("partner") != principal.account_id:
            raise ApiError(404, "Withdrawal not found", code="WithdrawalNotFound")
        return Response.json(200, obj.body)

    @operation("search_withdrawal_intents")
    def search_withdrawal_intents(self, request: Request, principal: Principal) -> Response:
        query = request.json or {}
        predicates = query.get("predicates") or {}
        statuses = (predicates["status"],) if "status" in predicates else None
        found, page = self._search(
            Filter(
                INTENT,
                owners=self._merchants_of(principal.account_id),
                statuses=statuses,
                fields=network_fields(predicates),
            ),
            query.get("page") or {},
        )
        # The object table says `currency`, the search example says `asset`: send both.
        items = [{**obj.body, "asset": obj.body["currency"]} for obj in found]
        return Response.json(200, {"list": items, "page": page})

    # -- schedule -----------------------------------------------------------------------------
    @operation("get_withdrawal_schedule")
    def get_withdrawal_schedule(self, request: Request, principal: Principal) -> Response:
        merchant_id = request.params["merchantId"]
        self._merchant(principal, merchant_id)
        stored = self.store.get_object(SCHEDULE, merchant_id)
        period, amount = (stored.body["period"], stored.body["unifiedMinAmount"]) if stored else ("NotSet", "0")
        return schedule_response(period, amount)

    @operation("update_withdrawal_schedule")
    def update_withdrawal_schedule(self, request: Request, principal: Principal) -> Response:
        merchant_id = request.params["merchantId"]
        self._merchant(principal, merchant_id)
        exact = request.json_exact()  # the amount as an exact Decimal, never via float
        amount = exact["unifiedMinAmount"]
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount < 0:
            raise ApiError(400, "Unified minimum amount of tokens has invalid value", code="UnifiedMinAmountInvalid")
        text = format_decimal(amount if amount else Decimal(0))
        period = request.json["period"]
        body = {"period": period, "unifiedMinAmount": text}
        with self.store.transaction():
            stored = self.store.get_object(SCHEDULE, merchant_id)
            if stored is None:
                stored = self.store.insert_object(SCHEDULE, merchant_id, merchant_id, period, body)
            else:
                stored = self.store.update_object(stored, period, body)
            self.store.unschedule(SCHEDULE, merchant_id)
            self._schedule_sweep(stored, self.clock.now())
        return schedule_response(period, text)

    def _schedule_sweep(self, schedule: StoredObject, after: float) -> None:
        boundary = next_period_start(schedule.body["period"], after)
        if boundary is not None:
            self.engine.schedule(schedule, "sweep", at=boundary)

    # -- merchants ----------------------------------------------------------------------------
    @operation("search_merchants")
    def search_merchants(self, request: Request, principal: Principal) -> Response:
        query = request.json or {}
        name_like = str((query.get("predicates") or {}).get("nameLike", "")).casefold()
        page = query.get("page") or {}
        limit, offset = int(page.get("limit", DEFAULT_PAGE_LIMIT)), int(page.get("offset", 0))
        partner = self.store.account(principal.account_id)
        partner_address = (partner.extra if partner else {}).get("address")
        merchants = [
            self._merchant_object(account.id, account.extra, partner_address)
            for account in self.store.accounts(extra={"partner": principal.account_id})
            if name_like in merchant_name(account.id, account.extra).casefold()
        ]
        merchants.sort(key=lambda m: m["id"])
        merchants.sort(key=lambda m: datetime.fromisoformat(m["createdAt"]), reverse=True)  # newest first
        return Response.json(
            200, {"list": merchants[offset : offset + limit], "page": {"limit": limit, "offset": offset}}
        )

    def _merchant_object(
        self, merchant_id: str, extra: Mapping[str, Any], partner_address: str | None
    ) -> dict[str, Any]:
        record = self.store.get_object(MERCHANT, merchant_id)
        created = record.body["createdAt"] if record else self.clock.iso(self.clock.now(), digits=6)
        merchant: dict[str, Any] = {
            "id": merchant_id,
            "name": merchant_name(merchant_id, extra),
            "isKYBFinished": bool(extra.get("isKYBFinished", False)),
            "createdAt": created,
        }
        if partner_address:
            merchant["partnerAddress"] = partner_address
        return merchant

    @operation("get_merchant_balance")
    def get_merchant_balance(self, request: Request, principal: Principal) -> Response:
        merchant_id = request.params["merchantId"]
        self._merchant(principal, merchant_id)
        balances = [
            {"value": format_decimal(balance.available), "currency": asset}
            for asset, balance in self.store.balances(merchant_id).items()
            if asset in CURRENCIES and balance.available > 0
        ]
        return Response.json(200, {"balances": balances})

    @operation("get_merchant_gas_wallets")
    def get_merchant_gas_wallets(self, request: Request, principal: Principal) -> Response:
        merchant_id = request.params["merchantId"]
        extra = self._merchant(principal, merchant_id)
        wallets = [
            {
                "address": wallet["address"],
                "blockchain": wallet["blockchain"],
                "isOutOfService": bool(wallet.get("isOutOfService", False)),
                "nativeBalance": str(int(self.store.balance(merchant_id, wallet["blockchain"], GAS_WALLET).available)),
            }
            for wallet in gas_wallets(extra).values()
        ]
        return Response.json(200, {"gasWallets": wallets})

    # -- dictionaries -------------------------------------------------------------------------
    @operation("list_blockchains")
    def list_blockchains(self, request: Request, principal: Principal) -> Response:
        return Response.json(200, {"blockchains": models.blockchains()})

    # -- scheduled jobs: the processing slot and recurring sweeps -----------------------------
    def run_job(self, obj: StoredObject | None, job: Job) -> None:
        if obj is None:
            return
        if job.name == "process" and obj.status == "Pending":
            self._process_intent(obj)
        elif job.name == "sweep":
            self._sweep(obj, job.due_at)

    def _process_intent(self, intent: StoredObject) -> None:
        """Sweep the whole available balance of the intent's currency into one withdrawal."""
        merchant_id, currency = intent.account_id, intent.asset
        blockchain = CURRENCIES[currency].blockchain
        available = self.store.balance(merchant_id, currency).available
        if available <= 0:
            self.engine.transition(intent, "succeed")  # nothing accumulated: nothing to sweep
            return
        account = self.store.account(merchant_id)
        extra = account.extra if account else {}
        self.store.freeze(merchant_id, currency, available)
        withdrawal_id = new_id()
        body = {
            "id": withdrawal_id,
            "blockchain": blockchain,
            "destinationAddress": extra["destinationAddress"],
            "amount": {"value": format_decimal(available), "currency": currency},
            "status": LIFECYCLE.initial,
        }
        withdrawal = self.store.insert_object(
            WITHDRAWAL, withdrawal_id, merchant_id, LIFECYCLE.initial, body, asset=currency, hold=available
        )
        if self._pay_gas(merchant_id, blockchain, extra):
            self.engine.transition(intent, "succeed")
            self.engine.schedule_happy_path(withdrawal)
        else:
            self.engine.transition(withdrawal, "fail")
            self.engine.transition(intent, "fail")

    def _pay_gas(self, merchant_id: str, blockchain: str, extra: Mapping[str, Any]) -> bool:
        """Charge one sweep's network fee to the blockchain's gas wallet; False if it cannot pay."""
        wallet = gas_wallets(extra).get(blockchain)
        cost = Decimal(self.options["gas_cost_wei"])
        if wallet is None or wallet.get("isOutOfService"):
            return False
        if self.store.balance(merchant_id, blockchain, GAS_WALLET).available < cost:
            return False  # too poor (judged inside the job's transaction, as the debit would)
        self.store.debit(merchant_id, blockchain, cost, GAS_WALLET)
        return True

    def _sweep(self, schedule: StoredObject, boundary: float) -> None:
        """At a week or month start: an intent for every currency at or above the schedule's minimum."""
        minimum = Decimal(schedule.body["unifiedMinAmount"])
        for asset, balance in self.store.balances(schedule.id).items():
            due = asset in CURRENCIES and balance.available > 0 and balance.available >= minimum
            if due and self._pending_intent(schedule.id, asset) is None:
                self._create_intent(schedule.id, asset, not_before=boundary)
        self._schedule_sweep(schedule, boundary)

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(
        self, obj: StoredObject, transition: Transition, body: dict[str, Any], private: dict[str, Any]
    ) -> None:
        body["status"] = transition.target
        if obj.kind == WITHDRAWAL and transition.name == "resume":
            self.engine.follow(obj, ("finish",))
