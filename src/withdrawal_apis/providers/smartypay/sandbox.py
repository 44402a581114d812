"""SmartyPay's business rules for the sandbox emulator (handlers keyed by operationId).

The model, with the parts the provider does not document marked as our reading:

- A partner (the store account that holds the API keys) manages merchants. A merchant is a store
  account seeded with `extra: {"partner": ..., "destinationAddress": "0x..."}` (its confirmed
  address), optional `name`, `isKYBFinished`, `gasWallets` and past `withdrawals` (terminal ones,
  `{"id", "currency", "value", "status"}`). Its token balances are store
  balances keyed by currency code; a gas wallet's native balance (in wei) is the store balance
  `gas:<Blockchain>`.
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

The engine runs one lifecycle (the withdrawal's); the intent side lives here, driven by
`run_due`, which this provider installs in front of the engine's (see docs/notes/smartypay.md,
engine requests).
"""

from __future__ import annotations

import json
import re
import secrets
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar

from ...money import format_decimal
from ...sandbox.addresses import is_valid_ethereum_address
from ...sandbox.engine import Engine, Principal, ProviderSandbox
from ...sandbox.http import ApiError, Request, Response
from ...sandbox.lifecycle import AdvancePolicy, Effect, Lifecycle, Transition
from ...sandbox.store import MONEY, InsufficientFunds, StoredObject
from . import auth
from .currencies import CURRENCIES

WITHDRAWAL, INTENT, SCHEDULE = "withdrawal", "intent", "schedule"

NETWORK_OF = {
    "BinanceMainNet": "MainNet",
    "BinanceTestNet": "TestNet",
    "PolygonMainNet": "MainNet",
    "PolygonMumbaiNet": "TestNet",
    "ArbitrumMainNet": "MainNet",
    "ArbitrumSepolia": "TestNet",
    "EthereumMainNet": "MainNet",
    "EthereumSepolia": "TestNet",
}

DEFAULT_SLOT_SECONDS = 300
DEFAULT_GAS_COST_WEI = 500_000_000_000_000  # 0.0005 of the native token per sweep (our assumption)
DEFAULT_PAGE_LIMIT = 20
# The store computes money in a fixed-precision Decimal context that refuses to round: a seeded
# amount must leave room for its token's decimals within that precision.
SIGNIFICANT_DIGITS = MONEY.prec
_ID_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_MIN_AMOUNT_ERROR = re.compile(r"^invalid request body at unifiedMinAmount\b")

_ERROR_CODES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    409: "Conflict",
    429: "TooManyRequests",
    500: "InternalServerError",
    502: "BadGateway",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}

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
)


