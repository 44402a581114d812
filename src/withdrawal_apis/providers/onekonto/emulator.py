"""1Konto's sandbox emulator: authentication and the handlers, keyed by operationId.

A user logs in for a bearer token and acts on the accounts it may use: its home account and every
account whose `extra.users` names it. Every request is checked against the store as it is now: a user
deactivated, or removed from an account's users, is refused at once, whatever token it holds.
The rules live beside this module: amounts, the lifecycle and the ledger in `models.py`, which
whitelisted destination a request goes to in `destinations.py`, the error bodies in `errors.py`, and
what a seed holds in `seed.py`.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any, ClassVar

from ...money import MONEY
from ...sandbox import (
    ApiError,
    Filter,
    LedgerFilter,
    Operation,
    Principal,
    ProviderSandbox,
    Request,
    Response,
    StoredObject,
    TokenIssuer,
    TokenProblem,
    Transition,
    operation,
    public,
)
from . import errors, models, seed
from .amounts import AssetAmount, format_amount, parse_amount
from .auth import FORBIDDEN, TOKEN_TTL_SECONDS, UNAUTHORIZED, verify_password
from .destinations import bank_for, instruction, wallet_for
from .errors import status_error, validation_failed
from .models import KIND, LIFECYCLE, WITHDRAWAL


class Sandbox(ProviderSandbox):
    name = "onekonto"
    lifecycles = (LIFECYCLE,)
    seed_schema: ClassVar[Mapping[str, Any]] = seed.SCHEMA
    options_schema: ClassVar[Mapping[str, Any]] = models.OPTIONS_SCHEMA

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
        return models.FIAT_ASSETS | frozenset(self.options["fiat_assets"])

    def timestamp(self) -> str:
        """UTC with seven fractional digits, as 1Konto prints times (`2023-02-21T22:07:38.6325460Z`)."""
        return self.clock.iso(digits=7)

    # -- auth, errors, seeding ----------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        """The user a bearer token proves, acting on the account its path names (authorized next)."""
        try:
            credential = self.tokens.holder(request.headers.get("authorization"), self.clock.now())
        except TokenProblem:
            raise status_error(401, UNAUTHORIZED) from None
        account_id = request.path_params.get("accountId", credential.account_id)
        return Principal(account_id=account_id, key_id=credential.key_id, data={"home": credential.account_id})

    def authorize(self, principal: Principal, operation: Operation, request: Request) -> None:
        home = principal.data["home"]  # always the user's own; the store is searched only for another account
        if principal.account_id != home and principal.account_id not in self.accounts_of(principal.key_id, home):
            # Same answer whether or not the account exists: a token is no oracle for other ids.
            raise status_error(403, FORBIDDEN)

    def forbidden(self, message: str) -> ApiError:
        return status_error(403, FORBIDDEN)

    def render_error(self, error: ApiError) -> Response:
        return errors.render(error)

    def seed_account(self, account: Mapping[str, Any]) -> None:
        """The ledger's lines for the balances the seed sets."""
        seed.record_balances(self.store, account, self.timestamp)

    def client_settings(self, account_id: str) -> dict[str, str]:
        return {"account_id": account_id}  # every path names the account

    def demo_seed(self) -> dict[str, Any]:
        return seed.demo_seed()

    # -- authentication -----------------------------------------------------------------------
    @public("login")
    def login(self, request: Request) -> Response:
        user, digest = request.json["user"], request.json["password"]
        credential = self.store.credential(user)
        # Hash something even for an unknown user, so timing does not tell which users exist. Anything
        # but the digest of the user's password -- the password in plain text too -- is a wrong password.
        matches = verify_password(credential.secret if credential else secrets.token_hex(16), digest)
        if credential is None or not matches:
            raise status_error(401, UNAUTHORIZED, rule="valid-credentials")
        if not credential.active:
            raise status_error(403, FORBIDDEN, rule="active-user")
        token, _ = self.tokens.issue(user, self.clock.now())
        data = credential.data
        body: dict[str, Any] = {"user": user}
        email = data.get("email") or (user if "@" in user else None)
        if email:
            body["email"] = email
        body["token"] = token
        body["name"] = data.get("name") or user
        return ok(body)

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
        return ok({"account": models.account(account_id, self._extra(account_id), balances)})

    @operation("get_account")
    def get_account(self, request: Request, principal: Principal) -> Response:
        balances = models.account_balances(self.store.balances(principal.account_id))
        return self._account_answer(principal.account_id, balances)

    @operation("get_account_credit")
    def get_account_credit(self, request: Request, principal: Principal) -> Response:
        funds, extra = self.store.balances(principal.account_id), self._extra(principal.account_id)
        return self._account_answer(principal.account_id, models.credit_balances(funds, extra))

    @operation("list_transactions")
    def list_transactions(self, request: Request, principal: Principal) -> Response:
        """The ledger in ascending `ordering` (the store's sequence, global to the emulator)."""
        params = request.params
        bounds: dict[str, str] = {}
        for name in ("startTimeUtc", "endTimeUtc"):
            if name in params:
                try:
                    bounds[name] = models.utc_text(params[name])
                except ValueError:
                    raise validation_failed(f"{errors.field_name((name,))}: must be a date-time") from None
        query = LedgerFilter(
            principal.account_id,
            ids=(params["transactionId"],) if "transactionId" in params else None,
            asset=params.get("asset"),
            entry_types=(params["type"],) if "type" in params else None,
            from_seq=params.get("startAtOrdering"),
            created_from=bounds.get("startTimeUtc"),
            created_before=bounds.get("endTimeUtc"),
        )
        entries = self.store.find_ledger(query, limit=int(params["max"]), oldest_first=True)
        return ok({"transactions": [models.transaction(entry) for entry in entries]})

    @operation("get_deposit_instructions")
    def get_deposit_instructions(self, request: Request, principal: Principal) -> Response:
        instructions = self._extra(principal.account_id).get("deposit_instructions") or []
        if not instructions:
            raise status_error(404, errors.DEPOSITS_NOT_FOUND)
        return ok({"accountId": principal.account_id, "instructions": instructions})

    @operation("get_withdraw_instructions")
    def get_withdraw_instructions(self, request: Request, principal: Principal) -> Response:
        destinations = self.store.destinations(principal.account_id)
        if not destinations:
            raise status_error(404, errors.INSTRUCTIONS_NOT_FOUND)
        return ok({"accountId": principal.account_id, "instructions": [instruction(d) for d in destinations]})

    # -- withdraw requests --------------------------------------------------------------------
    def _amount(self, text: str, fiat: bool) -> AssetAmount:
        """The request's amount (the schema has checked its form), if the account's terms allow it."""
        amount = parse_amount(text)
        refused = models.asset_problem(amount, fiat, self.precision, self.fiat_assets)
        if refused is not None:
            rule, line = refused
            raise validation_failed(line, rule=rule)
        return amount

    @operation("create_blockchain_withdraw_request")
    def create_blockchain_withdraw_request(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount = self._amount(body["amount"], fiat=False)
        assert amount.asset is not None  # the schema's pattern names one
        network, address = body.get("network") or "", body.get("address") or ""
        wallet = wallet_for(self.store.destinations(principal.account_id), amount.asset, network, address)
        record = {"type": "blockchain", "network": wallet.network, "address": wallet.address}
        return self._submit(principal, amount, record, body.get("instructions") or [])

    @operation("create_fiat_withdraw_request")
    def create_fiat_withdraw_request(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount = self._amount(body["amount"], fiat=True)
        assert amount.asset is not None  # the schema's pattern names one
        method = body["type"]  # one of the methods the schema lists
        routing, number = body.get("routingNumber") or "", body.get("accountNumber") or ""
        bank = bank_for(self.store.destinations(principal.account_id), amount.asset, method, routing, number)
        record = {"type": method, "routingNumber": bank.data["routingNumber"], "accountNumber": bank.address}
        return self._submit(principal, amount, record, body.get("instructions") or [])

    def _submit(self, principal: Principal, amount: AssetAmount, fields: dict[str, Any], notes: list[str]) -> Response:
        """Lock the amount and store the request, in one transaction."""
        asset = amount.asset
        assert asset is not None
        request_id = models.new_request_id()
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
            self.store.freeze(principal.account_id, asset, hold, refusal=errors.insufficient_funds)
            obj = self.store.insert_object(
                KIND, request_id, principal.account_id, LIFECYCLE.initial, record, asset=asset, hold=hold
            )
            self.engine.schedule_happy_path(obj)
        return ok({"withdrawRequestId": request_id, "requestStatus": LIFECYCLE.initial})

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
        return ok({"withdrawRequests": [obj.body for obj in found]})

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
            entry = models.ledger_entry(
                obj.account_id, obj.asset, negative, WITHDRAWAL, description, total, body["updatedAt"], obj.id
            )
            self.store.add_ledger_entry(entry)


def ok(fields: dict[str, Any]) -> Response:
    """A successful answer: the fields, then 1Konto's `"status": "ok", "httpStatusCode": 200`."""
    return Response.json(200, {**fields, "status": "ok", "httpStatusCode": 200})
