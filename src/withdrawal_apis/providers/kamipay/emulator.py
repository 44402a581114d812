"""kamiPay's business rules for the sandbox emulator (handlers keyed by operationId).

Accounts and users. An account is a merchant. Each control-API credential of the account is a kamiPay
API user: `key_id` is the user name and `secret` the password. A credential's `data` may carry
`token_ttl` (seconds, 0 to 604800) to give that user its own token lifetime, as kamiPay configures
lifetimes per customer; otherwise the `token_ttl` option applies (default 3600 s, kamiPay's shortest).

Wallets. The merchant's wallets are declared in the account's `extra`:
`{"merchant_id": 1, "wallets": [{"address": "0x...", "wallet_id": 1, "wallet_desc": "Main wallet",
"currency_id": 1, "network_id": 1}]}` (only `address` is required; the rest default as shown, with
`wallet_id` numbering the wallets from 1). A wallet address belongs to one account only.

Balances. kamiPay keeps balances per address: each wallet address (in lower case) is a wallet of the
store holding `USDT` and `MATIC`, seeded as `"wallets": {"0xab..": {"USDT": "100", "MATIC": "1.5"}}`.

Whitelist. Destinations are control-API whitelist entries with network `polygon`. Addresses compare
case-insensitively everywhere.

Withdrawals are synchronous, as kamiPay's `status: "mined"` answer shows: the token and the gas leave
the source address in the same transaction that records the withdrawal, so nothing is ever frozen.
Gas is a flat fee in MATIC paid by `from_address`: 0.01 for a USDT (ERC-20) transfer and 0.005 for a
native MATIC transfer, configurable with the `gas` option (`{"usdt": "0.01", "matic": "0.005"}`). A
MATIC withdrawal needs amount + gas in MATIC; a USDT withdrawal needs the amount in USDT and the gas
in MATIC. Each withdrawal is stored as a `withdrawal` object in state `mined` (a lifecycle without
transitions), keyed by its transaction hash, so the control API can show it.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from ...chains import is_valid_ethereum_address, same_address
from ...credentials import AuthError
from ...money import decimal_places, exact_sum
from ...sandbox import (
    ApiError,
    Lifecycle,
    Principal,
    ProviderSandbox,
    Reason,
    Refusal,
    Request,
    Response,
    TokenIssuer,
    account_schema,
    closed,
    hex_hash,
    operation,
    public,
)
from . import auth

KIND = "withdrawal"
CHAIN = "polygon"
GAS_ASSET = "MATIC"
TOKENS = {"usdt": ("USDT", 6), "matic": ("MATIC", 18)}
"""Request token -> (balance symbol, decimal places on chain)."""
PLACES = dict(TOKENS.values())
TOKEN_ORDER = ("MATIC", "USDT")
"""The order of the balance answer, as in kamiPay's example."""
DEFAULT_GAS = {"usdt": "0.01", "matic": "0.005"}
DEFAULT_TOKEN_TTL = 3600
MAX_TOKEN_TTL = 7 * 86400
ISSUER = "kamipay-sandbox"
NO_GAS = "insufficient matic balance on from_address to pay gas"
MAX_INTEGER_DIGITS = 30
"""Seeded balances stay below 10**30, so balance arithmetic is always exact."""
_ADDRESS = {"type": "string", "pattern": "^0x[0-9a-fA-F]{40}$"}
_INTEGER = {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}

LIFECYCLE = Lifecycle(kind=KIND, initial="mined", transitions=(), happy_path=())
"""kamiPay answers only once the transaction is mined: there is nothing to advance."""


def refusal(message: str, rule: str) -> Refusal:
    """A balance that does not cover what a withdrawal takes from it: a 400 with `message`."""
    return lambda short: ApiError(400, message, rule=rule)


