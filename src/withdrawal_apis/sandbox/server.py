"""Serving an emulator over real HTTP: in the foreground (CLI) or on a background thread (tests, harness)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def make_server(app: Any, host: str, port: int, access_log: bool = False) -> uvicorn.Server:
    # Our own one-line-per-request log replaces uvicorn's access log.
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=access_log, lifespan="on")
    return uvicorn.Server(config)


@contextmanager
def serve_in_thread(app: Any, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Run an ASGI `app` on loopback for the duration of the block; yields its base URL."""
    server = make_server(app, host, port or free_port(host))
    thread = threading.Thread(target=server.run, name="sandbox-server", daemon=True)
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
