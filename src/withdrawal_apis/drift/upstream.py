"""The proxy's way to the upstream: HTTP/1.1 over kept-alive connections, the request written as it came.

A general-purpose client would cost the proxy more than everything else it does (a millisecond of
CPU per request, measured against the emulators) and would normalise the request target on the way.
This one writes the method, the target, the headers and the body exactly as given, and reads the
answer with httptools (the parser the emulators' server uses) as raw bytes: status, headers, body.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from dataclasses import dataclass, field

import httptools

IDLE_SECONDS = 4.0  # an idle connection older than this is not reused (servers close them at ~5 s)
READ_CHUNK = 64 * 1024


class UpstreamError(Exception):
    """No answer: the connection failed, timed out, broke, or the answer was not HTTP."""


class AnswerTooLarge(UpstreamError):
    pass


@dataclass
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass
class _Parsing:
    """httptools callbacks: what has been read of one answer so far."""

    head: bool  # the request was HEAD: the answer has no body, whatever its headers say
    limit: int
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    headers_done: bool = False
    complete: bool = False
    keep_alive: bool = False
    parser: httptools.HttpResponseParser | None = None

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        self.headers_done = True
        assert self.parser is not None
        self.keep_alive = self.parser.should_keep_alive()  # only known while the parser is on this message
        if self.head:
            self.complete = True

    def on_body(self, body: bytes) -> None:
        self.size += len(body)
        if self.size > self.limit:
            raise AnswerTooLarge(f"the answer is larger than {self.limit} bytes")
        self.chunks.append(body)

    def on_message_complete(self) -> None:
        self.complete = True


@dataclass
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    idle_since: float = 0.0


class Upstream:
    def __init__(self, scheme: str, host: str, port: int, *, timeout: float = 60.0, max_body: int = 32 << 20) -> None:
        self.host = host
        self.port = port
        self.ssl = ssl.create_default_context() if scheme == "https" else None
        self.timeout = timeout
        self.max_body = max_body
        self._idle: list[_Connection] = []

    async def send(self, method: str, target: bytes, headers: list[tuple[bytes, bytes]], body: bytes) -> Answer:
        """One exchange. A kept-alive connection the server closed meanwhile is retried once on a new one
        (nothing of an answer came back on it, so the request was never read)."""
        request = b"".join(
            [method.encode("latin-1"), b" ", target, b" HTTP/1.1\r\n"]
            + [name + b": " + value + b"\r\n" for name, value in headers]
            + [b"\r\n", body]
        )
        for attempt in (0, 1):
            connection, reused = await self._connection()
            try:
                answer, keep = await asyncio.wait_for(self._exchange(connection, request, method), self.timeout)
            except _Stale:
                connection.writer.close()
                if reused and attempt == 0:
                    continue
                raise UpstreamError("the upstream closed the connection without an answer") from None
            except (OSError, TimeoutError, httptools.HttpParserError, asyncio.IncompleteReadError) as error:
                connection.writer.close()
                raise UpstreamError(f"{type(error).__name__}: {error}") from None
            except AnswerTooLarge:
                connection.writer.close()
                raise
            if keep:
                connection.idle_since = time.monotonic()
                self._idle.append(connection)
            else:
                connection.writer.close()
            return answer
        raise UpstreamError("unreachable")  # pragma: no cover - the loop returns or raises

    async def _connection(self) -> tuple[_Connection, bool]:
        now = time.monotonic()
        while self._idle:
            connection = self._idle.pop()
            if now - connection.idle_since < IDLE_SECONDS and not connection.reader.at_eof():
                return connection, True
            connection.writer.close()
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port, ssl=self.ssl, limit=READ_CHUNK), min(self.timeout, 10.0)
            )
        except (OSError, TimeoutError) as error:
            raise UpstreamError(f"cannot connect to {self.host}:{self.port}: {error}") from None
        return _Connection(reader, writer), False

    async def _exchange(self, connection: _Connection, request: bytes, method: str) -> tuple[Answer, bool]:
        connection.writer.write(request)
        await connection.writer.drain()
        parsing = _Parsing(head=method == "HEAD", limit=self.max_body)
        parser = parsing.parser = httptools.HttpResponseParser(parsing)
        received = False
        while not parsing.complete:
            data = await connection.reader.read(READ_CHUNK)
            if not data:
                if not received:
                    raise _Stale
                if parsing.headers_done:  # a body that runs to the end of the connection
                    return Answer(parser.get_status_code(), parsing.headers, b"".join(parsing.chunks)), False
                raise UpstreamError("the upstream closed the connection in the middle of its answer")
            received = True
            parser.feed_data(data)
        answer = Answer(parser.get_status_code(), parsing.headers, b"".join(parsing.chunks))
        return answer, parsing.keep_alive

    def close(self) -> None:
        for connection in self._idle:
            connection.writer.close()
        self._idle.clear()


class _Stale(Exception):
    """Nothing came back on the connection: it was closed before the request was read."""
