"""MPChat facts the spec must carry (from the MP Merchant API pages)."""

from __future__ import annotations

from withdrawal_apis.providers import get
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
