"""Captured traffic in and out: one `Exchange` per request and its answer, read from HAR, VCR or NDJSON.

Readers take what browsers, mitmproxy, Playwright, Redocly's proxy and this project's proxy write (HAR
1.2), schemathesis's VCR cassette and its NDJSON event stream (what `withdrawal-apis fuzz` writes).
The writer produces HAR with every secret redacted, which `redocly drift` reads too.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import yaml

from .. import __version__
from ..sandbox.contract import media_type
from .redaction import SecretPolicy

TRAFFIC_SUFFIXES = frozenset({".har", ".ndjson", ".jsonl", ".yaml", ".yml"})


class TrafficError(Exception):
    """A file that cannot be read as traffic (one line for the user)."""


@dataclass
class Exchange:
    method: str
    target: str  # the path and `?query` exactly as sent, without scheme and host
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    request_body: bytes = b""
    status: int | None = None  # None: no answer came
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    response_body: bytes | None = b""  # None: the capture did not keep it
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    duration_ms: float = 0.0
    origin: str = ""  # scheme://host[:port] the request went to, when known
    id: str = ""
    mode: str | None = None  # schemathesis's generation mode (positive, negative), when the capture says

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    @property
    def query(self) -> str:
        return self.target.partition("?")[2]

    def request_header(self, name: str) -> str | None:
        return _first(self.request_headers, name)

    def response_header(self, name: str) -> str | None:
        return _first(self.response_headers, name)


def _first(headers: Sequence[tuple[str, str]], name: str) -> str | None:
    name = name.lower()
    return next((value for key, value in headers if key.lower() == name), None)


# -- reading ------------------------------------------------------------------------------------
def read_traffic(path: Path, base_url: str | None = None) -> Iterator[Exchange]:
    """Every exchange in a HAR, VCR or NDJSON file (or every such file in a folder).

    In a folder, the files named like traffic are read (`.har`, `.ndjson`, `.jsonl`, `.yaml`, `.yml`).
    With `base_url`, only requests under it are kept and its path is taken off theirs (a browser
    capture holds every site the page called).
    """
    if not path.exists():
        raise TrafficError(f"{path}: no such file or directory")
    files = sorted(p for p in path.rglob("*") if p.suffix in TRAFFIC_SUFFIXES) if path.is_dir() else [path]
    prefix = urlsplit(base_url) if base_url else None
    for file in files:
        for exchange in _read_file(file):
            if prefix is not None:
                origin = urlsplit(exchange.origin)
                base_path = prefix.path.rstrip("/")
                if (origin.scheme, origin.netloc) != (prefix.scheme, prefix.netloc):
                    continue
                if base_path and not (exchange.path == base_path or exchange.path.startswith(base_path + "/")):
                    continue
                exchange.target = exchange.target[len(base_path) :] or "/"
            yield exchange


def _read_file(path: Path) -> Iterator[Exchange]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TrafficError(f"{path}: cannot read it ({error})") from None
    stripped = text.lstrip()
    if stripped.startswith("{") and '"log"' in text[:2000]:
        try:
            document = json.loads(text)
        except ValueError as error:
            raise TrafficError(f"{path}: not valid JSON ({error})") from None
        if isinstance(document, dict) and isinstance(document.get("log"), dict):
            yield from _har(document, path)
            return
    if stripped.startswith("{"):
        yield from _ndjson(text, path)
        return
    if "http_interactions" in text[:20000]:
        yield from _vcr(text, path)
        return
    raise TrafficError(f"{path}: neither HAR, a VCR cassette nor NDJSON events")


def _har(document: dict[str, Any], path: Path) -> Iterator[Exchange]:
    entries = document["log"].get("entries")
    if not isinstance(entries, list):
        raise TrafficError(f"{path}: a HAR file without log.entries")
    for index, entry in enumerate(entries):
        request, response = entry.get("request") or {}, entry.get("response") or {}
        url = urlsplit(str(request.get("url", "")))
        target = (url.path or "/") + (f"?{url.query}" if url.query else "")
        body = _har_post(request.get("postData"))
        status = int(response.get("status") or 0)
        content = response.get("content") or {}
        answer: bytes | None = None
        if "text" in content and content["text"] is not None:
            text = str(content["text"])
            answer = base64.b64decode(text) if content.get("encoding") == "base64" else text.encode()
        elif not int(content.get("size") or 0):
            answer = b""
        yield Exchange(
            method=str(request.get("method", "GET")).upper(),
            target=target,
            request_headers=_pairs(request.get("headers")),
            request_body=body,
            status=status if status > 0 else None,
            response_headers=_pairs(response.get("headers")),
            response_body=answer,
            started=_when(entry.get("startedDateTime")),
            duration_ms=float(entry.get("time") or 0),
            origin=f"{url.scheme}://{url.netloc}",
            id=str(entry.get("_id") or f"{path.name}#{index}"),
        )


def _har_post(post: Any) -> bytes:
    if not isinstance(post, dict):
        return b""
    if post.get("text") is not None:
        text = str(post["text"])
        return base64.b64decode(text) if post.get("encoding") == "base64" else text.encode()
    params = post.get("params") or []
    return urlencode([(p.get("name", ""), p.get("value", "")) for p in params]).encode() if params else b""


def _pairs(headers: Any) -> list[tuple[str, str]]:
    """HAR headers as pairs; HTTP/2 pseudo-headers (`:authority`) are not headers of the exchange."""
    found = []
    for header in headers or []:
        name = str(header.get("name", ""))
        if name and not name.startswith(":"):
            found.append((name, str(header.get("value", ""))))
    return found


def _when(text: Any) -> datetime:
    if isinstance(text, int | float):
        return datetime.fromtimestamp(text, UTC)
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _vcr(text: str, path: Path) -> Iterator[Exchange]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        document = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise TrafficError(f"{path}: not a readable VCR cassette ({str(error).splitlines()[0]})") from None
    for interaction in document.get("http_interactions") or []:
        request, response = interaction.get("request") or {}, interaction.get("response")
        if not request or not response:
            continue  # a skipped case: nothing was sent
        url = urlsplit(str(request.get("uri", "")))
        yield Exchange(
            method=str(request.get("method", "GET")).upper(),
            target=(url.path or "/") + (f"?{url.query}" if url.query else ""),
            request_headers=_multi(request.get("headers")),
            request_body=_vcr_body(request.get("body")),
            status=int((response.get("status") or {}).get("code") or 0) or None,
            response_headers=_multi(response.get("headers")),
            response_body=_vcr_body(response.get("body")),
            started=_when(interaction.get("recorded_at")),
            duration_ms=float(response.get("elapsed") or 0) * 1000,
            origin=f"{url.scheme}://{url.netloc}",
            id=str(interaction.get("id", "")),
            mode=(interaction.get("generation") or {}).get("mode"),
        )


def _multi(headers: Any) -> list[tuple[str, str]]:
    return [(str(name), str(value)) for name, values in (headers or {}).items() for value in (values or [])]


def _vcr_body(body: Any) -> bytes:
    if not isinstance(body, dict):
        return b""
    if "base64_string" in body:
        return base64.b64decode(str(body["base64_string"]))
    return str(body.get("string") or "").encode()


def _ndjson(text: str, path: Path) -> Iterator[Exchange]:
    """Schemathesis's event stream: the interactions recorded with each finished scenario."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
        except ValueError:
            raise TrafficError(f"{path}:{number}: not a JSON line") from None
        scenario = event.get("ScenarioFinished") if isinstance(event, dict) else None
        if not isinstance(scenario, dict):
            continue
        recorder = scenario.get("recorder") or {}
        cases = recorder.get("cases") or {}
        for case_id, interaction in (recorder.get("interactions") or {}).items():
            request, response = interaction.get("request") or {}, interaction.get("response")
            if not request or not response:
                continue
            url = urlsplit(str(request.get("uri", "")))
            meta = ((cases.get(case_id) or {}).get("value") or {}).get("meta") or {}
            yield Exchange(
                method=str(request.get("method", "GET")).upper(),
                target=(url.path or "/") + (f"?{url.query}" if url.query else ""),
                request_headers=_multi(request.get("headers")),
                request_body=_event_body(request.get("body")),
                status=int(response.get("status_code") or 0) or None,
                response_headers=_multi(response.get("headers")),
                response_body=_event_body(response.get("content")),
                started=_when(interaction.get("timestamp") or interaction.get("recorded_at")),
                duration_ms=float(response.get("elapsed") or 0) * 1000,
                origin=f"{url.scheme}://{url.netloc}",
                id=str(case_id),
                mode=((meta.get("generation") or {}).get("mode")),
            )


