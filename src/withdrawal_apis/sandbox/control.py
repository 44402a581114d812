"""Handlers of the control API (`specs/sandbox-control.yaml`), one method per operationId."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..money import format_decimal
from .engine import Engine, Principal
from .guards import Fault
from .http import ApiError, Request, Response
from .lifecycle import AdvancePolicy
from .store import StoredObject


class Control:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def handler(self, operation_id: str) -> Any:
        return getattr(self, operation_id, None)

    @staticmethod
    def render_error(error: ApiError) -> Response:
        return Response.json(error.status, {"error": error.message}, error.headers)

    # -- state --------------------------------------------------------------------------------
    def reset(self, request: Request, principal: Principal | None) -> Response:
        self.engine.store.reset()
        self.engine.clock.reset()
        self.engine.faults.clear()
        self.engine.limiter.reset()
        return Response.empty()

    def seed(self, request: Request, principal: Principal | None) -> Response:
        store = self.engine.store
        ids = []
        with store.transaction():
            for account in request.json["accounts"]:
                self.engine.provider.seed_account(account)
                data = {"webhook": account.get("webhook"), "extra": account.get("extra") or {}}
                store.put_account(account["id"], data)
                for credential in account.get("credentials", []):
                    store.put_credential(
                        credential["key_id"],
                        account["id"],
                        credential["secret"],
                        credential.get("active", True),
                        credential.get("data") or {},
                    )
                for asset, amount in (account.get("balances") or {}).items():
                    frozen = store.balance(account["id"], asset).frozen
                    store.set_balance(account["id"], asset, Decimal(amount), frozen)
                for destination in account.get("whitelist", []):
                    store.add_whitelisted(
                        account["id"], destination["network"], destination["address"], destination.get("data")
                    )
                ids.append(account["id"])
        return Response.json(200, {"accounts": ids})

    def get_account(self, request: Request, principal: Principal | None) -> Response:
        store = self.engine.store
        account_id = request.params["account_id"]
        if store.account(account_id) is None:
            raise ApiError(404, "not found")
        balances = {
            asset: {"available": format_decimal(b.available), "frozen": format_decimal(b.frozen)}
            for asset, b in store.balances(account_id).items()
        }
        whitelist = [{"network": row["network"], "address": row["address"]} for row in store.whitelist(account_id)]
        keys = [c.key_id for c in store.credentials() if c.account_id == account_id]
        return Response.json(200, {"id": account_id, "balances": balances, "whitelist": whitelist, "key_ids": keys})

    # -- lifecycle ----------------------------------------------------------------------------
    def _withdrawal(self, request: Request) -> StoredObject:
        obj = self.engine.store.get_object(self.engine.lifecycle.kind, request.params["id"])
        if obj is None:
            raise ApiError(404, "not found")
        return obj

    def _state(self, obj: StoredObject) -> Response:
        available = self.engine.lifecycle.available(obj.status)
        return Response.json(
            200, {"id": obj.id, "account_id": obj.account_id, "status": obj.status, "available_transitions": available}
        )

    def get_withdrawal_state(self, request: Request, principal: Principal | None) -> Response:
        return self._state(self._withdrawal(request))

    def apply_transition(self, request: Request, principal: Principal | None) -> Response:
        obj = self._withdrawal(request)
        return self._state(self.engine.transition(obj, request.json["transition"]))

    def _clock(self, applied: int | None = None) -> Response:
        clock = self.engine.clock
        body: dict[str, Any] = {"now": clock.now(), "iso": clock.iso(), "offset": clock.offset}
        if applied is not None:
            body["applied"] = applied
        return Response.json(200, body)

    def get_clock(self, request: Request, principal: Principal | None) -> Response:
        return self._clock()

    def advance_clock(self, request: Request, principal: Principal | None) -> Response:
        self.engine.clock.advance(float(request.json["seconds"]))
        return self._clock(self.engine.run_due())

    def update_config(self, request: Request, principal: Principal | None) -> Response:
        if "advance" in request.json:
            self.engine.advance = AdvancePolicy(request.json["advance"])
        if "rate_limit" in request.json:
            self.engine.limiter.limit = request.json["rate_limit"]
            self.engine.limiter.reset()
        return Response.json(200, {"advance": str(self.engine.advance), "rate_limit": self.engine.limiter.limit})

    # -- faults and webhooks ------------------------------------------------------------------
    def inject_fault(self, request: Request, principal: Principal | None) -> Response:
        body = request.json
        status, drop, commit = body.get("status"), body.get("drop", False), body.get("commit", False)
        if status is not None and drop:
            raise ApiError(400, "status and drop are mutually exclusive: a dropped connection has no status")
        if commit and status is None and not drop:
            raise ApiError(400, "commit needs a status or drop: it decides what happens to the handled answer")
        if status is None and not drop and not body.get("latency_ms"):
            raise ApiError(400, "a fault needs a status, drop, a latency_ms, or a combination")
        self.engine.faults.add(
            Fault(body["count"], status, body.get("latency_ms", 0), body.get("retry_after", 1), commit, drop)
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

    def clear_faults(self, request: Request, principal: Principal | None) -> Response:
        self.engine.faults.clear()
        return Response.empty()

    def list_webhook_deliveries(self, request: Request, principal: Principal | None) -> Response:
        return Response.json(200, {"deliveries": self.engine.outbox.deliveries(request.params.get("account_id"))})
