"""Serving an emulator over real HTTP: in the foreground (CLI) or on a background thread (tests, harness).

The HTTP layer is uvicorn with httptools, hardened so a slow or hostile client cannot hold the server:
the request head must arrive within `HEADER_TIMEOUT` seconds and stay under `MAX_HEAD_BYTES`, a body
must keep arriving (see the app's read timeout), idle keep-alive connections close after a few
seconds, and at most `MAX_CONNECTIONS` requests are served at once (more are answered 503). A request
that is not valid HTTP at all is answered 400 in the provider's own error shape, as the app answers
everything else.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from ..reachability import free_port
from .http import ApiError, ConnectionDropped, Reason, Response

log = logging.getLogger("withdrawal_apis.sandbox")

HEADER_TIMEOUT = 10.0  # seconds from the connection (or the previous answer) to a complete request head
MAX_HEAD_BYTES = 64 * 1024  # request line and headers together
KEEP_ALIVE_TIMEOUT = 5  # seconds an idle keep-alive connection stays open
MAX_CONNECTIONS = 1000  # requests served at once; beyond, uvicorn answers 503


class HardenedProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline and a size cap on the request head."""

    _deadline: asyncio.TimerHandle | None = None
    _head_bytes = 0
    renderer: Callable[[ApiError], Response] | None = None  # the emulator's error renderer (set per server)
    header_timeout: float = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        self._head_bytes = 0
        if self._deadline is None:
            self._arm()
        super().on_message_begin()

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value))
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def send_400_response(self, msg: str) -> None:
        self._refuse(400, "malformed HTTP request")

    def _count(self, size: int) -> None:
        self._head_bytes += size
        if self._head_bytes > MAX_HEAD_BYTES:
            self._refuse(431, f"request head larger than {MAX_HEAD_BYTES} bytes")

    def _arm(self) -> None:
        self._deadline = asyncio.get_running_loop().call_later(self.header_timeout, self._head_too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _head_too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self._refuse(408, f"request head not received within {self.header_timeout:g} seconds")

    def _refuse(self, status: int, message: str) -> None:
        """Answer in the provider's error shape and close the connection (the request cannot be read on)."""
        if self.transport.is_closing():
            return
        render = self.renderer
        response = render(ApiError(status, message, reason=Reason.INVALID_REQUEST)) if render else Response(status)
        head = [f"HTTP/1.1 {status} {_PHRASES.get(status, 'Error')}"]
        head += [f"{name}: {value}" for name, value in response.headers.items()]
        head += [f"content-length: {len(response.body)}", "connection: close", "", ""]
        self.transport.write("\r\n".join(head).encode("latin-1") + response.body)
        self.transport.close()


_PHRASES = {400: "Bad Request", 408: "Request Timeout", 431: "Request Header Fields Too Large"}


class _DroppedConnections(logging.Filter):
    """A `ConnectionDropped` is an injected fault doing its job, not an application error worth a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


logging.getLogger("uvicorn.error").addFilter(_DroppedConnections())  # once: filters on a logger pile up


class EmulatorServer(uvicorn.Server):
    """uvicorn's server, except that Ctrl-C or SIGTERM end the process normally (status 0).

    uvicorn re-raises a signal it caught once it has shut down, so that the default handler ends the
    process by it; for an emulator a signal means "stop", which is a normal end, not a crash.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        with super().capture_signals():
            try:
                yield
            finally:
                self._captured_signals.clear()


def make_server(
    app: Any, host: str, port: int, *, sock: socket.socket | None = None, header_timeout: float = HEADER_TIMEOUT
) -> EmulatorServer:
    """A uvicorn server for `app`; the emulator logs requests itself (see its access logger)."""
    renderer = getattr(app, "render_protocol_error", None)
    settings = {"renderer": staticmethod(renderer) if renderer else None, "header_timeout": header_timeout}
    protocol = type("EmulatorProtocol", (HardenedProtocol,), settings)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
        limit_concurrency=MAX_CONNECTIONS,
        server_header=False,
        proxy_headers=False,  # the client address is the peer's, never a header's (IP allow lists rely on it)
    )
    server = EmulatorServer(config)
    server.bound_socket = sock  # type: ignore[attr-defined]
    return server


def run(server: uvicorn.Server) -> None:
    """Serve until stopped, on the socket bound beforehand if there is one."""
    sock: socket.socket | None = getattr(server, "bound_socket", None)
    server.run(sockets=[sock] if sock is not None else None)


def serve_workers(app: Any, host: str, port: int, sock: socket.socket, workers: int, **server: Any) -> int:
    """Serve `app` from `workers` forked processes that share one listening socket; returns the exit status.

    The kernel hands each new connection to one of them. The app's `before_fork` closes what must not
    cross a fork (database connections) and its `after_fork` opens it again in each worker. A worker
    that dies is replaced; SIGTERM or Ctrl-C stops them all and ends the parent normally (status 0).
    """
    before, after = getattr(app, "before_fork", None), getattr(app, "after_fork", None)
    if before is not None:
        before()
    children: dict[int, float] = {}  # pid -> when it started
    stopping = False

    def spawn() -> None:
        # A stop signal that reaches a worker before it has its own handlers must not run the
        # parent's: it is held back across the fork and then meets the default action.
        stops = {signal.SIGTERM, signal.SIGINT}
        signal.pthread_sigmask(signal.SIG_BLOCK, stops)
        pid = os.fork()
        if pid == 0:  # the worker
            status = 0
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
                if after is not None:
                    after()
                run(make_server(app, host, port, sock=sock, **server))
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                os._exit(status)
        children[pid] = time.monotonic()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(workers):
        spawn()
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        started = children.pop(pid, None)
        if started is None or stopping:
            continue
        log.warning("worker %d ended (status %d); starting another", pid, os.waitstatus_to_exitcode(status))
        if time.monotonic() - started < 1.0:
            time.sleep(1.0)  # one that dies at once (its database unreachable) is not restarted in a loop
        if not stopping:
            spawn()
    return 0


@contextmanager
def serve_in_thread(app: Any, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Run an ASGI `app` on loopback for the duration of the block; yields its base URL."""
    server = make_server(app, host, port or free_port(host))
    thread = threading.Thread(target=run, args=(server,), name="sandbox-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the sandbox server did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class CannotListen(OSError):
    """The address cannot be listened on (an unknown host, a port in use); the message says which, in one line."""


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on `host:port`, bound now so that a busy port is reported before anything else."""
    try:
        info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise CannotListen(f"--host {host}: {error.strerror}") from None
    sock = socket.socket(info[0], socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(info[4])
    except OSError as error:
        sock.close()
        raise CannotListen(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    sock.listen(2048)
    return sock
