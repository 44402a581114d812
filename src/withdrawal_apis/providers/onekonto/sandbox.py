"""1Konto's business rules for the sandbox emulator (handlers keyed by operationId).

Users and accounts come from the control API: a credential is a user (`key_id` = user id, `secret`
= password, optional `data` with `email`/`name`) whose home account is the seeded account; an
account's `extra.users` opens it to further users, and `extra.name`/`extra.type` describe it. Every
request is checked against the store as it is now: a user deactivated, or removed from an account's
users, is refused at once, whatever token it holds.
Whitelist entries are the destinations: a wallet is `{network, address, data: {asset?}}`; a bank
account is `{network: <ach|fedwire|rtp|cbit>, address: <account number>, data: {routingNumber,
asset?, bankName?, ...}}` (one entry per transfer method the bank account accepts).

Rules: amounts are `"<decimal> <ASSET>"`, read exactly; the asset must be known (`ASSET_PRECISION`,
or the `assets` option), positive, and within the asset's decimal places. A request must name a
whitelisted destination (wallet on the same network, bank account with the same routing number and
method). No fee is charged (1Konto documents none): the amount is locked on create and leaves the
account on `complete`, or is freed on `cancel`/`reject`.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Mapping
from decimal import Decimal
from http import HTTPStatus
from random import Random
from typing import Any, ClassVar

from ...chains import random_tron_address
from ...money import json_number
from ...sandbox import (
    ApiError,
    Lifecycle,
    Operation,
    Principal,
    Problem,
    ProviderSandbox,
    Request,
    Response,
    Transition,
    operation,
    public,
)
from ...sandbox.lifecycle import Effect
from ...sandbox.store import Filter, InsufficientFunds, StoredObject
from ...sandbox.tokens import TokenIssuer, TokenProblem
from .amounts import AssetAmount, format_amount, parse_amount
from .auth import FORBIDDEN, TOKEN_TTL_SECONDS, UNAUTHORIZED, verify_password

KIND = "withdraw_request"
ASSET_PRECISION = {"BTC": 8, "ETH": 18, "USDT": 6, "USDC": 6, "USD": 2, "EUR": 2}
FIAT_ASSETS = frozenset({"USD", "EUR"})
FIAT_METHODS = ("ach", "fedwire", "rtp", "cbit")
INSTRUCTIONS_NOT_FOUND = "The withdraw instructions with the provided ID were not found"
STATUS_SHAPE = "status-error"  # ApiError.shape of a `{"status": <int>, "error": ...}` answer

LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="pending",
    transitions=(
        Transition("complete", frozenset({"pending"}), "completed", Effect.SETTLE, delay=3600),
        Transition("cancel", frozenset({"pending"}), "canceled", Effect.RELEASE),
        Transition("reject", frozenset({"pending"}), "rejected", Effect.RELEASE),
    ),
    happy_path=("complete",),
)

_BANK_FIELDS = frozenset(
    {"bankName", "bankAddress", "bankSwiftNumber", "beneficiaryName", "beneficiaryAddress", "specialInstructions"}
)
_TEXT = {"type": "string", "maxLength": 200}
_ASSET = {"type": "string", "pattern": "^[A-Z0-9]{1,12}$"}
_BANK = {
    "type": "object",
    "required": ["routingNumber"],
    "additionalProperties": False,
    "properties": {"routingNumber": _TEXT, "asset": _ASSET, **dict.fromkeys(sorted(_BANK_FIELDS), _TEXT)},
}
_WALLET = {"type": "object", "additionalProperties": False, "properties": {"asset": _ASSET}}


# -- the two error shapes ---------------------------------------------------------------------
def status_error(status: int, message: str | None = None) -> ApiError:
    """`{"status": <int>, "error": ...}`: authentication, authorization, missing resources, failures."""
    return ApiError(status, message or HTTPStatus(status).phrase, shape=STATUS_SHAPE)


def request_errors(*errors: str, status: int = 400) -> ApiError:
    """`{"errors": [...], "status": "badRequest", "httpStatusCode": 400}`: a refused request."""
    return ApiError(status, "; ".join(errors), details={"errors": list(errors)})


def validation_failed(*problems: str) -> ApiError:
    """One `ValidationFailed: Field: problem. Field: problem` message, as the docs print it."""
    return request_errors("ValidationFailed: " + ". ".join(problems))


def status_word(status: int) -> str:
    """`badRequest`, `failedDependency`: the HTTP reason phrase in camel case, as 1Konto writes it."""
    words = HTTPStatus(status).phrase.replace("-", " ").split()
    return words[0].lower() + "".join(w.capitalize() for w in words[1:])


def field_name(field: tuple[str | int, ...]) -> str:
    """`("amount",)` -> `Amount`, `("instructions", 0)` -> `Instructions[0]`, `()` -> `Body`."""
    if not field:
        return "Body"
    head, *rest = field
    text = str(head)
    return text[:1].upper() + text[1:] + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in rest)


def validation_line(problem: Problem) -> str:
    """A refused request as 1Konto prints it: `ValidationFailed: Field: problem` (never the value sent)."""
    if problem.keyword == "content_type":
        return "ValidationFailed: Content-Type: must be application/json"
    if problem.keyword == "malformed" and problem.location == "body":
        return "ValidationFailed: Body: must be well-formed JSON"
    return f"ValidationFailed: {field_name(problem.field)}: {problem.explain()}"


# -- helpers ----------------------------------------------------------------------------------
def new_request_id() -> str:
    """22 URL-safe base64 characters (16 random bytes), like the docs' `oiJ8s7oh8EqFwwnkZViCGg`."""
    return base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()


