"""The request pipeline: a visible stack of small steps, shared by the provider API and the control API.

    sync -> limit body -> route -> injected fault (its latency) -> its answer -> authenticate -> authorize
    -> rate limit -> catch up -> validate -> handle -> (a committed fault) -> (test mode) response contract check

Each step takes the `Exchange` (the request and what earlier steps learned about it) and either lets
it through, answers it (returns a `Response`), or refuses it (raises `ApiError`, which the endpoint
renders in its own error shape). The steps after the handler run on whatever answer there is.
Steps are built once, at start-up, with what they need; nothing is looked up per request. They are
plain calls: the one wait a request can meet, an injected latency, is a `delay` a step sets and the
pipeline sleeps before the next step. When the store's database cannot be reached, any step answers
503 with `Retry-After`, in the endpoint's shape.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..spec import RULE_HEADER
from .contract import Contract
from .engine import Engine
from .guards import Fault, Faults, RateLimiter
from .http import ApiError, Problem, Reason, Request, Response
from .operations import Operation, Principal
from .routing import Route, Router
from .store import StoreUnavailable

log = logging.getLogger("withdrawal_apis.sandbox")


class Endpoint(Protocol):
    """What the pipeline serves: a provider's sandbox or the control API."""

    @property
    def operations(self) -> Mapping[str, Operation]: ...

    def authenticate(self, request: Request) -> Principal: ...

    def authorize(self, principal: Principal, operation: Operation, request: Request) -> None: ...

    def render_error(self, error: ApiError) -> Response: ...


@dataclass
class Exchange:
    request: Request
    body_refusal: int | None = None  # 413 (too large) or 408 (too slow), found while reading the body
    route: Route | None = None
    operation: Operation | None = None
    principal: Principal | None = None
    fault: Fault | None = None
    delay: float = 0.0  # seconds to wait before the next step (an injected latency)
    handled: bool = False
    response: Response | None = None

    @property
    def op(self) -> Operation:
        if self.operation is None:
            raise RuntimeError("step runs before routing")
        return self.operation


Step = Callable[[Exchange], Response | None]
After = Callable[[Exchange, Response], Response]


class Pipeline:
    def __init__(self, endpoint: Endpoint, steps: Sequence[Step], after: Sequence[After] = ()) -> None:
        self.endpoint = endpoint
        self.steps = tuple(steps)
        self.after = tuple(after)

    async def __call__(self, request: Request, body_refusal: int | None = None) -> Response:
        exchange = Exchange(request, body_refusal)
        try:
            response = await self._run(exchange)
        except ApiError as error:
            response = self.endpoint.render_error(error)
            if error.rule is not None:
                response.headers[RULE_HEADER] = error.rule
        except StoreUnavailable:
            log.warning("%s %s answered 503: the store's database is unavailable", request.method, request.path)
            response = self.endpoint.render_error(unavailable())
        except Exception:
            log.exception("unexpected error in %s %s", request.method, request.path)
            response = self.endpoint.render_error(ApiError(500, "internal server error", reason=Reason.INTERNAL))
        for step in self.after:
            response = step(exchange, response)
        return response

    async def _run(self, exchange: Exchange) -> Response:
        for step in self.steps:
            answer = step(exchange)
            if exchange.delay:
                delay, exchange.delay = exchange.delay, 0.0
                await asyncio.sleep(delay)
            if answer is not None:
                return answer
        raise RuntimeError("the pipeline has no handler step")


def unavailable() -> ApiError:
    message = "the sandbox's database is unavailable; retry shortly"
    return ApiError(503, message, reason=Reason.UNAVAILABLE, headers={"retry-after": "1"})


# -- steps ------------------------------------------------------------------------------------
def sync(engine: Engine) -> Step:
    """See what the sandbox's other processes changed (clock, config, faults, due jobs)."""

    def step(exchange: Exchange) -> None:
        engine.sync()

    return step


def limit_body(max_bytes: int) -> Step:
    def step(exchange: Exchange) -> None:
        # The rest of the body was never read: the connection cannot carry another request.
        close = {"connection": "close"}
        if exchange.body_refusal == 413:
            problem = Problem("body", (), "limit", expected=f"{max_bytes} bytes")
            message = f"request body larger than {max_bytes} bytes"
            raise ApiError(413, message, reason=Reason.BODY_TOO_LARGE, problem=problem, headers=close)
        if exchange.body_refusal == 408:
            problem = Problem("body", (), "limit", expected="a body that keeps arriving")
            message = "request body not received in time"
            raise ApiError(408, message, reason=Reason.INVALID_REQUEST, problem=problem, headers=close)

    return step


def route(router: Router, endpoint: Endpoint) -> Step:
    operations = endpoint.operations

    def step(exchange: Exchange) -> None:
        request = exchange.request
        exchange.route, request.path_params = router.match(request.method, request.path)
        exchange.operation = operations[exchange.route.operation_id]

    return step


