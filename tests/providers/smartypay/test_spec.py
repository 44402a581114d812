"""SmartyPay facts the spec must carry (from the partner API pages)."""

from __future__ import annotations

from withdrawal_apis.registry import get
from withdrawal_apis.spec import SpecDocument

SPEC = get("smartypay").spec_path
SECURITY = [{"PartnerBasic": []}, {"ApiKey": [], "ApiSignature": [], "ApiTimestamp": []}]


def load() -> SpecDocument:
    return SpecDocument(SPEC)


def test_every_documented_status_is_listed() -> None:
    schemas = load().raw["components"]["schemas"]
    assert schemas["WithdrawalStatus"]["enum"] == ["New", "Running", "Paused", "Finished", "Cancelled", "Error"]
    assert schemas["IntentStatus"]["enum"] == ["Pending", "Succeeded", "Failed"]
    assert schemas["SchedulePeriod"]["enum"] == ["NotSet", "FirstDayOfWeek", "FirstDayOfMonth"]
    assert schemas["Network"]["enum"] == ["MainNet", "TestNet"]


def test_the_operations_and_paths() -> None:
    found = {(op.method, op.path): op.operation_id for op in load().operations}
    assert found == {
        ("post", "/v1/withdrawals/withdraw-now"): "withdraw_now",
        ("post", "/v1/withdrawals/search"): "search_withdrawals",
        ("get", "/v1/withdrawals/{id}"): "get_withdrawal",
        ("post", "/v1/withdrawals/intents/search"): "search_withdrawal_intents",
        ("get", "/v1/merchants/{merchantId}/withdrawal-schedule"): "get_withdrawal_schedule",
        ("put", "/v1/merchants/{merchantId}/withdrawal-schedule"): "update_withdrawal_schedule",
        ("get", "/v1/merchants/{merchantId}/balance"): "get_merchant_balance",
        ("get", "/v1/merchants/{merchantId}/gas-wallets"): "get_merchant_gas_wallets",
        ("post", "/v1/merchants/search"): "search_merchants",
        ("get", "/v1/dictionary/blockchains"): "list_blockchains",
    }


def test_both_auth_schemes_are_alternatives_on_every_operation() -> None:
    spec = load()
    schemes = spec.raw["components"]["securitySchemes"]
    assert schemes["PartnerBasic"] == {**schemes["PartnerBasic"], "type": "http", "scheme": "basic"}
    headers = {name: schemes[name]["name"] for name in ("ApiKey", "ApiSignature", "ApiTimestamp")}
    assert headers == {"ApiKey": "x-api-key", "ApiSignature": "x-api-sig", "ApiTimestamp": "x-api-ts"}
    assert all(schemes[name]["in"] == "header" for name in headers)
    assert all(op.raw["security"] == SECURITY for op in spec.operations)


def test_documented_error_codes_are_examples() -> None:
    spec = load()
    not_found = spec.at("/paths/~1v1~1withdrawals~1{id}/get/responses/404/content/application~1json/examples")
    assert not_found["not_found"]["value"]["code"] == "WithdrawalNotFound"
    invalid = spec.at(
        "/paths/~1v1~1merchants~1{merchantId}~1withdrawal-schedule/put/responses/400/content/application~1json/examples"
    )
    assert invalid["min_amount_invalid"]["value"]["code"] == "UnifiedMinAmountInvalid"
    assert spec.raw["components"]["schemas"]["Error"]["required"] == ["code"]


def test_money_is_a_decimal_string_and_gas_an_integer_string() -> None:
    schemas = load().raw["components"]["schemas"]
    assert schemas["Money"]["required"] == ["value", "currency"]
    assert schemas["Money"]["properties"]["value"] == {"$ref": "#/components/schemas/DecimalString"}
    assert schemas["DecimalString"]["type"] == "string"
    assert schemas["GasWallet"]["properties"]["nativeBalance"]["pattern"] == "^[0-9]+$"


def test_search_requests_carry_predicates_and_a_page() -> None:
    schemas = load().raw["components"]["schemas"]
    assert set(schemas["WithdrawalPredicates"]["properties"]) == {"network"}
    assert set(schemas["IntentPredicates"]["properties"]) == {"network", "status"}
    assert set(schemas["MerchantPredicates"]["properties"]) == {"nameLike"}
    assert set(schemas["PageRequest"]["properties"]) == {"limit", "offset"}
    assert schemas["PageResponse"]["required"] == ["limit", "offset"]
    assert schemas["WithdrawalList"]["required"] == ["list", "page"]


def test_known_deviations_name_each_contradiction() -> None:
    description = load().raw["info"]["description"]
    for topic in ("Timestamp unit", "`currency` versus `asset`", "`unifiedMinAmount` type", "standard error object"):
        assert topic in description, topic


def test_withdraw_now_links_to_the_merchant_it_names() -> None:
    links = load().at("/paths/~1v1~1withdrawals~1withdraw-now/post/responses/200/links")
    assert {link["operationId"] for link in links.values()} == {
        "get_merchant_balance",
        "get_merchant_gas_wallets",
        "get_withdrawal_schedule",
    }
    assert all(link["parameters"] == {"merchantId": "$response.body#/merchantId"} for link in links.values())


