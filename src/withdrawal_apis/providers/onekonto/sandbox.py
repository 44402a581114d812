"""1Konto's business rules for the sandbox emulator (handlers keyed by operationId).

Users and accounts come from the control API: a credential is a user (`key_id` = user id, `secret`
= password, optional `data` with `email`/`name`) whose home account is the seeded account; an
account's `extra.users` opens it to further users, and `extra.name`/`extra.type` describe it.
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
import json
import re
import secrets
import time
from datetime import UTC, datetime
from decimal import Decimal
from http import HTTPStatus
from random import Random
from typing import Any, ClassVar, TypeGuard

from ...chains import random_tron_address
from ...money import json_number
from ...sandbox.engine import Engine, Principal, ProviderSandbox
from ...sandbox.http import ApiError, Request, Response
from ...sandbox.lifecycle import Effect, Lifecycle, Transition
from ...sandbox.store import InsufficientFunds, StoredObject
from ...sandbox.tokens import TokenIssuer, TokenProblem
from .amounts import AssetAmount, format_amount, parse_amount
from .auth import FORBIDDEN, TOKEN_TTL_SECONDS, UNAUTHORIZED, verify_password

KIND = "withdraw_request"
ASSET_PRECISION = {"BTC": 8, "ETH": 18, "USDT": 6, "USDC": 6, "USD": 2, "EUR": 2}
FIAT_ASSETS = frozenset({"USD", "EUR"})
FIAT_METHODS = ("ach", "fedwire", "rtp", "cbit")
INSTRUCTIONS_NOT_FOUND = "The withdraw instructions with the provided ID were not found"
STATUS_SHAPE = "status-error"  # ApiError.code marking a `{"status": <int>, "error": ...}` answer

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


# -- the two error shapes ---------------------------------------------------------------------
def status_error(status: int, message: str | None = None) -> ApiError:
    """`{"status": <int>, "error": ...}`: authentication, authorization, missing resources, failures."""
    return ApiError(status, message or HTTPStatus(status).phrase, code=STATUS_SHAPE)


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


# -- validation messages from the engine's router, in 1Konto's style and without echoed values ------
# The router reports the first JSON-schema error as text that quotes the offending value. 1Konto's
# style is `Field: problem`, and quoting values could put a password in an error body, so the
# message is rebuilt from the field and the schema side of the error only. See the notes' engine
# requests: a structured validation error would make this parsing unnecessary.
_MISSING = re.compile(r"missing required \w+ parameter: (?P<field>.+)")
_BAD_PARAMETER = re.compile(r"invalid \w+ parameter (?P<name>[^\s:]+)(?: at (?P<at>.+?))?: (?P<problem>.*)", re.S)
_BAD_BODY = re.compile(r"invalid request body(?: at (?P<at>.+?))?: (?P<problem>.*)", re.S)
_REQUIRED_PROPERTY = re.compile(r'"(?P<name>[^"]+)" is a required property')
_UNEXPECTED = re.compile(r"Additional properties are not allowed \((?P<names>.*) (?:was|were) unexpected\)", re.S)
_REASONS = (
    (" is not of type ", "must be of type "),
    (" does not match ", "must match "),
    (" is longer than ", "must be at most "),
    (" is shorter than ", "must be at least "),
    (" is not one of ", "must be one of "),
    (" is less than the minimum of ", "must be at least "),
    (" is greater than the maximum of ", "must be at most "),
    (" is less than or equal to the minimum of ", "must be greater than "),
    (" is greater than or equal to the maximum of ", "must be less than "),
    (" has more than ", "must have at most "),
    (" has less than ", "must have at least "),
)


def field_name(path: str) -> str:
    """`amount` -> `Amount`, `instructions/0` -> `Instructions[0]`, `` -> `Body`."""
    if not path:
        return "Body"
    head, *rest = path.split("/")
    return head[:1].upper() + head[1:] + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in rest)


def _reason(problem: str) -> str:
    """The schema side of a JSON-schema message; the quoted value in front of it is dropped."""
    found = max(((problem.rfind(phrase), phrase, text) for phrase, text in _REASONS), default=(-1, "", ""))
    position, phrase, text = found
    if position < 0:
        return "is invalid"
    return text + problem[position + len(phrase) :].strip()


def router_message(message: str) -> str:
    """A 400 raised by the engine's router, as a 1Konto `ValidationFailed` line."""
    if (m := _MISSING.fullmatch(message)) is not None:
        return f"ValidationFailed: {field_name(m['field'])}: required"
    if (m := _BAD_PARAMETER.fullmatch(message)) or (m := _BAD_BODY.fullmatch(message)):
        name = m.groupdict().get("name")
        at = m["at"] or ""
        path = "/".join(filter(None, [name or "", at])) if name else at
        problem = m["problem"]
        if (required := _REQUIRED_PROPERTY.fullmatch(problem)) is not None:
            return f"ValidationFailed: {field_name('/'.join(filter(None, [path, required['name']])))}: required"
        if (unexpected := _UNEXPECTED.fullmatch(problem)) is not None:
            return f"ValidationFailed: {field_name(path)}: unexpected fields {unexpected['names']}"
        if problem.startswith("not an ") or problem.startswith("not a "):  # the router's own parameter typing
            return f"ValidationFailed: {field_name(path)}: must be {problem[4:]}"
        return f"ValidationFailed: {field_name(path)}: {_reason(problem)}"
    if message == "request body is required":
        return "ValidationFailed: Body: required"
    if message.startswith("content type must be"):
        return "ValidationFailed: Content-Type: must be application/json"
    if message.startswith("malformed JSON body"):
        return "ValidationFailed: Body: must be well-formed JSON"
    if message.startswith("request body larger than"):
        return f"ValidationFailed: Body: {message[len('request body ') :]}"
    return f"ValidationFailed: {message}"


