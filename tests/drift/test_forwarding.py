"""What the proxy does to traffic: nothing, byte for byte, unless told to enforce the spec."""

from __future__ import annotations

import base64
import http.client
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from withdrawal_apis.drift.proxy import FINDINGS_HEADER, DriftProxy
from withdrawal_apis.drift.report import Recorder, Run
from withdrawal_apis.drift.validation import TrafficValidator
from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import get
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import spec_document

from .conftest import Rig


async def echo(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """An upstream that answers with exactly what reached it."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    seen = {
        "method": scope["method"],
        "raw_path": scope["raw_path"].decode("latin-1"),
        "query": scope["query_string"].decode("latin-1"),
        "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in scope["headers"]],
        "body": base64.b64encode(body).decode(),
    }
    answer = json.dumps(seen).encode()
    headers = [(b"content-type", b"application/json"), (b"x-upstream", b"echo")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": answer})


def proxy_for(upstream: str, *, enforce: bool = False, provider: str = "mpchat") -> tuple[DriftProxy, Recorder]:
    validator = TrafficValidator(spec_document(get(provider).spec_path))
    recorder = Recorder(Run(provider, "spec", "test", "test"), validator.policy, None, capture=True)
    return DriftProxy(validator, upstream, recorder, enforce=enforce), recorder


@pytest.fixture
def echoed() -> Iterator[str]:
    with serve_in_thread(echo) as upstream:
        proxy, _ = proxy_for(upstream + "/base")
        with serve_in_thread(proxy) as url:
            yield url


def send_raw(url: str, method: str, target: str, body: bytes, headers: dict[str, str]) -> http.client.HTTPResponse:
    """A request whose target goes on the wire exactly as written (no client-side normalisation)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port)
    connection.request(method, target, body=body, headers=headers)
    return connection.getresponse()


def test_requests_reach_the_upstream_unchanged(echoed: str) -> None:
    body = b'{ "amount" :"1.10",\n "note":"caf\xc3\xa9"  }'
    target = "/v1/a%2Fb/../c;x=1?q=%20a&q=+b&empty=&flag&sig=AbC%2B%2F%3D"
    headers = {"Authorization": "Bearer k:1:abc", "X-Api-Sig": "deadbeef", "Content-Type": "application/json"}
    answer = send_raw(echoed, "POST", target, body, headers)
    seen = json.loads(answer.read())
    assert answer.status == 200
    assert seen["method"] == "POST"
    assert seen["raw_path"] == "/base/v1/a%2Fb/../c;x=1"  # the upstream's base path in front, nothing normalised
    assert seen["query"] == "q=%20a&q=+b&empty=&flag&sig=AbC%2B%2F%3D"
    assert base64.b64decode(seen["body"]) == body
    sent = {k.lower(): v for k, v in seen["headers"]}
    assert sent["authorization"] == "Bearer k:1:abc"
    assert sent["x-api-sig"] == "deadbeef"
    assert sent["host"] == urlsplit(echoed).netloc or sent["host"].startswith("127.0.0.1")
    assert sent["content-length"] == str(len(body))


def test_a_client_configured_with_the_base_path_is_not_prefixed_twice(echoed: str) -> None:
    answer = send_raw(echoed, "GET", "/base/v1/balance?x=1", b"", {})
    assert json.loads(answer.read())["raw_path"] == "/base/v1/balance"


def test_answers_come_back_unchanged_but_for_the_findings_header(mpchat_rig: Rig) -> None:
    rig = mpchat_rig
    rig.drifting.kind = None
    proxy, recorder = proxy_for(rig.upstream, provider=rig.provider.name)
    with serve_in_thread(proxy) as url, httpx.Client() as direct, httpx.Client() as proxied:
        for path in ("/", "/_sandbox/clock", "/nowhere/at/all"):
            first, second = direct.get(rig.upstream + path), proxied.get(url + path)
            assert second.status_code == first.status_code
            assert second.content == first.content or path == "/_sandbox/clock"  # the clock moves
            drop = {"date", FINDINGS_HEADER}
            assert {k: v for k, v in second.headers.items() if k not in drop and k != "content-length"} == {
                k: v for k, v in first.headers.items() if k not in drop and k != "content-length"
            }
        undocumented = proxied.get(url + "/nowhere/at/all")
    count, errors, exchange = undocumented.headers[FINDINGS_HEADER].split("; ")
    assert int(count) >= 1
    assert errors.startswith("errors=")
    assert exchange.startswith("exchange=")
    assert recorder.tally.drift


def test_enforce_answers_502_when_the_answer_leaves_the_spec(mpchat_rig: Rig) -> None:
    rig = mpchat_rig
    proxy, _recorder = proxy_for(rig.upstream, enforce=True, provider=rig.provider.name)
    with serve_in_thread(proxy) as url:
        rig.drifting.kind = "undocumented-status"
        try:
            drifted = httpx.get(url + "/v1/balance")  # unauthenticated: a documented 401, drifted to 418
        finally:
            rig.drifting.kind = None
        clean = httpx.get(url + "/v1/balance")
    assert drifted.status_code == 502
    assert drifted.headers["content-type"] == "application/problem+json"
    problem = drifted.json()
    assert problem["status"] == 502
    assert problem["findings"][0]["rule"] == "status"
    assert clean.status_code != 502
    assert FINDINGS_HEADER not in clean.headers


def test_an_upstream_that_does_not_answer_is_a_502_and_recorded() -> None:
    proxy, recorder = proxy_for(f"http://127.0.0.1:{free_port()}")
    with serve_in_thread(proxy) as url:
        answer = httpx.get(url + "/v1/balance")
    assert answer.status_code == 502
    assert answer.headers["content-type"] == "application/problem+json"
    assert recorder.tally.unanswered == 1
