"""The generated kamiPay client through our factory, against an in-memory kamiPay that checks the login."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from kamipay_client.api.merchants import list_merchant_wallets
from kamipay_client.api.wallet import create_withdrawal, get_address_balance
from kamipay_client.models import (
    AddressBalanceResponse,
    Chain,
    DetailError,
    GatewayError,
    TransactionStatus,
    Wallet,
    WithdrawRequest,
    WithdrawResponse,
    WithdrawResult,
    WithdrawToken,
)

from withdrawal_apis.providers import kamipay
from withdrawal_apis.sandbox.store import Store
from withdrawal_apis.sandbox.tokens import TokenIssuer

USER, PASSWORD = "merchant-api", "s3cret"
WALLET = "0x1c0aC0000000000000000000000000000488fEdc"

WITHDRAWAL = {
    "status": "ok",
    "msg": "transaction succesful",
    "data": {
        "status": "mined",
        "transactionHash": "0x0c5fabf2a7c76c809b345b6" + "0" * 39,
        "to": "0x6Fe712c00000000000000000000000000E72988e",
        "usdt amount": 0.1,
    },
}


class Kamipay:
    """Logs in `USER` with a real HS256 token and answers `body` only to that bearer token."""

    def __init__(self, body: Any, status: int = 200) -> None:
        self.body, self.status = body, status
        self.issuer = TokenIssuer(Store(), ttl_seconds=3600)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/kamipay/auth/token":
            form = parse_qs(request.content.decode())
            if form != {"username": [USER], "password": [PASSWORD]}:
                return httpx.Response(401, json={"detail": "Incorrect Credentials"})
            token, _ = self.issuer.issue(USER, now=time.time())
            return httpx.Response(200, json={"access_token": token, "token_type": "bearer"})
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer "):
            return httpx.Response(401, json={"message": "Unauthorized", "request_id": "ab" * 16})
        self.issuer.verify(header.removeprefix("Bearer "), now=time.time())
        return httpx.Response(self.status, json=self.body)


def make_client(server: Kamipay, password: str = PASSWORD) -> Any:
    transport = httpx.MockTransport(server)
    return kamipay.client(USER, password, base_url="https://gw.test/kamipay", httpx_args={"transport": transport})


def test_factory_logs_in_then_withdraws() -> None:
    server = Kamipay(WITHDRAWAL)
    body = WithdrawRequest(
        chain=Chain.POLYGON, token=WithdrawToken.USDT, amount=0.1, from_address=WALLET, to_address=WALLET
    )
    response = create_withdrawal.sync_detailed(client=make_client(server), body=body)
    assert response.status_code == 200
    assert [str(r.url) for r in server.requests] == [
        "https://gw.test/kamipay/auth/token",
        "https://gw.test/kamipay/v1/wallet/withdraw",
    ]
    sent = server.requests[1]
    assert json.loads(sent.content)["amount"] == 0.1
    assert b'"amount":0.1,' in sent.content  # the float's shortest text: exactly one tenth on the wire
    parsed = response.parsed
    assert isinstance(parsed, WithdrawResponse)
    assert parsed.data.status is TransactionStatus.MINED
    assert parsed.data.usdt_amount == 0.1
    assert parsed.data.to_dict()["usdt amount"] == 0.1  # the key with a space survives a round trip
    assert parsed.data.transaction_hash == WITHDRAWAL["data"]["transactionHash"]  # type: ignore[index]


def test_exact_json_reads_amounts_as_decimals() -> None:
    content = (
        b'{"data": {"tokens": [{"token": "MATIC", "balance": 0.359166074094801060}, {"token": "USDT", "balance": 1}]}}'
    )
    tokens = kamipay.exact_json(content)["data"]["tokens"]
    assert tokens[0]["balance"] == Decimal("0.359166074094801060")
    assert tokens[1]["balance"] == Decimal(1)
    assert float(tokens[0]["balance"]) != tokens[0]["balance"]  # a float would have lost digits


def test_withdraw_exact_sends_the_decimal_digits() -> None:
    server = Kamipay(WITHDRAWAL)
    amount = Decimal("1.123456789012345678")
    response = kamipay.withdraw_exact(
        make_client(server), token="matic", amount=amount, from_address=WALLET, to_address=WALLET
    )
    assert response.status_code == 200
    sent = server.requests[-1]
    assert sent.headers["content-type"] == "application/json"
    assert b'"amount": 1.123456789012345678}' in sent.content
    assert json.loads(sent.content, parse_float=Decimal)["amount"] == amount


def test_wrong_password_fails_the_login() -> None:
    server = Kamipay(WITHDRAWAL)
    with pytest.raises(kamipay.auth.LoginFailed) as caught:
        list_merchant_wallets.sync_detailed(client=make_client(server, password="wrong"))
    assert caught.value.response.json() == {"detail": "Incorrect Credentials"}


def test_both_401_shapes_parse() -> None:
    for body, model in (
        ({"detail": "Incorrect Credentials"}, DetailError),
        ({"message": "Unauthorized", "request_id": "ab" * 16}, GatewayError),
    ):
        server = Kamipay(body, status=401)
        response = get_address_balance.sync_detailed(client=make_client(server), address=WALLET, chain=Chain.POLYGON)
        assert response.status_code == 401
        assert isinstance(response.parsed, model)


def test_wallets_and_balances_parse() -> None:
    wallet = {
        "merchant_id": 1,
        "wallet_id": 2,
        "wallet_desc": "Secondary wallet",
        "currency_id": 1,
        "address": WALLET,
        "network_id": 1,
    }
    wallets = list_merchant_wallets.sync(client=make_client(Kamipay([wallet])))
    assert isinstance(wallets, list)
    assert isinstance(wallets[0], Wallet)
    assert wallets[0].wallet_id == 2
    balance = {
        "status": "ok",
        "msg": "Matic and USDt Balance",
        "data": {
            "address": WALLET,
            "tokens": [{"token": "MATIC", "balance": 0.35}, {"token": "NEWCOIN", "balance": 1}],
        },
    }
    parsed = get_address_balance.sync(client=make_client(Kamipay(balance)), address=WALLET, chain=Chain.POLYGON)
    assert isinstance(parsed, AddressBalanceResponse)
    assert parsed.data.tokens[0].token.is_known
    assert not parsed.data.tokens[1].token.is_known  # a token kamiPay adds later does not break parsing


def test_unknown_status_from_the_server_does_not_crash_the_client() -> None:
    body = {**WITHDRAWAL, "data": {**WITHDRAWAL["data"], "status": "pending_confirmations"}}  # type: ignore[dict-item]
    server = Kamipay(body)
    request = WithdrawRequest(
        chain=Chain.POLYGON, token=WithdrawToken.MATIC, amount=1, from_address=WALLET, to_address=WALLET
    )
    parsed = create_withdrawal.sync(client=make_client(server), body=request)
    assert isinstance(parsed, WithdrawResponse)
    assert parsed.data.status == "pending_confirmations"
    assert not parsed.data.status.is_known
    assert parsed.data.to_dict()["status"] == "pending_confirmations"


def test_every_documented_status_parses_as_a_known_member() -> None:
    for value in ("mined", "dropped", "not_found", "reverted"):
        parsed = WithdrawResult.from_dict({**WITHDRAWAL["data"], "status": value}).status  # type: ignore[dict-item]
        assert parsed.is_known
        assert parsed is TransactionStatus(value)
