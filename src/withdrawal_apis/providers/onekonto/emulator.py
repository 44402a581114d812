"""1Konto's business rules for the sandbox emulator (handlers keyed by operationId).

Users and accounts come from the control API: a credential is a user (`key_id` = user id, `secret`
= password, optional `data` with `email`/`name`) whose home account is the seeded account; an
account's `extra.users` opens it to further users, and `extra.name`/`extra.type` describe it. Every
request is checked against the store as it is now: a user deactivated, or removed from an account's
users, is refused at once, whatever token it holds. `extra.credit` is the account's credit line per
asset (Get Account Credit); `extra.deposit_instructions` is what Get Deposit Instructions serves.
Whitelist entries are the destinations: a wallet is `{network, address, data: {asset?}}`; a bank
account is `{network: <transfer method>, address: <account number>, data: {routingNumber, asset?,
bankName?, ...}}` (one entry per transfer method the bank account accepts).

Rules: amounts are `"<decimal> <ASSET>"`, read exactly; the asset must be known (`ASSET_PRECISION`,
or the `assets` option), positive, and within the asset's decimal places. A request goes to the one
whitelisted destination that fits what it names (wallet: address, network, asset; bank account:
routing number, account number, method, currency); none or several is a 400. No fee is charged
(1Konto documents none): the amount is locked on create and leaves the account on `complete`, or is
freed on `cancel`/`reject`. The ledger records every change of an account's total: the seeded
balances (`initialBalances`, then `manual` when a seed changes them) and each completed request
(`withdrawal`, negative), so the amounts of an asset's transactions add up to its balance.
"""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from http import HTTPStatus
from random import Random
from typing import Any, ClassVar

from ...chains import random_tron_address
from ...money import MONEY, json_number
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
from ...sandbox.http import reason_words
from ...sandbox.lifecycle import Effect
from ...sandbox.seeding import account_schema, closed
from ...sandbox.store import Destination, Filter, InsufficientFunds, LedgerEntry, LedgerFilter, StoredObject
from ...sandbox.tokens import TokenIssuer, TokenProblem
from .amounts import AssetAmount, format_amount, parse_amount
from .auth import FORBIDDEN, TOKEN_TTL_SECONDS, UNAUTHORIZED, verify_password

KIND = "withdraw_request"
ASSET_PRECISION = {"BTC": 8, "ETH": 18, "USDT": 6, "USDC": 6, "USD": 2, "EUR": 2}
FIAT_ASSETS = frozenset({"USD", "EUR"})
FIAT_METHODS = ("ach", "fedwire", "rtp", "cbit")
"""The fiat page's transfer methods; a whitelist entry with a `routingNumber` is a bank account whatever its method."""
INSTRUCTIONS_NOT_FOUND = "The withdraw instructions with the provided ID were not found"
DEPOSITS_NOT_FOUND = "The deposit instructions with the provided ID were not found"
STATUS_SHAPE = "status-error"  # ApiError.shape of a `{"status": <int>, "error": ...}` answer
# Transaction types (the Get Transactions page's names) the emulator writes.
WITHDRAWAL, INITIAL_BALANCES, MANUAL = "withdrawal", "initialBalances", "manual"

LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="pending",
    transitions=(
        Transition("complete", frozenset({"pending"}), "completed", Effect.SETTLE, delay=3600),
        Transition("cancel", frozenset({"pending"}), "canceled", Effect.RELEASE),
        Transition("reject", frozenset({"pending"}), "rejected", Effect.RELEASE),
    ),
    happy_path=("complete",),
    failures=("reject",),
)