class Sandbox(ProviderSandbox):
    name = "kamipay"
    lifecycles = (LIFECYCLE,)
    # kamiPay documents no rate limit.
    seed_schema: ClassVar[Mapping[str, Any]] = account_schema(
        balances={"maxProperties": 0, "description": "kamiPay balances live in the wallet of each address"},
        wallets={
            "propertyNames": {"pattern": "^0x[0-9a-f]{40}$", "description": "a wallet address in lower case"},
            "additionalProperties": {
                "additionalProperties": False,
                "properties": {
                    symbol: {"pattern": f"^[0-9]{{1,{MAX_INTEGER_DIGITS}}}(\\.[0-9]{{1,{places}}})?$"}
                    for symbol, places in PLACES.items()
                },
            },
        },
        whitelist_entry={"properties": {"network": {"const": CHAIN}, "address": _ADDRESS}},
        credential_data=closed({"token_ttl": {"type": "integer", "minimum": 0, "maximum": MAX_TOKEN_TTL}}),
        extra=closed(
            {
                "merchant_id": _INTEGER,
                "wallets": {
                    "type": "array",
                    "items": closed(
                        {
                            "address": _ADDRESS,
                            "wallet_id": _INTEGER,
                            "currency_id": _INTEGER,
                            "network_id": _INTEGER,
                            "wallet_desc": {"type": "string", "maxLength": 200},
                        },
                        required=["address"],
                    ),
                },
            }
        ),
    )
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "gas": {
                "type": "object",
                "propertyNames": {"enum": list(TOKENS)},
                "additionalProperties": {"type": "string", "pattern": "^[0-9]{1,12}(\\.[0-9]{1,18})?$"},
                "default": DEFAULT_GAS,
            },
            "token_ttl": {"type": "integer", "minimum": 1, "maximum": MAX_TOKEN_TTL, "default": DEFAULT_TOKEN_TTL},
        },
    }

    # -- auth, errors -------------------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            user = auth.verify(
                request.headers.get("authorization"), self.tokens(), self.store.credential, now=self.clock.now()
            )
        except AuthError as error:
            raise ApiError(401, error.message, shape=error.shape, reason=Reason.UNAUTHENTICATED) from None
        return Principal(account_id=user.account_id, key_id=user.key_id)

    def tokens(self, ttl: int | None = None) -> TokenIssuer:
        return TokenIssuer(self.store, self.options["token_ttl"] if ttl is None else ttl)

    def render_error(self, error: ApiError) -> Response:
        if error.shape == auth.GATEWAY:
            body: dict[str, Any] = {"message": auth.GATEWAY_UNAUTHORIZED, "request_id": secrets.token_hex(16)}
        elif error.status >= 500:
            body = {"detail": "an unexpected error occurred"}
        elif error.reason is Reason.ROUTE_NOT_FOUND:
            body = {"detail": "Not Found"}  # the router's unknown path, in the framework's words
        elif error.reason is Reason.METHOD_NOT_ALLOWED:
            body = {"detail": "Method Not Allowed"}
        else:
            body = {"detail": error.message}
        problem = error.problem
        if error.reason is Reason.INVALID_REQUEST and problem is not None and problem.keyword == "multipleOf":
            # More decimal places than the token has: a value outside the allowed range (Known deviations 7).
            return Response.json(406, body, error.headers)
        return Response.json(error.status, body, error.headers)

    # -- seeding ------------------------------------------------------------------------------
    def demo_seed(self) -> dict[str, Any]:
        wallet, destination = "0x1C0Ac0fFee00000000000000000000000488fedc", "0x6FE712C0000000000000000000000000E72988e6"
        return {
            "accounts": [
                {
                    "id": "merchant-1",
                    "credentials": [{"key_id": "kamipay-demo", "secret": secrets.token_urlsafe(18)}],
                    "extra": {"merchant_id": 1, "wallets": [{"address": wallet, "wallet_desc": "Main wallet"}]},
                    "wallets": {wallet.lower(): {"USDT": "1000.000000", "MATIC": "5"}},
                    "whitelist": [{"network": CHAIN, "address": destination}],
                }
            ]
        }

    # -- lookups ------------------------------------------------------------------------------
    def _wallets(self, account_id: str) -> dict[str, dict[str, Any]]:
        """The account's wallets, by lower-case address, with every field filled in."""
        account = self.store.account(account_id)
        extra = account.extra if account else {}
        found: dict[str, dict[str, Any]] = {}
        for index, wallet in enumerate(extra.get("wallets") or [], start=1):
            found[wallet["address"].lower()] = {
                "merchant_id": extra.get("merchant_id", 1),
                "wallet_id": wallet.get("wallet_id", index),
                "wallet_desc": wallet.get("wallet_desc", f"Wallet {index}"),
                "currency_id": wallet.get("currency_id", 1),
                "address": wallet["address"],
                "network_id": wallet.get("network_id", 1),
            }
        return found

    def _user_ttl(self, username: str) -> int | None:
        """The user's own token lifetime (credential `data.token_ttl`), if it has one."""
        credential = self.store.credential(username)
        ttl = credential.data.get("token_ttl") if credential is not None else None
        return ttl if isinstance(ttl, int) and not isinstance(ttl, bool) else None

    def _whitelisted(self, account_id: str, address: str) -> bool:
        return any(same_address(d.address, address) for d in self.store.destinations(account_id, CHAIN))

    def gas(self, token: str) -> Decimal:
        return Decimal(self.options["gas"][token])

    # -- operations ---------------------------------------------------------------------------
    @public("create_access_token")
    def create_access_token(self, request: Request) -> Response:
        form = request.json  # the URL-encoded form, checked against the spec by the router
        user = self.store.credential(form["username"])
        if not auth.check_password(user, form["password"]):
            raise ApiError(401, auth.INCORRECT_CREDENTIALS, rule="valid-credentials")
        issuer = self.tokens(self._user_ttl(form["username"]))
        token, _ = issuer.issue(form["username"], self.clock.now(), {"iss": ISSUER})
        return Response.json(200, {"access_token": token, "token_type": "bearer"})

    @operation("create_withdrawal")
    def create_withdrawal(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount = request.json_exact()["amount"]
        token, from_address, to_address = body["token"], body["from_address"], body["to_address"]
        symbol, places = TOKENS[token]
        if not is_valid_ethereum_address(from_address):
            raise ApiError(400, "from_address is not a valid polygon address", rule="address-checksum")
        if not is_valid_ethereum_address(to_address):
            raise ApiError(400, "to_address is not a valid polygon address", rule="address-checksum")
        wallet = from_address.lower()
        if wallet not in self._wallets(principal.account_id):
            raise ApiError(400, "from_address is not mapped to your user", rule="merchant-wallet")
        if not self._whitelisted(principal.account_id, to_address):
            raise ApiError(400, "to_address is not whitelisted for your user", rule="whitelisted-destination")
        if decimal_places(amount) > places:
            # The schema's multipleOf, for digits a binary float cannot carry (the amount is read exactly).
            raise ApiError(406, f"amount has more decimal places than {token} allows ({places})")
        gas = self.gas(token)
        tx_hash = hex_hash("0x")
        not_enough = refusal(f"insufficient {token} balance on from_address", "covered-by-balance")
        with self.store.transaction():
            if symbol == GAS_ASSET:
                self.store.debit(principal.account_id, GAS_ASSET, exact_sum(amount, gas), wallet, refusal=not_enough)
            else:
                self.store.debit(principal.account_id, symbol, amount, wallet, refusal=not_enough)
                no_gas = refusal(NO_GAS, "gas-covered")
                self.store.debit(principal.account_id, GAS_ASSET, gas, wallet, refusal=no_gas)
            record = {
                "status": "mined",
                "transactionHash": tx_hash,
                "chain": CHAIN,
                "token": token,
                "amount": str(amount),
                "gas": str(gas),
                "from_address": from_address,
                "to": to_address,
                "created_at": self.clock.iso(),
            }
            self.store.insert_object(KIND, tx_hash, principal.account_id, "mined", record, asset=symbol, wallet=wallet)
        result = {"status": "mined", "transactionHash": tx_hash, "to": to_address, f"{token} amount": amount}
        return Response.json(200, {"status": "ok", "msg": "transaction succesful", "data": result})

    @operation("get_address_balance")
    def get_address_balance(self, request: Request, principal: Principal) -> Response:
        address = request.params["address"]
        if address.lower() not in self._wallets(principal.account_id):
            raise ApiError(404, "Address not found", rule="own-address")
        tokens = [
            {"token": symbol, "balance": self.store.balance(principal.account_id, symbol, address.lower()).available}
            for symbol in TOKEN_ORDER
        ]
        data = {"address": address, "tokens": tokens}
        return Response.json(200, {"status": "ok", "msg": "Matic and USDt Balance", "data": data})

    @operation("list_merchant_wallets")
    def list_merchant_wallets(self, request: Request, principal: Principal) -> Response:
        return Response.json(200, list(self._wallets(principal.account_id).values()))
