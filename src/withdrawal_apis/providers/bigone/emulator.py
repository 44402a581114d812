"""BigONE's business rules for the sandbox emulator (handlers keyed by operationId).

Balances. BigONE keeps each asset in several accounts: the fund, spot and contract accounts are the
wallets `fund`, `spot` and `contract` of the store (seed them as `"wallets": {"fund": {"USDT": "100"},
"spot": {...}}`). Withdrawals are taken from the fund account, as BigONE's wallet guide says, and
`POST /viewer/transfer` moves funds between the three at once (`10014` when the source does not hold
the amount). `balance` is reported as available + locked, `locked_balance` as what pending
withdrawals hold. Only fund and spot have balance endpoints; the contract API is not modelled.

Reference data. `GET /assets` and `GET /asset_pairs` serve the table of `gateways.py` with the fee and
minimum overrides and suspended gateways of the options applied, so they list exactly the terms that
create enforces.

Withdrawals. Create checks the asset and gateway (see `gateways.py`), that withdrawals on the gateway
are not suspended, the amount's precision and minimum, the address format for the gateway and the
memo on memo chains (all `10007`), then the trusted-address list (`whitelist` entries of the control
API with `network` = the gateway name, else `10403`), then locks amount + fee in the fund account
(`10014` if it does not cover them). `guid` is the idempotency key per account: the same guid with
the same request answers the original withdrawal without locking anything again; with a different
request it is `403` code `40302` ("already requested"). Without a guid the emulator makes one up,
which the client never learns (as with the real API). The numeric `id` comes from a per-sandbox
counter and is the id the control API uses (`/_sandbox/withdrawals/{id}/...`). The `{guid}` path
segment is resolved as a guid first and, if it is all digits, as the numeric id.

Lifecycle: `PENDING` → `complete` → `COMPLETED` (funds leave; `txid`, `completed_at` set), `fail` →
`FAILED` and `cancel` → `CANCELLED` (funds return). Cancel through the API is asynchronous as
documented: it always answers code 0 and only a `PENDING` withdrawal actually changes.

Transfers. `guid` names a transfer per account, as it does a withdrawal: the same guid with the same
request answers code 0 again without moving anything; with another request it is `40302`. Sub-accounts
are not modelled: a `type` other than `NORMAL` names a `sub_account` no account has (404, `10013`).

Keys. A credential's `data` may hold `scopes` (any of `view_balance`, `view_withdrawal_history`,
`execute_withdrawals`; all three when absent) and `allowed_ips` (the key's IP list; any IP when absent).
Both are checked before the request body is read: a key without the scope gets 403 whatever it sends.
Transfers need `view_balance`, the scope BigONE's transfer page names.
An account's `extra` may hold `customer_id` (string or integer, reported on withdrawals).

Listing is newest first with keyset paging: the `page_token` is base64url of the last item's sequence
number and an HMAC binding it to the account, so a forged or edited token is refused (404, 10013).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from ...money import decimal_places, exact_sum, format_decimal, json_number, parse_decimal
from ...sandbox import (
    ApiError,
    Lifecycle,
    Operation,
    Principal,
    ProviderSandbox,
    Request,
    Response,
    Transition,
    operation,
    public,
)
from ...sandbox.http import Reason
from ...sandbox.ids import hex_hash
from ...sandbox.lifecycle import Effect
from ...sandbox.seeding import account_schema, closed
from ...sandbox.store import Filter, InsufficientFunds, StoredObject
from . import auth
from .gateways import ASSETS, GATEWAYS, PAIRS, Asset, listing_id

KIND, TRANSFER = "withdrawal", "transfer"
FUND, SPOT, CONTRACT = "fund", "spot", "contract"
ACCOUNT_TYPES = {"FUND": FUND, "SPOT": SPOT, "CONTRACT": CONTRACT}  # a transfer's `from`/`to` -> wallet
VIEW_BALANCE, VIEW_WITHDRAWALS, EXECUTE_WITHDRAWALS = "view_balance", "view_withdrawal_history", "execute_withdrawals"
SCOPES = (VIEW_BALANCE, VIEW_WITHDRAWALS, EXECUTE_WITHDRAWALS)
MAX_PAGE = 200  # the provider documents no maximum for `limit`; larger values are cut to this
AMOUNT_PLACES = 16  # amounts and fees are printed with 16 decimals, as in a captured real response

# The demo seed (`withdrawal-apis sandbox bigone`): fixed, so that the README's examples and the spec's
# request examples run as written against it. A local sandbox key, worth nothing anywhere else.
DEMO_KEY = "0c5e8a3f-6b1d-4f2e-9a7c-8d3b2e1f4a60"
DEMO_SECRET = "0123456789abcdef" * 4
DEMO_DESTINATIONS = (
    ("Tron", "TNGJhrUp1chLfj9B9kmUQubutka4FiWrSV"),
    ("Ethereum", "0x52908400098527886E0F7030069857D2E4169EE7"),
    ("Bitcoin", "3PumsXwUSakZomHXMcY93RrVRJ7PAi2ida"),
    ("Bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("EOS", "bigonewallet"),
)

LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="PENDING",
    transitions=(
        Transition("complete", frozenset({"PENDING"}), "COMPLETED", Effect.SETTLE, delay=600),
        Transition("fail", frozenset({"PENDING"}), "FAILED", Effect.RELEASE),
        Transition("cancel", frozenset({"PENDING"}), "CANCELLED", Effect.RELEASE),
    ),
    happy_path=("complete",),
    failures=("fail",),
)

# Code and table message for errors raised without a BigONE code (routing, validation, limits, faults).
_DEFAULT_CODES: dict[int, tuple[int, str]] = {
    400: (10007, "Parameter error"),
    401: (40004, "Unauthorized"),
    403: (10403, "Permission denied"),
    404: (10013, "Resource not found"),
    405: (10013, "Resource not found"),
    413: (10007, "Parameter error"),
    429: (10429, "Too many requests"),
}
_INTERNAL = (10005, "Internal error")
_SYMBOL = {"type": "string", "pattern": "^[A-Za-z0-9]{1,20}$"}
_AMOUNT = {"type": "string", "pattern": "^[0-9]{1,40}(\\.[0-9]{1,40})?$"}
_PER_GATEWAY = {"type": "object", "additionalProperties": _AMOUNT}


def _per_asset(description: str, value: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON Schema of an option keyed by asset symbol."""
    return {
        "type": "object",
        "description": description,
        "propertyNames": {"enum": list(ASSETS)},
        "additionalProperties": value,
        "default": {},
    }