# -- helpers ----------------------------------------------------------------------------------
def new_request_id() -> str:
    """22 URL-safe base64 characters (16 random bytes), like the docs' `oiJ8s7oh8EqFwwnkZViCGg`."""
    return base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()


def hold_of(value: Decimal) -> Decimal:
    """The amount as held in the store: normalised (`1.50` -> `1.5`), so the `amount` filter can compare text."""
    return Decimal(json_number(value))


def same_address(whitelisted: str, sent: str) -> bool:
    """Exact match, except that `0x` hex addresses compare case-insensitively (EIP-55 is only a checksum)."""
    if whitelisted.startswith("0x") and sent.startswith("0x"):
        return whitelisted.lower() == sent.lower()
    return whitelisted == sent


def _strings(value: Any) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


class Sandbox(ProviderSandbox):
    name = "onekonto"
    lifecycle: ClassVar[Lifecycle | None] = LIFECYCLE
    public_operations: ClassVar[frozenset[str]] = frozenset({"login"})

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.tokens = TokenIssuer(self.store, TOKEN_TTL_SECONDS)

    # -- configuration ------------------------------------------------------------------------
    @property
    def precision(self) -> dict[str, int]:
        """Known assets and their decimal places (option `assets` adds or overrides)."""
        return {**ASSET_PRECISION, **{str(k): int(v) for k, v in self.engine.config.options.get("assets", {}).items()}}

    @property
    def fiat_assets(self) -> frozenset[str]:
        return FIAT_ASSETS | frozenset(self.engine.config.options.get("fiat_assets", ()))

    def timestamp(self) -> str:
        """UTC with seven fractional digits, as 1Konto prints times (`2023-02-21T22:07:38.6325460Z`)."""
        moment = datetime.fromtimestamp(self.clock.now(), tz=UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}0Z"

    # -- auth, errors, seeding ----------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        scheme, _, token = request.headers.get("authorization", "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise status_error(401, UNAUTHORIZED)
        try:
            claims = self.tokens.verify(token.strip(), time.time())
        except TokenProblem:
            raise status_error(401, UNAUTHORIZED) from None
        user = claims["sub"]
        credential = self.store.credential(user)
        claimed = claims.get("accounts")
        accounts: list[str] = claimed if _strings(claimed) else []
        if credential is None or not credential.active or not accounts:
            raise status_error(401, UNAUTHORIZED)
        account_id = request.path_params.get("accountId", credential.account_id)
        if account_id not in accounts:
            # Same answer whether or not the account exists: a token is no oracle for other ids.
            raise status_error(403, FORBIDDEN)
        return Principal(account_id=account_id, key_id=user)

    def render_error(self, error: ApiError) -> Response:
        if "errors" in error.details or (error.status == 400 and error.code != STATUS_SHAPE):
            errors = error.details.get("errors") or [router_message(error.message)]
            body: dict[str, Any] = {
                "errors": errors,
                "status": status_word(error.status),
                "httpStatusCode": error.status,
            }
        else:
            message = error.message if error.code == STATUS_SHAPE else HTTPStatus(error.status).phrase
            body = {"status": error.status, "error": message}
        return Response.json(error.status, body, error.headers)

    def seed_account(self, account: dict[str, Any]) -> None:
        problems: list[str] = []
        extra = account.get("extra") or {}
        for key, value in extra.items():
            if key in ("name", "type") and not isinstance(value, str):
                problems.append(f"extra.{key} must be a string")
            elif key == "users" and not _strings(value):
                problems.append("extra.users must be a list of user ids")
            elif key not in ("name", "type", "users"):
                problems.append(f"unknown extra setting {key!r} (known: name, type, users)")
        for credential in account.get("credentials", []):
            for key, value in (credential.get("data") or {}).items():
                if key not in ("email", "name") or not isinstance(value, str):
                    problems.append(f"credential data takes string email and name only, not {key!r}")
        known = self.precision
        problems += [f"unknown asset {asset!r}" for asset in account.get("balances") or {} if asset not in known]
        for entry in account.get("whitelist", []):
            problems += self._destination_problems(entry["network"], entry.get("data") or {})
        if problems:
            raise ApiError(400, "; ".join(problems))

    def _destination_problems(self, network: str, data: dict[str, Any]) -> list[str]:
        asset = data.get("asset")
        if network in FIAT_METHODS:
            problems = (
                [] if isinstance(data.get("routingNumber"), str) else [f"{network} bank entry needs routingNumber"]
            )
            problems += [
                f"bank entry data {k!r} must be a string" for k in _BANK_FIELDS if not isinstance(data.get(k, ""), str)
            ]
            problems += [
                f"unknown bank entry field {k!r}" for k in data if k not in _BANK_FIELDS | {"routingNumber", "asset"}
            ]
            if asset is not None and asset not in self.fiat_assets:
                problems.append(f"bank entry asset {asset!r} is not a fiat currency")
            return problems
        problems = [f"unknown wallet entry field {k!r} (wallets take asset only)" for k in data if k != "asset"]
        if asset is not None and (asset not in self.precision or asset in self.fiat_assets):
            problems.append(f"wallet asset {asset!r} is not a known blockchain asset")
        return problems

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
    def login(self, request: Request, principal: Principal | None) -> Response:
        user, digest = request.json["user"], request.json["password"]
        credential = self.store.credential(user)
        # Hash something even for an unknown user, so timing does not tell which users exist.
        matches = verify_password(credential.secret if credential else secrets.token_hex(16), digest)
        if credential is None or not matches:
            raise status_error(401, UNAUTHORIZED)
        if not credential.active:
            raise status_error(403, FORBIDDEN)
        accounts = self.accounts_of(user, credential.account_id)
        token, _ = self.tokens.issue(user, time.time(), {"accounts": accounts})
        data = credential.data
        body: dict[str, Any] = {"user": user}
        email = data.get("email") or (user if "@" in user else None)
        if email:
            body["email"] = email
        body["token"] = token
        body["name"] = data.get("name") or user
        return Response.json(200, {**body, "status": "ok", "httpStatusCode": 200})

    def accounts_of(self, user: str, home: str) -> list[str]:
        """The user's own account and every account whose `extra.users` names the user."""
        shared = [
            account_id
            for account_id in self.store.account_ids()
            if account_id != home
            and user in ((self.store.account(account_id) or {}).get("extra") or {}).get("users", [])
        ]
        return [home, *shared]

    # -- accounting ---------------------------------------------------------------------------
    def get_account(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        extra = (self.store.account(principal.account_id) or {}).get("extra") or {}
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

    def get_withdraw_instructions(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        rows = self.store.whitelist(principal.account_id)
        if not rows:
            raise status_error(404, INSTRUCTIONS_NOT_FOUND)
        instructions = []
        for row in rows:
            data = json.loads(row["data"] or "{}")
            if row["network"] in FIAT_METHODS:
                item = {"asset": data.get("asset", "USD"), "assetType": "fiat", "method": row["network"]}
                item |= {k: data[k] for k in sorted(_BANK_FIELDS) if k in data}
                item |= {"bankRoutingNumber": data["routingNumber"], "beneficiaryAccountNumber": row["address"]}
            else:
                item = {"asset": data["asset"]} if "asset" in data else {}
                item |= {"assetType": "blockchain", "networkType": row["network"], "address": row["address"]}
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

    def create_blockchain_withdraw_request(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        body = request.json
        amount, problems = self._amount(body["amount"], fiat=False)
        network, address = body.get("network") or "", body.get("address") or ""
        problems += [f"{name}: required" for name, value in (("Network", network), ("Address", address)) if not value]
        if problems or amount is None or amount.asset is None:
            raise validation_failed(*problems)
        wallets = [
            row
            for row in self.store.whitelist(principal.account_id)
            if row["network"] not in FIAT_METHODS and same_address(row["address"], address)
        ]
        if not wallets:
            raise request_errors(
                f"Destination Not Whitelisted: {address} is not a whitelisted {network} wallet of this account"
            )
        wallet = next((row for row in wallets if row["network"] == network), None)
        if wallet is None:
            networks = ", ".join(sorted(row["network"] for row in wallets))
            raise request_errors(f"Network Mismatch: {address} is whitelisted on {networks}, not {network}")
        only = json.loads(wallet["data"] or "{}").get("asset")
        if only and only != amount.asset:
            raise request_errors(f"Asset Not Supported: {address} on {network} receives {only} only")
        record = {"type": "blockchain", "network": network, "address": wallet["address"]}
        return self._submit(principal, amount, record, body.get("instructions") or [])

    def create_fiat_withdraw_request(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
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
            row
            for row in self.store.whitelist(principal.account_id)
            if row["network"] in FIAT_METHODS
            and row["address"] == number
            and json.loads(row["data"] or "{}").get("routingNumber") == routing
        ]
        masked = f"ending {number[-4:]}" if len(number) > 4 else number
        if not banks:
            raise request_errors(
                f"Destination Not Whitelisted: bank account {masked} at routing number {routing} "
                "is not a whitelisted bank account of this account"
            )
        bank = next((row for row in banks if row["network"] == method), None)
        if bank is None:
            methods = ", ".join(sorted(row["network"] for row in banks))
            raise request_errors(
                f"Method Not Available: bank account {masked} is whitelisted for {methods}, not {method}"
            )
        currency = json.loads(bank["data"] or "{}").get("asset", "USD")
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
        hold = hold_of(amount.value)
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

    def list_withdraw_requests(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        params = request.params
        clauses: list[str] = []
        args: list[Any] = []
        if "status" in params:
            clauses.append("status = ?")
            args.append(params["status"])
        if "withdrawRequestId" in params:
            clauses.append("id = ?")
            args.append(params["withdrawRequestId"])
        for name in ("network", "type"):
            if name in params:
                clauses.append(f"json_extract(body, '$.{name}') = ?")
                args.append(params[name])
        if "amount" in params:
            wanted = parse_amount(params["amount"])
            clauses.append("asset = ? AND hold = ?")
            args += [wanted.asset, str(hold_of(wanted.value))]
        found, _ = self.store.objects_page(
            KIND, principal.account_id, params["max"], where=" AND ".join(clauses), args=tuple(args)
        )
        body = {"withdrawRequests": [obj.body for obj in found], "status": "ok", "httpStatusCode": 200}
        return Response.json(200, body)

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(self, obj: StoredObject, transition: Transition, body: dict[str, Any]) -> dict[str, Any]:
        body["requestStatus"] = transition.target
        body["updatedAt"] = self.timestamp()
        return body