# The provider's client model (smarty-pay/smartypay-client-model): `src/model/Currency.ts` after the
# "Token codes update" of 2025-05-06 (its UNKNOWN placeholder aside) and `src/model/Network.ts`.
MODEL_CURRENCIES = [
    *["bBUSD", "bUSDT", "btMNXe", "btUSDTv2", "btBUSD", "btUSDT", "btUSDC"],
    *["pUSDC", "pUSDT", "paUSDC", "paUSDT", "aUSDC", "aUSDT", "asUSDC", "asUSDT"],
    *["eUSDT", "eUSDC", "eDAI", "esUSDT", "esUSDC"],
]
MODEL_NETWORKS = [
    *["BinanceMainNet", "BinanceTestNet", "PolygonMainNet", "PolygonAmoy"],
    *["ArbitrumMainNet", "ArbitrumSepolia", "EthereumMainNet", "EthereumSepolia"],
]


def test_currencies_and_blockchains_are_the_providers_current_model() -> None:
    schemas = load().raw["components"]["schemas"]
    assert schemas["Currency"]["enum"] == MODEL_CURRENCIES
    # Mumbai stays known: withdrawals made before Polygon's test network moved to Amoy name it.
    assert schemas["Blockchain"]["enum"] == [*MODEL_NETWORKS, "PolygonMumbaiNet"]
    for retired in ("pmUSDC", "pmUSDT", "USDT", "USDC", "DAI", "sUSDT", "sUSDC"):
        assert retired in schemas["Currency"]["description"]


def test_currency_and_blockchain_fields_are_open_sets() -> None:
    spec = load()
    for name, enum in (("Currency", "CurrencyCode"), ("Blockchain", "BlockchainCode")):
        closed, open_ = f"/components/schemas/{name}", f"/components/schemas/{enum}"
        assert spec.errors(closed, "SomethingNew") != []
        assert spec.errors(open_, "SomethingNew") == []
        assert spec.errors(open_, "") != []
        assert spec.errors(open_, 5) != []
    # Every response field that carries a code takes the open set; the one request field, the closed list.
    text = SPEC.read_text()
    assert text.count("$ref: '#/components/schemas/Currency'\n") == 2  # CurrencyCode's anyOf, withdraw_now
    assert spec.raw["components"]["schemas"]["WithdrawNowRequest"]["properties"]["currency"] == {
        "$ref": "#/components/schemas/Currency"
    }
    assert text.count("$ref: '#/components/schemas/Blockchain'\n") == 1  # only BlockchainCode's anyOf
    withdrawal = {
        "id": "W1",
        "blockchain": "BaseMainNet",
        "destinationAddress": "0x7aa002968e2B68b4803cbE15DdfdEe1488550180",
        "amount": {"value": "1", "currency": "bsUSDC"},
        "status": "Finished",
    }
    assert spec.errors("/components/schemas/Withdrawal", withdrawal) == []


def test_no_object_is_closed() -> None:
    """Responses are open unless documented closed; request bodies accept and ignore unknown fields."""

    def closed(node: object, where: str) -> list[str]:
        if isinstance(node, dict):
            found = [where] if node.get("additionalProperties") is False else []
            return found + [p for key, value in node.items() for p in closed(value, f"{where}/{key}")]
        if isinstance(node, list):
            return [p for index, value in enumerate(node) for p in closed(value, f"{where}/{index}")]
        return []

    spec = load()
    assert closed(spec.raw, "") == []
    extra = {"sort": [{"createdAt": "desc"}]}
    assert spec.errors("/components/schemas/PageRequest", {"limit": 5, **extra}) == []
    schedule = {"period": "FirstDayOfWeek", "unifiedMinAmount": 50, "undocumented": True}
    assert spec.errors("/components/schemas/WithdrawalSchedule", schedule) == []
    assert spec.errors("/components/schemas/WithdrawNowRequest", {"merchantId": "m", "currency": "bUSDT", "x": 1}) == []


def test_discovery_operations_are_documented_and_linked() -> None:
    spec = load()
    search = spec.at("/paths/~1v1~1merchants~1search/post")
    assert search["externalDocs"]["url"] == "https://partner-docs.smartypay.io/resources/merchants"
    example = search["requestBody"]["content"]["application/json"]["examples"]["docs"]["value"]
    assert example == {"predicates": {"nameLike": "Tesla"}, "page": {"limit": 5}}
    links = search["responses"]["200"]["links"]
    assert {link["operationId"] for link in links.values()} == {
        "get_merchant_balance",
        "get_merchant_gas_wallets",
        "get_withdrawal_schedule",
    }
    assert all(link["parameters"] == {"merchantId": "$response.body#/list/0/id"} for link in links.values())
    dictionary = spec.at("/paths/~1v1~1dictionary~1blockchains/get")
    assert dictionary["externalDocs"]["url"] == "https://partner-docs.smartypay.io/resources/dictionaries"
    assert dictionary["security"] == SECURITY
    description = spec.raw["info"]["description"]
    for topic in ("Blockchains dictionary (response wrapper inferred)", "Merchant search", "Currency codes and"):
        assert topic in description, topic