def _event_body(body: Any) -> bytes:
    if isinstance(body, dict) and "$base64" in body:
        return base64.b64decode(str(body["$base64"]))
    if isinstance(body, dict) and "string" in body:
        return str(body["string"]).encode()
    if isinstance(body, str):
        return body.encode()
    return b""


# -- writing ------------------------------------------------------------------------------------
def har_document(exchanges: Sequence[Exchange], policy: SecretPolicy, origin: str) -> dict[str, Any]:
    """A HAR 1.2 document of `exchanges`, every secret the policy knows redacted.

    The policy first learns from every exchange (a token issued by a login is scrubbed from the
    requests that came before the capture was written, too). `origin` is what the URLs start with:
    the upstream's, so that a tool matching the spec's servers finds the operations.
    """
    for exchange in exchanges:
        policy.header_pairs(exchange.request_headers)
        policy.header_pairs(exchange.response_headers)
        policy.learn_body(exchange.request_body, media_type(dict(_lower(exchange.request_headers))))
        if exchange.response_body:
            policy.learn_body(exchange.response_body, media_type(dict(_lower(exchange.response_headers))))
    entries = [_entry(exchange, policy, origin) for exchange in exchanges]
    creator = {"name": "withdrawal-apis proxy", "version": __version__}
    return {"log": {"version": "1.2", "creator": creator, "pages": [], "entries": entries}}


