"""BigONE's business rules for the sandbox emulator (handlers keyed by operationId).

Balances. The store keys balances by (account, asset); BigONE has two accounts per asset that matter
here, so the asset key carries the account type: `fund:USDT` and `spot:USDT` (seed them that way;
a key without the prefix is refused). Withdrawals are taken from the fund account, as BigONE's wallet
guide says. `balance` is reported as available + locked, `locked_balance` as what pending withdrawals hold.

Withdrawals. Create checks the asset and gateway (see `gateways.py`), the amount's precision, the
address format for the gateway and the memo on memo chains (all `10007`), then the trusted-address
list (`whitelist` entries of the control API with `network` = the gateway name, else `10403`), then
locks amount + fee in the fund account (`10014` if it does not cover them). `guid` is the idempotency
key per account: the same guid with the same request answers the original withdrawal without locking
anything again; with a different request it is `403` code `40302` ("already requested"). Without a
guid the emulator makes one up, which the client never learns (as with the real API). The numeric `id`
comes from a per-sandbox counter and is the id the control API uses (`/_sandbox/withdrawals/{id}/...`).
The `{guid}` path segment is resolved as a guid first and, if it is all digits, as the numeric id.

Lifecycle: `PENDING` → `complete` → `COMPLETED` (funds leave; `txid`, `completed_at` set), `fail` →
`FAILED` and `cancel` → `CANCELLED` (funds return). Cancel through the API is asynchronous as
documented: it always answers code 0 and only a `PENDING` withdrawal actually changes.

Keys. A credential's `data` may hold `scopes` (any of `view_balance`, `view_withdrawal_history`,
`execute_withdrawals`; all three when absent) and `allowed_ips` (the key's IP list; any IP when absent).
An account's `extra` may hold `customer_id` (string or integer, reported on withdrawals).

Listing is newest first with keyset paging: the `page_token` is base64url of the last item's sequence
number and an HMAC binding it to the account, so a forged or edited token is refused (404, 10013).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import random
import re
import secrets
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from ...chains import random_ethereum_address, random_tron_address
from ...money import format_decimal, parse_decimal
from ...sandbox.engine import Principal, ProviderSandbox
from ...sandbox.http import ApiError, Request, Response
from ...sandbox.lifecycle import Effect, Lifecycle, Transition
from ...sandbox.store import InsufficientFunds, StoredObject
from . import auth
from .gateways import ASSETS, GATEWAYS, Asset, new_txid

KIND = "withdrawal"
FUND, SPOT = "fund", "spot"
VIEW_BALANCE, VIEW_WITHDRAWALS, EXECUTE_WITHDRAWALS = "view_balance", "view_withdrawal_history", "execute_withdrawals"
SCOPES = frozenset({VIEW_BALANCE, VIEW_WITHDRAWALS, EXECUTE_WITHDRAWALS})
MAX_PAGE = 200  # the provider documents no maximum for `limit`; larger values are cut to this
AMOUNT_PLACES = 16  # amounts and fees are printed with 16 decimals, as in a captured real response

LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="PENDING",
    transitions=(
        Transition("complete", frozenset({"PENDING"}), "COMPLETED", Effect.SETTLE, delay=600),
        Transition("fail", frozenset({"PENDING"}), "FAILED", Effect.RELEASE),
        Transition("cancel", frozenset({"PENDING"}), "CANCELLED", Effect.RELEASE),
    ),
    happy_path=("complete",),
)

# Code and table message for errors raised without a BigONE code (routing, validation, limits, faults).
_DEFAULT_CODES: dict[int, tuple[int, str]] = {
    400: (10007, "Parameter error"),
    401: (40004, "Unauthorized"),
    403: (10403, "Permission denied"),
    404: (10013, "Resource not found"),
    405: (10013, "Resource not found"),
    429: (10429, "Too many requests"),
}
_INTERNAL = (10005, "Internal error")
_BALANCE_KEY = re.compile(r"(fund|spot):([A-Za-z0-9]{1,20})")


def balance_key(account_type: str, symbol: str) -> str:
    return f"{account_type}:{symbol}"


def parameter_error(reason: str) -> ApiError:
    return ApiError(400, f"Parameter error: {reason}", code=10007)


def not_found(reason: str = "") -> ApiError:
    return ApiError(404, f"Resource not found: {reason}" if reason else "Resource not found", code=10013)


def permission_denied(reason: str) -> ApiError:
    return ApiError(403, f"Permission denied: {reason}", code=10403)


def decimals(value: Decimal) -> int:
    """Significant decimal places (`2.50` has one)."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def public(body: dict[str, Any]) -> dict[str, Any]:
    """The withdrawal as served: without the emulator's bookkeeping keys (`_...`)."""
    return {k: v for k, v in body.items() if not k.startswith("_")}


