"""No credential reaches anything the drift tools write: NDJSON, summary JSON and HTML, the HAR
capture, `drift check`'s own reports of that capture, stdout, stderr and the logs.

The proxy runs as users run it (`withdrawal-apis proxy`, a process of its own) in front of each
emulator while the workload runs clean and then drifting (required fields renamed, so findings
point into answers that carry tokens, and a login token turns up under a name the spec does not
know). A wiretap between the proxy and the emulator keeps every credential that crossed the wire:
the account's secret (random) and its SHA-256 digest, every `Authorization` value and the token
inside it, every value of the spec's API-key headers, and every password and token in a body. None
of them may appear in any output, the proxy's debug log included.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from withdrawal_apis.cli import main
from withdrawal_apis.drift.redaction import REDACTED
from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS, Provider
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import SpecDocument
from withdrawal_apis.testing.workload import credentials, drive

from .conftest import Rig, make_rig

MARKERS = ("password", "secret", "token")  # in a field's name: its value is a credential ...
NOT_SECRET = {"page_token", "token_type", "tokens"}  # ... except in these documented fields


class Wiretap:
    """An ASGI layer that remembers every credential passing through it, both ways."""

    def __init__(self, app: Any, header_names: set[str]) -> None:
        self.app = app
        self.header_names = header_names
        self.seen: set[str] = set()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name.decode("latin-1").lower() in self.header_names:
                text = value.decode("latin-1")
                self.seen |= {text, text.partition(" ")[2]}
                self.seen |= {part for part in text.replace(" ", ":").split(":") if len(part) >= 16}

        async def tapped_receive() -> Any:
            message = await receive()
            self._body(message.get("body", b""))
            return message

        async def tapped_send(message: Any) -> None:
            if message["type"] == "http.response.body":
                self._body(message.get("body", b""))
            await send(message)

        await self.app(scope, tapped_receive, tapped_send)

    def _body(self, body: bytes) -> None:
        text = body.decode("utf-8", "replace")
        try:
            document = json.loads(text)
        except ValueError:
            document = dict(parse_qsl(text))
        stack = [document]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key, value in item.items():
                    credential = any(m in key.lower() for m in MARKERS) and key.lower() not in NOT_SECRET
                    if credential and isinstance(value, str):
                        self.seen.add(value)
                    stack.append(value)
            elif isinstance(item, list):
                stack.extend(item)


def spec_headers(provider: Provider) -> set[str]:
    schemes = SpecDocument(provider.spec_path).raw["components"]["securitySchemes"].values()
    names = {s["name"].lower() for s in schemes if s.get("type") == "apiKey" and s["name"].lower() != "x-api-ts"}
    return names | {"authorization"}


@pytest.fixture(scope="module", params=PROVIDERS, ids=lambda p: p.name)
def tapped(request: pytest.FixtureRequest) -> Iterator[tuple[Rig, Wiretap, str]]:
    with make_rig(request.param, secret=secrets.token_hex(24)) as rig:
        tap = Wiretap(rig.drifting, spec_headers(rig.provider))
        with serve_in_thread(tap) as upstream:
            yield rig, tap, upstream


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "withdrawal_apis.cli", *args]


def wait_until_serving(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "the proxy exited before it served"
        try:
            httpx.get(url + "/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise AssertionError("the proxy did not start")


def test_no_credential_reaches_any_output(
    tapped: tuple[Rig, Wiretap, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rig, tap, upstream = tapped
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    reports = tmp_path / "proxy"
    outputs = {name: (tmp_path / name).open("wb") for name in ("proxy.out", "proxy.err")}
    args = ["--log-level", "DEBUG", "proxy", rig.provider.name, "--upstream", upstream, "--port", str(port)]
    process = subprocess.Popen(
        cli(*args, "--report-dir", str(reports)), stdout=outputs["proxy.out"], stderr=outputs["proxy.err"]
    )
    try:
        wait_until_serving(url, process)
        for kind in (None, "rename-field"):
            rig.drifting.kind = kind
            drive(rig.emulator, url)
    finally:
        rig.drifting.kind = None
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=30)
    assert status == 1, "drifted traffic went through: exit status 1"
    for handle in outputs.values():
        handle.close()
    capsys.readouterr()
    checked = main(
        ["drift", "check", rig.provider.name, str(reports / "traffic.har"), "--report-dir", str(tmp_path / "check")]
    )
    out, err = capsys.readouterr()
    (tmp_path / "check.out").write_text(out)
    (tmp_path / "check.err").write_text(err)
    assert checked == 1

    account = credentials(rig.emulator)
    secret = list(account.values())[1]
    used = {secret, hashlib.sha256(secret.encode()).hexdigest(), *tap.seen}
    used = {value for value in used if len(value) >= 8 and value != REDACTED}
    assert len(used) >= 3, "the wiretap saw the credentials that were used"
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert {p.name for p in written} >= {
        "drift.ndjson", "summary.json", "summary.html", "traffic.har", "proxy.out", "proxy.err", "check.out",
    }  # fmt: skip
    texts = {path.name: path.read_text("utf-8", "replace") for path in written}
    leaks = [(name, value[:12]) for name, text in texts.items() for value in used if value in text]
    assert not leaks, leaks

    har = json.loads((reports / "traffic.har").read_text())
    names = spec_headers(rig.provider)
    for entry in har["log"]["entries"]:
        for header in entry["request"]["headers"]:
            if header["name"].lower() in names:  # the scheme (`Bearer`) may stay; the credentials go
                scheme, _, rest = header["value"].rpartition(" ")
                assert rest == REDACTED, header
                assert not scheme or scheme.isalpha(), header
