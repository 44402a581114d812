"""MPChat facts the spec must carry (from the MP Merchant API pages)."""

from __future__ import annotations

from withdrawal_apis.registry import get
from withdrawal_apis.spec import SpecDocument

AUTH_ERRORS = {
    "missing authorization header",
    "invalid authorization format",
    "api key not found",
    "api key is inactive",
    "invalid signature",
    "request timestamp too old",
}


def load() -> SpecDocument:
    return SpecDocument(get("mpchat").spec_path)


def test_all_nine_statuses_are_listed() -> None:
    statuses = load().raw["components"]["schemas"]["WithdrawalStatus"]["enum"]
    assert statuses == [
        "PENDING",
        "PENDING_REVIEW",
        "LEVEL1_APPROVED",
        "APPROVED",
        "PROCESSING",
        "COMPLETED",
        "FAILED",
        "CANCELLED",
        "REJECTED",
    ]


def test_every_documented_auth_error_is_an_example_of_401() -> None:
    examples = load().raw["components"]["responses"]["Unauthorized"]["content"]["application/json"]["examples"]
    assert {e["value"]["error"] for e in examples.values()} == AUTH_ERRORS


def test_429_carries_retry_after() -> None:
    headers = load().raw["components"]["responses"]["TooManyRequests"]["headers"]
    assert headers["Retry-After"]["required"] is True


def test_list_paging_matches_the_endpoint_page() -> None:
    params = load().raw["components"]["parameters"]
    assert params["Limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}
    assert params["Offset"]["schema"]["default"] == 0


def test_create_links_to_get() -> None:
    spec = load()
    created = spec.at("/paths/~1v1~1withdrawals/post/responses/201")
    link = created["links"]["GetCreatedWithdrawal"]
    assert link["operationId"] == "get_withdrawal"
    assert link["parameters"] == {"id": "$response.body#/id"}


def test_webhooks_are_declared_with_their_headers() -> None:
    spec = load()
    assert set(spec.raw["webhooks"]) == {"withdrawal.completed", "withdrawal.failed"}
    headers = {p["name"] for p in spec.raw["components"]["parameters"].values() if p["in"] == "header"}
    assert {"X-Merchant-Signature", "X-Webhook-Event"} <= headers


def test_money_is_never_a_json_number() -> None:
    schemas = load().raw["components"]["schemas"]
    assert schemas["Withdrawal"]["properties"]["amount"] == {"$ref": "#/components/schemas/DecimalString"}
    assert schemas["CreateWithdrawalRequest"]["properties"]["amount"]["type"] == "string"
    assert schemas["Withdrawal"]["properties"]["tx_hash"]["type"] == ["string", "null"]


EVENT_TYPES = [
    "payment.confirmed",
    "payment.expired",
    "payment.underpaid",
    "payment.frozen",
    "withdrawal.completed",
    "withdrawal.failed",
]


def test_the_documented_webhook_and_merchant_operations_are_there() -> None:
    operations = {(op.method, op.path): op.operation_id for op in load().operations if not op.is_webhook}
    assert operations[("post", "/v1/webhooks")] == "create_webhook"
    assert operations[("get", "/v1/webhooks")] == "list_webhooks"
    assert operations[("get", "/v1/webhooks/{id}/deliveries")] == "list_webhook_deliveries"
    assert operations[("get", "/v1/merchants/me")] == "get_merchant"


def test_webhook_registration_takes_https_urls_and_the_documented_events() -> None:
    spec = load()
    request = "/components/schemas/CreateWebhookRequest"
    assert spec.raw["components"]["schemas"]["WebhookEventType"]["enum"] == EVENT_TYPES
    assert spec.at(request)["required"] == ["url", "events"]
    assert not spec.errors(request, {"url": "https://acme.com/webhooks/mp", "events": ["withdrawal.completed"]})
    assert not spec.errors(request, {"url": "https://127.0.0.1:8443/h?x=1", "events": []})
    for url in ("http://acme.com/webhooks/mp", "ftp://acme.com", "acme.com/hooks", "https://", "https://a b"):
        assert spec.errors(request, {"url": url, "events": ["withdrawal.completed"]}), url
    assert spec.errors(request, {"url": "https://acme.com", "events": ["order.created"]})


def test_value_sets_mpchat_may_extend_are_open_in_responses() -> None:
    spec = load()
    merchant = spec.at("/paths/~1v1~1merchants~1me/get/responses/200/content/application~1json/examples/docs/value")
    assert not spec.errors("/components/schemas/Merchant", {**merchant, "status": "UNDER_REVIEW", "tier": "ENTERPRISE"})
    assert spec.errors("/components/schemas/Merchant", {**merchant, "environment": "staging"})
    hook = spec.at("/paths/~1v1~1webhooks/post/responses/201/content/application~1json/examples/docs/value")
    assert not spec.errors("/components/schemas/Webhook", {**hook, "events": ["payout.reversed"]})


def test_merchant_fields_required_as_the_table_lists_them() -> None:
    merchant = load().raw["components"]["schemas"]["Merchant"]
    table = ["id", "name", "email", "status", "tier", "fee_rate", "environment", "created_at"]
    assert merchant["required"] == table
    assert {"platform_user_id", "updated_at"} <= set(merchant["properties"]) - set(table)


def test_inferred_delivery_object_requires_nothing() -> None:
    schemas = load().raw["components"]["schemas"]
    assert "required" not in schemas["WebhookDelivery"]
    assert "required" not in schemas["WebhookDeliveryList"]
    assert "inferred" in schemas["WebhookDelivery"]["description"]


def test_request_bodies_do_not_refuse_unknown_fields() -> None:
    schemas = load().raw["components"]["schemas"]
    for name in ("CreateWithdrawalRequest", "CreateWebhookRequest"):
        assert schemas[name].get("additionalProperties", True) is not False, name


def test_the_fee_rule_is_said_to_be_ours() -> None:
    description = load().raw["components"]["schemas"]["CreateWithdrawalRequest"]["properties"]["amount"]["description"]
    documented, ours = description.split("Ours:", 1)
    assert "fee" not in documented
    assert "fee" in ours
    assert "emulator" in ours
