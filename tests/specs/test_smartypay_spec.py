"""SmartyPay facts the spec must carry (from the partner API pages)."""

from __future__ import annotations

from pathlib import Path

from withdrawal_apis.spec import SpecDocument

SPEC = Path(__file__).resolve().parents[2] / "specs" / "smartypay.yaml"
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
