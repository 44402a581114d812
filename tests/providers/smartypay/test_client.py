"""The generated SmartyPay client, with our auth installed, against an in-memory transport."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from smartypay_client.api.merchants import get_merchant_balance
from smartypay_client.api.withdrawal_intents import search_withdrawal_intents
from smartypay_client.api.withdrawal_schedule import update_withdrawal_schedule
from smartypay_client.api.withdrawals import get_withdrawal, search_withdrawals, withdraw_now
from smartypay_client.models import (
    Blockchain,
    Currency,
    Error,
    IntentList,
    IntentSearchRequest,
    IntentStatus,
    MerchantBalance,
    Network,
    PageRequest,
    SchedulePeriod,
    Withdrawal,
    WithdrawalList,
    WithdrawalPredicates,
    WithdrawalSchedule,
    WithdrawalSearchRequest,
    WithdrawalStatus,
    WithdrawNowRequest,
    WithdrawNowResponse,
)

from withdrawal_apis.credentials import Credential
from withdrawal_apis.providers import smartypay
from withdrawal_apis.providers.smartypay import auth

KEY = Credential("sp_key", "s3cret", account_id="p1")

WITHDRAWAL = {
    "id": "BuDXTw3Dse5iRfkwsSpdec",
    "blockchain": "BinanceTestNet",
    "destinationAddress": "0x7aa002968e2B68b4803cbE15DdfdEe1488550180",
    "amount": {"currency": "bUSDT", "value": "10"},
    "status": "Finished",
}
INTENT = {
    "blockchain": "BinanceMainNet",
    "currency": "bUSDT",
    "id": "SxzNzHmWUsESHzYCqdFzw1",
    "processAt": "2023-12-15T20:08:16.640232Z",
    "status": "Pending",
}


def verifying_transport(body: Any, status: int = 200, seen: list[httpx.Request] | None = None) -> httpx.MockTransport:
    """Answers `body` only to requests our own server-side verifier accepts, over the bytes received."""

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        try:
            auth.verify(
                {k.lower(): v for k, v in request.headers.items()},
                request.method,
                request.url.raw_path.decode(),
                request.content,
                {KEY.key_id: KEY}.get,
                now=time.time(),
            )
        except auth.AuthError as error:
            return httpx.Response(error.status, json={"status": error.status, "code": error.code, "message": "no"})
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


def make_client(transport: httpx.MockTransport, scheme: str, secret: str = "s3cret") -> Any:
    return smartypay.client(
        KEY.key_id, secret, base_url="https://sandbox.test", scheme=scheme, httpx_args={"transport": transport}
    )


@pytest.mark.parametrize("scheme", ["basic", "hmac"])
def test_factory_authenticates_requests_the_verifier_accepts(scheme: str) -> None:
    seen: list[httpx.Request] = []
    client = make_client(
        verifying_transport({"intent": INTENT, "merchantId": "RgFw2p65CQn3pE8uriL53d"}, seen=seen), scheme
    )
    body = WithdrawNowRequest(merchant_id="RgFw2p65CQn3pE8uriL53d", currency=Currency.BUSDT)
    response = withdraw_now.sync_detailed(client=client, body=body)
    assert response.status_code == 200
    assert isinstance(response.parsed, WithdrawNowResponse)
    assert response.parsed.intent.status is IntentStatus.PENDING
    assert response.parsed.intent.currency is Currency.BUSDT
    assert response.parsed.intent.process_at.microsecond == 640232
    sent = seen[0].headers
    assert ("x-api-sig" in sent) == (scheme == "hmac")
    assert ("authorization" in sent) == (scheme == "basic")


@pytest.mark.parametrize("scheme", ["basic", "hmac"])
def test_wrong_secret_is_refused_with_403(scheme: str) -> None:
    client = make_client(verifying_transport(WITHDRAWAL), scheme, secret="wrong")
    response = get_withdrawal.sync_detailed("BuDXTw3Dse5iRfkwsSpdec", client=client)
    assert response.status_code == 403
    assert isinstance(response.parsed, Error)
    assert response.parsed.code == "Forbidden"


def test_search_bodies_and_pages_round_trip() -> None:
    seen: list[httpx.Request] = []
    page = {"list": [WITHDRAWAL], "page": {"limit": 5, "offset": 0}}
    client = make_client(verifying_transport(page, seen=seen), "hmac")
    query = WithdrawalSearchRequest(predicates=WithdrawalPredicates(network=Network.TESTNET), page=PageRequest(limit=5))
    result = search_withdrawals.sync(client=client, body=query)
    assert isinstance(result, WithdrawalList)
    assert result.list_[0].amount.value == "10"
    assert result.list_[0].blockchain is Blockchain.BINANCETESTNET
    assert result.page.limit == 5
    assert seen[0].content == b'{"predicates":{"network":"TestNet"},"page":{"limit":5}}'


def test_intent_search_accepts_asset_or_currency() -> None:
    item = {**INTENT, "asset": "btUSDTv2", "blockchain": "BinanceTestNet"}
    del item["currency"]
    client = make_client(verifying_transport({"list": [item], "page": {"limit": 5, "offset": 0}}), "basic")
    result = search_withdrawal_intents.sync(client=client, body=IntentSearchRequest())
    assert isinstance(result, IntentList)
    assert result.list_[0].asset is Currency.BTUSDTV2
    assert not result.list_[0].currency


def test_schedule_amount_is_a_number_on_the_wire() -> None:
    seen: list[httpx.Request] = []
    client = make_client(verifying_transport({"period": "FirstDayOfWeek", "unifiedMinAmount": 50}, seen=seen), "hmac")
    body = WithdrawalSchedule(period=SchedulePeriod.FIRSTDAYOFWEEK, unified_min_amount=50)
    result = update_withdrawal_schedule.sync("9xBoSUdGWeiAzMn5VHBvMB", client=client, body=body)
    assert isinstance(result, WithdrawalSchedule)
    assert result.unified_min_amount == 50
    assert seen[0].method == "PUT"
    assert seen[0].content == b'{"period":"FirstDayOfWeek","unifiedMinAmount":50}'


def test_balance_is_a_list_of_money() -> None:
    balances = {"balances": [{"value": "998", "currency": "bUSDT"}, {"value": "3015", "currency": "pUSDC"}]}
    client = make_client(verifying_transport(balances), "hmac")
    result = get_merchant_balance.sync("FdDQBuaqXoReYAxf9VtEBq", client=client)
    assert isinstance(result, MerchantBalance)
    assert [(m.currency, m.value) for m in result.balances] == [(Currency.BUSDT, "998"), (Currency.PUSDC, "3015")]


def test_unknown_status_and_codes_from_the_server_do_not_crash_the_client() -> None:
    """Values the spec does not list parse as pseudo-members instead of raising."""
    item = {
        **WITHDRAWAL,
        "status": "Refunded",
        "blockchain": "BaseMainNet",
        "amount": {"value": "1", "currency": "bUSDC"},
    }
    client = make_client(verifying_transport({"list": [item], "page": {"limit": 20, "offset": 0}}), "hmac")
    page = search_withdrawals.sync(client=client)
    assert isinstance(page, WithdrawalList)
    withdrawal = page.list_[0]
    assert withdrawal.status == "Refunded"
    assert not withdrawal.status.is_known
    assert not withdrawal.blockchain.is_known
    assert not withdrawal.amount.currency.is_known
    assert withdrawal.to_dict()["status"] == "Refunded"
    intent = {**INTENT, "status": "Expired"}
    client = make_client(verifying_transport({"list": [intent], "page": {"limit": 20, "offset": 0}}), "hmac")
    intents = search_withdrawal_intents.sync(client=client)
    assert isinstance(intents, IntentList)
    assert intents.list_[0].status == "Expired"
    assert not intents.list_[0].status.is_known


def test_every_documented_status_parses_as_a_known_member() -> None:
    for value in ("New", "Running", "Paused", "Finished", "Cancelled", "Error"):
        parsed = Withdrawal.from_dict({**WITHDRAWAL, "status": value}).status
        assert parsed.is_known
        assert parsed is WithdrawalStatus(value)
    for value in ("Pending", "Succeeded", "Failed"):
        assert IntentStatus(value).is_known


def test_codes_the_client_was_not_generated_with_come_back_and_known_ones_go_out() -> None:
    """Responses are open: a new code parses, as does a retired one. The request takes the typed member."""
    seen: list[httpx.Request] = []
    intent = {**INTENT, "currency": "bsUSDC", "blockchain": "BaseSepolia"}
    client = make_client(
        verifying_transport({"intent": intent, "merchantId": "RgFw2p65CQn3pE8uriL53d"}, seen=seen), "hmac"
    )
    body = WithdrawNowRequest(merchant_id="RgFw2p65CQn3pE8uriL53d", currency=Currency.PAUSDC)
    answer = withdraw_now.sync(client=client, body=body)
    assert seen[0].content == b'{"merchantId":"RgFw2p65CQn3pE8uriL53d","currency":"paUSDC"}'
    assert isinstance(answer, WithdrawNowResponse)
    assert isinstance(answer.intent.currency, Currency)  # parsed into the enum all the same
    assert (answer.intent.currency, answer.intent.currency.is_known) == ("bsUSDC", False)
    assert isinstance(answer.intent.blockchain, Blockchain)
    assert not answer.intent.blockchain.is_known
    old = Withdrawal.from_dict(
        {**WITHDRAWAL, "blockchain": "PolygonMumbaiNet", "amount": {"value": "1", "currency": "pmUSDT"}}
    )
    assert old.blockchain is Blockchain.POLYGONMUMBAINET
    assert isinstance(old.amount.currency, Currency)
    assert not old.amount.currency.is_known
    assert old.to_dict()["amount"] == {"value": "1", "currency": "pmUSDT"}
    assert Currency("eUSDT") is Currency.EUSDT
    assert Blockchain("PolygonAmoy") is Blockchain.POLYGONAMOY
