"""An emulator served in-process: its ASGI app on a private event loop, reached through httpx transports.

No port, no subprocess: a request is handed to the app on the emulator's loop thread and the answer
comes back as an `httpx.Response`, for sync (`httpx.Client`) and async (`httpx.AsyncClient`) callers
alike. The loop also runs the app's background work (webhook deliveries, due jobs), as a server
would. A fault that drops the connection reaches the caller as `httpx.RemoteProtocolError`, exactly as
over a socket.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx

from ..sandbox.http import ConnectionDropped

T = TypeVar("T")


class LoopThread:
    """A private event loop on a daemon thread; `run` executes a coroutine there and waits for it."""

    def __init__(self, name: str = "emulator-loop") -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    async def run_async(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Await `coroutine` on the private loop from another loop."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coroutine, self.loop))

    def close(self) -> None:
        if self.loop.is_closed():
            return
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()


class InProcessTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends requests into an ASGI app running on a `LoopThread`."""

    def __init__(self, app: Any, loop: LoopThread, client: tuple[str, int] = ("127.0.0.1", 50000)) -> None:
        self._asgi = httpx.ASGITransport(app=app, client=client)
        self._loop = loop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return self._loop.run(self._send(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return await self._loop.run_async(self._send(request))

    async def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._asgi.handle_async_request(request)
        except ConnectionDropped:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from None
        content = await response.aread()
        return httpx.Response(response.status_code, headers=response.headers, content=content, request=request)
