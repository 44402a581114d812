"""The control API (`specs/sandbox-control.yaml`): seed, inspect, drive lifecycles, move the clock, inject faults."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..money import format_decimal
from ..spec import SpecDocument
from .engine import Engine
from .guards import Fault
from .http import ApiError, Reason, Request, Response
from .lifecycle import AdvancePolicy
from .operations import Operation, Principal, collect, public
from .seeding import Seeder
from .store import Balance, StoredObject


def _balances(balances: Mapping[str, Balance]) -> dict[str, dict[str, str]]:
    return {
        asset: {"available": format_decimal(b.available), "frozen": format_decimal(b.frozen)}
        for asset, b in balances.items()
    }


class ControlApi:
    """Handlers of the control API. Its errors are always `{"error": "..."}`."""

    operations: dict[str, Operation]

    def __init__(self, engine: Engine, spec: SpecDocument) -> None:
        self.engine = engine
        self.spec = spec
        self.seeder = Seeder(engine)
        self.operations = collect(type(self))

    # -- pipeline hooks -----------------------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        raise ApiError(401, "the control API needs its token", reason=Reason.UNAUTHENTICATED)

    def authorize(self, principal: Principal, operation: Operation, request: Request) -> None:
        """Nothing beyond the token."""

    @staticmethod
    def render_error(error: ApiError) -> Response:
        return Response.json(error.status, {"error": error.message}, error.headers)

    @public("get_control_spec")
    def get_control_spec(self, request: Request) -> Response:
        return Response.json(200, self.spec.raw)

    # -- state --------------------------------------------------------------------------------
    @public("reset")
    def reset(self, request: Request) -> Response:
        self.engine.reset()
        return Response.empty()

    @public("seed")
    def seed(self, request: Request) -> Response:
        return Response.json(200, {"accounts": self.seeder.seed(request.json)})

    @public("list_accounts")
    def list_accounts(self, request: Request) -> Response:
        store = self.engine.store
        accounts = [
            {"id": account.id, "key_ids": [c.key_id for c in store.credentials(account.id)]}
            for account in store.accounts()
        ]
        return Response.json(200, {"accounts": accounts})

    @public("get_account")
    def get_account(self, request: Request) -> Response:
        store = self.engine.store
        account_id = request.params["account_id"]
        if store.account(account_id) is None:
            raise ApiError(404, "not found")
        wallets = store.wallets(account_id)
        body: dict[str, Any] = {
            "id": account_id,
            "balances": _balances(wallets.pop("", {})),
            "whitelist": [{"network": d.network, "address": d.address} for d in store.destinations(account_id)],
            "key_ids": [c.key_id for c in store.credentials(account_id)],
        }
        if wallets:
            body["wallets"] = {wallet: _balances(balances) for wallet, balances in wallets.items()}
        return Response.json(200, body)

    # -- lifecycle ----------------------------------------------------------------------------
    def _withdrawal(self, request: Request) -> StoredObject:
        lifecycle = self.engine.withdrawal_lifecycle
        obj = self.engine.store.get_object(lifecycle.kind, request.params["id"])
        if obj is None:
            raise ApiError(404, "not found")
        return obj

    def _state(self, obj: StoredObject) -> Response:
        available = self.engine.lifecycle(obj.kind).available(obj.status)
        return Response.json(
            200, {"id": obj.id, "account_id": obj.account_id, "status": obj.status, "available_transitions": available}
        )

    @public("get_withdrawal_state")
    def get_withdrawal_state(self, request: Request) -> Response:
        return self._state(self._withdrawal(request))

    @public("apply_transition")
    def apply_transition(self, request: Request) -> Response:
        with self.engine.store.transaction():  # read and move it in one step, whichever process asks
            obj = self._withdrawal(request)
            return self._state(self.engine.transition(obj, request.json["transition"]))

    def _clock(self, applied: int | None = None) -> Response:
        clock = self.engine.clock
        body: dict[str, Any] = {"now": clock.now(), "iso": clock.iso(), "offset": clock.offset}
        if applied is not None:
            body["applied"] = applied
        return Response.json(200, body)

    @public("get_clock")
    def get_clock(self, request: Request) -> Response:
        return self._clock()

    @public("advance_clock")
    def advance_clock(self, request: Request) -> Response:
        self.engine.clock.advance(float(request.json["seconds"]))
        return self._clock(self.engine.run_due())

    @public("update_config")
    def update_config(self, request: Request) -> Response:
        advance = request.json.get("advance")
        self.engine.configure(
            advance=None if advance is None else AdvancePolicy(advance), rate_limit=request.json.get("rate_limit")
        )
        return Response.json(200, {"advance": str(self.engine.advance), "rate_limit": self.engine.limiter.limit})

    # -- faults and webhooks ------------------------------------------------------------------
    @public("inject_fault")
    def inject_fault(self, request: Request) -> Response:
        body = request.json
        self.engine.faults.add(
            Fault(
                count=body["count"],
                status=body.get("status"),
                latency_ms=body.get("latency_ms", 0),
                retry_after=body.get("retry_after", 1),
                commit=body.get("commit", False),
                drop=body.get("drop", False),
            )
        )
        faults = [
            {
                "count": f.count,
                **({"status": f.status} if f.status else {}),
                "latency_ms": f.latency_ms,
                "retry_after": f.retry_after,
                "commit": f.commit,
                "drop": f.drop,
            }
            for f in self.engine.faults.pending
        ]
        return Response.json(201, {"faults": faults})

    @public("clear_faults")
    def clear_faults(self, request: Request) -> Response:
        self.engine.faults.clear()
        return Response.empty()

    @public("list_webhook_deliveries")
    def list_webhook_deliveries(self, request: Request) -> Response:
        deliveries = [
            {
                "id": d.id,
                "account_id": d.account_id,
                "event": d.event,
                "url": d.url,
                "status": d.status,
                "attempts": d.attempts,
                "last_status": d.last_status,
                "last_error": d.last_error,
                "headers": d.headers,
                "body": d.body.decode(),
                "created_at": d.created_at,
                "delivered_at": d.delivered_at,
            }
            for d in self.engine.store.deliveries(request.params.get("account_id"))
        ]
        return Response.json(200, {"deliveries": deliveries})