def _lower(headers: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name.lower(), value) for name, value in headers]


def _entry(exchange: Exchange, policy: SecretPolicy, origin: str) -> dict[str, Any]:
    path, _, query = exchange.target.partition("?")
    query = policy.query_string(query)
    request_media = media_type(dict(_lower(exchange.request_headers)))
    response_media = media_type(dict(_lower(exchange.response_headers)))
    request: dict[str, Any] = {
        "method": exchange.method,
        "url": policy.text(origin.rstrip("/") + path) + (f"?{query}" if query else ""),
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": _har_headers(policy.header_pairs(exchange.request_headers)),
        "queryString": [{"name": k, "value": v} for k, v in parse_qsl(query, keep_blank_values=True)],
        "headersSize": -1,
        "bodySize": len(exchange.request_body),
    }
    if exchange.request_body:
        text = policy.body(exchange.request_body, request_media).decode("utf-8", "replace")
        request["postData"] = {"mimeType": request_media or "application/octet-stream", "text": text}
    body = exchange.response_body or b""
    status = exchange.status or 0
    response = {
        "status": status,
        "statusText": _phrase(status),
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": _har_headers(policy.header_pairs(exchange.response_headers)),
        "content": {
            "size": len(body),
            "mimeType": response_media or "",
            "text": policy.body(body, response_media).decode("utf-8", "replace"),
        },
        "redirectURL": "",
        "headersSize": -1,
        "bodySize": len(body),
    }
    return {
        "startedDateTime": exchange.started.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "time": round(exchange.duration_ms, 3),
        "request": request,
        "response": response,
        "cache": {},
        "timings": {"send": 0, "wait": round(exchange.duration_ms, 3), "receive": 0},
        "_id": exchange.id,
    }


def _har_headers(pairs: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in pairs]


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


# -- redacting a capture written by another tool --------------------------------------------------
def redact_capture(path: Path, policy: SecretPolicy, scrub: Callable[[str], str] = str) -> None:
    """Rewrite a HAR file or a VCR cassette with every secret the policy knows redacted, in place.

    Headers and body fields are redacted by name (the spec's secret-bearing ones); `scrub` then runs
    over the whole text (the caller's own credentials and their digests, for instance).
    """
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        document = json.loads(text)
        for entry in (document.get("log") or {}).get("entries") or []:
            _redact_har_entry(entry, policy)
        out = json.dumps(document, ensure_ascii=False, indent=1)
    else:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
        for interaction in (document or {}).get("http_interactions") or []:
            _redact_interaction(interaction, policy)
        out = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1_000_000)
    path.write_text(scrub(policy.text(out)), encoding="utf-8")


def _redact_har_entry(entry: dict[str, Any], policy: SecretPolicy) -> None:
    for side in ("request", "response"):
        part = entry.get(side) or {}
        pairs = policy.header_pairs(_pairs(part.get("headers")))
        part["headers"] = _har_headers(pairs)
        media = media_type({k.lower(): v for k, v in pairs})
        holder = part.get("postData") if side == "request" else part.get("content")
        if isinstance(holder, dict) and isinstance(holder.get("text"), str):
            raw = holder["text"]
            body = base64.b64decode(raw) if holder.get("encoding") == "base64" else raw.encode()
            redacted = policy.body(body, media)
            holder["text"] = (
                base64.b64encode(redacted).decode() if holder.get("encoding") == "base64" else redacted.decode()
            )
    request = entry.get("request") or {}
    url = urlsplit(str(request.get("url", "")))
    if url.query:
        request["url"] = url._replace(query=policy.query_string(url.query)).geturl()
        request["queryString"] = [
            {"name": k, "value": v} for k, v in parse_qsl(urlsplit(request["url"]).query, keep_blank_values=True)
        ]


def _redact_interaction(interaction: dict[str, Any], policy: SecretPolicy) -> None:
    for side in ("request", "response"):
        part = interaction.get(side) or {}
        headers = part.get("headers") or {}
        redacted = policy.header_pairs(_multi(headers))
        part["headers"] = {name: [value for n, value in redacted if n == name] for name in headers}
        media = media_type({k.lower(): v for k, v in redacted})
        body = part.get("body")
        if isinstance(body, dict) and isinstance(body.get("string"), str):
            body["string"] = policy.body(body["string"].encode(), media).decode("utf-8", "replace")
        elif isinstance(body, dict) and isinstance(body.get("base64_string"), str):
            raw = base64.b64decode(body["base64_string"])
            body["base64_string"] = base64.b64encode(policy.body(raw, media)).decode()
    request = interaction.get("request") or {}
    url = urlsplit(str(request.get("uri", "")))
    if url.query:
        request["uri"] = url._replace(query=policy.query_string(url.query)).geturl()