_BANK_FIELDS = frozenset(
    {"bankName", "bankAddress", "bankSwiftNumber", "beneficiaryName", "beneficiaryAddress", "specialInstructions"}
)
_TEXT = {"type": "string", "maxLength": 200}
_ASSET = {"type": "string", "pattern": "^[A-Z0-9]{1,12}$"}
_DECIMAL = {"type": "string", "pattern": r"^[0-9]{1,28}(\.[0-9]{1,18})?$"}
_BANK = {
    "type": "object",
    "required": ["routingNumber"],
    "additionalProperties": False,
    "properties": {"routingNumber": _TEXT, "asset": _ASSET, **dict.fromkeys(sorted(_BANK_FIELDS), _TEXT)},
}
_WALLET = {"type": "object", "additionalProperties": False, "properties": {"asset": _ASSET}}
_INSTRUCTION_TEXT = (
    "networkType",
    "address",
    "method",
    "bankRoutingNumber",
    "beneficiaryAccountNumber",
    *sorted(_BANK_FIELDS),
)
_INSTRUCTION = {
    "type": "object",
    "required": ["assetType"],
    "additionalProperties": False,
    "properties": {
        "asset": _ASSET,
        "assetType": {"enum": ["blockchain", "fiat"]},
        **dict.fromkeys(_INSTRUCTION_TEXT, _TEXT),
    },
}
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})")


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
    words = reason_words(status)
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


def is_bank(destination: Destination) -> bool:
    """A bank account: whitelisted under a known transfer method, or with a routing number."""
    return destination.network in FIAT_METHODS or "routingNumber" in destination.data


def masked(account_number: str) -> str:
    """`ending 6789`: a bank account number as messages show it."""
    return f"ending {account_number[-4:]}" if len(account_number) > 4 else account_number


def utc_text(value: str) -> str:
    """A date-time as 1Konto prints it (`2023-02-21T22:07:38.6325460Z`), so that times compare as text.

    ValueError when `value` is not an RFC 3339 date-time that a calendar has.
    """
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        raise ValueError(f"not a date-time: {value!r}")
    date, clock, fraction, zone = match.groups()
    offset = "+00:00" if zone in ("Z", "z") else zone
    try:
        moment = datetime.fromisoformat(f"{date}T{clock}{offset}").astimezone(UTC)
    except (ValueError, OverflowError) as problem:
        raise ValueError(f"not a date-time: {value!r}") from problem
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + "." + (fraction or "").ljust(7, "0")[:7] + "Z"


def describe(items: Sequence[str]) -> str:
    """`ach, fedwire`: distinct names, sorted, for messages."""
    return ", ".join(sorted(set(items)))


