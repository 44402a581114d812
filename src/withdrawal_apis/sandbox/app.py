"""The emulator as an ASGI application: a provider's rules behind the engine's two pipelines.

Requests under `/_sandbox/` go through the control API's pipeline; everything else through the
provider's (see `pipeline.py` for the steps). The app is composed from a provider class and its spec;
it knows no provider by name (`withdrawal_apis.emulators` looks providers up in the registry).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from ..resources import find_repo_file
from ..spec import SpecDocument, load_yaml
from . import pipeline as steps
from .contract import Contract
from .control import ControlApi
from .engine import Engine, ProviderSandbox, SandboxConfig
from .http import ApiError, ConnectionDropped, Request, Response
from .lifecycle import Lifecycle
from .operations import check_coverage
from .routing import Router
from .seeding import narrow

access_log = logging.getLogger("withdrawal_apis.sandbox.access")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
CONTROL_PREFIX = "/_sandbox/"
_HTTP1 = ("1.0", "1.1")


@functools.cache
def _control_document() -> tuple[Path, str]:
    path = find_repo_file("specs", "sandbox-control.yaml")
    return path, json.dumps(load_yaml(path))


def control_spec(provider_cls: type[ProviderSandbox] | None = None) -> SpecDocument:
    """The control API's spec as one emulator serves it: its seeds and transitions as its provider takes them.

    The published document describes what every emulator has in common. A provider adds its own seed
    rules (`ProviderSandbox.seed_schema`), folded into the schema of a seed account, and its
    lifecycles name the transitions there are. Each emulator serves this document at
    `/_sandbox/openapi.json`; without a provider it is the published one.
    """
    path, text = _control_document()
    raw = json.loads(text)
    if provider_cls is None:
        return SpecDocument(path, raw)
    schemas = raw["components"]["schemas"]
    if provider_cls.seed_schema:
        schemas["SeedAccount"] = narrow(schemas["SeedAccount"], provider_cls.seed_schema, schemas)
    if provider_cls.lifecycles:
        _name_transitions(raw, provider_cls.lifecycles)
    return SpecDocument(path, raw)


def _name_transitions(raw: dict[str, Any], lifecycles: Sequence[Lifecycle]) -> None:
    """The transition request as an enum of the provider's transitions, its examples taken from them."""
    names = list(dict.fromkeys(t.name for lifecycle in lifecycles for t in lifecycle.transitions))
    if not names:
        return  # nothing moves (every transition is refused 409), so any name is a valid request
    raw["components"]["schemas"]["TransitionRequest"]["properties"]["transition"]["enum"] = names
    first = lifecycles[0]
    step = (first.happy_path or names)[0]
    operation = raw["paths"]["/_sandbox/withdrawals/{id}/transitions"]["post"]
    operation["requestBody"]["content"]["application/json"]["examples"] = {
        "first_step": {"value": {"transition": step}}
    }
    # Refused where the happy path ends (or where it starts, when there is none).
    last = first.happy_path[-1] if first.happy_path else None
    end = next((t.target for t in first.transitions if t.name == last), first.initial)
    if step in first.available(end):
        return
    allowed = ", ".join(first.available(end)) or "none"
    refusal = {"error": f"cannot {step} a {first.kind} in {end}; allowed: {allowed}"}
    operation["responses"]["409"]["content"]["application/json"]["examples"] = {"not_allowed": {"value": refusal}}


