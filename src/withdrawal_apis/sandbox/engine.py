"""The runtime every emulator shares, and the base class a provider's rules extend.

`Engine` owns the store, the one clock, lifecycles and scheduled jobs, the webhook outbox, faults and
the rate limiter. On a shared store (a file or PostgreSQL that other processes also serve) it reads
one small row per request, the state's generation and the next job's due time, and reloads what the
control API sets for every process (clock, advance policy, rate limit, faults) only when the
generation has moved. `ProviderSandbox` is what `providers/<name>/sandbox.py` subclasses: its handlers
(declared with `@operation` / `@public`), authentication and authorization, the error renderer, the
webhook signer, the JSON Schemas of its seed accounts and options, and the hooks the engine calls when
an object changes state or a scheduled job of the provider comes due. A provider never writes SQL and
never replaces an engine method: everything it needs is a call on the engine or the store.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import jsonschema_rs

from .clock import VirtualClock
from .guards import Faults, RateLimiter
from .http import ApiError, Reason, Request, Response
from .lifecycle import AdvancePolicy, Effect, Lifecycle, Transition
from .operations import Operation, Principal, collect
from .store import Job, Store, StoredObject
from .webhooks import Outbox

log = logging.getLogger("withdrawal_apis.sandbox")


class ConfigError(ValueError):
    """A sandbox configuration (provider options, advance policy...) that cannot be served."""


@dataclass(frozen=True)
class SandboxConfig:
    db: str = ":memory:"
    advance: AdvancePolicy = AdvancePolicy.MANUAL
    test_mode: bool = False  # validate every response against the spec before sending it
    rate_limit: int | None = None  # requests per window; None = the provider's documented limit, 0 = off
    webhook_backoff: float = 1.0
    webhook_max_attempts: int = 8
    max_body_bytes: int = 64 * 1024
    # Seeds are the one bulk input: a full one (100 accounts with their keys, whitelists and wallets)
    # runs to megabytes. Only requests that pass the control token are read this far.
    max_control_body_bytes: int = 16 * 1024 * 1024
    body_timeout: float = 10.0  # seconds a request body may pause before the request is answered 408
    options: Mapping[str, Any] = field(default_factory=dict)  # provider options, checked by its options schema
    control_token: str | None = None  # when set, the control API answers only requests that carry it


class ProviderSandbox:
    """Base for a provider's business rules."""

    name: ClassVar[str]
    # One lifecycle per object kind that moves through states; the first is the withdrawal the
    # control API's `/withdrawals/{id}` addresses.
    lifecycles: ClassVar[tuple[Lifecycle, ...]] = ()
    rate_limit: ClassVar[tuple[int, float]] = (0, 1.0)  # (requests, window seconds) the provider documents
    # JSON Schema of one account in a seed document (its `extra`, credential `data`, balance keys...).
    seed_schema: ClassVar[Mapping[str, Any]] = {}
    # JSON Schema of the provider's options; `default`s of top-level properties fill in what is not
    # given, and an object-valued option is merged over its default (`fee={"TRC20": "2"}` keeps ERC20).
    options_schema: ClassVar[Mapping[str, Any]] = {"type": "object", "additionalProperties": False}
    operations: ClassVar[dict[str, Operation]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.operations = collect(cls)

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def store(self) -> Store:
        return self.engine.store

    @property
    def clock(self) -> VirtualClock:
        return self.engine.clock

    @property
    def options(self) -> Mapping[str, Any]:
        return self.engine.options

    # -- what every provider supplies ---------------------------------------------------------
    def authenticate(self, request: Request) -> Principal:
        raise NotImplementedError

    def render_error(self, error: ApiError) -> Response:
        raise NotImplementedError

    def demo_seed(self) -> dict[str, Any]:
        """The seed the CLI loads when none is given."""
        raise NotImplementedError

    def client_settings(self, account_id: str) -> dict[str, str]:
        """What a client acting for `account_id` needs besides its key and secret (an account or merchant id)."""
        return {}

    # -- hooks with a default -----------------------------------------------------------------
    def authorize(self, principal: Principal, operation: Operation, request: Request) -> None:
        """Refuse (ApiError 403) what the principal may not do beyond the operation's scopes."""

    def forbidden(self, message: str) -> ApiError:
        """The provider's answer to a key that lacks a scope the operation declares."""
        return ApiError(403, message, reason=Reason.FORBIDDEN)

    def sign_webhook(self, secret: str, body: bytes, timestamp: int) -> dict[str, str]:
        return {}

    def verify_webhook(self, secret: str, headers: Mapping[str, str], body: bytes, now: float) -> bool:
        """What a receiver does with a delivery: the provider's own verifier (False where it signs none)."""
        return False

    def on_transition(
        self, obj: StoredObject, transition: Transition, body: dict[str, Any], private: dict[str, Any]
    ) -> None:
        """Update the object's public `body` and `private` data in place after `transition`.

        Runs inside the transition's transaction, after the engine has moved the held money; it may
        queue webhooks or write ledger entries.
        """

    def run_job(self, obj: StoredObject | None, job: Job) -> None:
        """A scheduled job that is not a lifecycle transition has come due (`obj` may be gone)."""
        raise NotImplementedError(f"{self.name} schedules job {job.name!r} but does not run it")

    def seed_account(self, account: Mapping[str, Any]) -> None:
        """Provider-specific checks and writes for one seed account, after its schema has been checked.

        The engine then writes credentials, balances, wallets, the whitelist and the webhook endpoint.
        """


class Engine:
    def __init__(
        self, config: SandboxConfig, provider_cls: type[ProviderSandbox], wall: Callable[[], float] = time.time
    ) -> None:
        self.config = config
        self.options = resolve_options(provider_cls.name, provider_cls.options_schema, config.options)
        self.store = Store(config.db)
        self.clock = VirtualClock(self.store, wall)
        self.faults = Faults(self.store)
        limit, window = provider_cls.rate_limit
        self.configured_limit = limit if config.rate_limit is None else config.rate_limit
        self.limiter = RateLimiter(self.configured_limit, window, self.store if self.store.shared else None)
        self.advance = AdvancePolicy(config.advance)  # accept the plain string too
        self._generation = -1
        self._next_due = -math.inf  # when the next job is due; -inf: unknown, ask the store
        self._load_state()
        self.lifecycles = {lifecycle.kind: lifecycle for lifecycle in provider_cls.lifecycles}
        self.provider = provider_cls(self)
        self.outbox = Outbox(
            self.store,
            self.clock,
            self.provider.sign_webhook,
            backoff=config.webhook_backoff,
            max_attempts=config.webhook_max_attempts,
        )

    # -- state shared with the sandbox's other processes ------------------------------------------
    def sync(self) -> None:
        """Catch up with what other processes changed (one cheap read; nothing for a private store)."""
        if not self.store.shared:
            return
        generation, due = self.store.pulse()
        self._next_due = math.inf if due is None else due
        if generation != self._generation:
            self._load_state()

    def _load_state(self) -> None:
        self.store.forget()  # a reset by any process moved the generation: its signing keys are gone
        state = self.store.state()
        self._generation = state.generation
        self.clock.offset = state.clock_offset
        self.advance = AdvancePolicy(state.advance or self.config.advance)
        self.limiter.limit = self.configured_limit if state.rate_limit is None else state.rate_limit
        self.faults.waiting = state.faults > 0

    def configure(self, *, advance: AdvancePolicy | None = None, rate_limit: int | None = None) -> None:
        """Change the advance policy or rate limit for every process of the sandbox."""
        self.store.configure(advance=None if advance is None else str(advance), rate_limit=rate_limit)
        if rate_limit is not None:
            self.limiter.reset()
        self._load_state()

    def reset(self) -> None:
        """Empty the store (every process sees it at once); clock, faults and rate windows start over."""
        self.store.reset()
        self.limiter.reset()
        self._next_due = -math.inf
        self._load_state()

    def tick(self) -> int:
        """The background round: catch up with the other processes, then run due jobs."""
        self.sync()
        return self.run_due()

    def after_fork(self) -> None:
        """In a forked worker: a connection of its own, and the state read afresh."""
        self.store.reopen()
        self._next_due = -math.inf
        self._load_state()

    # -- lifecycles ---------------------------------------------------------------------------
    @property
    def withdrawal_lifecycle(self) -> Lifecycle:
        if not self.provider.lifecycles:
            raise ApiError(404, f"{self.provider.name} has no withdrawal lifecycle")
        return self.provider.lifecycles[0]

    def lifecycle(self, kind: str) -> Lifecycle:
        found = self.lifecycles.get(kind)
        if found is None:
            raise ApiError(404, f"{self.provider.name} has no lifecycle for {kind!r}")
        return found

    def transition(self, obj: StoredObject, name: str) -> StoredObject:
        """Apply a named transition: check it is allowed, move the held money, let the provider update the body."""
        lifecycle = self.lifecycle(obj.kind)
        transition = lifecycle.transition(name)
        if transition is None:
            known = ", ".join(t.name for t in lifecycle.transitions)
            if not known:
                raise ApiError(409, f"a {self.provider.name} {obj.kind} has no transitions")
            if any(other.transition(name) for other in self.provider.lifecycles):
                # A transition of the provider's other object kind: not one this kind has.
                raise ApiError(409, f"cannot {name} a {obj.kind}; its transitions: {known}")
            raise ApiError(400, f"unknown transition {name!r}; known: {known}")
        if obj.status not in transition.sources:
            allowed = ", ".join(lifecycle.available(obj.status)) or "none"
            raise ApiError(409, f"cannot {name} a {obj.kind} in {obj.status}; allowed: {allowed}")
        with self.store.transaction():
            if self.store.shared:
                # Another process may have moved it since the caller read it: judge what is stored now.
                obj = self.store.get_object(obj.kind, obj.id) or obj
                if obj.status not in transition.sources:
                    allowed = ", ".join(lifecycle.available(obj.status)) or "none"
                    raise ApiError(409, f"cannot {name} a {obj.kind} in {obj.status}; allowed: {allowed}")
            if transition.effect is Effect.RELEASE:
                self.store.release(obj.account_id, obj.asset, obj.hold, obj.wallet)
            elif transition.effect is Effect.SETTLE:
                self.store.settle(obj.account_id, obj.asset, obj.hold, obj.wallet)
            body, private = dict(obj.body), dict(obj.private)
            self.provider.on_transition(obj, transition, body, private)
            updated = self.store.update_object(obj, transition.target, body, private)
            if transition.target in lifecycle.terminal:
                self.store.unschedule(obj.kind, obj.id)
        return updated

    def allowed(self, obj: StoredObject, name: str) -> bool:
        transition = self.lifecycle(obj.kind).transition(name)
        return transition is not None and obj.status in transition.sources

    # -- scheduled work -----------------------------------------------------------------------
    def schedule(self, obj: StoredObject, job: str, *, at: float | None = None, delay: float = 0.0) -> None:
        """Run `job` (a transition of the object's lifecycle, or a provider job) at `at` or after `delay`."""
        due = self.clock.now() + delay if at is None else at
        self.store.schedule(Job(obj.kind, obj.id, job, due))
        self._next_due = min(self._next_due, due)

    def follow(self, obj: StoredObject, steps: Iterable[str]) -> None:
        """Queue transitions one after another under the advance policy (nothing when manual)."""
        if self.advance is AdvancePolicy.MANUAL:
            return
        lifecycle = self.lifecycle(obj.kind)
        due = self.clock.now()
        with self.store.transaction():
            for name in steps:
                transition = lifecycle.transition(name)
                if transition is None:
                    raise ValueError(f"{obj.kind} has no transition {name!r}")
                due += transition.delay if self.advance is AdvancePolicy.REALISTIC else 0.0
                self.store.schedule(Job(obj.kind, obj.id, name, due))
                self._next_due = min(self._next_due, due)

    def schedule_happy_path(self, obj: StoredObject) -> None:
        self.follow(obj, self.lifecycle(obj.kind).happy_path)

    def run_due(self) -> int:
        """Run every job whose time has come on the virtual clock, in order; returns how many ran."""
        now = self.clock.now()
        if self._next_due > now:
            return 0  # nothing is due (known without asking the store)
        ran = 0
        for job in self.store.due_jobs(now):
            try:
                with self.store.transaction():
                    ran += self._run_job(job)
            except Exception:
                # Rolled back; left queued it would fail again on every request, so it is dropped.
                log.exception("scheduled %s of %s %s failed and was dropped", job.name, job.kind, job.object_id)
                with self.store.transaction():
                    self.store.take_job(job)
        due = self.store.next_job_due()
        self._next_due = math.inf if due is None else due
        return ran

    def _run_job(self, job: Job) -> int:
        """One due job, inside the caller's transaction: 1 if it ran, 0 if it no longer applies."""
        if not self.store.take_job(job):
            return 0  # another round got here first
        obj = self.store.get_object(job.kind, job.object_id)
        lifecycle = self.lifecycles.get(job.kind)
        transition = lifecycle.transition(job.name) if lifecycle else None
        if transition is None:
            self.provider.run_job(obj, job)
        elif obj is not None and obj.status in transition.sources:
            self.transition(obj, job.name)
        else:
            return 0
        return 1


def resolve_options(owner: str, schema: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """The provider's options: `given` checked against its schema, over the schema's defaults."""
    validator = jsonschema_rs.validator_for(dict(schema))
    errors = [
        f"{'/'.join(map(str, e.instance_path)) or 'options'}: {e.message}" for e in validator.iter_errors(dict(given))
    ]
    if errors:
        known = ", ".join(sorted((schema.get("properties") or {}).keys())) or "none"
        raise ConfigError(f"{owner} options: {errors[0]} (known options: {known})")
    resolved: dict[str, Any] = {}
    for name, prop in (schema.get("properties") or {}).items():
        default = prop.get("default")
        value = given.get(name, default)
        if isinstance(default, dict) and isinstance(value, dict):
            value = {**default, **value}
        if value is not None:
            resolved[name] = value
    return resolved


__all__ = ["ConfigError", "Engine", "Principal", "ProviderSandbox", "SandboxConfig", "resolve_options"]
