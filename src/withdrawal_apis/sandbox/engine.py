"""The runtime every provider emulator shares, and the base class a provider's rules extend.

`Engine` owns the store, the virtual clock, the lifecycle runner, the webhook outbox, faults and the
rate limiter. `ProviderSandbox` is what `providers/<name>/sandbox.py` subclasses: one method per
operationId of the provider's spec, plus authentication, the error renderer and the webhook signer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .clock import VirtualClock
from .guards import Faults, RateLimiter
from .http import ApiError, Request, Response
from .lifecycle import AdvancePolicy, Effect, Lifecycle, Transition
from .store import Store, StoredObject
from .webhooks import Outbox


@dataclass(frozen=True)
class SandboxConfig:
    db: str = ":memory:"
    advance: AdvancePolicy = AdvancePolicy.MANUAL
    test_mode: bool = False  # validate every response against the spec before sending it
    rate_limit: int | None = None  # requests per window; None = the provider's documented limit, 0 = off
    webhook_backoff: float = 1.0
    webhook_max_attempts: int = 8
    max_body_bytes: int = 64 * 1024
    options: dict[str, Any] = field(default_factory=dict)  # provider-specific knobs (e.g. the fee rule)


@dataclass(frozen=True)
class Principal:
    """Who a request authenticated as."""

    account_id: str
    key_id: str


Handler = Callable[[Request, Principal | None], Response]


class ProviderSandbox:
    """Base for a provider's business rules. Subclasses define one method per spec operationId."""

    name: ClassVar[str]
    lifecycle: ClassVar[Lifecycle | None] = None
    rate_limit: ClassVar[tuple[int, float]] = (0, 1.0)  # (requests, window seconds) the provider documents
    public_operations: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def store(self) -> Store:
        return self.engine.store

    @property
    def clock(self) -> VirtualClock:
        return self.engine.clock

    def handler(self, operation_id: str) -> Handler | None:
        found = getattr(self, operation_id, None)
        return found if callable(found) else None

    # -- what every provider must supply ------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        raise NotImplementedError

    def render_error(self, error: ApiError) -> Response:
        raise NotImplementedError

    def sign_webhook(self, secret: str, body: bytes, timestamp: int) -> dict[str, str]:
        return {}

    def on_transition(self, obj: StoredObject, transition: Transition, body: dict[str, Any]) -> dict[str, Any]:
        """The object's new body after `transition` (status already set by the engine); may queue webhooks."""
        return body

    def seed_account(self, account: dict[str, Any]) -> None:
        """Provider-specific seeding beyond keys, balances and whitelist (validate `extra`)."""

    def demo_seed(self) -> dict[str, Any]:
        """The seed the CLI loads when none is given."""
        raise NotImplementedError


class Engine:
    def __init__(self, config: SandboxConfig, provider_cls: type[ProviderSandbox]) -> None:
        self.config = config
        self.store = Store(config.db)
        self.clock = VirtualClock(self.store)
        self.faults = Faults()
        limit, window = provider_cls.rate_limit
        self.limiter = RateLimiter(limit if config.rate_limit is None else config.rate_limit, window)
        self.advance = AdvancePolicy(config.advance)  # accept the plain string too
        self.provider = provider_cls(self)
        self.outbox = Outbox(
            self.store,
            self.provider.sign_webhook,
            backoff=config.webhook_backoff,
            max_attempts=config.webhook_max_attempts,
        )

    # -- lifecycle ----------------------------------------------------------------------------
    @property
    def lifecycle(self) -> Lifecycle:
        if self.provider.lifecycle is None:
            raise ApiError(404, f"{self.provider.name} has no withdrawal lifecycle")
        return self.provider.lifecycle

    def transition(self, obj: StoredObject, name: str) -> StoredObject:
        """Apply a named transition: check it is allowed, move the held money, let the provider update the body."""
        lifecycle = self.lifecycle
        transition = lifecycle.transition(name)
        if transition is None:
            raise ApiError(
                400, f"unknown transition {name!r}; known: {', '.join(t.name for t in lifecycle.transitions)}"
            )
        if obj.status not in transition.sources:
            allowed = ", ".join(lifecycle.available(obj.status)) or "none"
            raise ApiError(409, f"cannot {name} a withdrawal in {obj.status}; allowed: {allowed}")
        with self.store.transaction() as db:
            if transition.effect is Effect.RELEASE:
                self.store.release(obj.account_id, obj.asset, obj.hold)
            elif transition.effect is Effect.SETTLE:
                self.store.settle(obj.account_id, obj.asset, obj.hold)
            body = self.provider.on_transition(obj, transition, dict(obj.body))
            updated = self.store.update_object(obj, transition.target, body)
            if transition.target in lifecycle.terminal:
                db.execute("DELETE FROM schedule WHERE kind = ? AND object_id = ?", (obj.kind, obj.id))
        return updated

    def schedule_happy_path(self, obj: StoredObject) -> None:
        """Queue the rest of the happy path under the current advance policy (nothing when manual)."""
        if self.advance is AdvancePolicy.MANUAL or self.provider.lifecycle is None:
            return
        due = self.clock.now()
        with self.store.transaction() as db:
            for name in self.provider.lifecycle.happy_path:
                transition = self.provider.lifecycle.transition(name)
                assert transition is not None
                due += transition.delay if self.advance is AdvancePolicy.REALISTIC else 0.0
                db.execute(
                    "INSERT OR REPLACE INTO schedule (kind, object_id, transition, due_at) VALUES (?, ?, ?, ?)",
                    (obj.kind, obj.id, name, due),
                )

    def run_due(self) -> int:
        """Apply every scheduled transition whose time has come on the virtual clock, in order."""
        rows = list(
            self.store.db.execute(
                "SELECT kind, object_id, transition FROM schedule WHERE due_at <= ? ORDER BY due_at, rowid",
                (self.clock.now(),),
            )
        )
        applied = 0
        for row in rows:
            with self.store.transaction() as db:
                db.execute(
                    "DELETE FROM schedule WHERE kind = ? AND object_id = ? AND transition = ?",
                    (row["kind"], row["object_id"], row["transition"]),
                )
                obj = self.store.get_object(row["kind"], row["object_id"])
                if obj is not None and self.lifecycle.transition(row["transition"]) is not None:
                    transition = self.lifecycle.transition(row["transition"])
                    if transition is not None and obj.status in transition.sources:
                        self.transition(obj, row["transition"])
                        applied += 1
        return applied
