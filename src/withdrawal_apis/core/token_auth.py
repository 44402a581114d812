"""Login-then-bearer authentication for the generated clients of providers that log in.

`TokenLoginAuth` logs in through the same httpx client on first use, caches the token, logs in
again shortly before it expires and once more if the server still answers 401, and never loops.
One login is shared by concurrent requests (a threading lock for sync clients, an asyncio lock for
async ones). Providers supply the login request and how to read its answer.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator

import httpx


class LoginFailed(httpx.HTTPError):
    def __init__(self, response: httpx.Response) -> None:
        # The body may echo what was sent; keep it out of the message.
        super().__init__(f"login failed with HTTP {response.status_code}")
        self.response = response


class TokenLoginAuth(httpx.Auth):
    requires_response_body = True

    def __init__(self, refresh_margin: float = 60.0, clock: Callable[[], float] = time.time) -> None:
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._sync_lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None
        self.logins = 0  # how many logins this auth has made (observable in tests)

    # -- what a provider supplies -------------------------------------------------------------
    def login_request(self, base: httpx.Request) -> httpx.Request:
        """The login call, built relative to the URL of the request that needs a token."""
        raise NotImplementedError

    def parse_login(self, response: httpx.Response) -> tuple[str, float]:
        """(token, expiry as Unix time) from a successful login response."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(token={'set' if self._token else 'unset'})"

    # -- the flow -----------------------------------------------------------------------------
    def _fresh(self) -> bool:
        return self._token is not None and self._clock() < self._expires_at - self.refresh_margin

    def _store(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            raise LoginFailed(response)
        self._token, self._expires_at = self.parse_login(response)
        self.logins += 1

    def _authorize(self, request: httpx.Request) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        used: str | None = None
        for attempt in range(2):
            with self._sync_lock:
                # After a 401, log in again unless another request already replaced the rejected token.
                if not self._fresh() or (attempt and self._token == used):
                    self._token = None
                    response = yield self.login_request(request)
                    response.read()
                    self._store(response)
                used = self._token
                authorized = self._authorize(request)
            response = yield authorized
            if response.status_code != 401:
                return

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._async_lock is None:
            self._async_lock = asyncio.Lock()
        used: str | None = None
        for attempt in range(2):
            async with self._async_lock:
                if not self._fresh() or (attempt and self._token == used):
                    self._token = None
                    response = yield self.login_request(request)
                    await response.aread()
                    self._store(response)
                used = self._token
                authorized = self._authorize(request)
            response = yield authorized
            if response.status_code != 401:
                return
