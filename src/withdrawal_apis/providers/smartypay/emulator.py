"""SmartyPay's business rules for the sandbox emulator (handlers keyed by operationId).

The model, with the parts the provider does not document marked as our reading:

- A partner (the store account that holds the API keys, optionally with its EVM `address`) manages
  merchants. A merchant is a store account seeded with
  `extra: {"partner": ..., "destinationAddress": "0x..."}` (its confirmed address), optional `name`,
  `isKYBFinished`, `createdAt`, `gasWallets` and past `withdrawals` (terminal ones,
  `{"id", "currency", "value", "status"}`). Its token balances are store balances keyed by currency
  code; a gas wallet's native balance (in wei) is the balance of asset `<Blockchain>` in the
  merchant's wallet `gas`. A merchant record (kind `merchant`) keeps its creation time.
- The merchant search lists the partner's merchants, newest first, filtered by a case-insensitive
  part of the name; the blockchains dictionary is the table in `currencies.py`.
- Request fields the spec does not list are ignored; a currency code the emulator does not know is
  a 400 (the spec accepts any code, since the provider adds codes over time).
- `withdraw_now` creates a `Pending` intent for the next processing slot (`slot_seconds` on the
  virtual clock, default 300; "now" under the `instant` advance policy). While one is pending for
  the merchant and currency, asking again returns it.
- When the slot comes, the intent takes the whole available balance of its currency into a new
  withdrawal (`New`, the amount held) and pays the network fee from the gas wallet of the currency's
  blockchain (`gas_cost_wei`, default 5e14 wei, charged once and not refunded). A missing,
  out-of-service or too poor gas wallet fails the withdrawal at once (`Error`, the tokens are
  released) and the intent (`Failed`); otherwise the intent `Succeeded` and the withdrawal follows
  `start` (New -> Running) and `finish` (Running -> Finished, the tokens leave) under the advance
  policy. Nothing to sweep: the intent succeeds without a withdrawal.
- `pause`, `resume`, `cancel` and `fail` are reachable through the control API.
- A schedule other than `NotSet` creates, at the first instant of each week (Monday, UTC) or month,
  an intent for every currency whose balance is at least `unifiedMinAmount` (and above zero).

Intents and withdrawals each have a lifecycle. An intent's processing is a job scheduled on the
engine's clock for its slot; a schedule is a job at the next week or month start that re-schedules
itself.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar

from ...money import MONEY, format_decimal
from ...sandbox import (
    AdvancePolicy,
    ApiError,
    Lifecycle,
    Principal,
    ProviderSandbox,
    Request,
    Response,
    Transition,
    operation,
)
from ...sandbox.http import reason_words
from ...sandbox.lifecycle import Effect
from ...sandbox.seeding import account_schema, closed
from ...sandbox.store import Filter, InsufficientFunds, Job, StoredObject
from . import auth
from .currencies import BLOCKCHAINS, CURRENCIES, NATIVE_DECIMALS

WITHDRAWAL, INTENT, SCHEDULE, MERCHANT = "withdrawal", "intent", "schedule", "merchant"
GAS_WALLET = "gas"  # the wallet holding each blockchain's native balance (in wei), per merchant
NETWORK_OF = {code: chain.net for code, chain in BLOCKCHAINS.items()}
API_TYPE = "EVM"  # every blockchain of the model is an EVM chain (the value is our reading)

# The provider's documentation examples: the API key of the header table and the secret of the
# signature example. The demo seed uses them so that examples can be run as written.
DEMO_KEY = "TVs1OAkZXCZ0Azk0Qd9rFMxIYKVlLSUg"
DEMO_SECRET = "DiFy5adj2FbrD5SDWsvPrsM2uVOdAund2ksMCZ9lBrRyDr5WMFO6O0loLL8TD1gh"  # noqa: S105 - a published example

DEFAULT_SLOT_SECONDS = 300
DEFAULT_GAS_COST_WEI = 500_000_000_000_000  # 0.0005 of the native token per sweep (our assumption)
DEFAULT_PAGE_LIMIT = 20
# The store computes money in a fixed-precision Decimal context that refuses to round: a seeded
# amount must leave room for its token's decimals within that precision.
SIGNIFICANT_DIGITS = MONEY.prec
_ID_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


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


_EVM_ADDRESS = {"type": "string", "pattern": "^0x[0-9a-fA-F]{40}$"}
_TERMINAL = sorted(LIFECYCLE.terminal)
_AMOUNT = {"type": "string", "pattern": "^[0-9]{1,60}(\\.[0-9]{1,18})?$"}
_GAS_WALLET = closed(
    {
        "blockchain": {"enum": list(NETWORK_OF)},
        "address": _EVM_ADDRESS,
        "nativeBalance": {"type": "string", "pattern": f"^[0-9]{{1,{SIGNIFICANT_DIGITS}}}$"},
        "isOutOfService": {"type": "boolean"},
    },
    required=["blockchain", "address", "nativeBalance"],
)
_PAST_WITHDRAWAL = closed(
    {
        "id": {"type": "string", "pattern": "^[0-9A-Za-z]{1,64}$"},
        "currency": {"enum": list(CURRENCIES)},
        "value": _AMOUNT,
        "status": {"enum": _TERMINAL},
    },
    required=["currency", "value", "status"],
)
_MERCHANT = account_schema(
    extra=closed(
        {
            "partner": {"type": "string"},
            "name": {"type": "string", "description": "the merchant's name (its id when absent)"},
            "isKYBFinished": {"type": "boolean"},
            "createdAt": {"type": "string", "format": "date-time", "description": "seeding time when absent"},
            "destinationAddress": _EVM_ADDRESS,
            "gasWallets": {"type": "array", "items": _GAS_WALLET},
            "withdrawals": {"type": "array", "items": _PAST_WITHDRAWAL},
        },
        required=["partner", "destinationAddress"],
    ),
    wallets={"maxProperties": 0, "description": "gas wallets are seeded as extra.gasWallets"},
    balances={
        "additionalProperties": False,
        "properties": {
            code: {"type": "string", "pattern": f"^[0-9]{{1,60}}(\\.[0-9]{{1,{currency.decimals}}})?$"}
            for code, currency in CURRENCIES.items()
        },
    },
)
_MERCHANT["properties"]["credentials"] = {
    "maxItems": 0,
    "description": "API keys belong to the partner, not a merchant",
}
_PARTNER = account_schema(
    extra=closed(
        {
            "name": {"type": "string"},
            "address": {**_EVM_ADDRESS, "description": "the partner's address, its merchants' partnerAddress"},
        }
    ),
    balances={"maxProperties": 0, "description": "balances belong to merchants"},
    wallets={"maxProperties": 0},
)


class Sandbox(ProviderSandbox):
    name = "smartypay"
    lifecycles = (LIFECYCLE, INTENT_LIFECYCLE)
    rate_limit = (0, 1.0)  # the provider documents no rate limit
    # A merchant is an account whose extra names its partner; any other account is a partner.
    seed_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "if": {"required": ["extra"], "properties": {"extra": {"required": ["partner"]}}},
        "then": _MERCHANT,
        "else": _PARTNER,
    }
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "slot_seconds": {"type": "integer", "minimum": 1, "maximum": 86400, "default": DEFAULT_SLOT_SECONDS},
            "gas_cost_wei": {"type": "integer", "minimum": 0, "maximum": 10**30, "default": DEFAULT_GAS_COST_WEI},
        },
    }

    # -- auth, errors -------------------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(
                request.headers, request.method, request.uri, request.body, self.store.credential, now=self.clock.wall()
            )
        except auth.AuthError as error:
            raise ApiError(error.status, error.message, code=error.code) from None
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def render_error(self, error: ApiError) -> Response:
        # Without a code of its own, an error is named after its status: `BadRequest`, `TooManyRequests`.
        code = (
            error.code if isinstance(error.code, str) else "".join(w.capitalize() for w in reason_words(error.status))
        )
        if error.problem is not None and error.problem.field[:1] == ("unifiedMinAmount",):
            code = "UnifiedMinAmountInvalid"  # the documented code for a bad schedule amount
        body = {"status": error.status, "code": code, "message": error.message}
        return Response.json(error.status, body, error.headers)

    # -- seeding ------------------------------------------------------------------------------
    def seed_account(self, account: Mapping[str, Any]) -> None:
        extra = account.get("extra") or {}
        if "partner" not in extra:
            return
        self._seed_merchant_record(account["id"], extra.get("createdAt"))
        for wallet in extra.get("gasWallets") or []:
            gas = Decimal(wallet["nativeBalance"])
            self.store.set_available(account["id"], wallet["blockchain"], gas, GAS_WALLET)
        for past in extra.get("withdrawals") or []:
            self._seed_withdrawal(account["id"], extra["destinationAddress"], past)

    def _seed_merchant_record(self, merchant_id: str, created_at: str | None) -> None:
        """When the merchant was created: as seeded, else kept from an earlier seed, else now."""
        stored = self.store.get_object(MERCHANT, merchant_id)
        if stored is None:
            body = {"id": merchant_id, "createdAt": created_at or self.clock.iso(self.clock.now(), digits=6)}
            self.store.insert_object(MERCHANT, merchant_id, merchant_id, "active", body)
        elif created_at is not None and created_at != stored.body.get("createdAt"):
            self.store.update_object(stored, stored.status, {**stored.body, "createdAt": created_at})

    def _seed_withdrawal(self, merchant_id: str, address: str, past: Mapping[str, Any]) -> None:
        """A withdrawal from before the emulator started: terminal, so it holds no balance."""
        withdrawal_id = str(past.get("id") or new_id())
        if self.store.get_object(WITHDRAWAL, withdrawal_id) is not None:
            return  # seeding again keeps the history as it is
        currency = past["currency"]
        body = {
            "id": withdrawal_id,
            "blockchain": CURRENCIES[currency].blockchain,
            "destinationAddress": address,
            "amount": {"value": past["value"], "currency": currency},
            "status": past["status"],
        }
        self.store.insert_object(WITHDRAWAL, withdrawal_id, merchant_id, past["status"], body, asset=currency)

    def client_settings(self, account_id: str) -> dict[str, str]:
        """The partner's first merchant, the one a payouts client pays out for."""
        merchants = self._merchants_of(account_id)
        return {"merchant_id": merchants[0]} if merchants else {}

    def demo_seed(self) -> dict[str, Any]:
        gas = "254803120000000000"
        gas_address = "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753"
        wallets = [
            {"blockchain": chain, "address": gas_address, "nativeBalance": gas}
            for chain in ("BinanceMainNet", "BinanceTestNet", "PolygonMainNet")
        ]
        return {
            "accounts": [
                {
                    "id": "demo-partner",
                    "credentials": [{"key_id": DEMO_KEY, "secret": DEMO_SECRET}],
                    "extra": {"name": "Demo PSP", "address": "0x5888455503193e5C6ea7AC1f232Ac7d6665f55fd"},
                },
                {
                    # The merchant of the merchant-search, balance and withdrawal examples.
                    "id": "FdDQBuaqXoReYAxf9VtEBq",
                    "balances": {"bUSDT": "998", "pUSDC": "3015", "btUSDTv2": "150"},
                    "extra": {
                        "partner": "demo-partner",
                        "name": "Tesla Corporation",
                        "isKYBFinished": True,
                        "createdAt": "2023-12-20T06:42:54.906016Z",
                        "destinationAddress": "0x7aa002968e2B68b4803cbE15DdfdEe1488550180",
                        "gasWallets": wallets,
                        "withdrawals": [
                            {
                                "id": "BuDXTw3Dse5iRfkwsSpdec",
                                "currency": "btUSDTv2",
                                "value": "10",
                                "status": "Finished",
                            }
                        ],
                    },
                },
                {
                    # The merchant of the withdraw-now example request.
                    "id": "RgFw2p65CQn3pE8uriL53d",
                    "balances": {"bUSDT": "250", "eUSDT": "40.5"},
                    "extra": {
                        "partner": "demo-partner",
                        "name": "Demo Coffee Roasters",
                        "isKYBFinished": True,
                        "createdAt": "2024-03-04T09:15:00.000000Z",
                        "destinationAddress": "0x751D591BE537aA9D0Aa5dCb3b12155C1C139EcA6",
                        "gasWallets": [{"blockchain": "BinanceMainNet", "address": gas_address, "nativeBalance": gas}],
                    },
                },
                {
                    "id": "9xBoSUdGWeiAzMn5VHBvMB",
                    "balances": {"btUSDTv2": "10"},
                    "extra": {
                        "partner": "demo-partner",
                        "name": "Merchant without a gas wallet",
                        "createdAt": "2024-05-10T12:00:00.000000Z",
                        "destinationAddress": "0x2EcEF0863AEFBaf01726373FB1ce6745949931Bc",
                    },
                },
            ]
        }

    # -- lookups ------------------------------------------------------------------------------
    def _merchant(self, principal: Principal, merchant_id: str) -> dict[str, Any]:
        """The merchant's seeded settings, or 404 when it is not one of this partner's merchants."""
        account = self.store.account(merchant_id)
        if account is None or account.extra.get("partner") != principal.account_id:
            raise ApiError(404, "Merchant not found", code="MerchantNotFound")
        return dict(account.extra)

    def _merchants_of(self, partner: str) -> tuple[str, ...]:
        return tuple(account.id for account in self.store.accounts(extra={"partner": partner}))

    def _search(self, query: Filter, page: Mapping[str, Any]) -> tuple[list[StoredObject], dict[str, int]]:
        """One page of the partner's objects, newest first, and the page as the answer states it."""
        limit = int(page.get("limit", DEFAULT_PAGE_LIMIT))
        offset = int(page.get("offset", 0))
        return self.store.find(query, limit=limit, offset=offset), {"limit": limit, "offset": offset}

    @staticmethod
    def _network_fields(predicates: Mapping[str, Any]) -> dict[str, Any]:
        network = predicates.get("network")
        if network is None:
            return {}
        return {"blockchain": tuple(chain for chain, net in NETWORK_OF.items() if net == network)}

    # -- withdrawals --------------------------------------------------------------------------
    @operation("withdraw_now")
    def withdraw_now(self, request: Request, principal: Principal) -> Response:
        merchant_id, currency = request.json["merchantId"], request.json["currency"]
        if currency not in CURRENCIES:  # the spec accepts any code; this emulator knows today's
            raise ApiError(400, f"Unknown currency: {currency}")
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
        fields = self._network_fields(query.get("predicates") or {})
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
                fields=self._network_fields(predicates),
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
        return _schedule_response(period, amount)

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
        return _schedule_response(period, text)

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
            if name_like in _merchant_name(account.id, account.extra).casefold()
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
            "name": _merchant_name(merchant_id, extra),
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
        blockchains = [
            {
                "blockchain": code,
                "apiType": API_TYPE,
                "isActive": chain.active,
                "net": chain.net,
                "nativeAsset": {"code": chain.native, "decimals": NATIVE_DECIMALS},
            }
            for code, chain in BLOCKCHAINS.items()
        ]
        return Response.json(200, {"blockchains": blockchains})

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
        if wallet is None or wallet.get("isOutOfService"):
            return False
        try:
            self.store.debit(merchant_id, blockchain, Decimal(self.options["gas_cost_wei"]), GAS_WALLET)
        except InsufficientFunds:
            return False
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


def _schedule_response(period: str, amount: str) -> Response:
    """The schedule with `unifiedMinAmount` as the exact JSON number it was set to, never via float."""
    marker = "__unified_min_amount__"
    body = json.dumps({"period": period, "unifiedMinAmount": marker}, separators=(",", ":"))
    raw = body.replace(json.dumps(marker), amount).encode()
    return Response(200, raw, {"content-type": "application/json"})  # test mode reads the body, as a client does


def _merchant_name(merchant_id: str, extra: Mapping[str, Any]) -> str:
    return str(extra.get("name") or merchant_id)
