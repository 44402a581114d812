"""BigONE's sandbox emulator: authentication, key permissions and the handlers, keyed by operationId.

Withdrawals. Create checks the asset and gateway (see `gateways.py`), that withdrawals on the gateway
are not suspended, the amount's precision and minimum, the address format for the gateway and the
memo on memo chains (all `10007`), then the trusted-address list (`whitelist` entries of the control
API with `network` = the gateway name, else `10403`), then locks amount + fee in the fund account
(`10014` if it does not cover them). `guid` is the idempotency key per account: the same guid with
the same request answers the original withdrawal without locking anything again; with a different
request it is `403` code `40302` ("already requested"). Without a guid the emulator makes one up,
which the client never learns (as with the real API). The numeric `id` comes from a per-sandbox
counter and is the id the control API uses (`/_sandbox/withdrawals/{id}/...`). The `{guid}` path
segment is resolved as a guid first and, if it is all digits, as the numeric id. Cancel through the
API is asynchronous as documented: it always answers code 0 and only a `PENDING` withdrawal changes.

Transfers. `POST /viewer/transfer` moves funds between the fund, spot and contract accounts at once
(`10014` when the source does not hold the amount). `guid` names a transfer per account, as it does a
withdrawal: the same guid with the same request answers code 0 again without moving anything; with
another request it is `40302`. Sub-accounts are not modelled: a `type` other than `NORMAL` names a
`sub_account` no account has (404, `10013`). Only fund and spot have balance endpoints; the contract
API is not modelled.

Keys. A key's `scopes` and `allowed_ips` are checked before the request body is read: a key without
the scope gets 403 whatever it sends. Transfers need `view_balance`, the scope BigONE's transfer page
names.

The accounts, lifecycle and terms are in `models.py`, the error body in `errors.py`, the list cursor
in `page_tokens.py` and what a seed holds in `seed.py`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from ...credentials import AuthError
from ...money import decimal_places, exact_sum, format_decimal, json_number, parse_decimal
from ...sandbox import (
    ApiError,
    Filter,
    Operation,
    Principal,
    ProviderSandbox,
    Request,
    Response,
    StoredObject,
    Transition,
    hex_hash,
    operation,
    public,
)
from . import auth, errors, models, page_tokens, seed
from .errors import already_requested, not_found, parameter_error, permission_denied
from .gateways import ASSETS, GATEWAYS, PAIRS
from .models import (
    ACCOUNT_TYPES,
    AMOUNT_PLACES,
    EXECUTE_WITHDRAWALS,
    FUND,
    KIND,
    LIFECYCLE,
    MAX_PAGE,
    SPOT,
    TRANSFER,
    VIEW_BALANCE,
    VIEW_WITHDRAWALS,
    Terms,
)


class Sandbox(ProviderSandbox):
    name = "bigone"
    lifecycles = (LIFECYCLE,)
    rate_limit = (500, 10.0)  # 500 requests per 10 seconds (per IP at BigONE; per key here)
    seed_schema: ClassVar[Mapping[str, Any]] = seed.SCHEMA
    options_schema: ClassVar[Mapping[str, Any]] = models.OPTIONS_SCHEMA

    # -- auth, errors, seeding ----------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(
                request.headers.get("authorization"), self.store.credential, now_ns=int(self.clock.wall() * 1e9)
            )
        except AuthError as error:
            raise ApiError(error.status, error.detail, code=error.code) from None
        scopes = key.data.get("scopes")
        return Principal(
            account_id=key.account_id,
            key_id=key.key_id,
            scopes=frozenset(scopes) if scopes is not None else None,
            data={"allowed_ips": key.data.get("allowed_ips")},
        )

    def authorize(self, principal: Principal, operation: Operation, request: Request) -> None:
        allowed = principal.data.get("allowed_ips")
        if allowed and request.client_host not in allowed:
            raise permission_denied(f"{request.client_host} is not on this key's IP list")

    def forbidden(self, message: str) -> ApiError:
        return permission_denied(message)

    def render_error(self, error: ApiError) -> Response:
        return errors.render(error)

    def demo_seed(self) -> dict[str, Any]:
        return seed.demo_seed()

    # -- helpers ------------------------------------------------------------------------------
    @property
    def terms(self) -> Terms:
        return Terms(self.options)

    def _customer_id(self, account_id: str) -> str | int:
        account = self.store.account(account_id)
        found = account.extra.get("customer_id", account_id) if account else account_id
        return found if isinstance(found, str | int) else account_id

    def _now(self) -> str:
        """`2020-06-03T00:50:57+00:00`: the offset style of a captured real response, on the virtual clock."""
        return self.clock.iso(utc="+00:00")

    def _find(self, account_id: str, key: str) -> StoredObject:
        obj = self.store.object_by_idem_key(KIND, account_id, key)
        if obj is None and key.isdigit():
            candidate = self.store.get_object(KIND, str(int(key)))
            obj = candidate if candidate is not None and candidate.account_id == account_id else None
        if obj is None:
            raise not_found("no withdrawal with this guid")
        return obj

    # -- operations ---------------------------------------------------------------------------
    @public("ping")
    def ping(self, request: Request) -> Response:
        # Wall-clock time: it is what a token's nonce is checked against.
        return Response.json(200, {"code": 0, "data": {"timestamp": int(self.clock.wall() * 1e9)}})

    @public("list_asset_pairs")
    def list_asset_pairs(self, request: Request) -> Response:
        return Response.json(200, {"code": 0, "data": [models.listed_pair(pair) for pair in PAIRS]})

    @public("list_assets")
    def list_assets(self, request: Request) -> Response:
        # `code` as the string "0", as in the one captured answer of this undocumented endpoint.
        listed = [self.terms.listed(asset) for asset in ASSETS.values()]
        return Response.json(200, {"code": "0", "message": "", "data": listed})

    @public("list_contract_symbols")
    def list_contract_symbols(self, request: Request) -> Response:
        # The contract API's bare array; the emulator trades no contracts, so it lists none.
        return Response.json(200, [])

    def _accounts(self, account_id: str, wallet: str) -> list[dict[str, str]]:
        held = self.store.balances(account_id, wallet)
        return [self._account_entry(account_id, wallet, symbol) for symbol in sorted(set(ASSETS) | set(held))]

    def _account_entry(self, account_id: str, wallet: str, symbol: str) -> dict[str, str]:
        balance = self.store.balance(account_id, symbol, wallet)
        return {
            "asset_symbol": symbol,
            "balance": json_number(balance.total),
            "locked_balance": json_number(balance.frozen),
        }

    def _one_account(self, request: Request, principal: Principal, wallet: str) -> Response:
        symbol = request.params["asset_symbol"]
        if symbol not in ASSETS and symbol not in self.store.balances(principal.account_id, wallet):
            raise not_found(f"no asset {symbol}")
        return Response.json(200, {"code": 0, "data": self._account_entry(principal.account_id, wallet, symbol)})

    @operation("list_spot_accounts", scopes=[VIEW_BALANCE])
    def list_spot_accounts(self, request: Request, principal: Principal) -> Response:
        return Response.json(200, {"code": 0, "data": self._accounts(principal.account_id, SPOT)})

    @operation("get_spot_account", scopes=[VIEW_BALANCE])
    def get_spot_account(self, request: Request, principal: Principal) -> Response:
        return self._one_account(request, principal, SPOT)

    @operation("list_fund_accounts", scopes=[VIEW_BALANCE])
    def list_fund_accounts(self, request: Request, principal: Principal) -> Response:
        return Response.json(200, {"code": 0, "data": self._accounts(principal.account_id, FUND)})

    @operation("get_fund_account", scopes=[VIEW_BALANCE])
    def get_fund_account(self, request: Request, principal: Principal) -> Response:
        return self._one_account(request, principal, FUND)

    @operation("create_withdrawal", scopes=[EXECUTE_WITHDRAWALS])
    def create_withdrawal(self, request: Request, principal: Principal) -> Response:
        account_id = principal.account_id
        body = request.json
        symbol = body["symbol"]
        asset = ASSETS.get(symbol)
        if asset is None:
            raise not_found(f"asset {symbol} cannot be withdrawn here", rule="listed-asset")
        gateway_name = body.get("gateway_name") or asset.default_gateway
        if gateway_name not in asset.fees:
            message = f"gateway_name must be one of {', '.join(asset.fees)} for {symbol}"
            raise parameter_error(message, rule="asset-gateway")
        gateway = GATEWAYS[gateway_name]
        terms = self.terms
        if not terms.withdrawals_open(asset, gateway.name):
            raise parameter_error(f"withdrawals of {symbol} on {gateway.name} are suspended", rule="gateway-open")
        amount = parse_decimal(body["amount"])
        if decimal_places(amount) > asset.scale:
            message = f"amount has more than {asset.scale} decimals, the precision of {symbol}"
            raise parameter_error(message, rule="withdrawal-precision")
        minimum = terms.minimum(asset, gateway.name)
        if amount < minimum:
            message = f"amount is below {format_decimal(minimum)}, the minimum on {gateway.name}"
            raise parameter_error(message, rule="withdrawal-minimum")
        address, memo = body["target_address"], body.get("memo", "")
        if not gateway.is_valid_address(address):
            raise parameter_error(f"target_address is not a valid {gateway.name} address", rule="address-format")
        if gateway.memo_required and not memo:
            raise parameter_error(f"memo is required for {gateway.name}", rule="memo-required")
        request_key = {
            "symbol": symbol,
            "gateway_name": gateway.name,
            "target_address": address,
            "amount": json_number(amount),
            "memo": memo,
        }
        guid = body.get("guid") or str(uuid.uuid4())
        with self.store.transaction():
            existing = self.store.object_by_idem_key(KIND, account_id, guid)
            if existing is not None:
                if existing.private.get("request") != request_key:
                    raise already_requested()
                return Response.json(200, {"code": 0, "message": "", "data": existing.body})
            if self.store.destination(account_id, gateway.name, address) is None:
                message = f"target_address is not on the trusted-address list for {gateway.name}"
                raise permission_denied(message, rule="trusted-address")
            fee = terms.fee(asset, gateway.name)
            hold = exact_sum(amount, fee)
            self.store.freeze(account_id, symbol, hold, FUND, refusal=errors.insufficient_funds)
            withdrawal_id = self.store.next_value("bigone:withdrawal_id")
            now = self._now()
            withdrawal: dict[str, Any] = {
                "id": withdrawal_id,
                "customer_id": self._customer_id(account_id),
                "asset_symbol": symbol,
                "amount": format_decimal(amount, AMOUNT_PLACES),
                "fee": format_decimal(fee, AMOUNT_PLACES),
                "state": LIFECYCLE.initial,
                "kind": gateway.kind,
                "txid": "",
                "memo": memo,
                "target_address": address,
                "is_internal": False,
                "inserted_at": now,
                "updated_at": now,
            }
            obj = self.store.insert_object(
                KIND,
                str(withdrawal_id),
                account_id,
                LIFECYCLE.initial,
                withdrawal,
                asset=symbol,
                wallet=FUND,
                hold=hold,
                idem_key=guid,
                private={"gateway": gateway.name, "request": request_key},
            )
            self.engine.schedule_happy_path(obj)
        return Response.json(200, {"code": 0, "message": "", "data": withdrawal})

    @operation("create_transfer", scopes=[VIEW_BALANCE])
    def create_transfer(self, request: Request, principal: Principal) -> Response:
        account_id = principal.account_id
        body = request.json
        symbol, source, target = body["symbol"], ACCOUNT_TYPES[body["from"]], ACCOUNT_TYPES[body["to"]]
        # The schema already pairs `sub_account` with `type` and keeps `from` and `to` apart.
        kind = body.get("type", "NORMAL")
        if kind != "NORMAL":
            raise not_found(f"no sub-account named {body['sub_account']!r}", rule="known-sub-account")
        asset = ASSETS.get(symbol)
        if asset is None and not any(symbol in self.store.balances(account_id, w) for w in ACCOUNT_TYPES.values()):
            raise not_found(f"no asset {symbol}", rule="listed-asset")
        amount = parse_decimal(body["amount"])
        if asset is not None and decimal_places(amount) > asset.scale:
            message = f"amount has more than {asset.scale} decimals, the transfer precision of {symbol}"
            raise parameter_error(message, rule="transfer-precision")
        request_key = {
            "symbol": symbol,
            "amount": json_number(amount),
            "from": body["from"],
            "to": body["to"],
            "type": kind,
        }
        with self.store.transaction():
            existing = self.store.object_by_idem_key(TRANSFER, account_id, body["guid"])
            if existing is not None:
                if existing.private.get("request") != request_key:
                    raise already_requested()
                return Response.json(200, {"code": 0, "data": None})
            self.store.transfer(account_id, symbol, amount, source, target, refusal=errors.insufficient_funds)
            transfer = {"guid": body["guid"], **request_key, "inserted_at": self._now()}
            transfer_id = str(self.store.next_value("bigone:transfer_id"))
            self.store.insert_object(
                TRANSFER,
                transfer_id,
                account_id,
                "COMPLETED",
                transfer,
                asset=symbol,
                idem_key=body["guid"],
                private={"request": request_key},
            )
        return Response.json(200, {"code": 0, "data": None})

    @operation("list_withdrawals", scopes=[VIEW_WITHDRAWALS])
    def list_withdrawals(self, request: Request, principal: Principal) -> Response:
        account_id = principal.account_id
        params = request.params
        limit = min(int(params["limit"]), MAX_PAGE)
        before = page_tokens.decode(self.store, account_id, params["page_token"]) if "page_token" in params else None
        query = Filter(
            KIND,
            owners=(account_id,),
            asset=params.get("asset_symbol"),
            fields={"kind": params["kind"]} if "kind" in params else {},
        )
        objects = self.store.find(query, limit=limit + 1, before_seq=before)
        page = objects[:limit]
        answer: dict[str, Any] = {"code": 0, "message": "", "data": [obj.body for obj in page]}
        if len(objects) > limit:
            answer["page_token"] = page_tokens.encode(self.store, account_id, page[-1].seq)
        return Response.json(200, answer)

    @operation("get_withdrawal", scopes=[VIEW_WITHDRAWALS])
    def get_withdrawal(self, request: Request, principal: Principal) -> Response:
        obj = self._find(principal.account_id, request.params["guid"])
        return Response.json(200, {"code": 0, "message": "", "data": obj.body})

    @operation("cancel_withdrawal", scopes=[EXECUTE_WITHDRAWALS])
    def cancel_withdrawal(self, request: Request, principal: Principal) -> Response:
        with self.store.transaction():
            obj = self._find(principal.account_id, request.params["guid"])
            if self.engine.allowed(obj, "cancel"):
                self.engine.transition(obj, "cancel")
        return Response.json(200, {"code": 0, "message": "cancel request submitted", "data": None})

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(
        self, obj: StoredObject, transition: Transition, body: dict[str, Any], private: dict[str, Any]
    ) -> None:
        body["state"] = transition.target
        body["updated_at"] = self._now()
        if transition.target == "COMPLETED":
            body["txid"] = hex_hash(GATEWAYS[private["gateway"]].txid_prefix)  # as its explorers write it
            body["completed_at"] = body["updated_at"]