class Sandbox(ProviderSandbox):
    name = "onekonto"
    lifecycles = (LIFECYCLE,)
    seed_schema: ClassVar[Mapping[str, Any]] = account_schema(
        extra=closed(
            {
                "name": _TEXT,
                "type": _TEXT,
                "users": {"type": "array", "items": {"type": "string"}},
                "credit": {"type": "object", "propertyNames": _ASSET, "additionalProperties": _DECIMAL},
                "deposit_instructions": {"type": "array", "maxItems": 100, "items": _INSTRUCTION},
            }
        ),
        credential_data=closed({"email": _TEXT, "name": _TEXT}),
        balances={"propertyNames": _ASSET},
        wallets={"maxProperties": 0},
        whitelist_entry={
            "if": {
                "anyOf": [
                    {"required": ["network"], "properties": {"network": {"enum": list(FIAT_METHODS)}}},
                    {"required": ["data"], "properties": {"data": {"required": ["routingNumber"]}}},
                ]
            },
            "then": {"required": ["data"], "properties": {"data": _BANK}},
            "else": {"properties": {"data": _WALLET}},
        },
    )
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
        """The ledger's lines for the balances the seed sets."""
        self._record_seeded_balances(account)

    def _record_seeded_balances(self, account: Mapping[str, Any]) -> None:
        """Ledger lines for what the seed is about to set: `initialBalances` first, `manual` after."""
        account_id = account["id"]
        kind = MANUAL if self.store.account(account_id) is not None else INITIAL_BALANCES
        for asset, text in sorted((account.get("balances") or {}).items()):
            current = self.store.balance(account_id, asset)
            target = Decimal(text)
            change = MONEY.subtract(target, current.available)
            if change:
                description = "Initial balance" if kind == INITIAL_BALANCES else "Manual adjustment"
                self._write_ledger(account_id, asset, change, kind, description, MONEY.add(target, current.frozen))

    def _write_ledger(
        self,
        account_id: str,
        asset: str,
        amount: Decimal,
        kind: str,
        description: str,
        balance_after: Decimal,
        ref: str | None = None,
        at: str | None = None,
    ) -> None:
        entry = LedgerEntry(
            id=new_request_id(),
            account_id=account_id,
            asset=asset,
            entry_type=kind,
            amount=amount,
            balance_after=balance_after,
            description=description,
            created_at=at or self.timestamp(),
            ref=ref,
        )
        self.store.add_ledger_entry(entry)

    def client_settings(self, account_id: str) -> dict[str, str]:
        return {"account_id": account_id}  # every path names the account

    def demo_seed(self) -> dict[str, Any]:
        """The docs' example account: their user, password, account id, wallet, bank and deposit details."""
        bank = {"routingNumber": "012345678", "asset": "USD", "bankName": "My Bank", "beneficiaryName": "Example Name"}
        deposit_bank = {
            "asset": "USD",
            "assetType": "fiat",
            "method": "FedWire",
            "bankName": "My Bank",
            "bankAddress": "My Banks Address",
            "bankRoutingNumber": "000000000",
            "bankSwiftNumber": "CUESUS33",
            "beneficiaryName": "1Konto Inc.",
            "beneficiaryAddress": "1Konto Corp Address",
            "beneficiaryAccountNumber": "the 1konto account number",
            "specialInstructions": "IBAN: My IBAN Account Number; Reference: myAccountID",
        }
        return {
            "accounts": [
                {
                    "id": "myAccountID",
                    "credentials": [
                        {"key_id": "user@example.com", "secret": "password", "data": {"name": "Example Name"}}
                    ],
                    "balances": {"BTC": "100", "USDC": "5000", "USD": "10000"},
                    "whitelist": [
                        {"network": "bitcoin", "address": "myWalletAddress", "data": {"asset": "BTC"}},
                        {"network": "tron", "address": random_tron_address(Random(1)), "data": {"asset": "USDC"}},
                        {"network": "fedwire", "address": "0123456789", "data": bank},
                        {"network": "ach", "address": "0123456789", "data": bank},
                    ],
                    "extra": {
                        "name": "Example Name",
                        "type": "client",
                        "credit": {"USD": "2000", "USDT": "1000"},
                        "deposit_instructions": [
                            {
                                "asset": "BTC",
                                "assetType": "blockchain",
                                "networkType": "bitcoin",
                                "address": "my_bitcoin_address",
                            },
                            {
                                "asset": "USDC",
                                "assetType": "blockchain",
                                "networkType": "tron",
                                "address": "my_tron_address",
                            },
                            deposit_bank,
                        ],
                    },
                }
            ]
        }

    # -- authentication -----------------------------------------------------------------------
    @public("login")
    def login(self, request: Request) -> Response:
        user, digest = request.json["user"], request.json["password"]
        credential = self.store.credential(user)
        # Hash something even for an unknown user, so timing does not tell which users exist. Anything
        # but the digest of the user's password -- the password in plain text too -- is a wrong password.
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
    def _extra(self, account_id: str) -> dict[str, Any]:
        stored = self.store.account(account_id)
        return stored.extra if stored else {}

    def _account_answer(self, account_id: str, balances: dict[str, Any]) -> Response:
        """`{"account": {accountId, type, name, balances, sources}, "status": "ok", ...}`: both account pages."""
        extra = self._extra(account_id)
        account = {
            "accountId": account_id,
            "type": extra.get("type", "client"),
            "name": extra.get("name", account_id),
            "balances": balances,
            "sources": [],
        }
        return Response.json(200, {"account": account, "status": "ok", "httpStatusCode": 200})

    @operation("get_account")
    def get_account(self, request: Request, principal: Principal) -> Response:
        zero = Decimal(0)
        balances = {
            asset: {"free": b.available, "locked": b.frozen, "limit": zero, "pendingDeposit": zero, "available": zero}
            for asset, b in self.store.balances(principal.account_id).items()
        }
        return self._account_answer(principal.account_id, balances)

    @operation("get_account_credit")
    def get_account_credit(self, request: Request, principal: Principal) -> Response:
        """Own funds from the balances, the credit line from `extra.credit`; no trading, so no credit is used."""
        credit = {
            asset: Decimal(amount) for asset, amount in (self._extra(principal.account_id).get("credit") or {}).items()
        }
        funds = self.store.balances(principal.account_id)
        zero = Decimal(0)
        balances: dict[str, Any] = {}
        for asset in sorted(set(funds) | set(credit)):
            available, locked = (funds[asset].available, funds[asset].frozen) if asset in funds else (zero, zero)
            total_credit, used = credit.get(asset, zero), zero
            available_credit = MONEY.subtract(total_credit, used)
            balances[asset] = {
                "availableToTrade": MONEY.add(available, available_credit),
                "totalFunds": MONEY.add(available, locked),
                "availableFunds": available,
                "lockedFunds": locked,
                "totalCredit": total_credit,
                "availableCredit": available_credit,
                "usedCredit": used,
            }
        return self._account_answer(principal.account_id, balances)

    @operation("list_transactions")
    def list_transactions(self, request: Request, principal: Principal) -> Response:
        """The ledger in ascending `ordering` (the store's sequence, global to the emulator)."""
        params = request.params
        bounds: dict[str, str] = {}
        for name in ("startTimeUtc", "endTimeUtc"):
            if name in params:
                try:
                    bounds[name] = utc_text(params[name])
                except ValueError:
                    raise validation_failed(f"{field_name((name,))}: must be a date-time") from None
        query = LedgerFilter(
            principal.account_id,
            ids=(params["transactionId"],) if "transactionId" in params else None,
            asset=params.get("asset"),
            entry_types=(params["type"],) if "type" in params else None,
            from_seq=params.get("startAtOrdering"),
            created_from=bounds.get("startTimeUtc"),
            created_before=bounds.get("endTimeUtc"),
        )
        transactions = []
        for entry in self.store.find_ledger(query, limit=int(params["max"]), oldest_first=True):
            item: dict[str, Any] = {
                "transactionId": entry.id,
                "accountId": entry.account_id,
                "ordering": entry.seq,
                "type": entry.entry_type,
                "asset": entry.asset,
                "amount": f"{json_number(entry.amount)} {entry.asset}",
            }
            if entry.ref is not None:
                item["withdrawRequestId"] = entry.ref
            item["createdAt"] = entry.created_at
            transactions.append(item)
        return Response.json(200, {"transactions": transactions, "status": "ok", "httpStatusCode": 200})

    @operation("get_deposit_instructions")
    def get_deposit_instructions(self, request: Request, principal: Principal) -> Response:
        instructions = self._extra(principal.account_id).get("deposit_instructions") or []
        if not instructions:
            raise status_error(404, DEPOSITS_NOT_FOUND)
        body = {"accountId": principal.account_id, "instructions": instructions, "status": "ok", "httpStatusCode": 200}
        return Response.json(200, body)

    @operation("get_withdraw_instructions")
    def get_withdraw_instructions(self, request: Request, principal: Principal) -> Response:
        destinations = self.store.destinations(principal.account_id)
        if not destinations:
            raise status_error(404, INSTRUCTIONS_NOT_FOUND)
        instructions = []
        for destination in destinations:
            data = destination.data
            if is_bank(destination):
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
        if problems or amount is None or amount.asset is None:
            raise validation_failed(*problems)
        network, address = body.get("network") or "", body.get("address") or ""
        wallet = self._wallet(principal.account_id, amount.asset, network, address)
        record = {"type": "blockchain", "network": wallet.network, "address": wallet.address}
        return self._submit(principal, amount, record, body.get("instructions") or [])

    def _wallet(self, account_id: str, asset: str, network: str, address: str) -> Destination:
        """The one whitelisted wallet that fits what the request names (network and address are optional)."""
        wallets = [d for d in self.store.destinations(account_id) if not is_bank(d)]

        def receives(wallet: Destination) -> bool:
            return wallet.data.get("asset") in (None, asset)

        if not address:
            fits = [w for w in wallets if (not network or w.network == network) and receives(w)]
            where = f"{network} " if network else ""
            if not fits:
                raise request_errors(
                    f"Destination Not Whitelisted: no whitelisted {where}wallet of this account receives {asset}"
                )
            if len(fits) > 1:
                raise request_errors(
                    f"Address Required: {len(fits)} whitelisted {where}wallets of this account receive {asset}; "
                    "name the address"
                )
            return fits[0]
        there = [w for w in wallets if same_address(w.address, address)]
        if not there:
            raise request_errors(
                f"Destination Not Whitelisted: {address} is not a whitelisted {network or 'blockchain'} wallet "
                "of this account"
            )
        if network:
            wallet = next((w for w in there if w.network == network), None)
            if wallet is None:
                networks = describe([w.network for w in there])
                raise request_errors(f"Network Mismatch: {address} is whitelisted on {networks}, not {network}")
        else:
            fits = [w for w in there if receives(w)]
            if len(fits) > 1:
                networks = describe([w.network for w in fits])
                raise request_errors(f"Network Required: {address} is whitelisted on {networks}; name the network")
            wallet = fits[0] if fits else there[0]
        only = wallet.data.get("asset")
        if only and only != asset:
            raise request_errors(f"Asset Not Supported: {address} on {wallet.network} receives {only} only")
        return wallet

    @operation("create_fiat_withdraw_request")
    def create_fiat_withdraw_request(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount, problems = self._amount(body["amount"], fiat=True)
        method = body["type"]
        if method in ("", "undefined"):
            problems.append("Type: required")
        if problems or amount is None or amount.asset is None:
            raise validation_failed(*problems)
        routing, number = body.get("routingNumber") or "", body.get("accountNumber") or ""
        bank = self._bank(principal.account_id, amount.asset, method, routing, number)
        record = {"type": method, "routingNumber": bank.data["routingNumber"], "accountNumber": bank.address}
        return self._submit(principal, amount, record, body.get("instructions") or [])

    def _bank(self, account_id: str, currency: str, method: str, routing: str, number: str) -> Destination:
        """The one whitelisted bank account that fits the request (routing and account number are optional)."""
        banks = [d for d in self.store.destinations(account_id) if is_bank(d)]
        named = [
            b
            for b in banks
            if (not number or b.address == number) and (not routing or b.data.get("routingNumber") == routing)
        ]
        if (number or routing) and not named:
            at = f" at routing number {routing}" if routing else ""
            if number:
                problem = f"bank account {masked(number)}{at} is not a whitelisted bank account of this account"
            else:
                problem = f"no whitelisted bank account of this account is{at}"
            raise request_errors(f"Destination Not Whitelisted: {problem}")
        if not named:
            raise request_errors(
                f"Destination Not Whitelisted: no whitelisted bank account of this account receives {currency} "
                f"by {method}"
            )
        by_method = [b for b in named if b.network == method]
        accounts = {(b.data.get("routingNumber"), b.address) for b in named}
        if not by_method:
            if len(accounts) == 1:
                methods = describe([b.network for b in named])
                raise request_errors(
                    f"Method Not Available: bank account {masked(named[0].address)} is whitelisted for {methods}, "
                    f"not {method}"
                )
            raise request_errors(f"Method Not Available: no whitelisted bank account of this account takes {method}")
        fits = [b for b in by_method if b.data.get("asset", "USD") == currency]
        if not fits:
            if len(by_method) == 1:
                bank = by_method[0]
                raise request_errors(
                    f"Asset Not Supported: bank account {masked(bank.address)} "
                    f"receives {bank.data.get('asset', 'USD')} only"
                )
            raise request_errors(
                f"Destination Not Whitelisted: no whitelisted bank account of this account receives {currency} "
                f"by {method}"
            )
        if len(fits) > 1:
            raise request_errors(
                f"Account Number Required: {len(fits)} whitelisted bank accounts of this account receive "
                f"{currency} by {method}; name the accountNumber"
            )
        return fits[0]

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
        if transition.target == "completed":  # the locked amount has just left: the ledger's debit
            total = self.store.balance(obj.account_id, obj.asset).total
            negative = MONEY.minus(obj.hold)
            description = f"Withdraw request {obj.id}"
            self._write_ledger(
                obj.account_id, obj.asset, negative, WITHDRAWAL, description, total, obj.id, body["updatedAt"]
            )
