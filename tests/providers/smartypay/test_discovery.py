"""SmartyPay: finding merchants and blockchains, the open currency and blockchain sets, request fields
the spec does not list, and the spec's own request examples sent unmodified to the demo seed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from smartypay_client.api.dictionaries import list_blockchains
from smartypay_client.api.merchants import get_merchant_balance, search_merchants
from smartypay_client.api.withdrawals import search_withdrawals, withdraw_now
from smartypay_client.models import (
    Blockchain,
    BlockchainDictionary,
    Currency,
    Error,
    MerchantBalance,
    MerchantList,
    MerchantPredicates,
    MerchantSearchRequest,
    PageRequest,
    WithdrawalList,
    WithdrawNowRequest,
    WithdrawNowResponse,
)

from withdrawal_apis.providers import smartypay
from withdrawal_apis.providers.smartypay import auth
from withdrawal_apis.providers.smartypay.currencies import BLOCKCHAINS, CURRENCIES, RETIRED_CURRENCIES
from withdrawal_apis.providers.smartypay.seed import DEMO_KEY, DEMO_SECRET
from withdrawal_apis.registry import get
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.spec import SpecDocument
from withdrawal_apis.testing import Emulator

SPEC = get("smartypay").spec_path
KEY, SECRET = "sp_discovery_key", "sp_discovery_secret"
PARTNER_ADDRESS = "0x5888455503193e5C6ea7AC1f232Ac7d6665f55fd"
ADDRESS = "0x7aa002968e2B68b4803cbE15DdfdEe1488550180"
GAS_ADDRESS = "0x6b9Ac38D27c068Eb633F6C779CbF0C9d42d03753"


def merchant(merchant_id: str, partner: str = "p1", balances: dict[str, str] | None = None, **extra: Any) -> dict:
    return {
        "id": merchant_id,
        "balances": balances or {},
        "extra": {"partner": partner, "destinationAddress": ADDRESS, **extra},
    }


def gas(chain: str) -> dict[str, str]:
    return {"blockchain": chain, "address": GAS_ADDRESS, "nativeBalance": "254803120000000000"}


SEED = {
    "accounts": [
        {"id": "p1", "credentials": [{"key_id": KEY, "secret": SECRET}], "extra": {"address": PARTNER_ADDRESS}},
        merchant(
            "FdDQBuaqXoReYAxf9VtEBq",
            name="Tesla Corporation",
            isKYBFinished=True,
            createdAt="2023-12-20T06:42:54.906016Z",
            balances={"bUSDT": "998"},
        ),
        merchant("TeslaCoffee01", name="tesla coffee", createdAt="2024-01-05T10:00:00Z"),
        merchant("Bakery0000001", name="Bakery", createdAt="2022-06-01T00:00:00+02:00"),
        merchant(
            "TestnetShop01",
            name="Testnet shop",
            createdAt="2024-06-01T00:00:00Z",
            balances={"paUSDT": "12.5", "esUSDC": "0.25", "eUSDT": "3"},
            gasWallets=[gas("PolygonAmoy"), gas("EthereumSepolia"), gas("EthereumMainNet")],
        ),
        {"id": "p2", "credentials": [{"key_id": "other", "secret": "other-secret"}]},
        merchant("TeslaForeign1", partner="p2", name="Tesla of another partner"),
    ]
}


class Sandbox(Emulator):
    def __init__(self) -> None:
        super().__init__("smartypay", SandboxConfig(test_mode=True, rate_limit=0), seed=None)
        self.seed(SEED)

    def api(self, scheme: str = "hmac") -> Any:
        return smartypay.client(KEY, SECRET, base_url=self.base_url, scheme=scheme, httpx_args=self.httpx_args)

    def signed(self, key: str = KEY, secret: str = SECRET) -> httpx.Client:
        return self.http(auth.make_auth(key, secret))


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as running:
        yield running
        assert not running.violations, running.violations


# -- merchants ----------------------------------------------------------------------------------
@pytest.mark.parametrize("scheme", ["basic", "hmac"])
def test_merchant_search_finds_the_partners_merchants_by_name(sandbox: Sandbox, scheme: str) -> None:
    client = sandbox.api(scheme)
    query = MerchantSearchRequest(predicates=MerchantPredicates(name_like="TESLA"), page=PageRequest(limit=5))
    found = search_merchants.sync(client=client, body=query)
    assert isinstance(found, MerchantList)
    # Case-insensitive; newest first; never another partner's merchant.
    assert [m.name for m in found.list_] == ["tesla coffee", "Tesla Corporation"]
    tesla = found.list_[1]
    assert (tesla.id, tesla.is_kyb_finished, tesla.partner_address) == ("FdDQBuaqXoReYAxf9VtEBq", True, PARTNER_ADDRESS)
    assert tesla.created_at == datetime.fromisoformat("2023-12-20T06:42:54.906016Z")
    assert found.page.to_dict() == {"limit": 5, "offset": 0}
    # The id found is the merchantId of every other operation.
    balance = get_merchant_balance.sync(tesla.id, client=client)
    assert isinstance(balance, MerchantBalance)
    assert [(b.currency, b.value) for b in balance.balances] == [(Currency.BUSDT, "998")]


def test_merchant_search_pages_through_every_merchant_newest_first(sandbox: Sandbox) -> None:
    with sandbox.signed() as http:
        everything = http.post("/v1/merchants/search").json()
        ids = [m["id"] for m in everything["list"]]
        assert ids == ["TestnetShop01", "TeslaCoffee01", "FdDQBuaqXoReYAxf9VtEBq", "Bakery0000001"]
        assert everything["page"] == {"limit": 20, "offset": 0}
        created = [datetime.fromisoformat(m["createdAt"]) for m in everything["list"]]
        assert created == sorted(created, reverse=True)
        second = http.post("/v1/merchants/search", json={"page": {"limit": 2, "offset": 2}}).json()
        assert [m["id"] for m in second["list"]] == ids[2:4]
        assert http.post("/v1/merchants/search", json={"predicates": {"nameLike": "nobody"}}).json()["list"] == []
        assert (
            http.post("/v1/merchants/search", json={"predicates": {"nameLike": ""}}).json()["list"]
            == (everything["list"])
        )
        refused = http.post("/v1/merchants/search", json={"page": {"limit": 101}})
        assert (refused.status_code, refused.json()["code"]) == (400, "BadRequest")
    with sandbox.signed("other", "other-secret") as other:
        theirs = other.post("/v1/merchants/search").json()["list"]
        # A partner without an address on record: the field is left out.
        assert theirs == [
            {
                "id": "TeslaForeign1",
                "name": "Tesla of another partner",
                "isKYBFinished": False,
                "createdAt": theirs[0]["createdAt"],
            }
        ]


def test_a_merchant_seeded_without_name_or_creation_time(sandbox: Sandbox) -> None:
    sandbox.advance(3600)
    sandbox.seed({"accounts": [merchant("Unnamed000001")]})
    with sandbox.signed() as http:
        [found] = http.post("/v1/merchants/search", json={"predicates": {"nameLike": "unnamed0"}}).json()["list"]
    assert found["name"] == "Unnamed000001"  # named after its id
    created = datetime.fromisoformat(found["createdAt"]).timestamp()
    assert abs(created - sandbox.app.engine.clock.now()) < 5  # the virtual clock at seeding
    sandbox.advance(7200)
    sandbox.seed({"accounts": [merchant("Unnamed000001", name="Renamed")]})  # seeding again keeps it
    with sandbox.signed() as http:
        [again] = http.post("/v1/merchants/search", json={"predicates": {"nameLike": "renamed"}}).json()["list"]
    assert again["createdAt"] == found["createdAt"]


# -- blockchains and currencies -----------------------------------------------------------------
def test_the_blockchains_dictionary_lists_every_chain_of_the_currency_table(sandbox: Sandbox) -> None:
    answer = list_blockchains.sync(client=sandbox.api("basic"))
    assert isinstance(answer, BlockchainDictionary)
    by_code = {str(b.blockchain): b for b in answer.blockchains}
    assert set(by_code) == {member.value for member in Blockchain} == set(BLOCKCHAINS)
    assert all(b.blockchain.is_known for b in answer.blockchains)  # type: ignore[union-attr]
    amoy, mumbai = by_code["PolygonAmoy"], by_code["PolygonMumbaiNet"]
    assert (amoy.net, amoy.is_active, amoy.native_asset.to_dict()) == (
        "TestNet",
        True,
        {"code": "MATIC", "decimals": 18},
    )
    assert (mumbai.net, mumbai.is_active) == ("TestNet", False)  # retired: replaced by Amoy
    assert {by_code[c.blockchain].is_active for c in CURRENCIES.values()} == {True}
    assert {b.net for b in answer.blockchains} == {"MainNet", "TestNet"}
    assert {b.api_type for b in answer.blockchains} == {"EVM"}


def test_the_currency_table_is_the_providers_current_model() -> None:
    assert set(CURRENCIES) == {member.value for member in Currency}
    assert len(CURRENCIES) == 20
    assert not set(RETIRED_CURRENCIES) & set(CURRENCIES)
    assert set(RETIRED_CURRENCIES.values()) <= set(CURRENCIES)
    assert (CURRENCIES["eUSDT"].blockchain, CURRENCIES["eUSDT"].decimals) == ("EthereumMainNet", 6)
    assert CURRENCIES["paUSDT"].blockchain == "PolygonAmoy"
    assert {c.blockchain for c in CURRENCIES.values()} <= set(BLOCKCHAINS)


def test_new_codes_sweep_on_their_chains(sandbox: Sandbox) -> None:
    client = sandbox.api()
    for code in ("paUSDT", "esUSDC", "eUSDT"):
        answer = withdraw_now.sync(
            client=client, body=WithdrawNowRequest(merchant_id="TestnetShop01", currency=Currency(code))
        )
        assert isinstance(answer, WithdrawNowResponse)
        assert answer.intent.currency is Currency(code)
        assert answer.intent.currency.is_known  # type: ignore[union-attr]
    sandbox.advance(301)
    page = search_withdrawals.sync(client=client)
    assert isinstance(page, WithdrawalList)
    swept = {str(w.amount.currency): (w.blockchain, w.amount.value, str(w.status)) for w in page.list_}
    assert swept == {
        "paUSDT": (Blockchain.POLYGONAMOY, "12.5", "New"),
        "esUSDC": (Blockchain.ETHEREUMSEPOLIA, "0.25", "New"),
        "eUSDT": (Blockchain.ETHEREUMMAINNET, "3", "New"),
    }
    with sandbox.signed() as http:
        testnet = http.post("/v1/withdrawals/search", json={"predicates": {"network": "TestNet"}}).json()["list"]
    assert sorted(w["blockchain"] for w in testnet) == ["EthereumSepolia", "PolygonAmoy"]


@pytest.mark.parametrize("code", ["zzUSDT", "pmUSDT", "USDT", "DAI"])
def test_a_code_outside_the_current_model_is_refused_by_the_spec(sandbox: Sandbox, code: str) -> None:
    """A request takes today's codes only (retired and unknown ones are refused, 400 in the standard shape)."""
    spec = SpecDocument(SPEC)
    body = {"merchantId": "TestnetShop01", "currency": code}
    assert spec.errors("/components/schemas/WithdrawNowRequest", body) != []
    answer = withdraw_now.sync_detailed(
        client=sandbox.api(), body=WithdrawNowRequest(merchant_id="TestnetShop01", currency=Currency(code))
    )
    assert answer.status_code == 400
    assert isinstance(answer.parsed, Error)
    assert answer.parsed.code == "BadRequest"
    assert answer.parsed.message.startswith("invalid request body: currency: must be one of bBUSD, bUSDT, ")
    assert sandbox.balance("TestnetShop01", "paUSDT") == (Decimal("12.5"), 0)