def inject_fault(faults: Faults) -> Step:
    """Take the injected fault this request meets, if any, and wait its latency (`answer_fault` answers it)."""

    def step(exchange: Exchange) -> None:
        fault = faults.take()
        if fault is not None:
            exchange.fault = fault
            exchange.delay = fault.latency_ms / 1000

    return step


def answer_fault(exchange: Exchange) -> Response | None:
    """The injected fault's answer in place of the handler's, unless it strikes after the commit."""
    fault = exchange.fault
    if fault is None or fault.commit or not fault.replaces_answer:
        return None
    if fault.drop:
        return Response.drop()
    raise fault_error(fault)


def fault_error(fault: Fault) -> ApiError:
    assert fault.status is not None
    if fault.status == 429:
        return ApiError(
            429, "rate limit exceeded", reason=Reason.RATE_LIMITED, headers={"retry-after": str(fault.retry_after)}
        )
    return ApiError(fault.status, "injected fault", reason=Reason.FAULT)


def authenticate(endpoint: Endpoint) -> Step:
    def step(exchange: Exchange) -> None:
        if not exchange.op.public:
            exchange.principal = endpoint.authenticate(exchange.request)

    return step


def authorize(endpoint: Endpoint, forbidden: Callable[[str], ApiError]) -> Step:
    """The operation's declared scopes, then whatever else the endpoint checks, before any body is read."""

    def step(exchange: Exchange) -> None:
        principal = exchange.principal
        if principal is None:
            return
        operation = exchange.op
        missing = sorted(operation.scopes - principal.scopes) if principal.scopes is not None else []
        if missing:
            raise forbidden(f"this API key lacks the {missing[0]} scope")
        endpoint.authorize(principal, operation, exchange.request)

    return step


def rate_limit(limiter: RateLimiter) -> Step:
    def step(exchange: Exchange) -> None:
        if exchange.principal is None:
            return
        wait = limiter.check(exchange.principal.key_id)
        if wait is not None:
            raise ApiError(429, "rate limit exceeded", reason=Reason.RATE_LIMITED, headers={"retry-after": str(wait)})

    return step


def catch_up(engine: Engine) -> Step:
    """Apply whatever came due on the virtual clock, so the handler sees the state of now."""

    def step(exchange: Exchange) -> None:
        engine.run_due()

    return step


def validate(router: Router) -> Step:
    def step(exchange: Exchange) -> None:
        assert exchange.route is not None
        router.validate(exchange.route, exchange.request)

    return step


def handle(endpoint: Endpoint) -> Step:
    def step(exchange: Exchange) -> Response:
        exchange.handled = True
        return exchange.op.call(endpoint, exchange.request, exchange.principal)

    return step


def token_check(token: str | None) -> Callable[[Mapping[str, str]], bool]:
    """Whether a control request may pass: no token configured, or it carries that one as a bearer."""
    if token is None:
        return lambda headers: True
    expected = f"Bearer {token}".encode()

    def carries(headers: Mapping[str, str]) -> bool:
        sent = headers.get("authorization", "").encode("latin-1", "replace")
        return hmac.compare_digest(sent, expected)

    return carries


def require_token(carries: Callable[[Mapping[str, str]], bool]) -> Step:
    """The control API's guard: with a token configured, every request must carry it as a bearer."""

    def step(exchange: Exchange) -> None:
        if not carries(exchange.request.headers):
            raise ApiError(401, "the control API needs its token", reason=Reason.UNAUTHENTICATED)

    return step


# -- after the handler ------------------------------------------------------------------------
def committed_fault(render: Callable[[ApiError], Response]) -> After:
    """A fault that lets the request commit, then loses or replaces its answer."""

    def step(exchange: Exchange, response: Response) -> Response:
        fault = exchange.fault
        if fault is None or not fault.commit or not exchange.handled or not fault.replaces_answer:
            return response
        return Response.drop() if fault.drop else render(fault_error(fault))

    return step


def check_contract(contract: Contract, render: Callable[[ApiError], Response]) -> After:
    """Test mode: an answer the spec does not allow becomes a loud 500 and is recorded."""

    def step(exchange: Exchange, response: Response) -> Response:
        route = exchange.route
        if route is None or response.dropped or exchange.body_refusal is not None:
            return response  # the engine's own limits (README, "Limits") are not the provider spec's to list
        fault = exchange.fault
        if fault is not None and fault.status == response.status:
            return response  # an injected status is the point of the fault, not the handler's answer
        problem = contract.problem(route, response) or contract.rule_problem(route, response, RULE_HEADER)
        if problem is None:
            return response
        message = f"{route.operation_id} answered {response.status} against its spec: {problem}"
        contract.violations.append(message)
        log.error("CONTRACT VIOLATION: %s", message)
        failure = render(ApiError(500, "internal server error", reason=Reason.INTERNAL))
        failure.headers["x-sandbox-contract-violation"] = message[:500].encode("ascii", "replace").decode()
        return failure

    return step