def parameter_error(reason: str) -> ApiError:
    return ApiError(400, f"Parameter error: {reason}", code=10007)


def not_found(reason: str = "") -> ApiError:
    return ApiError(404, f"Resource not found: {reason}" if reason else "Resource not found", code=10013)


def permission_denied(reason: str) -> ApiError:
    return ApiError(403, f"Permission denied: {reason}", code=10403, reason=Reason.FORBIDDEN)


class Sandbox(ProviderSandbox):
    name = "bigone"
    lifecycles = (LIFECYCLE,)
    rate_limit = (500, 10.0)  # 500 requests per 10 seconds (per IP at BigONE; per key here)
    seed_schema: ClassVar[Mapping[str, Any]] = account_schema(
        balances={"maxProperties": 0, "description": "BigONE balances live in the wallets fund, spot and contract"},
        wallets={"propertyNames": {"enum": [FUND, SPOT, CONTRACT]}, "additionalProperties": {"propertyNames": _SYMBOL}},
        credential_data=closed(
            {
                "scopes": {"type": "array", "items": {"enum": list(SCOPES)}},
                "allowed_ips": {"type": "array", "items": {"type": "string", "maxLength": 64}},
            }
        ),
        whitelist_entry={"properties": {"network": {"enum": list(GATEWAYS)}}},
        extra=closed({"customer_id": {"type": ["string", "integer"]}}),
    )
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "fees": _per_asset("fee overrides: asset symbol -> gateway -> flat fee", _PER_GATEWAY),
            "minimums": _per_asset("minimum withdrawal overrides: asset symbol -> gateway -> amount", _PER_GATEWAY),
            "suspended": _per_asset(
                "gateways whose withdrawals are closed: asset symbol -> gateway names",
                {"type": "array", "items": {"enum": list(GATEWAYS)}},
            ),
        },
    }

    # -- auth, errors, seeding ----------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(
                request.headers.get("authorization"), self.store.credential, now_ns=int(self.clock.wall() * 1e9)
            )
        except auth.AuthError as error:
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
        if error.code is not None:
            code, message = int(error.code), error.message
        elif error.status >= 500:
            code, message = _INTERNAL
        else:
            code, table_message = _DEFAULT_CODES.get(error.status, (10007, "Parameter error"))
            message = table_message if error.status == 429 else f"{table_message}: {error.message}"
        return Response.json(error.status, {"code": code, "message": message}, error.headers)

    def demo_seed(self) -> dict[str, Any]:
        return {
            "accounts": [
                {
                    "id": "bigone-demo",
                    "credentials": [{"key_id": DEMO_KEY, "secret": DEMO_SECRET}],
                    "wallets": {
                        FUND: {"USDT": "10000", "BTC": "5", "ETH": "10", "EOS": "100"},
                        SPOT: {"USDT": "500", "BTC": "2"},
                    },
                    "whitelist": [{"network": network, "address": address} for network, address in DEMO_DESTINATIONS],
                }
            ]
        }

    # -- helpers ------------------------------------------------------------------------------
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

    def fee(self, asset: Asset, gateway: str) -> Decimal:
        return asset.fee(gateway, self.options["fees"])

    def minimum(self, asset: Asset, gateway: str) -> Decimal:
        return asset.minimum(gateway, self.options["minimums"])

    def withdrawals_open(self, asset: Asset, gateway: str) -> bool:
        return gateway not in self.options["suspended"].get(asset.symbol, [])

    # -- page tokens (keyset cursor, HMAC-bound to the account) ---------------------------------
    def _token_key(self) -> bytes:
        # One key however many processes of a shared sandbox ask first.
        key = self.store.get_meta("bigone:page_token_key")
        return (key or self.store.meta_default("bigone:page_token_key", secrets.token_hex(32))).encode()

    def _token_mac(self, account_id: str, seq: int) -> str:
        return hmac.new(self._token_key(), f"{account_id}\n{seq}".encode(), hashlib.sha256).hexdigest()[:32]

    def encode_page_token(self, account_id: str, seq: int) -> str:
        raw = f"{seq}.{self._token_mac(account_id, seq)}".encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    def decode_page_token(self, account_id: str, token: str) -> int:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
        except (binascii.Error, ValueError):
            raise not_found("page_token was not issued for this list") from None
        seq_text, _, mac = raw.partition(".")
        if not seq_text.isdigit() or len(seq_text) > 18:
            raise not_found("page_token was not issued for this list")
        seq = int(seq_text)
        if not hmac.compare_digest(self._token_mac(account_id, seq), mac):
            raise not_found("page_token was not issued for this list")
        return seq

    # -- operations ---------------------------------------------------------------------------
    @public("ping")
    def ping(self, request: Request) -> Response:
        # Wall-clock time: it is what a token's nonce is checked against.
        return Response.json(200, {"code": 0, "data": {"timestamp": int(self.clock.wall() * 1e9)}})

    @public("list_asset_pairs")
    def list_asset_pairs(self, request: Request) -> Response:
        pairs = [
            {
                "id": listing_id(pair.name),
                "name": pair.name,
                "base_asset": self._pair_asset(pair.base),
                "quote_asset": self._pair_asset(pair.quote),
                "base_scale": pair.base_scale,
                "quote_scale": pair.quote_scale,
                "min_quote_value": pair.min_quote_value,
                "max_quote_value": pair.max_quote_value,
            }
            for pair in PAIRS
        ]
        return Response.json(200, {"code": 0, "data": pairs})

    @staticmethod
    def _pair_asset(symbol: str) -> dict[str, str]:
        asset = ASSETS[symbol]
        return {"id": asset.uuid, "symbol": asset.symbol, "name": asset.name}

    @public("list_assets")
    def list_assets(self, request: Request) -> Response:
        # `code` as the string "0", as in the one captured answer of this undocumented endpoint.
        return Response.json(200, {"code": "0", "message": "", "data": [self._listed(a) for a in ASSETS.values()]})

    def _listed(self, asset: Asset) -> dict[str, Any]:
        """One asset as `GET /assets` lists it: the same terms `create_withdrawal` enforces."""
        gateways = [
            {
                "guid": listing_id(asset.symbol, gateway),
                "gateway_name": gateway,
                "is_withdrawal_enabled": self.withdrawals_open(asset, gateway),
                "min_withdrawal_amount": format_decimal(self.minimum(asset, gateway)),
                "withdrawal_fee": format_decimal(self.fee(asset, gateway)),
                "is_memo_required": GATEWAYS[gateway].memo_required,
                "withdrawal_scale": asset.scale,
                "scale": asset.scale,
            }
            for gateway in asset.fees
        ]
        return {
            "uuid": asset.uuid,
            "symbol": asset.symbol,
            "name": asset.name,
            "scale": asset.scale,
            "is_fiat": False,
            "is_transfer_enabled": True,
            "transfer_scale": asset.scale,
            "binding_gateways": gateways,
        }

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
            raise not_found(f"asset {symbol} cannot be withdrawn here")
        gateway_name = body.get("gateway_name") or asset.default_gateway
        if gateway_name not in asset.fees:
            raise parameter_error(f"gateway_name must be one of {', '.join(asset.fees)} for {symbol}")
        gateway = GATEWAYS[gateway_name]
        if not self.withdrawals_open(asset, gateway.name):
            raise parameter_error(f"withdrawals of {symbol} on {gateway.name} are suspended")
        amount = parse_decimal(body["amount"])
        if decimal_places(amount) > asset.scale:
            raise parameter_error(f"amount has more than {asset.scale} decimals, the precision of {symbol}")
        minimum = self.minimum(asset, gateway.name)
        if amount < minimum:
            raise parameter_error(f"amount is below {format_decimal(minimum)}, the minimum on {gateway.name}")
        address, memo = body["target_address"], body.get("memo", "")
        if not gateway.is_valid_address(address):
            raise parameter_error(f"target_address is not a valid {gateway.name} address")
        if gateway.memo_required and not memo:
            raise parameter_error(f"memo is required for {gateway.name}")
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
                    raise ApiError(403, "already requested", code=40302)
                return Response.json(200, {"code": 0, "message": "", "data": existing.body})
            if self.store.destination(account_id, gateway.name, address) is None:
                raise permission_denied(f"target_address is not on the trusted-address list for {gateway.name}")
            fee = self.fee(asset, gateway.name)
            hold = exact_sum(amount, fee)
            try:
                self.store.freeze(account_id, symbol, hold, FUND)
            except InsufficientFunds:
                raise ApiError(400, "Insufficient funds", code=10014) from None
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
        kind, sub_account = body.get("type", "NORMAL"), body.get("sub_account")
        if kind == "NORMAL" and sub_account is not None:
            raise parameter_error("sub_account must be empty when type is NORMAL")
        if kind != "NORMAL":
            if sub_account is None:
                raise parameter_error(f"sub_account is required when type is {kind}")
            raise not_found(f"no sub-account named {sub_account!r}")
        if source == target:
            raise parameter_error("from and to must be different accounts")
        asset = ASSETS.get(symbol)
        if asset is None and not any(symbol in self.store.balances(account_id, w) for w in ACCOUNT_TYPES.values()):
            raise not_found(f"no asset {symbol}")
        amount = parse_decimal(body["amount"])
        if asset is not None and decimal_places(amount) > asset.scale:
            raise parameter_error(f"amount has more than {asset.scale} decimals, the transfer precision of {symbol}")
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
                    raise ApiError(403, "already requested", code=40302)
                return Response.json(200, {"code": 0, "data": None})
            try:
                self.store.transfer(account_id, symbol, amount, source, target)
            except InsufficientFunds:
                raise ApiError(400, "Insufficient funds", code=10014) from None
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
        before = self.decode_page_token(account_id, params["page_token"]) if "page_token" in params else None
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
            answer["page_token"] = self.encode_page_token(account_id, page[-1].seq)
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
