"""Toy Pay's emulator: a USDT balance, withdrawals held until they complete or fail."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any, ClassVar

from withdrawal_apis.credentials import AuthError
from withdrawal_apis.money import format_decimal, parse_decimal
from withdrawal_apis.sandbox import (
    ApiError,
    Effect,
    InsufficientFunds,
    Lifecycle,
    Principal,
    ProviderSandbox,
    Request,
    Response,
    StoredObject,
    Transition,
    account_schema,
    operation,
    ulid,
)

from . import auth

ASSET = "USDT"
KIND = "withdrawal"
LIFECYCLE = Lifecycle(
    kind=KIND,
    initial="PENDING",
    transitions=(
        Transition("complete", frozenset({"PENDING"}), "COMPLETED", Effect.SETTLE, delay=60),
        Transition("fail", frozenset({"PENDING"}), "FAILED", Effect.RELEASE),
    ),
    happy_path=("complete",),
    failures=("fail",),
)


def insufficient_balance(short: InsufficientFunds) -> ApiError:
    return ApiError(400, "insufficient balance")


class Sandbox(ProviderSandbox):
    name = "toy"
    lifecycles = (LIFECYCLE,)
    seed_schema: ClassVar[Mapping[str, Any]] = account_schema(balances={"propertyNames": {"const": ASSET}})

    def authenticate(self, request: Request) -> Principal:
        try:
            key = auth.verify(request.headers, self.store.credential, now=self.clock.wall())
        except AuthError as error:
            raise ApiError(error.status, error.message) from None
        return Principal(account_id=key.account_id, key_id=key.key_id)

    def render_error(self, error: ApiError) -> Response:
        return Response.json(error.status, {"error": error.message}, error.headers)

    def demo_seed(self) -> dict[str, Any]:
        credential = {"key_id": "toy_demo", "secret": secrets.token_hex(16)}
        return {"accounts": [{"id": "toy-merchant", "credentials": [credential], "balances": {ASSET: "1000.00"}}]}

    @operation("get_balance")
    def get_balance(self, request: Request, principal: Principal) -> Response:
        balance = self.store.balance(principal.account_id, ASSET)
        available, held = format_decimal(balance.available, 2), format_decimal(balance.frozen, 2)
        return Response.json(200, {"asset": ASSET, "available": available, "held": held})

    @operation("create_withdrawal")
    def create_withdrawal(self, request: Request, principal: Principal) -> Response:
        body = request.json
        amount = parse_decimal(body["amount"])
        if amount <= 0:
            raise ApiError(400, "invalid amount")
        withdrawal_id = f"wd_{ulid(self.clock.now())}"
        withdrawal = {
            "id": withdrawal_id,
            "amount": body["amount"],
            "address": body["address"],
            "network": body["network"],
            "status": LIFECYCLE.initial,
            "created_at": self.clock.iso(),
        }
        with self.store.transaction():
            self.store.freeze(principal.account_id, ASSET, amount, refusal=insufficient_balance)
            obj = self.store.insert_object(
                KIND, withdrawal_id, principal.account_id, LIFECYCLE.initial, withdrawal, asset=ASSET, hold=amount
            )
            self.engine.schedule_happy_path(obj)
        return Response.json(201, withdrawal)

    @operation("get_withdrawal")
    def get_withdrawal(self, request: Request, principal: Principal) -> Response:
        obj = self.store.get_object(KIND, request.params["id"])
        if obj is None or obj.account_id != principal.account_id:
            raise ApiError(404, "not found")
        return Response.json(200, obj.body)

    def on_transition(
        self, obj: StoredObject, transition: Transition, body: dict[str, Any], private: dict[str, Any]
    ) -> None:
        body["status"] = transition.target