class SandboxApp:
    def __init__(
        self,
        provider_cls: type[ProviderSandbox],
        spec: SpecDocument,
        config: SandboxConfig | None = None,
        *,
        control: SpecDocument | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.config = config or SandboxConfig()
        self.engine = Engine(self.config, provider_cls, wall)
        self.provider = self.engine.provider
        self.router = Router(spec)
        self.control_router = Router(control or control_spec(provider_cls))
        self.control = ControlApi(self.engine, self.control_router.spec)
        check_coverage(f"the {provider_cls.name} sandbox", self.provider.operations, self.router.operation_ids)
        check_coverage("the control API", self.control.operations, self.control_router.operation_ids)
        self.contracts = (Contract(self.router), Contract(self.control_router))
        self.carries_token = steps.token_check(self.config.control_token)
        self.api = self._provider_pipeline()
        self.control_api = self._control_pipeline()
        self._background: asyncio.Task[None] | None = None

    def _provider_pipeline(self) -> steps.Pipeline:
        provider, engine = self.provider, self.engine
        after = [steps.committed_fault(provider.render_error)]
        if self.config.test_mode:
            after.append(steps.check_contract(self.contracts[0], provider.render_error))
        return steps.Pipeline(
            provider,
            [
                steps.sync(engine),
                steps.limit_body(self.config.max_body_bytes),
                steps.route(self.router, provider),
                steps.inject_fault(engine.faults),
                steps.answer_fault,
                steps.authenticate(provider),
                steps.authorize(provider, provider.forbidden),
                steps.rate_limit(engine.limiter),
                steps.catch_up(engine),
                steps.validate(self.router),
                steps.handle(provider),
            ],
            after,
        )

    def _control_pipeline(self) -> steps.Pipeline:
        control = self.control
        after = [steps.check_contract(self.contracts[1], control.render_error)] if self.config.test_mode else []
        return steps.Pipeline(
            control,
            [
                steps.sync(self.engine),
                steps.require_token(self.carries_token),
                steps.limit_body(self.config.max_control_body_bytes),
                steps.route(self.control_router, control),
                steps.validate(self.control_router),
                steps.catch_up(self.engine),
                steps.handle(control),
            ],
            after,
        )

    def seed(self, document: Any) -> list[str]:
        """Seed from a document (a seed file), checked exactly as `POST /_sandbox/seed` checks its body."""
        route, _ = self.control_router.match("POST", f"{CONTROL_PREFIX}seed")
        self.control_router.check_body(route, document)
        return self.control.seeder.seed(document)

    def before_fork(self) -> None:
        """Before worker processes are forked from this one: no connection may cross the fork."""
        self.engine.store.close()

    def after_fork(self) -> None:
        """In a forked worker: its own connection to the store."""
        self.engine.after_fork()

    def render_protocol_error(self, error: ApiError) -> Response:
        """A request the HTTP layer refused before routing (not valid HTTP, head too large or too slow)."""
        return self.provider.render_error(error)

    @property
    def violations(self) -> list[str]:
        """Every answer test mode caught breaking the spec (provider and control API)."""
        return [message for contract in self.contracts for message in contract.violations]

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
        """Deliver webhooks and run due jobs while the server runs."""
        if self._background is None:
            self._background = asyncio.get_running_loop().create_task(self.engine.outbox.run(self.engine.tick))

    async def stop_background(self) -> None:
        if self._background is not None:
            self._background.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._background
            self._background = None

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        control = scope["path"].startswith(CONTROL_PREFIX)
        limit = self.config.max_control_body_bytes if control else self.config.max_body_bytes
        # A control request without the token is answered 401; the large limit is not for it.
        passes = not control or self.carries_token(headers)
        if "content-length" in headers or "transfer-encoding" in headers or scope.get("http_version") not in _HTTP1:
            body, refusal = await self._read_body(receive, limit if passes else 0)
        else:  # HTTP/1: a request with neither header has no body, and the server has it complete
            body, refusal = b"", None
        client = scope.get("client") or ("", 0)
        raw_path = scope.get("raw_path") or scope["path"].encode()
        request = Request(
            scope["method"], scope["path"], scope.get("query_string", b""), headers, body, client[0], raw_path
        )
        pipeline = self.control_api if control else self.api
        response = await pipeline(request, refusal)
        await self._send(response, send)
        # One line per request; never headers or bodies, so no secret reaches the log.
        access_log.info(
            "%s %s -> %s (%.1f ms)",
            request.method,
            request.path,
            "dropped" if response.dropped else response.status,
            (time.perf_counter() - started) * 1000,
        )

    @staticmethod
    async def _send(response: Response, send: Send) -> None:
        if response.dropped:
            # Start an answer that never comes, so the server closes the connection mid-response.
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1")]})
            raise ConnectionDropped
        await send(
            {
                "type": "http.response.start",
                "status": response.status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers.items()]
                + [(b"content-length", str(len(response.body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": response.body})

    async def _read_body(self, receive: Receive, limit: int) -> tuple[bytes, int | None]:
        """The body, and 413 when it outgrows the limit or 408 when it stops arriving (it is not kept)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                # asyncio.timeout, not wait_for: no task per message, the same TimeoutError.
                async with asyncio.timeout(self.config.body_timeout):
                    message = await receive()
            except TimeoutError:
                return b"", 408
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return b"", 413  # the rest is not read: the answer closes the connection
            if chunk:
                chunks.append(chunk)
            if not message.get("more_body"):
                break
        return b"".join(chunks), None


__all__ = ["SandboxApp"]