def new_id() -> str:
    """A 22-character identifier shaped like the provider's (`SxzNzHmWUsESHzYCqdFzw1`)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(22))


def iso_micro(at: float) -> str:
    """`2023-12-15T20:08:16.640232Z`: UTC with microseconds, as the provider prints `processAt`."""
    return datetime.fromtimestamp(at, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def public(body: dict[str, Any]) -> dict[str, Any]:
    """The object as sent: internal bookkeeping keys start with `_`."""
    return {key: value for key, value in body.items() if not key.startswith("_")}


def request_uri(request: Request) -> str:
    """The request target exactly as the client sent it: the raw path plus `?query` when present."""
    uri = request.raw_path.decode("latin-1")
    return f"{uri}?{request.query_string.decode('latin-1')}" if request.query_string else uri


def period_start(period: str, at: float) -> float | None:
    """The most recent first instant (UTC) of the week or month at `at`; None for `NotSet`."""
    moment = datetime.fromtimestamp(at, tz=UTC)
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "FirstDayOfWeek":
        return (midnight - timedelta(days=midnight.weekday())).timestamp()
    if period == "FirstDayOfMonth":
        return midnight.replace(day=1).timestamp()
    return None


class Sandbox(ProviderSandbox):
    name = "smartypay"
    lifecycle: ClassVar[Lifecycle | None] = LIFECYCLE
    rate_limit = (0, 1.0)  # the provider documents no rate limit

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        # Provider-side stand-in for an engine hook (see the module docstring): intents and
        # schedules are processed wherever the engine applies due transitions.
        self._engine_run_due = engine.run_due
        engine.run_due = self.run_due  # type: ignore[method-assign]

    # -- auth, errors -------------------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(
                request.headers,
                request.method,
                request_uri(request),
                request.body,
                self.store.credential,
                now=time.time(),
            )
        except auth.AuthError as error:
            raise ApiError(error.status, error.message, code=error.code) from None
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def render_error(self, error: ApiError) -> Response:
        code = error.code if isinstance(error.code, str) else _ERROR_CODES.get(error.status, "Error")
        if error.code is None and error.status == 400 and _MIN_AMOUNT_ERROR.match(error.message):
            code = "UnifiedMinAmountInvalid"  # the documented code for a bad schedule amount
        body = {"status": error.status, "code": code, "message": error.message}
        return Response.json(error.status, body, error.headers)

    # -- seeding ------------------------------------------------------------------------------
    def seed_account(self, account: dict[str, Any]) -> None:
        extra = account.get("extra") or {}
        if "partner" not in extra:
            unknown = set(extra) - {"name"}
            if unknown or account.get("balances"):
                raise ApiError(400, "a partner account takes only extra.name; merchants need extra.partner")
            return
        _check_merchant(account)
        for wallet in extra.get("gasWallets") or []:
            gas = Decimal(str(wallet["nativeBalance"]))
            self.store.set_balance(account["id"], f"gas:{wallet['blockchain']}", gas)
        for past in extra.get("withdrawals") or []:
            self._seed_withdrawal(account["id"], extra["destinationAddress"], past)

    def _seed_withdrawal(self, merchant_id: str, address: str, past: dict[str, Any]) -> None:
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

    def demo_seed(self) -> dict[str, Any]:
        gas = "254803120000000000"
        wallets = [
            {"blockchain": chain, "address": address, "nativeBalance": gas}
            for chain, address in (
                ("BinanceMainNet", "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753"),
                ("BinanceTestNet", "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753"),
                ("PolygonMainNet", "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753"),
            )
        ]
        return {
            "accounts": [
                {
                    "id": "demo-partner",
                    "credentials": [{"key_id": "TVs1OAkZXCZ0Azk0Qd9rFMxIYKVlLSUg", "secret": secrets.token_hex(32)}],
                    "extra": {"name": "Demo PSP"},
                },
                {
                    "id": "FdDQBuaqXoReYAxf9VtEBq",
                    "balances": {"bUSDT": "998", "pUSDC": "3015", "btUSDTv2": "150"},
                    "extra": {
                        "partner": "demo-partner",
                        "name": "Tesla Corporation",
                        "isKYBFinished": True,
                        "destinationAddress": "0x7aa002968e2B68b4803cbE15DdfdEe1488550180",
                        "gasWallets": wallets,
                    },
                },
                {
                    "id": "9xBoSUdGWeiAzMn5VHBvMB",
                    "balances": {"btUSDTv2": "10"},
                    "extra": {
                        "partner": "demo-partner",
                        "name": "Merchant without a gas wallet",
                        "destinationAddress": "0x5888455503193e5C6ea7AC1f232Ac7d6665f55fd",
                    },
                },
            ]
        }

    # -- configuration ------------------------------------------------------------------------
    @property
    def slot_seconds(self) -> float:
        return float(self.engine.config.options.get("slot_seconds", DEFAULT_SLOT_SECONDS))

    @property
    def gas_cost(self) -> Decimal:
        return Decimal(str(self.engine.config.options.get("gas_cost_wei", DEFAULT_GAS_COST_WEI)))

    # -- lookups ------------------------------------------------------------------------------
    def _merchant(self, principal: Principal | None, merchant_id: str) -> dict[str, Any]:
        """The merchant's seeded settings, or 404 when it is not one of this partner's merchants."""
        assert principal is not None
        account = self.store.account(merchant_id)
        extra = (account or {}).get("extra") or {}
        if extra.get("partner") != principal.account_id:
            raise ApiError(404, "Merchant not found", code="MerchantNotFound")
        return dict(extra)

    def _search(
        self, kind: str, partner: str, clauses: list[tuple[str, tuple[Any, ...]]], page: dict[str, Any]
    ) -> dict[str, Any]:
        """One page of `kind` objects of the partner's merchants, newest first, clauses AND-ed.

        Provider-side stand-in for a store query across several owners (see the engine requests).
        """
        limit = int(page.get("limit", DEFAULT_PAGE_LIMIT))
        offset = int(page.get("offset", 0))
        where = ["kind = ?", "account_id IN (SELECT id FROM accounts WHERE json_extract(data, '$.extra.partner') = ?)"]
        args: list[Any] = [kind, partner]
        for clause, values in clauses:
            where.append(clause)
            args.extend(values)
        # Every clause is fixed text from this module; values go through placeholders.
        sql = f"SELECT body FROM objects WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT ? OFFSET ?"  # noqa: S608
        rows = self.store.db.execute(sql, (*args, limit, offset)).fetchall()
        return {"list": [json.loads(row["body"]) for row in rows], "page": {"limit": limit, "offset": offset}}

    @staticmethod
    def _network_clause(predicates: dict[str, Any]) -> list[tuple[str, tuple[Any, ...]]]:
        network = predicates.get("network")
        if network is None:
            return []
        chains = tuple(chain for chain, net in NETWORK_OF.items() if net == network)
        marks = ", ".join("?" for _ in chains)
        return [(f"json_extract(body, '$.blockchain') IN ({marks})", chains)]

    # -- withdrawals --------------------------------------------------------------------------
    def withdraw_now(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        merchant_id, currency = request.json["merchantId"], request.json["currency"]
        self._merchant(principal, merchant_id)
        with self.store.transaction():
            intent = self._pending_intent(merchant_id, currency)
            if intent is None:
                intent = self._create_intent(merchant_id, currency)
        return Response.json(200, {"intent": public(intent.body), "merchantId": merchant_id})

    def _pending_intent(self, merchant_id: str, currency: str) -> StoredObject | None:
        row = self.store.db.execute(
            "SELECT id FROM objects WHERE kind = ? AND account_id = ? AND asset = ? AND status = 'Pending' "
            "ORDER BY seq LIMIT 1",
            (INTENT, merchant_id, currency),
        ).fetchone()
        return self.store.get_object(INTENT, row["id"]) if row else None

    def _create_intent(self, merchant_id: str, currency: str, not_before: float | None = None) -> StoredObject:
        now = self.clock.now() if not_before is None else not_before
        if self.engine.advance is AdvancePolicy.INSTANT:
            due = now
        else:
            due = (int(now // self.slot_seconds) + 1) * self.slot_seconds
        intent_id = new_id()
        body = {
            "blockchain": CURRENCIES[currency].blockchain,
            "currency": currency,
            "id": intent_id,
            "processAt": iso_micro(due),
            "status": "Pending",
            "_due": due,
        }
        return self.store.insert_object(INTENT, intent_id, merchant_id, "Pending", body, asset=currency)

    def search_withdrawals(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        query = request.json or {}
        clauses = self._network_clause(query.get("predicates") or {})
        found = self._search(WITHDRAWAL, principal.account_id, clauses, query.get("page") or {})
        found["list"] = [public(body) for body in found["list"]]
        return Response.json(200, found)

    def get_withdrawal(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        obj = self.store.get_object(WITHDRAWAL, request.params["id"])
        owner = self.store.account(obj.account_id) if obj else None
        if obj is None or ((owner or {}).get("extra") or {}).get("partner") != principal.account_id:
            raise ApiError(404, "Withdrawal not found", code="WithdrawalNotFound")
        return Response.json(200, public(obj.body))

    def search_withdrawal_intents(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        query = request.json or {}
        predicates = query.get("predicates") or {}
        clauses = self._network_clause(predicates)
        if "status" in predicates:
            clauses.append(("status = ?", (predicates["status"],)))
        found = self._search(INTENT, principal.account_id, clauses, query.get("page") or {})
        # The object table says `currency`, the search example says `asset`: send both.
        found["list"] = [{**public(body), "asset": body["currency"]} for body in found["list"]]
        return Response.json(200, found)

    # -- schedule -----------------------------------------------------------------------------
    def get_withdrawal_schedule(self, request: Request, principal: Principal | None) -> Response:
        merchant_id = request.params["merchantId"]
        self._merchant(principal, merchant_id)
        stored = self.store.get_object(SCHEDULE, merchant_id)
        period, amount = (stored.body["period"], stored.body["unifiedMinAmount"]) if stored else ("NotSet", "0")
        return _schedule_response(period, amount)

    def update_withdrawal_schedule(self, request: Request, principal: Principal | None) -> Response:
        merchant_id = request.params["merchantId"]
        self._merchant(principal, merchant_id)
        exact = request.json_exact()  # the amount as an exact Decimal, never via float
        amount = exact["unifiedMinAmount"]
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount < 0:
            raise ApiError(400, "Unified minimum amount of tokens has invalid value", code="UnifiedMinAmountInvalid")
        text = format_decimal(amount if amount else Decimal(0))
        period = request.json["period"]
        body = {"period": period, "unifiedMinAmount": text, "_checkedAt": self.clock.now()}
        with self.store.transaction():
            stored = self.store.get_object(SCHEDULE, merchant_id)
            if stored is None:
                self.store.insert_object(SCHEDULE, merchant_id, merchant_id, period, body)
            else:
                self.store.update_object(stored, period, body)
        return _schedule_response(period, text)

    # -- merchants ----------------------------------------------------------------------------
    def get_merchant_balance(self, request: Request, principal: Principal | None) -> Response:
        merchant_id = request.params["merchantId"]
        self._merchant(principal, merchant_id)
        balances = [
            {"value": format_decimal(balance.available), "currency": asset}
            for asset, balance in self.store.balances(merchant_id).items()
            if asset in CURRENCIES and balance.available > 0
        ]
        return Response.json(200, {"balances": balances})

    def get_merchant_gas_wallets(self, request: Request, principal: Principal | None) -> Response:
        merchant_id = request.params["merchantId"]
        extra = self._merchant(principal, merchant_id)
        wallets = [
            {
                "address": wallet["address"],
                "blockchain": wallet["blockchain"],
                "isOutOfService": bool(wallet.get("isOutOfService", False)),
                "nativeBalance": str(int(self.store.balance(merchant_id, f"gas:{wallet['blockchain']}").available)),
            }
            for wallet in extra.get("gasWallets") or []
        ]
        return Response.json(200, {"gasWallets": wallets})

    # -- the processing slot ------------------------------------------------------------------
    def run_due(self) -> int:
        """Scheduled sweeps and due intents first, then the engine's due withdrawal transitions."""
        processed = self._run_schedules() + self._process_due_intents()
        return processed + self._engine_run_due()

    def _process_due_intents(self) -> int:
        now = self.clock.now()
        rows = self.store.db.execute(
            "SELECT id, body FROM objects WHERE kind = ? AND status = 'Pending' ORDER BY seq", (INTENT,)
        ).fetchall()
        due = [row["id"] for row in rows if float(json.loads(row["body"])["_due"]) <= now]
        for intent_id in due:
            self._process_intent(intent_id)
        return len(due)

    def _process_intent(self, intent_id: str) -> None:
        """Sweep the whole available balance of the intent's currency into one withdrawal."""
        with self.store.transaction():
            intent = self.store.get_object(INTENT, intent_id)
            if intent is None or intent.status != "Pending":
                return  # another round got here first
            merchant_id, currency = intent.account_id, intent.asset
            blockchain = CURRENCIES[currency].blockchain
            available = self.store.balance(merchant_id, currency).available
            if available <= 0:
                self._finish_intent(intent, "Succeeded")  # nothing accumulated: nothing to sweep
                return
            extra = (self.store.account(merchant_id) or {}).get("extra") or {}
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
                self._finish_intent(intent, "Succeeded")
                self.engine.schedule_happy_path(withdrawal)
            else:
                self.engine.transition(withdrawal, "fail")
                self._finish_intent(intent, "Failed")

    def _pay_gas(self, merchant_id: str, blockchain: str, extra: dict[str, Any]) -> bool:
        """Charge one sweep's network fee to the blockchain's gas wallet; False if it cannot pay."""
        wallet = next((w for w in extra.get("gasWallets") or [] if w["blockchain"] == blockchain), None)
        if wallet is None or wallet.get("isOutOfService"):
            return False
        asset = f"gas:{blockchain}"
        try:
            self.store.freeze(merchant_id, asset, self.gas_cost)
        except InsufficientFunds:
            return False
        self.store.settle(merchant_id, asset, self.gas_cost)
        return True

    def _finish_intent(self, intent: StoredObject, status: str) -> None:
        self.store.update_object(intent, status, {**intent.body, "status": status})

    def _run_schedules(self) -> int:
        """At each week or month start, an intent for every currency at or above the schedule's minimum."""
        now = self.clock.now()
        created = 0
        for row in self.store.db.execute("SELECT id FROM objects WHERE kind = ? ORDER BY seq", (SCHEDULE,)).fetchall():
            with self.store.transaction():
                schedule = self.store.get_object(SCHEDULE, row["id"])
                if schedule is None:
                    continue
                boundary = period_start(schedule.body["period"], now)
                if boundary is None or boundary <= float(schedule.body["_checkedAt"]):
                    continue
                minimum = Decimal(schedule.body["unifiedMinAmount"])
                for asset, balance in self.store.balances(schedule.id).items():
                    due = asset in CURRENCIES and balance.available > 0 and balance.available >= minimum
                    if due and self._pending_intent(schedule.id, asset) is None:
                        self._create_intent(schedule.id, asset, not_before=boundary)
                        created += 1
                self.store.update_object(schedule, schedule.status, {**schedule.body, "_checkedAt": now})
        return created

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(self, obj: StoredObject, transition: Transition, body: dict[str, Any]) -> dict[str, Any]:
        body["status"] = transition.target
        if transition.name == "resume" and self.engine.advance is not AdvancePolicy.MANUAL:
            self._schedule(obj, "finish")
        return body

    def _schedule(self, obj: StoredObject, name: str) -> None:
        """Queue one named transition after its delay (provider-side; see the engine requests)."""
        step = LIFECYCLE.transition(name)
        assert step is not None
        delay = step.delay if self.engine.advance is AdvancePolicy.REALISTIC else 0.0
        self.store.db.execute(
            "INSERT OR REPLACE INTO schedule (kind, object_id, transition, due_at) VALUES (?, ?, ?, ?)",
            (obj.kind, obj.id, name, self.clock.now() + delay),
        )


