"""The emulator as an ASGI application, built from a provider's spec and its business rules.

Request pipeline for the provider API: read the body (size-limited) -> route from the spec (404/405)
-> injected fault (answer instead, drop the connection, or lose the answer after handling) ->
authenticate -> rate limit -> validate parameters and body against the spec -> the provider's
handler for that operationId -> (test mode) validate the response against the spec.
Every failure along the way is an `ApiError` rendered by the provider in its documented shape; an
unexpected exception is logged and answered as the provider's 500 without a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ..providers import Provider, find_repo_file, get
from ..spec import SpecDocument
from .control import Control
from .engine import Engine, Principal, ProviderSandbox, SandboxConfig
from .http import ApiError, ConnectionDropped, Request, Response
from .routing import Route, Router

log = logging.getLogger("withdrawal_apis.sandbox")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
CONTROL_PREFIX = "/_sandbox/"


class SandboxApp:
    def __init__(self, provider: Provider | str, config: SandboxConfig | None = None) -> None:
        self.provider_info = get(provider) if isinstance(provider, str) else provider
        self.config = config or SandboxConfig()
        module = importlib.import_module(f"{self.provider_info.module}.sandbox")
        provider_cls: type[ProviderSandbox] = module.Sandbox
        self.engine = Engine(self.config, provider_cls)
        self.provider = self.engine.provider
        self.router = Router(SpecDocument(self.provider_info.spec_path))
        self.control = Control(self.engine)
        self.control_router = Router(SpecDocument(find_repo_file("specs", "sandbox-control.yaml")))
        self.violations: list[str] = []
        self._check_handlers()
        self._background: asyncio.Task[None] | None = None

    def _check_handlers(self) -> None:
        missing = [r.operation_id for r in self.router.routes if self.provider.handler(r.operation_id) is None]
        missing += [r.operation_id for r in self.control_router.routes if self.control.handler(r.operation_id) is None]
        if missing:
            raise RuntimeError(f"{self.provider_info.name} sandbox has no handler for: {', '.join(missing)}")

    # -- ASGI ---------------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            await self._http(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.start_background()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.stop_background()
                await send({"type": "lifespan.shutdown.complete"})
                return

    def start_background(self) -> None:
        """Deliver webhooks and apply due transitions while the server runs."""
        if self._background is None:
            self._background = asyncio.get_running_loop().create_task(self.engine.outbox.run(self.engine.run_due))

    async def stop_background(self) -> None:
        if self._background is not None:
            self._background.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._background
            self._background = None

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        body, too_large = await self._read_body(receive)
        client = scope.get("client") or ("", 0)
        raw_path = scope.get("raw_path") or scope["path"].encode()
        request = Request(
            scope["method"], scope["path"], scope.get("query_string", b""), headers, body, client[0], raw_path
        )
        if request.path.startswith(CONTROL_PREFIX):
            response = self._dispatch_control(request, too_large)
        else:
            response = await self._dispatch_with_fault(request, too_large, send, started)
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers.items()]
                + [(b"content-length", str(len(response.body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": response.body})
        # One line per request; never headers or bodies, so no secret reaches the log.
        log.info(
            "%s %s -> %d (%.1f ms)",
            request.method,
            request.path,
            response.status,
            (time.perf_counter() - started) * 1000,
        )

    async def _dispatch_with_fault(self, request: Request, too_large: bool, send: Send, started: float) -> Response:
        """Handle a provider request under the next injected fault, if one is queued.

        Without `commit` the fault answers (or drops the connection) instead of the handler; with
        `commit` the handler runs and its changes stay, and only then is its answer lost.
        """
        fault = self.engine.faults.take()
        if fault is None:
            return self._dispatch(request, too_large, None, 1)
        if fault.latency_ms:
            await asyncio.sleep(fault.latency_ms / 1000)
        if not fault.commit:
            if fault.drop:
                await self._drop(request, send, started)
            return self._dispatch(request, too_large, fault.status, fault.retry_after)
        self._dispatch(request, too_large, None, 1)
        if fault.drop:
            await self._drop(request, send, started)
        assert fault.status is not None  # the control API refuses `commit` without `status` or `drop`
        return self.provider.render_error(injected_error(fault.status, fault.retry_after))

    async def _drop(self, request: Request, send: Send, started: float) -> None:
        """Start an answer and abandon it: the server closes the connection, the client gets no response."""
        log.info("%s %s -> dropped (%.1f ms)", request.method, request.path, (time.perf_counter() - started) * 1000)
        await send({"type": "http.response.start", "status": 500, "headers": []})
        raise ConnectionDropped("connection dropped by an injected fault")

    async def _read_body(self, receive: Receive) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        too_large = False
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.config.max_body_bytes:
                too_large = True
            elif chunk:
                chunks.append(chunk)
            if not message.get("more_body"):
                break
        return b"".join(chunks), too_large

    # -- dispatch -----------------------------------------------------------------------------
    def _dispatch(self, request: Request, too_large: bool, fault_status: int | None, retry_after: int) -> Response:
        provider = self.provider
        route: Route | None = None
        try:
            self.engine.run_due()
            route, request.path_params = self.router.match(request.method, request.path)
            if too_large:
                raise ApiError(400, f"request body larger than {self.config.max_body_bytes} bytes")
            if fault_status is not None:
                raise injected_error(fault_status, retry_after)
            principal: Principal | None = None
            if route.operation_id not in provider.public_operations:
                principal = provider.authenticate(request)
                wait = self.engine.limiter.check(principal.key_id)
                if wait is not None:
                    raise ApiError(429, "rate limit exceeded", headers={"retry-after": str(wait)})
            self.router.validate(route, request)
            handler = provider.handler(route.operation_id)
            assert handler is not None
            response = handler(request, principal)
        except ApiError as error:
            response = provider.render_error(error)
        except Exception:
            log.exception("unexpected error in %s %s", request.method, request.path)
            response = provider.render_error(ApiError(500, "internal server error"))
        if self.config.test_mode and route is not None and not (fault_status and response.status == fault_status):
            response = self._checked(route, response, provider.render_error)
        return response

    def _dispatch_control(self, request: Request, too_large: bool) -> Response:
        route: Route | None = None
        try:
            route, request.path_params = self.control_router.match(request.method, request.path)
            if too_large:
                raise ApiError(400, f"request body larger than {self.config.max_body_bytes} bytes")
            self.control_router.validate(route, request)
            response: Response = self.control.handler(route.operation_id)(request, None)
        except ApiError as error:
            response = self.control.render_error(error)
        except Exception:
            log.exception("unexpected error in %s %s", request.method, request.path)
            response = self.control.render_error(ApiError(500, "internal server error"))
        if self.config.test_mode and route is not None:
            response = self._checked(route, response, self.control.render_error, self.control_router)
        return response

    # -- test mode ----------------------------------------------------------------------------
    def _checked(
        self, route: Route, response: Response, render: Callable[[ApiError], Response], router: Router | None = None
    ) -> Response:
        problem = self.response_problem(route, response, router or self.router)
        if problem is None:
            return response
        message = f"{route.operation_id} answered {response.status} against its spec: {problem}"
        self.violations.append(message)
        log.error("CONTRACT VIOLATION: %s", message)
        failure = render(ApiError(500, "internal server error"))
        failure.headers["x-sandbox-contract-violation"] = message[:500].encode("ascii", "replace").decode()
        return failure

    def response_problem(self, route: Route, response: Response, router: Router) -> str | None:
        status = str(response.status)
        pointer = (
            route.response_pointers.get(status)
            or route.response_pointers.get(f"{status[0]}XX")
            or route.response_pointers.get("default")
        )
        if pointer is None:
            return f"status {status} is not documented"
        spec = router.spec
        declared, pointer = spec.resolve(spec.at(pointer), pointer)
        for name, header in (declared.get("headers") or {}).items():
            header, _ = spec.resolve(header, "")
            if header.get("required") and name.lower() not in response.headers:
                return f"required header {name} missing"
        content = declared.get("content") or {}
        if not content:
            return "a body was sent where none is documented" if response.body else None
        if "application/json" not in content:
            return None
        schema_pointer = f"{pointer}/content/application~1json/schema"
        errors = spec.errors(schema_pointer, response.data)
        return "; ".join(errors[:3]) if errors else None


def injected_error(status: int, retry_after: int) -> ApiError:
    """The answer of an injected fault: a 429 carries `Retry-After`."""
    if status == 429:
        return ApiError(429, "rate limit exceeded", headers={"retry-after": str(retry_after)})
    return ApiError(status, "injected fault")


def build_app(provider: str, config: SandboxConfig | None = None) -> SandboxApp:
    return SandboxApp(provider, config)


__all__ = ["SandboxApp", "build_app"]