def test_the_spec_lists_the_emulators_currency_table() -> None:
    enum = SpecDocument(SPEC).raw["components"]["schemas"]["Currency"]["enum"]
    assert enum == list(CURRENCIES)


# -- request fields the spec does not list -----------------------------------------------------
def test_request_fields_the_spec_does_not_list_are_ignored(sandbox: Sandbox) -> None:
    with sandbox.signed() as http:
        body = {"merchantId": "FdDQBuaqXoReYAxf9VtEBq", "currency": "bUSDT", "note": "month end"}
        assert http.post("/v1/withdrawals/withdraw-now", json=body).status_code == 200
        sandbox.advance(301)
        everything = http.post("/v1/withdrawals/search").json()["list"]
        assert len(everything) == 1
        # An unknown predicate filters nothing, and sorting options ride in `page`.
        query = {"predicates": {"status": "Cancelled"}, "page": {"limit": 5, "sort": [{"createdAt": "desc"}]}}
        found = http.post("/v1/withdrawals/search", json=query)
        assert (found.status_code, found.json()["list"], found.json()["page"]) == (
            200,
            everything,
            {"limit": 5, "offset": 0},
        )
        intents = http.post("/v1/withdrawals/intents/search", json={"predicates": {"currency": "eUSDT"}, "x": 1})
        assert [i["currency"] for i in intents.json()["list"]] == ["bUSDT"]
        merchants = http.post("/v1/merchants/search", json={"predicates": {"nameLike": "bak", "country": "DE"}})
        assert [m["id"] for m in merchants.json()["list"]] == ["Bakery0000001"]
        path = "/v1/merchants/FdDQBuaqXoReYAxf9VtEBq/withdrawal-schedule"
        schedule = http.put(path, json={"period": "FirstDayOfMonth", "unifiedMinAmount": 10, "tokens": ["bUSDT"]})
        assert schedule.json() == {"period": "FirstDayOfMonth", "unifiedMinAmount": 10}
        assert http.get(path).json() == {"period": "FirstDayOfMonth", "unifiedMinAmount": 10}