def _schedule_response(period: str, amount: str) -> Response:
    """The schedule with `unifiedMinAmount` as the exact JSON number it was set to, never via float."""
    marker = "__unified_min_amount__"
    body = json.dumps({"period": period, "unifiedMinAmount": marker}, separators=(",", ":"))
    value = Decimal(amount)
    data = {"period": period, "unifiedMinAmount": int(value) if value == value.to_integral_value() else float(value)}
    raw = body.replace(json.dumps(marker), amount).encode()
    return Response(200, raw, {"content-type": "application/json"}, data)


def _check_merchant(account: dict[str, Any]) -> None:
    """Refuse a merchant seed the model cannot serve, with a message naming the problem."""
    extra = account["extra"]
    unknown = set(extra) - {"partner", "name", "destinationAddress", "isKYBFinished", "gasWallets", "withdrawals"}
    if unknown:
        raise ApiError(400, f"unknown merchant settings: {', '.join(sorted(unknown))}")
    if account.get("credentials"):
        raise ApiError(400, "API keys belong to the partner account, not to a merchant")
    if not is_valid_ethereum_address(extra.get("destinationAddress")):
        raise ApiError(400, "a merchant needs extra.destinationAddress, its confirmed EVM address (EIP-55)")
    for asset, amount in (account.get("balances") or {}).items():
        if asset not in CURRENCIES:
            raise ApiError(400, f"unknown currency {asset!r}; known: {', '.join(CURRENCIES)}")
        decimals = CURRENCIES[asset].decimals
        value = Decimal(amount)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > decimals:
            raise ApiError(400, f"{asset} has {decimals} decimals; {amount} has more")
        if value and value.adjusted() + 1 + decimals > SIGNIFICANT_DIGITS:
            raise ApiError(400, f"{asset} balances need at most {SIGNIFICANT_DIGITS - decimals} integer digits")
    for past in extra.get("withdrawals") or []:
        if not isinstance(past, dict) or past.get("currency") not in CURRENCIES:
            raise ApiError(400, "a past withdrawal needs a known currency")
        if past.get("status") not in LIFECYCLE.terminal:
            raise ApiError(400, f"a past withdrawal is {', '.join(sorted(LIFECYCLE.terminal))}")
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", str(past.get("value", ""))):
            raise ApiError(400, "a past withdrawal's value is a decimal string")
        if "id" in past and not re.fullmatch(r"[0-9A-Za-z]{1,64}", str(past["id"])):
            raise ApiError(400, "a past withdrawal's id is alphanumeric")
    chains = []
    for wallet in extra.get("gasWallets") or []:
        if not isinstance(wallet, dict) or wallet.get("blockchain") not in NETWORK_OF:
            raise ApiError(400, f"a gas wallet needs a blockchain, one of {', '.join(NETWORK_OF)}")
        if not is_valid_ethereum_address(wallet.get("address")):
            raise ApiError(400, "a gas wallet needs an EIP-55 address")
        if not re.fullmatch(rf"[0-9]{{1,{SIGNIFICANT_DIGITS}}}", str(wallet.get("nativeBalance", ""))):
            raise ApiError(
                400, f"a gas wallet's nativeBalance is an integer string in wei, {SIGNIFICANT_DIGITS} digits at most"
            )
        chains.append(wallet["blockchain"])
    if len(chains) != len(set(chains)):
        raise ApiError(400, "one gas wallet per blockchain")
