"""The generated BigONE client, with our auth installed, against an in-memory transport."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
from bigone_client.api.system import ping
from bigone_client.api.withdrawals import create_withdrawal, get_withdrawal, list_withdrawals
from bigone_client.models import (
    CreateWithdrawalRequest,
    Error,
    PingResponse,
    Withdrawal,
    WithdrawalKind,
    WithdrawalPage,
    WithdrawalResponse,
    WithdrawalState,
)

from withdrawal_apis.credentials import Credential
from withdrawal_apis.providers import bigone
from withdrawal_apis.providers.bigone import auth

SECRET = "s3cret-" + "5e" * 16  # as long as RFC 7518 asks of an HS256 key
KEY = Credential("c37173f4-key", SECRET, account_id="a1")

# The provider's documented object, and the real create response a third-party client captured.
DOCS_WITHDRAWAL = {
    "id": 10,
    "customer_id": "10",
    "asset_symbol": "ETH",
    "amount": "5",
    "state": "COMPLETED",
    "note": "2018-03-15T16:13:45.610463Z",
    "txid": "0x4643bb6b393ac20a6175c713175734a72517c63d6f73a3ca90a15356f2e967da0",
    "completed_at": "2018-03-15T16:13:45.610463Z",
    "inserted_at": "2018-03-15T16:13:45.610463Z",
    "is_internal": True,
    "target_address": "0x4643bb6b393ac20a6175c713175734a72517c63d6f7",
}
CAPTURED_WITHDRAWAL = {
    "id": 1077391,
    "customer_id": 1082679,
    "amount": "21.9000000000000000",
    "txid": "",
    "is_internal": False,
    "kind": "on_chain",
    "state": "PENDING",
    "inserted_at": "2020-06-03T00:50:57+00:00",
    "updated_at": "2020-06-03T00:50:57+00:00",
    "memo": "",
    "target_address": "rDYtYT3dBeuw376rvHqoZBKW3UmvguoBAf",
    "fee": "0.1000000000000000",
    "asset_symbol": "XRP",
}


def verifying_transport(body: dict[str, Any], status: int = 200) -> httpx.MockTransport:
    """Answers `body` only to requests our own server-side verifier accepts; records what was sent."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/ping"):
            assert "Authorization" in request.headers  # the signer signs everything; the server ignores it
        try:
            auth.verify(request.headers.get("Authorization"), {KEY.key_id: KEY}.get, now_ns=time.time_ns())
        except auth.AuthError as error:
            return httpx.Response(error.status, json={"code": error.code, "message": error.message})
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


def make_client(transport: httpx.MockTransport, secret: str = SECRET) -> Any:
    return bigone.client(KEY.key_id, secret, base_url="https://big.test/api/v3", httpx_args={"transport": transport})


def test_factory_signs_requests_the_verifier_accepts() -> None:
    client = make_client(verifying_transport({"code": 0, "message": "", "data": CAPTURED_WITHDRAWAL}))
    body = CreateWithdrawalRequest(
        symbol="XRP", target_address="rDYtYT3dBeuw376rvHqoZBKW3UmvguoBAf", amount="21.9", guid="g-1"
    )
    response = create_withdrawal.sync_detailed(client=client, body=body)
    assert response.status_code == 200
    assert isinstance(response.parsed, WithdrawalResponse)
    created = response.parsed.data
    assert (created.id, created.customer_id, created.state, created.kind) == (
        1077391,
        1082679,
        WithdrawalState.PENDING,
        WithdrawalKind.ON_CHAIN,
    )
    assert created.fee == "0.1000000000000000"


def test_both_documented_object_shapes_parse() -> None:
    docs = Withdrawal.from_dict(DOCS_WITHDRAWAL)
    assert (docs.customer_id, docs.note, docs.completed_at.isoformat()) == (
        "10",
        "2018-03-15T16:13:45.610463Z",
        "2018-03-15T16:13:45.610463+00:00",
    )
    captured = Withdrawal.from_dict(CAPTURED_WITHDRAWAL)
    assert captured.inserted_at.utcoffset() is not None
    assert captured.to_dict()["customer_id"] == 1082679


def test_wrong_secret_gets_the_documented_error_model() -> None:
    client = make_client(verifying_transport({"code": 0, "data": DOCS_WITHDRAWAL}), secret="wrong-" + "5e" * 16)
    response = get_withdrawal.sync_detailed("c37173f4-751f-4cc1-9904-c1041dcae4f7", client=client)
    assert response.status_code == 401
    assert isinstance(response.parsed, Error)
    assert (response.parsed.code, response.parsed.message) == (40106, "Invalid token")


def test_the_docs_list_example_without_code_parses() -> None:
    page = {"data": [DOCS_WITHDRAWAL], "page_token": "eyJvZmZzZXQiOjEwMCwia2luZCI6IlRSQU5TRkVSIn0="}
    client = make_client(verifying_transport(page))
    parsed = list_withdrawals.sync(client=client, limit="50")
    assert isinstance(parsed, WithdrawalPage)
    assert parsed.data[0].id == 10
    assert parsed.page_token == page["page_token"]


def test_unknown_state_and_kind_from_the_server_do_not_crash_the_client() -> None:
    """A value the spec does not list parses as a pseudo-member instead of raising."""
    item = {**DOCS_WITHDRAWAL, "state": "SETTLED", "kind": "lightning"}
    client = make_client(verifying_transport({"code": 0, "data": [item]}))
    page = list_withdrawals.sync(client=client)
    assert isinstance(page, WithdrawalPage)
    state, kind = page.data[0].state, page.data[0].kind
    assert isinstance(state, WithdrawalState)  # the open set still parses into the enum type
    assert state == "SETTLED"
    assert not state.is_known
    assert kind == "lightning"
    assert not kind.is_known
    assert page.data[0].to_dict()["state"] == "SETTLED"


def test_every_listed_state_parses_as_a_known_member() -> None:
    for value in ("PENDING", "COMPLETED", "FAILED", "CANCELLED", "CONFIRMED", "UNCONFIRMED"):
        parsed = Withdrawal.from_dict({**DOCS_WITHDRAWAL, "state": value}).state
        assert isinstance(parsed, WithdrawalState)
        assert parsed.is_known
        assert parsed is WithdrawalState(value)


def test_ping_parses_nanoseconds() -> None:
    client = make_client(verifying_transport({"code": 0, "data": {"timestamp": 1527665262168391000}}))
    answer = ping.sync(client=client)
    assert isinstance(answer, PingResponse)
    assert answer.data.timestamp == 1527665262168391000


def test_the_body_goes_out_as_json_without_unset_fields() -> None:
    sent: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(200, json={"code": 0, "message": "", "data": CAPTURED_WITHDRAWAL})

    client = make_client(httpx.MockTransport(handler))
    body = CreateWithdrawalRequest(
        symbol="USDT",
        target_address="0x52908400098527886E0F7030069857D2E4169EE7",
        amount="100",
        gateway_name="Ethereum",
    )
    create_withdrawal.sync(client=client, body=body)
    assert sent == [
        {
            "symbol": "USDT",
            "target_address": "0x52908400098527886E0F7030069857D2E4169EE7",
            "amount": "100",
            "gateway_name": "Ethereum",
        }
    ]
