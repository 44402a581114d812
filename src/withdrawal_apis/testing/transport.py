"""An httpx transport that serves an ASGI app (an emulator) in-process, to sync and async clients alike.

    app = build_app("mpchat", SandboxConfig())
    client = mpchat.client(key, secret, base_url="http://sandbox", httpx_args={"transport": EmulatorTransport(app)})

No port, no thread per request. A connection the emulator drops (an injected `drop` fault) reaches
the client as `httpx.RemoteProtocolError`, as it would over a socket.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx

from ..sandbox.http import ConnectionDropped

T = TypeVar("T")


class EmulatorTransport(httpx.ASGITransport, httpx.BaseTransport):
    """`httpx.ASGITransport` that also serves `httpx.Client`, on an event loop of its own."""

    def __init__(self, app: Any) -> None:
        super().__init__(app=app)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await super().handle_async_request(request)
        except ConnectionDropped as dropped:
            raise httpx.RemoteProtocolError(
                "server closed the connection without an answer", request=request
            ) from dropped

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        copy = httpx.Request(request.method, request.url, headers=request.headers, content=request.read())
        return self._run(self._read(copy))

    async def _read(self, request: httpx.Request) -> httpx.Response:
        response = await self.handle_async_request(request)
        content = await response.aread()
        return httpx.Response(response.status_code, headers=response.headers, content=content, request=request)

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                threading.Thread(target=_serve, args=(self._loop,), name="emulator-transport", daemon=True).start()
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def close(self) -> None:
        with self._lock:
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._loop = None


def _serve(loop: asyncio.AbstractEventLoop) -> None:
    loop.run_forever()
    loop.close()
