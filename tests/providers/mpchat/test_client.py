"""The generated MPChat client, with our auth installed, against an in-memory transport."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
from mpchat_client.api.withdrawals import create_withdrawal, get_withdrawal, list_withdrawals
from mpchat_client.models import CreateWithdrawalRequest, Network, Withdrawal, WithdrawalList, WithdrawalStatus

from withdrawal_apis.credentials import Credential
from withdrawal_apis.providers import mpchat
from withdrawal_apis.providers.mpchat import auth

KEY = Credential("mk_test_abc", "s3cret", account_id="m1")

WITHDRAWAL = {
    "id": "wd_01HQ8ZTXV",
    "merchant_id": "m1",
    "amount": "500.00",
    "fee": "1.00",
    "status": "PENDING",
    "destination_address": "TXyz1234567890abcdefghijklmnopqrst",
    "network": "TRC20",
    "tx_hash": None,
    "created_at": "2024-01-15T10:00:00Z",
    "updated_at": "2024-01-15T10:00:00Z",
}


def verifying_transport(body: dict[str, Any], status: int = 200) -> httpx.MockTransport:
    """Answers `body` only to requests our own server-side verifier accepts."""

    def handler(request: httpx.Request) -> httpx.Response:
        try:
            auth.verify(request.headers.get("Authorization"), {KEY.key_id: KEY}.get, now=time.time())
        except auth.AuthError as error:
            return httpx.Response(401, json={"error": error.message})
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


def make_client(transport: httpx.MockTransport, secret: str = "s3cret") -> Any:
    return mpchat.client(KEY.key_id, secret, base_url="https://sandbox.test", httpx_args={"transport": transport})


def test_factory_signs_requests_the_verifier_accepts() -> None:
    client = make_client(verifying_transport(WITHDRAWAL, 201))
    body = CreateWithdrawalRequest(
        amount="500.00", destination_address=WITHDRAWAL["destination_address"], network=Network.TRC20
    )
    response = create_withdrawal.sync_detailed(client=client, body=body)
    assert response.status_code == 201
    assert isinstance(response.parsed, Withdrawal)
    assert response.parsed.status is WithdrawalStatus.PENDING
    assert response.parsed.tx_hash is None
    assert response.parsed.amount == "500.00"


def test_wrong_secret_gets_the_documented_401() -> None:
    client = make_client(verifying_transport(WITHDRAWAL), secret="wrong")
    response = get_withdrawal.sync_detailed("wd_01HQ8ZTXV", client=client)
    assert response.status_code == 401
    assert json.loads(response.content) == {"error": "invalid signature"}


def test_unknown_status_from_the_server_does_not_crash_the_client() -> None:
    """A status the spec does not list parses as a pseudo-member instead of raising."""
    item = {**WITHDRAWAL, "status": "ON_HOLD", "network": "BEP20"}
    client = make_client(verifying_transport({"withdrawals": [item], "total": 1}))
    page = list_withdrawals.sync(client=client, limit=20)
    assert isinstance(page, WithdrawalList)
    status = page.withdrawals[0].status
    assert status == "ON_HOLD"
    assert not status.is_known
    assert page.withdrawals[0].to_dict()["status"] == "ON_HOLD"


def test_every_documented_status_parses_as_a_known_member() -> None:
    for value in (
        "PENDING",
        "PENDING_REVIEW",
        "LEVEL1_APPROVED",
        "APPROVED",
        "PROCESSING",
        "COMPLETED",
        "FAILED",
        "CANCELLED",
        "REJECTED",
    ):
        parsed = Withdrawal.from_dict({**WITHDRAWAL, "status": value}).status
        assert parsed.is_known
        assert parsed is WithdrawalStatus(value)
