"""kamiPay's business rules for the sandbox emulator (handlers keyed by operationId).

Accounts and users. An account is a merchant. Each control-API credential of the account is a kamiPay
API user: `key_id` is the user name and `secret` the password. A credential's `data` may carry
`token_ttl` (seconds, 0 to 604800) to give that user its own token lifetime, as kamiPay configures
lifetimes per customer; otherwise the `token_ttl` option applies (default 3600 s, kamiPay's shortest).

Wallets. The merchant's wallets are declared in the account's `extra`:
`{"merchant_id": 1, "wallets": [{"address": "0x...", "wallet_id": 1, "wallet_desc": "Main wallet",
"currency_id": 1, "network_id": 1}]}` (only `address` is required; the rest default as shown, with
`wallet_id` numbering the wallets from 1). A wallet address belongs to one account only.

Balances. kamiPay keeps balances per address, the engine per (account, asset); the asset key is
`USDT@<address>` or `MATIC@<address>` with the address in lower case, e.g.
`{"USDT@0xab..": "100", "MATIC@0xab..": "1.5"}`, seeded through the control API like any balance.

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
import time
from decimal import Decimal, localcontext
from typing import Any, ClassVar

from ...chains import is_valid_ethereum_address
from ...sandbox.engine import Principal, ProviderSandbox
from ...sandbox.http import ApiError, Request, Response
from ...sandbox.ids import hex_hash
from ...sandbox.lifecycle import Lifecycle
from ...sandbox.store import InsufficientFunds
from ...sandbox.tokens import TokenIssuer
from . import auth

KIND = "withdrawal"
CHAIN = "polygon"
GAS_ASSET = "MATIC"
TOKENS = {"usdt": ("USDT", 6), "matic": ("MATIC", 18)}
"""Request token -> (balance symbol, decimal places on chain)."""
TOKEN_ORDER = ("MATIC", "USDT")
"""The order of the balance answer, as in kamiPay's example."""
DEFAULT_GAS = {"usdt": "0.01", "matic": "0.005"}
DEFAULT_TOKEN_TTL = 3600
MAX_TOKEN_TTL = 7 * 86400
ISSUER = "kamipay-sandbox"
MAX_INTEGER_DIGITS = 30
"""Seeded balances stay below 10**30, so balance arithmetic at `PRECISION` digits is always exact."""
PRECISION = 80

LIFECYCLE = Lifecycle(kind=KIND, initial="mined", transitions=(), happy_path=())
"""kamiPay answers only once the transaction is mined: there is nothing to advance."""


def balance_key(symbol: str, address: str) -> str:
    """The engine asset that holds `symbol` on `address` (see the module docstring)."""
    return f"{symbol}@{address.lower()}"


