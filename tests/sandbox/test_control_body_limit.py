"""The control API's large body limit is for callers that pass its token, and is declared in its spec."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from withdrawal_apis.emulators import build_app
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.sandbox.app import SandboxApp

TOKEN = "control-token-for-tests"
SEED = b'{"accounts": [{"id": "acct-1"}]}'


def post_seed(app: SandboxApp, body: bytes, headers: dict[str, str]) -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as http:
            return await http.post("/_sandbox/seed", content=body, headers=headers)

    return asyncio.run(send())


@pytest.fixture
def app() -> SandboxApp:
    return build_app("mpchat", SandboxConfig(control_token=TOKEN))


def test_a_large_body_without_the_token_is_401_not_read(app: SandboxApp) -> None:
    response = post_seed(app, SEED + b" " * 200_000, {"content-type": "application/json"})
    assert response.status_code == 401
    assert response.json() == {"error": "the control API needs its token"}


def test_a_large_body_with_the_token_is_read(app: SandboxApp) -> None:
    headers = {"content-type": "application/json", "authorization": f"Bearer {TOKEN}"}
    response = post_seed(app, SEED + b" " * 200_000, headers)
    assert response.status_code == 200, response.text
    assert response.json() == {"accounts": ["acct-1"]}


def test_a_provider_body_keeps_the_small_limit(app: SandboxApp) -> None:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as http:
            return await http.post("/v1/withdrawals", content=b"{}" + b" " * 70_000)

    response = asyncio.run(send())
    assert response.status_code == 413
    assert "65536" in response.text


def test_every_control_operation_with_a_body_declares_413(app: SandboxApp) -> None:
    spec = app.control_router.spec.raw
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "requestBody" in operation:
                assert "413" in operation["responses"], (method, path)