# -- the spec's request examples, sent as they are --------------------------------------------------
def request_examples(spec: SpecDocument) -> Iterator[tuple[str, str, str, Any]]:
    """(operationId, method, path with the example parameters, example body or None) per example."""
    for op in spec.operations:
        item = spec.at("/paths/" + op.pointer.split("/")[2])
        parameters = [
            spec.resolve(p, op.pointer)[0] for p in [*item.get("parameters", []), *op.raw.get("parameters", [])]
        ]
        path = op.path
        for parameter in parameters:
            assert parameter["in"] == "path", parameter
            path = path.replace("{" + parameter["name"] + "}", parameter["example"])
        media = ((op.raw.get("requestBody") or {}).get("content") or {}).get("application/json")
        bodies = [example["value"] for example in (media or {}).get("examples", {}).values()] or [None]
        for body in bodies:
            yield str(op.operation_id), op.method.upper(), path, body


def test_every_request_example_in_the_spec_succeeds_against_the_demo_seed() -> None:
    spec = SpecDocument(SPEC)
    examples = list(request_examples(spec))
    assert {operation for operation, *_ in examples} == {op.operation_id for op in spec.operations}
    with Emulator("smartypay", SandboxConfig(test_mode=True, rate_limit=0)) as demo:
        for scheme in ("basic", "hmac"):
            with demo.http(auth.make_auth(DEMO_KEY, DEMO_SECRET, scheme)) as http:
                for operation, method, path, body in examples:
                    answer = http.request(method, path, json=body)
                    assert answer.status_code == 200, (scheme, operation, answer.text)
            with demo.http(auth.make_auth(DEMO_KEY, DEMO_SECRET, scheme)) as http:
                # What the docs' examples show is what the demo seed answers to them.
                found = http.post(
                    "/v1/merchants/search", json={"predicates": {"nameLike": "Tesla"}, "page": {"limit": 5}}
                )
                documented = spec.at("/paths/~1v1~1merchants~1search/post/responses/200/content/application~1json")
                assert found.json() == documented["examples"]["docs"]["value"]
                retrieved = http.get("/v1/withdrawals/BuDXTw3Dse5iRfkwsSpdec").json()
                assert (retrieved["status"], retrieved["amount"]["value"]) == ("Finished", "10")
        assert not demo.violations, demo.violations