def same_address(whitelisted: str, sent: str) -> bool:
    """Exact match, except that `0x` hex addresses compare case-insensitively (EIP-55 is only a checksum)."""
    if whitelisted.startswith("0x") and sent.startswith("0x"):
        return whitelisted.lower() == sent.lower()
    return whitelisted == sent


class Sandbox(ProviderSandbox):
    name = "onekonto"
    lifecycles = (LIFECYCLE,)
    seed_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "extra": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "name": _TEXT,
                    "type": _TEXT,
                    "users": {"type": "array", "items": {"type": "string"}},
                },
            },
            "credentials": {
                "items": {
                    "properties": {
                        "data": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {"email": _TEXT, "name": _TEXT},
                        }
                    }
                }
            },
            "balances": {"propertyNames": _ASSET},
            "wallets": {"maxProperties": 0},
            "whitelist": {
                "items": {
                    "if": {"properties": {"network": {"enum": list(FIAT_METHODS)}}},
                    "then": {"required": ["data"], "properties": {"data": _BANK}},
                    "else": {"properties": {"data": _WALLET}},
                }
            },
        },
    }
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "assets": {
                "type": "object",
                "description": "asset symbol -> decimal places, added to (or overriding) the known assets",
                "propertyNames": _ASSET,
                "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 18},
                "default": ASSET_PRECISION,
            },
            "fiat_assets": {"type": "array", "items": _ASSET, "default": sorted(FIAT_ASSETS)},
        },
    }

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self.tokens = TokenIssuer(self.store, TOKEN_TTL_SECONDS)

    # -- configuration ------------------------------------------------------------------------
    @property
    def precision(self) -> dict[str, int]:
        """Known assets and their decimal places (option `assets` adds or overrides)."""
        return dict(self.options["assets"])

    @property
    def fiat_assets(self) -> frozenset[str]:
        return FIAT_ASSETS | frozenset(self.options["fiat_assets"])

    def timestamp(self) -> str:
        """UTC with seven fractional digits, as 1Konto prints times (`2023-02-21T22:07:38.6325460Z`)."""
        return self.clock.iso(digits=7)

    # -- auth, errors, seeding ----------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        """The user a bearer token proves, acting on the account its path names (authorized next)."""
        scheme, _, token = request.headers.get("authorization", "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise status_error(401, UNAUTHORIZED)
        try:
            claims = self.tokens.verify(token.strip(), self.clock.now())
        except TokenProblem:
            raise status_error(401, UNAUTHORIZED) from None
        user = claims["sub"]
        credential = self.store.credential(user)
        if credential is None or not credential.active:
            raise status_error(401, UNAUTHORIZED)
        account_id = request.path_params.get("accountId", credential.account_id)
        return Principal(account_id=account_id, key_id=user, data={"home": credential.account_id})

    def authorize(self, principal: Principal, operation: Operation, request: Request) -> None:
        if principal.account_id not in self.accounts_of(principal.key_id, principal.data["home"]):
            # Same answer whether or not the account exists: a token is no oracle for other ids.
            raise status_error(403, FORBIDDEN)

    def forbidden(self, message: str) -> ApiError:
        return status_error(403, FORBIDDEN)

    def render_error(self, error: ApiError) -> Response:
        refused_request = error.status == 400 or "errors" in error.details or error.problem is not None
        if error.shape == STATUS_SHAPE or not refused_request:
            message = error.message if error.shape == STATUS_SHAPE else HTTPStatus(error.status).phrase
            return Response.json(error.status, {"status": error.status, "error": message}, error.headers)
        errors = error.details.get("errors") or [self._validation_line(error)]
        body = {"errors": errors, "status": status_word(error.status), "httpStatusCode": error.status}
        return Response.json(error.status, body, error.headers)

    @staticmethod
    def _validation_line(error: ApiError) -> str:
        if error.problem is not None:
            return validation_line(error.problem)
        return f"ValidationFailed: {error.message}"

    def seed_account(self, account: Mapping[str, Any]) -> None:
        """What the schema cannot say: assets known to this emulator, wallets and banks of the right kind."""
        problems = [
            f"unknown asset {asset!r}" for asset in account.get("balances") or {} if asset not in self.precision
        ]
        for entry in account.get("whitelist", []):
            asset = (entry.get("data") or {}).get("asset")
            fiat = entry["network"] in FIAT_METHODS
            if asset is not None and fiat and asset not in self.fiat_assets:
                problems.append(f"bank entry asset {asset!r} is not a fiat currency")
            if asset is not None and not fiat and (asset not in self.precision or asset in self.fiat_assets):
                problems.append(f"wallet asset {asset!r} is not a known blockchain asset")
        if problems:
            raise ApiError(400, "; ".join(problems))

    def demo_seed(self) -> dict[str, Any]:
        bank = {"routingNumber": "012345678", "asset": "USD", "bankName": "My Bank", "beneficiaryName": "Test"}
        return {
            "accounts": [
                {
                    "id": "test123",
                    "credentials": [{"key_id": "trader@1konto.test", "secret": secrets.token_urlsafe(18)}],
                    "balances": {"BTC": "100", "USDC": "5000", "USD": "10000"},
                    "whitelist": [
                        {
                            "network": "bitcoin",
                            "address": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                            "data": {"asset": "BTC"},
                        },
                        {"network": "tron", "address": random_tron_address(Random(1)), "data": {"asset": "USDC"}},
                        {"network": "fedwire", "address": "0123456789", "data": bank},
                        {"network": "ach", "address": "0123456789", "data": bank},
                    ],
                    "extra": {"name": "Test", "type": "client"},
                }
            ]
        }

    # -- authentication -----------------------------------------------------------------------
    @public("login")
    def login(self, request: Request) -> Response:
        user, digest = request.json["user"], request.json["password"]
        credential = self.store.credential(user)
        # Hash something even for an unknown user, so timing does not tell which users exist.
        matches = verify_password(credential.secret if credential else secrets.token_hex(16), digest)
        if credential is None or not matches:
            raise status_error(401, UNAUTHORIZED)
        if not credential.active:
            raise status_error(403, FORBIDDEN)
        token, _ = self.tokens.issue(user, self.clock.now())
        data = credential.data
        body: dict[str, Any] = {"user": user}
        email = data.get("email") or (user if "@" in user else None)
        if email:
            body["email"] = email
        body["token"] = token
        body["name"] = data.get("name") or user
        return Response.json(200, {**body, "status": "ok", "httpStatusCode": 200})

    def accounts_of(self, user: str, home: str) -> list[str]:
        """The user's own account and every account whose `extra.users` names the user, as stored now."""
        shared = [a.id for a in self.store.accounts() if a.id != home and user in (a.extra.get("users") or [])]
        return [home, *shared]

    # -- accounting ---------------------------------------------------------------------------
    @operation("get_account")
    def get_account(self, request: Request, principal: Principal) -> Response:
        stored = self.store.account(principal.account_id)
        extra = stored.extra if stored else {}
        zero = Decimal(0)
        balances = {
            asset: {"free": b.available, "locked": b.frozen, "limit": zero, "pendingDeposit": zero, "available": zero}
            for asset, b in self.store.balances(principal.account_id).items()
        }
        account = {
            "accountId": principal.account_id,
            "type": extra.get("type", "client"),
            "name": extra.get("name", principal.account_id),
            "balances": balances,
            "sources": [],
        }
        return Response.json(200, {"account": account, "status": "ok", "httpStatusCode": 200})

    @operation("get_withdraw_instructions")
    def get_withdraw_instructions(self, request: Request, principal: Principal) -> Response:
        destinations = self.store.destinations(principal.account_id)
        if not destinations:
            raise status_error(404, INSTRUCTIONS_NOT_FOUND)
        instructions = []
        for destination in destinations:
            data = destination.data
            if destination.network in FIAT_METHODS:
                item = {"asset": data.get("asset", "USD"), "assetType": "fiat", "method": destination.network}
                item |= {k: data[k] for k in sorted(_BANK_FIELDS) if k in data}
                item |= {"bankRoutingNumber": data["routingNumber"], "beneficiaryAccountNumber": destination.address}
            else:
                item = {"asset": data["asset"]} if "asset" in data else {}
                item |= {"assetType": "blockchain", "networkType": destination.network, "address": destination.address}
            instructions.append(item)
        body = {"accountId": principal.account_id, "instructions": instructions, "status": "ok", "httpStatusCode": 200}
        return Response.json(200, body)

    # -- withdraw requests --------------------------------------------------------------------
    def _amount(self, text: str, fiat: bool) -> tuple[AssetAmount | None, list[str]]:
        """The parsed amount and the `Field: problem` lines it earns (amount problems before asset ones)."""
        try:
            amount = parse_amount(text)
        except ValueError:
            return None, ["Amount: must be '<decimal> <ASSET>'"]
        amount_problems = [] if amount.value > 0 else ["Amount: must be positive"]
        asset = amount.asset
        places = self.precision.get(asset or "")
        if asset is None:
            asset_problems = ["Asset: required"]
        elif places is None:
            asset_problems = [f"Asset: {asset} is not supported"]
        elif fiat and asset not in self.fiat_assets:
            asset_problems = [f"Asset: {asset} is not a fiat currency"]
        elif not fiat and asset in self.fiat_assets:
            asset_problems = [f"Asset: {asset} is not a blockchain asset"]
        else:
            asset_problems = []
            if amount.decimal_places > places:
                amount_problems.append(f"Amount: {asset} allows at most {places} decimal places")
        return amount, amount_problems + asset_problems

    @operation("create_blockchain_withdraw_request")
    def create_blockchain_withdraw_request(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount, problems = self._amount(body["amount"], fiat=False)
        network, address = body.get("network") or "", body.get("address") or ""
        problems += [f"{name}: required" for name, value in (("Network", network), ("Address", address)) if not value]
        if problems or amount is None or amount.asset is None:
            raise validation_failed(*problems)
        wallets = [
            destination
            for destination in self.store.destinations(principal.account_id)
            if destination.network not in FIAT_METHODS and same_address(destination.address, address)
        ]
        if not wallets:
            raise request_errors(
                f"Destination Not Whitelisted: {address} is not a whitelisted {network} wallet of this account"
            )
        wallet = next((destination for destination in wallets if destination.network == network), None)
        if wallet is None:
            networks = ", ".join(sorted(destination.network for destination in wallets))
            raise request_errors(f"Network Mismatch: {address} is whitelisted on {networks}, not {network}")
        only = wallet.data.get("asset")
        if only and only != amount.asset:
            raise request_errors(f"Asset Not Supported: {address} on {network} receives {only} only")
        record = {"type": "blockchain", "network": network, "address": wallet.address}
        return self._submit(principal, amount, record, body.get("instructions") or [])

    @operation("create_fiat_withdraw_request")
    def create_fiat_withdraw_request(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount, problems = self._amount(body["amount"], fiat=True)
        method = body["type"]
        routing, number = body.get("routingNumber") or "", body.get("accountNumber") or ""
        fields = (
            ("Type", "" if method == "undefined" else method),
            ("RoutingNumber", routing),
            ("AccountNumber", number),
        )
        problems += [f"{name}: required" for name, value in fields if not value]
        if problems or amount is None or amount.asset is None:
            raise validation_failed(*problems)
        banks = [
            destination
            for destination in self.store.destinations(principal.account_id)
            if destination.network in FIAT_METHODS
            and destination.address == number
            and destination.data.get("routingNumber") == routing
        ]
        masked = f"ending {number[-4:]}" if len(number) > 4 else number
        if not banks:
            raise request_errors(
                f"Destination Not Whitelisted: bank account {masked} at routing number {routing} "
                "is not a whitelisted bank account of this account"
            )
        bank = next((destination for destination in banks if destination.network == method), None)
        if bank is None:
            methods = ", ".join(sorted(destination.network for destination in banks))
            raise request_errors(
                f"Method Not Available: bank account {masked} is whitelisted for {methods}, not {method}"
            )
        currency = bank.data.get("asset", "USD")
        if currency != amount.asset:
            raise request_errors(f"Asset Not Supported: bank account {masked} receives {currency} only")
        record = {"type": method, "routingNumber": routing, "accountNumber": number}
        return self._submit(principal, amount, record, body.get("instructions") or [])

    def _submit(self, principal: Principal, amount: AssetAmount, fields: dict[str, Any], notes: list[str]) -> Response:
        """Lock the amount and store the request, in one transaction."""
        asset = amount.asset
        assert asset is not None
        request_id = new_request_id()
        now = self.timestamp()
        record = {
            "withdrawRequestId": request_id,
            "accountId": principal.account_id,
            **fields,
            "amount": format_amount(amount.value, asset),
            "instructions": notes,
            "requestStatus": LIFECYCLE.initial,
            "submittedAt": now,
            "updatedAt": now,
        }
        hold = amount.value
        with self.store.transaction():
            try:
                self.store.freeze(principal.account_id, asset, hold)
            except InsufficientFunds as short:
                raise request_errors(
                    f"Insufficient Funds: Requested {json_number(amount.value)} {asset} "
                    f"but only {json_number(short.available)} {asset} is available"
                ) from None
            obj = self.store.insert_object(
                KIND, request_id, principal.account_id, LIFECYCLE.initial, record, asset=asset, hold=hold
            )
            self.engine.schedule_happy_path(obj)
        created = {
            "withdrawRequestId": request_id,
            "requestStatus": LIFECYCLE.initial,
            "status": "ok",
            "httpStatusCode": 200,
        }
        return Response.json(200, created)

    @operation("list_withdraw_requests")
    def list_withdraw_requests(self, request: Request, principal: Principal) -> Response:
        params = request.params
        fields: dict[str, Any] = {name: params[name] for name in ("network", "type") if name in params}
        asset, hold = None, None
        if "amount" in params:
            wanted = parse_amount(params["amount"])
            asset, hold = wanted.asset, wanted.value
        query = Filter(
            KIND,
            owners=(principal.account_id,),
            statuses=(params["status"],) if "status" in params else None,
            ids=(params["withdrawRequestId"],) if "withdrawRequestId" in params else None,
            asset=asset,
            hold=hold,
            fields=fields,
        )
        found = self.store.find(query, limit=params["max"])
        body = {"withdrawRequests": [obj.body for obj in found], "status": "ok", "httpStatusCode": 200}
        return Response.json(200, body)

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(
        self, obj: StoredObject, transition: Transition, body: dict[str, Any], private: dict[str, Any]
    ) -> None:
        body["requestStatus"] = transition.target
        body["updatedAt"] = self.timestamp()
