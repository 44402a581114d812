"""The bare-ASGI ceiling: the smallest app, on the emulators' own server settings.

    python -m scripts.bench.asgi --port P

It reads the request body and answers `{"id":"bare"}` (so create-then-get can capture an id) through
`withdrawal_apis.sandbox.server.make_server`: httptools, uvloop where installed, the same limits and
timeouts as `withdrawal-apis sandbox`. No routing, no auth, no store: what Python and uvicorn cost alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from withdrawal_apis.sandbox.server import make_server, run

Message = MutableMapping[str, Any]
BODY = b'{"id":"bare"}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(
    scope: Message, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = bool(message.get("more_body")) and message["type"] == "http.request"
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench.asgi", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    run(make_server(app, args.host, args.port))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