class Sandbox(ProviderSandbox):
    name = "bigone"
    lifecycle: ClassVar[Lifecycle | None] = LIFECYCLE
    rate_limit = (500, 10.0)  # 500 requests per 10 seconds (per IP at BigONE; per key here)
    public_operations = frozenset({"ping"})

    # -- auth, errors, seeding ----------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(request.headers.get("authorization"), self.store.credential, now_ns=time.time_ns())
        except auth.AuthError as error:
            raise ApiError(error.status, error.detail, code=error.code) from None
        allowed = self._key_data(key.key_id).get("allowed_ips")
        if allowed and request.client_host not in allowed:
            raise permission_denied(f"{request.client_host} is not on this key's IP list")
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def _key_data(self, key_id: str) -> Mapping[str, Any]:
        credential = self.store.credential(key_id)
        return credential.data if credential is not None else {}

    def _require(self, principal: Principal | None, scope: str) -> Principal:
        assert principal is not None
        scopes = self._key_data(principal.key_id).get("scopes")
        if scopes is not None and scope not in scopes:
            raise permission_denied(f"this API key lacks the {scope} scope")
        return principal

    def render_error(self, error: ApiError) -> Response:
        if error.code is not None:
            code, message = int(error.code), error.message
        elif error.status >= 500:
            code, message = _INTERNAL
        else:
            code, table_message = _DEFAULT_CODES.get(error.status, (10007, "Parameter error"))
            message = table_message if error.status == 429 else f"{table_message}: {error.message}"
        return Response.json(error.status, {"code": code, "message": message}, error.headers)

    def seed_account(self, account: dict[str, Any]) -> None:
        for key in account.get("balances") or {}:
            if _BALANCE_KEY.fullmatch(key) is None:
                raise ApiError(400, f"bigone balances are keyed fund:SYMBOL or spot:SYMBOL, not {key!r}")
        for credential in account.get("credentials") or []:
            data = credential.get("data") or {}
            unknown = set(data) - {"scopes", "allowed_ips"}
            if unknown:
                raise ApiError(400, f"unknown credential settings: {', '.join(sorted(unknown))}")
            scopes = data.get("scopes")
            if scopes is not None and (not isinstance(scopes, list) or not set(scopes) <= SCOPES):
                raise ApiError(400, f"scopes must be a list drawn from {', '.join(sorted(SCOPES))}")
            ips = data.get("allowed_ips")
            if ips is not None and (not isinstance(ips, list) or not all(isinstance(ip, str) for ip in ips)):
                raise ApiError(400, "allowed_ips must be a list of IP addresses")
        for destination in account.get("whitelist") or []:
            gateway = GATEWAYS.get(destination["network"])
            if gateway is None:
                raise ApiError(400, f"whitelist network must be a gateway name: {', '.join(GATEWAYS)}")
            if not gateway.is_valid_address(destination["address"]):
                raise ApiError(400, f"{destination['address']!r} is not a valid {gateway.name} address")
        extra = account.get("extra") or {}
        if set(extra) - {"customer_id"}:
            raise ApiError(400, "bigone accounts take only `customer_id` in extra")
        if "customer_id" in extra and not isinstance(extra["customer_id"], (str, int)):
            raise ApiError(400, "customer_id must be a string or an integer")

    def demo_seed(self) -> dict[str, Any]:
        rng = random.Random()
        return {
            "accounts": [
                {
                    "id": "bigone-demo",
                    "credentials": [{"key_id": str(uuid.uuid4()), "secret": secrets.token_hex(32)}],
                    "balances": {
                        "fund:USDT": "10000",
                        "fund:BTC": "1",
                        "fund:ETH": "10",
                        "spot:USDT": "500",
                        "spot:BTC": "0.5",
                    },
                    "whitelist": [
                        {"network": "Tron", "address": random_tron_address(rng)},
                        {"network": "Ethereum", "address": random_ethereum_address(rng)},
                        {"network": "Bitcoin", "address": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
                    ],
                }
            ]
        }

    # -- helpers ------------------------------------------------------------------------------
    def _customer_id(self, account_id: str) -> str | int:
        extra = (self.store.account(account_id) or {}).get("extra") or {}
        found = extra.get("customer_id", account_id)
        return found if isinstance(found, (str, int)) else account_id

    def _now(self) -> str:
        """`2020-06-03T00:50:57+00:00`: the offset style of a captured real response, on the virtual clock."""
        return datetime.fromtimestamp(self.clock.now(), tz=UTC).isoformat(timespec="seconds")

    def _next_id(self) -> int:
        value = int(self.store.get_meta("bigone:last_withdrawal_id", "0") or 0) + 1
        self.store.set_meta("bigone:last_withdrawal_id", str(value))
        return value

    def _find(self, account_id: str, key: str) -> StoredObject:
        obj = self.store.object_by_idem_key(KIND, account_id, key)
        if obj is None and key.isdigit():
            candidate = self.store.get_object(KIND, str(int(key)))
            obj = candidate if candidate is not None and candidate.account_id == account_id else None
        if obj is None:
            raise not_found("no withdrawal with this guid")
        return obj

    def fee(self, asset: Asset, gateway: str) -> Decimal:
        return asset.fee(gateway, self.engine.config.options.get("fees"))

    # -- page tokens (keyset cursor, HMAC-bound to the account) ---------------------------------
    def _token_key(self) -> bytes:
        key = self.store.get_meta("bigone:page_token_key")
        if key is None:
            key = secrets.token_hex(32)
            self.store.set_meta("bigone:page_token_key", key)
        return key.encode()

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
    def ping(self, request: Request, principal: Principal | None) -> Response:
        # Wall-clock time: it is what a token's nonce is checked against.
        return Response.json(200, {"code": 0, "data": {"timestamp": time.time_ns()}})

    def _accounts(self, account_id: str, account_type: str) -> list[dict[str, str]]:
        prefix = f"{account_type}:"
        held = {k[len(prefix) :]: b for k, b in self.store.balances(account_id).items() if k.startswith(prefix)}
        symbols = sorted(set(ASSETS) | set(held))
        return [self._account_entry(account_id, account_type, symbol) for symbol in symbols]

    def _account_entry(self, account_id: str, account_type: str, symbol: str) -> dict[str, str]:
        balance = self.store.balance(account_id, balance_key(account_type, symbol))
        return {
            "asset_symbol": symbol,
            "balance": format_decimal((balance.available + balance.frozen).normalize()),
            "locked_balance": format_decimal(balance.frozen.normalize()),
        }

    def _one_account(self, request: Request, principal: Principal | None, account_type: str) -> Response:
        account_id = self._require(principal, VIEW_BALANCE).account_id
        symbol = request.params["asset_symbol"]
        if symbol not in ASSETS and balance_key(account_type, symbol) not in self.store.balances(account_id):
            raise not_found(f"no asset {symbol}")
        return Response.json(200, {"code": 0, "data": self._account_entry(account_id, account_type, symbol)})

    def list_spot_accounts(self, request: Request, principal: Principal | None) -> Response:
        account_id = self._require(principal, VIEW_BALANCE).account_id
        return Response.json(200, {"code": 0, "data": self._accounts(account_id, SPOT)})

    def get_spot_account(self, request: Request, principal: Principal | None) -> Response:
        return self._one_account(request, principal, SPOT)

    def list_fund_accounts(self, request: Request, principal: Principal | None) -> Response:
        account_id = self._require(principal, VIEW_BALANCE).account_id
        return Response.json(200, {"code": 0, "data": self._accounts(account_id, FUND)})

    def get_fund_account(self, request: Request, principal: Principal | None) -> Response:
        return self._one_account(request, principal, FUND)

    def create_withdrawal(self, request: Request, principal: Principal | None) -> Response:
        account_id = self._require(principal, EXECUTE_WITHDRAWALS).account_id
        body = request.json
        symbol = body["symbol"]
        asset = ASSETS.get(symbol)
        if asset is None:
            raise not_found(f"asset {symbol} cannot be withdrawn here")
        gateway_name = body.get("gateway_name") or asset.default_gateway
        if gateway_name not in asset.fees:
            raise parameter_error(f"gateway_name must be one of {', '.join(asset.fees)} for {symbol}")
        gateway = GATEWAYS[gateway_name]
        amount = parse_decimal(body["amount"])
        if decimals(amount) > asset.scale:
            raise parameter_error(f"amount has more than {asset.scale} decimals, the precision of {symbol}")
        address, memo = body["target_address"], body.get("memo", "")
        if not gateway.is_valid_address(address):
            raise parameter_error(f"target_address is not a valid {gateway.name} address")
        if gateway.memo_required and not memo:
            raise parameter_error(f"memo is required for {gateway.name}")
        request_key = {
            "symbol": symbol,
            "gateway_name": gateway.name,
            "target_address": address,
            "amount": format_decimal(amount.normalize()),
            "memo": memo,
        }
        guid = body.get("guid") or str(uuid.uuid4())
        with self.store.transaction():
            existing = self.store.object_by_idem_key(KIND, account_id, guid)
            if existing is not None:
                if existing.body.get("_request") != request_key:
                    raise ApiError(403, "already requested", code=40302)
                return Response.json(200, {"code": 0, "message": "", "data": public(existing.body)})
            if self.store.whitelisted(account_id, gateway.name, address) is None:
                raise permission_denied(f"target_address is not on the trusted-address list for {gateway.name}")
            fee = self.fee(asset, gateway.name)
            hold = amount + fee
            try:
                self.store.freeze(account_id, balance_key(FUND, symbol), hold)
            except InsufficientFunds:
                raise ApiError(400, "Insufficient funds", code=10014) from None
            withdrawal_id = self._next_id()
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
                "_guid": guid,
                "_gateway": gateway.name,
                "_request": request_key,
            }
            obj = self.store.insert_object(
                KIND,
                str(withdrawal_id),
                account_id,
                LIFECYCLE.initial,
                withdrawal,
                asset=balance_key(FUND, symbol),
                hold=hold,
                idem_key=guid,
            )
            self.engine.schedule_happy_path(obj)
        return Response.json(200, {"code": 0, "message": "", "data": public(withdrawal)})

    def list_withdrawals(self, request: Request, principal: Principal | None) -> Response:
        account_id = self._require(principal, VIEW_WITHDRAWALS).account_id
        params = request.params
        limit = min(int(params["limit"]), MAX_PAGE)
        before = self.decode_page_token(account_id, params["page_token"]) if "page_token" in params else None
        clauses, args = [], []
        if "kind" in params:
            clauses.append("json_extract(body, '$.kind') = ?")
            args.append(params["kind"])
        if "asset_symbol" in params:
            clauses.append("asset = ?")
            args.append(balance_key(FUND, params["asset_symbol"]))
        objects, _ = self.store.objects_page(
            KIND, account_id, limit + 1, before_seq=before, where=" AND ".join(clauses), args=tuple(args)
        )
        page = objects[:limit]
        answer: dict[str, Any] = {"code": 0, "message": "", "data": [public(obj.body) for obj in page]}
        if len(objects) > limit:
            answer["page_token"] = self.encode_page_token(account_id, page[-1].seq)
        return Response.json(200, answer)

    def get_withdrawal(self, request: Request, principal: Principal | None) -> Response:
        account_id = self._require(principal, VIEW_WITHDRAWALS).account_id
        obj = self._find(account_id, request.params["guid"])
        return Response.json(200, {"code": 0, "message": "", "data": public(obj.body)})

    def cancel_withdrawal(self, request: Request, principal: Principal | None) -> Response:
        account_id = self._require(principal, EXECUTE_WITHDRAWALS).account_id
        with self.store.transaction():
            obj = self._find(account_id, request.params["guid"])
            if "cancel" in LIFECYCLE.available(obj.status):
                self.engine.transition(obj, "cancel")
        return Response.json(200, {"code": 0, "message": "cancel request submitted", "data": None})

    # -- lifecycle ----------------------------------------------------------------------------
    def on_transition(self, obj: StoredObject, transition: Transition, body: dict[str, Any]) -> dict[str, Any]:
        body["state"] = transition.target
        body["updated_at"] = self._now()
        if transition.target == "COMPLETED":
            body["txid"] = new_txid(GATEWAYS[body["_gateway"]])
            body["completed_at"] = body["updated_at"]
        return body
