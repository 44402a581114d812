"""The validating reverse proxy: an app's requests go to the provider unchanged, both directions are checked.

Forwarding is byte for byte: the method, the request target (path and query exactly as sent, no
normalisation), the headers (minus hop-by-hop ones; `Host` names the upstream) and the body go
upstream as they came, so signatures over body, path and query stay valid; the answer comes back
as it came. The only change by default is an `x-drift-findings` header on an answer whose exchange
produced findings (`3; errors=1; exchange=<id>`, the id of its lines in the NDJSON stream). With
`enforce`, an answer that leaves the spec is replaced by a problem+json 502.
"""

from __future__ import annotations

import itertools
import json
import logging
import secrets
import time
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from .findings import Finding
from .report import Recorder
from .traffic import Exchange
from .upstream import Upstream, UpstreamError
from .validation import TrafficValidator

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

log = logging.getLogger("withdrawal_apis.drift.proxy")
HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        b"host",
        b"content-length",
        b"expect",  # the proxy has the whole body already: no 100-continue upstream
    }
)
FINDINGS_HEADER = "x-drift-findings"


MAX_BODY = 32 * 1024 * 1024  # request or answer; beyond it the proxy answers 502 (413 for a request)
PROBLEM = "application/problem+json"


class DriftProxy:
    def __init__(
        self,
        validator: TrafficValidator,
        upstream: str,
        recorder: Recorder,
        *,
        enforce: bool = False,
        timeout: float = 60.0,
    ) -> None:
        self.validator = validator
        url = urlsplit(upstream)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"{upstream} is not an http:// or https:// URL")
        self.host = url.netloc.encode("idna")
        self.base_path = url.path.rstrip("/").encode()
        self.origin = f"{url.scheme}://{url.netloc}"
        self.recorder = recorder
        self.enforce = enforce
        port = url.port or (443 if url.scheme == "https" else 80)
        self.upstream = Upstream(url.scheme, url.hostname, port, timeout=timeout, max_body=MAX_BODY)
        self._ids = itertools.count(1)
        self._run = secrets.token_hex(2)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            await self._http(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.upstream.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    # -- one exchange -------------------------------------------------------------------------
    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        exchange_id = f"{self._run}-{next(self._ids)}"
        body, too_large = await _read_body(receive)
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        query: bytes = scope.get("query_string", b"")
        target = raw_path + (b"?" + query if query else b"")
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in HOP_BY_HOP]
        relative = target[len(self.base_path) :] if self.base_path and self._under_base(target) else target
        exchange = Exchange(
            method=scope["method"],
            target=(relative if relative.startswith(b"/") else b"/" + relative).decode("latin-1"),
            request_headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers],
            request_body=body,
            status=None,
            response_headers=[],
            response_body=None,
            started=datetime.now(UTC),
            origin=self.capture_origin,
            id=exchange_id,
        )
        if too_large:
            await _answer(send, 413, _problem(413, "request body too large for the drift proxy", exchange_id))
            return
        started = time.perf_counter()
        try:
            status, answer_headers, raw = await self._forward(scope["method"], target, headers, body)
        except UpstreamError as error:
            exchange.duration_ms = (time.perf_counter() - started) * 1000
            self.recorder.record(exchange, self.validator.check(exchange))
            log.warning("%s %s: upstream did not answer (%s)", exchange.method, exchange.path, type(error).__name__)
            await _answer(
                send, 502, _problem(502, f"the upstream did not answer ({type(error).__name__})", exchange_id)
            )
            return
        exchange.duration_ms = (time.perf_counter() - started) * 1000
        exchange.status = status
        decoded, readable = _decoded(answer_headers, raw)
        exchange.response_headers = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in answer_headers
            if k.lower() not in HOP_BY_HOP and not (readable and k.lower() == b"content-encoding")
        ]
        exchange.response_body = decoded if readable else None
        checked = self.validator.check(exchange)
        self.recorder.record(exchange, checked)
        drifted = [f for f in checked.findings if f.drift and f.direction == "response"]
        if self.enforce and drifted:
            await _answer(send, 502, _enforced(drifted, exchange_id, self.recorder.policy.text))
            return
        forwarded = [(k, v) for k, v in answer_headers if k.lower() not in HOP_BY_HOP]
        if checked.findings:
            errors = sum(f.drift for f in checked.findings)
            forwarded.append(
                (FINDINGS_HEADER.encode(), f"{len(checked.findings)}; errors={errors}; exchange={exchange_id}".encode())
            )
        forwarded.append((b"content-length", str(len(raw)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": forwarded})
        await send({"type": "http.response.body", "body": raw})

    async def _forward(
        self, method: str, target: bytes, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """Send the request upstream as it came; the answer's status, raw headers and raw (undecoded) body."""
        path = target if self._under_base(target) else self.base_path + target
        sent = [(b"host", self.host), *headers]
        if body or method in ("POST", "PUT", "PATCH"):
            sent.append((b"content-length", str(len(body)).encode()))
        answer = await self.upstream.send(method, path, sent, body)
        return answer.status, answer.headers, answer.body

    @property
    def capture_origin(self) -> str:
        """What a captured request's target is relative to: the upstream's origin and base path."""
        return self.origin + self.base_path.decode("latin-1")

    def _under_base(self, target: bytes) -> bool:
        """A target that already carries the upstream's base path (a client configured with it) is sent as is."""
        base = self.base_path
        return not base or target == base or target.startswith(base + b"/") or target.startswith(base + b"?")


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return b"", True
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks), False


def _decoded(headers: list[tuple[bytes, bytes]], raw: bytes) -> tuple[bytes, bool]:
    """The body as validation reads it (gzip and deflate undone), and whether it could be read at all."""
    encoding = next((v.decode("latin-1").strip().lower() for k, v in headers if k.lower() == b"content-encoding"), "")
    if encoding in ("", "identity"):
        return raw, True
    try:
        if encoding in ("gzip", "x-gzip"):
            return zlib.decompress(raw, 16 + zlib.MAX_WBITS), True
        if encoding == "deflate":
            return zlib.decompress(raw), True
    except zlib.error:
        return raw, False
    return raw, False


def _problem(status: int, detail: str, exchange_id: str, **extra: Any) -> bytes:
    title = {413: "Request too large", 502: "Bad gateway"}.get(status, "Error")
    document = {"type": "about:blank", "title": title, "status": status, "detail": detail, "exchange": exchange_id}
    return json.dumps({**document, **extra}, ensure_ascii=False).encode()


def _enforced(findings: list[Finding], exchange_id: str, scrub: Callable[[str], str]) -> bytes:
    listed = [
        {k: v for k, v in f.as_dict().items() if k in ("rule", "location", "pointer", "expected", "seen", "message")}
        for f in findings
    ]
    detail = f"the upstream's answer leaves the spec ({len(findings)} finding{'s' if len(findings) > 1 else ''})"
    return scrub(_problem(502, detail, exchange_id, findings=listed).decode()).encode()


async def _answer(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", PROBLEM.encode()), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