def decimal_places(value: Decimal) -> int:
    """Decimal places `value` really needs (`0.10` needs 1), without rounding or context limits."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


class Sandbox(ProviderSandbox):
    name = "kamipay"
    lifecycle: ClassVar[Lifecycle | None] = LIFECYCLE
    public_operations: ClassVar[frozenset[str]] = frozenset({"create_access_token"})
    # kamiPay documents no rate limit.

    # -- auth, errors -------------------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        try:
            user = auth.verify(
                request.headers.get("authorization"), self.tokens(), self.store.credential, now=time.time()
            )
        except auth.AuthError as error:
            raise ApiError(401, error.message, code="gateway" if error.gateway else None) from None
        return Principal(account_id=user.account_id, key_id=user.key_id)

    def tokens(self, ttl: float | None = None) -> TokenIssuer:
        default = int(self.engine.config.options.get("token_ttl", DEFAULT_TOKEN_TTL))
        return TokenIssuer(self.store, default if ttl is None else ttl)

    def render_error(self, error: ApiError) -> Response:
        if error.status == 401 and error.code == "gateway":
            body: dict[str, Any] = {"message": auth.GATEWAY_UNAUTHORIZED, "request_id": secrets.token_hex(16)}
        elif error.status >= 500:
            body = {"detail": "an unexpected error occurred"}
        elif error.status == 404 and error.message == "not found":
            body = {"detail": "Not Found"}  # the router's unknown path, in the framework's words
        elif error.status == 405:
            body = {"detail": "Method Not Allowed"}
        else:
            body = {"detail": error.message}
        return Response.json(error.status, body, error.headers)

    # -- seeding ------------------------------------------------------------------------------
    def seed_account(self, account: dict[str, Any]) -> None:
        extra = account.get("extra") or {}
        unknown = set(extra) - {"merchant_id", "wallets"}
        if unknown:
            raise ApiError(400, f"kamipay extra takes merchant_id and wallets, not {sorted(unknown)}")
        merchant_id = extra.get("merchant_id", 1)
        if not isinstance(merchant_id, int) or isinstance(merchant_id, bool) or merchant_id < 0:
            raise ApiError(400, "extra.merchant_id must be a non-negative integer")
        wallets = self._checked_wallets(account["id"], extra.get("wallets", []))
        for key, amount in (account.get("balances") or {}).items():
            symbol, _, address = key.partition("@")
            places = {"USDT": 6, "MATIC": 18}.get(symbol)
            if places is None or address not in wallets:
                raise ApiError(
                    400, f"balance {key!r}: kamipay balances are USDT@<wallet> or MATIC@<wallet>, wallet in lower case"
                )
            value = Decimal(amount)
            if decimal_places(value) > places or value.adjusted() >= MAX_INTEGER_DIGITS:
                raise ApiError(400, f"balance {key!r}: at most {places} decimals and {MAX_INTEGER_DIGITS} digits")
        for destination in account.get("whitelist") or []:
            if destination["network"] != CHAIN or not is_valid_ethereum_address(destination["address"]):
                raise ApiError(400, "kamipay whitelist entries are polygon addresses (0x + 40 hex, EIP-55 if mixed)")
        for credential in account.get("credentials") or []:
            ttl = (credential.get("data") or {}).get("token_ttl", DEFAULT_TOKEN_TTL)
            if not isinstance(ttl, int) or isinstance(ttl, bool) or not 0 <= ttl <= MAX_TOKEN_TTL:
                raise ApiError(400, f"credential data.token_ttl must be an integer from 0 to {MAX_TOKEN_TTL}")

    def _checked_wallets(self, account_id: str, wallets: Any) -> set[str]:
        if not isinstance(wallets, list):
            raise ApiError(400, "extra.wallets must be a list")
        seen: set[str] = set()
        others = (owner for owner in self.store.account_ids() if owner != account_id)
        taken = {address for owner in others for address in self._wallets(owner)}
        for wallet in wallets:
            address = wallet.get("address") if isinstance(wallet, dict) else None
            if not is_valid_ethereum_address(address):
                raise ApiError(400, "every wallet needs an address: 0x + 40 hex digits (EIP-55 if mixed case)")
            assert isinstance(address, str)
            key = address.lower()
            if key in seen or key in taken:
                raise ApiError(400, f"wallet {address} is declared twice or belongs to another account")
            seen.add(key)
            for name in ("wallet_id", "currency_id", "network_id"):
                if name in wallet and (not isinstance(wallet[name], int) or isinstance(wallet[name], bool)):
                    raise ApiError(400, f"wallet {name} must be an integer")
            if "wallet_desc" in wallet and not isinstance(wallet["wallet_desc"], str):
                raise ApiError(400, "wallet_desc must be a string")
        return seen

    def demo_seed(self) -> dict[str, Any]:
        wallet, destination = "0x1C0Ac0fFee00000000000000000000000488fedc", "0x6FE712C0000000000000000000000000E72988e6"
        return {
            "accounts": [
                {
                    "id": "merchant-1",
                    "credentials": [{"key_id": "kamipay-demo", "secret": secrets.token_urlsafe(18)}],
                    "extra": {"merchant_id": 1, "wallets": [{"address": wallet, "wallet_desc": "Main wallet"}]},
                    "balances": {balance_key("USDT", wallet): "1000.000000", balance_key("MATIC", wallet): "5"},
                    "whitelist": [{"network": CHAIN, "address": destination}],
                }
            ]
        }

    # -- lookups ------------------------------------------------------------------------------
    def _account_extra(self, account_id: str) -> dict[str, Any]:
        data = self.store.account(account_id) or {}
        extra = data.get("extra") or {}
        return extra if isinstance(extra, dict) else {}

    def _wallets(self, account_id: str) -> dict[str, dict[str, Any]]:
        """The account's wallets, by lower-case address, with every field filled in."""
        found: dict[str, dict[str, Any]] = {}
        extra = self._account_extra(account_id)
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
        return any(
            row["network"] == CHAIN and row["address"].lower() == address.lower()
            for row in self.store.whitelist(account_id)
        )

    def gas(self, token: str) -> Decimal:
        fees = {**DEFAULT_GAS, **self.engine.config.options.get("gas", {})}
        return Decimal(fees[token])

    # -- operations ---------------------------------------------------------------------------
    def create_access_token(self, request: Request, principal: Principal | None) -> Response:
        form = request.json  # the URL-encoded form, checked against the spec by the router
        user = self.store.credential(form["username"])
        if not auth.check_password(user, form["password"]):
            raise ApiError(401, auth.INCORRECT_CREDENTIALS)
        token, _ = self.tokens(self._user_ttl(form["username"])).issue(form["username"], time.time(), {"iss": ISSUER})
        return Response.json(200, {"access_token": token, "token_type": "bearer"})

    def create_withdrawal(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        body = request.json
        amount = request.json_exact()["amount"]
        token, from_address, to_address = body["token"], body["from_address"], body["to_address"]
        symbol, places = TOKENS[token]
        if not is_valid_ethereum_address(from_address):
            raise ApiError(400, "from_address is not a valid polygon address")
        if not is_valid_ethereum_address(to_address):
            raise ApiError(400, "to_address is not a valid polygon address")
        if from_address.lower() not in self._wallets(principal.account_id):
            raise ApiError(400, "from_address is not mapped to your user")
        if not self._whitelisted(principal.account_id, to_address):
            raise ApiError(400, "to_address is not whitelisted for your user")
        if decimal_places(amount) > places:
            raise ApiError(406, f"amount has more decimal places than {token} allows ({places})")
        gas = self.gas(token)
        token_asset, gas_asset = balance_key(symbol, from_address), balance_key(GAS_ASSET, from_address)
        tx_hash = hex_hash("0x")
        # Balances reach 30 integer and 18 decimal digits; the default 28-digit context would round.
        with localcontext() as context, self.store.transaction():
            context.prec = PRECISION
            if token_asset == gas_asset:
                self._debit(gas_asset, principal, amount + gas, f"insufficient {token} balance on from_address")
            else:
                self._debit(token_asset, principal, amount, f"insufficient {token} balance on from_address")
                self._debit(gas_asset, principal, gas, "insufficient matic balance on from_address to pay gas")
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
            self.store.insert_object(KIND, tx_hash, principal.account_id, "mined", record, asset=token_asset)
        result = {"status": "mined", "transactionHash": tx_hash, "to": to_address, f"{token} amount": amount}
        return Response.json(200, {"status": "ok", "msg": "transaction succesful", "data": result})

    def _debit(self, asset: str, principal: Principal, amount: Decimal, message: str) -> None:
        """Take `amount` out of `available` for good, inside the caller's transaction."""
        try:
            self.store.debit(principal.account_id, asset, amount)
        except InsufficientFunds:
            raise ApiError(400, message) from None

    def get_address_balance(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        address = request.params["address"]
        if address.lower() not in self._wallets(principal.account_id):
            raise ApiError(404, "Address not found")
        account = principal.account_id
        tokens = [
            {"token": symbol, "balance": self.store.balance(account, balance_key(symbol, address)).available}
            for symbol in TOKEN_ORDER
        ]
        data = {"address": address, "tokens": tokens}
        return Response.json(200, {"status": "ok", "msg": "Matic and USDt Balance", "data": data})

    def list_merchant_wallets(self, request: Request, principal: Principal | None) -> Response:
        assert principal is not None
        return Response.json(200, list(self._wallets(principal.account_id).values()))
