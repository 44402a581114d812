"""1Konto facts the spec must carry, and the seed's own examples validating against it."""

from __future__ import annotations

import hashlib

import pytest

from withdrawal_apis.providers import get
from withdrawal_apis.spec import SpecDocument

BLOCKCHAIN = "/paths/~1api~1v1~1accounting~1account~1{accountId}~1request~1withdraw~1blockchain/post"
LIST = "/paths/~1api~1v1~1accounting~1account~1{accountId}~1request~1withdraw/get"

# Verbatim from the seed (the Request Withdraw - Blockchain page).
SEED_REQUEST = {
    "amount": "1 BTC",
    "network": "bitcoin",
    "address": "myWalletAddress",
    "instructions": ["any aditional instructions"],
}
SEED_RESPONSE = {
    "withdrawRequestId": "oiJ8s7oh8EqFwwnkZViCGg",
    "requestStatus": "pending",
    "status": "ok",
    "httpStatusCode": 200,
}
SEED_ERRORS = [
    {
        "errors": ["Insufficient Funds: Requested 1100 BTC but only 999 BTC is available"],
        "status": "badRequest",
        "httpStatusCode": 400,
    },
    {
        "errors": ["ValidationFailed: Amount: must be positive. Asset: required"],
        "status": "badRequest",
        "httpStatusCode": 400,
    },
]


@pytest.fixture(scope="module")
def spec() -> SpecDocument:
    return SpecDocument(get("onekonto").spec_path)


def schema_of(spec: SpecDocument, pointer: str) -> str:
    response, resolved = spec.resolve(spec.at(pointer), pointer)
    assert "application/json" in response["content"]
    return f"{resolved}/content/application~1json/schema"


def test_the_seed_request_validates(spec: SpecDocument) -> None:
    assert spec.errors(f"{BLOCKCHAIN}/requestBody/content/application~1json/schema", SEED_REQUEST) == []


def test_the_seed_success_response_validates(spec: SpecDocument) -> None:
    assert spec.errors(schema_of(spec, f"{BLOCKCHAIN}/responses/200"), SEED_RESPONSE) == []


@pytest.mark.parametrize("body", SEED_ERRORS, ids=["insufficient_funds", "validation_failed"])
def test_both_seed_error_bodies_validate_as_the_400(spec: SpecDocument, body: dict[str, object]) -> None:
    assert spec.errors(schema_of(spec, f"{BLOCKCHAIN}/responses/400"), body) == []


def test_the_seed_examples_are_in_the_spec_verbatim(spec: SpecDocument) -> None:
    request_examples = spec.at(f"{BLOCKCHAIN}/requestBody/content/application~1json/examples")
    assert request_examples["docs"]["value"] == SEED_REQUEST
    errors = spec.at(f"{BLOCKCHAIN}/responses/400/content/application~1json/examples")
    assert [errors["insufficient_funds"]["value"], errors["validation_failed"]["value"]] == SEED_ERRORS


def test_status_errors_have_an_integer_status_and_request_errors_a_word(spec: SpecDocument) -> None:
    status_error = "/components/schemas/StatusError"
    request_errors = "/components/schemas/RequestErrors"
    assert spec.errors(status_error, {"status": 401, "error": "Unauthorized"}) == []
    assert spec.errors(status_error, {"status": "unauthorized", "error": "Unauthorized"})
    assert spec.errors(request_errors, {"errors": ["x"], "status": 400, "httpStatusCode": 400})
    for status in ("401", "403", "500"):
        assert spec.at(f"/components/responses/{status_name(status)}/content/application~1json/schema") == {
            "$ref": "#/components/schemas/StatusError"
        }


def status_name(status: str) -> str:
    return {"401": "Unauthorized", "403": "Forbidden", "500": "InternalError"}[status]


def test_every_documented_request_status_is_listed(spec: SpecDocument) -> None:
    assert spec.raw["components"]["schemas"]["RequestStatus"]["enum"] == [
        "invalid",
        "pending",
        "completed",
        "canceled",
        "rejected",
    ]
    assert spec.raw["components"]["schemas"]["FiatTransferType"]["enum"] == [
        "undefined",
        "ach",
        "fedwire",
        "rtp",
        "cbit",
    ]


@pytest.mark.parametrize(
    ("amount", "valid"),
    [
        ("1 BTC", True),
        ("100 USD", True),
        ("0.00206525633592975968892629 BTC", True),
        ("0", True),  # shape-valid: the server answers `Amount: must be positive. Asset: required` itself
        ("-1 BTC", True),
        ("1e3 BTC", False),
        ("1  BTC", False),
        ("1 btc", False),
        ("1BTC", False),
        (" 1 BTC", False),
        ("", False),
    ],
)
def test_amount_strings(spec: SpecDocument, amount: str, valid: bool) -> None:
    assert (spec.errors("/components/schemas/AssetAmount", amount) == []) is valid


def test_login_takes_the_sha256_digest_not_the_password(spec: SpecDocument) -> None:
    schema = "/components/schemas/LoginRequest"
    digest = hashlib.sha256(b"password").hexdigest()
    assert digest == "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"  # the docs' example
    assert spec.errors(schema, {"user": "user@example.com", "password": digest}) == []
    assert spec.errors(schema, {"user": "user@example.com", "password": "password"})
    assert spec.errors(schema, {"user": "user@example.com", "password": digest.upper()})


def test_login_is_public_and_everything_else_needs_the_token(spec: SpecDocument) -> None:
    for op in spec.operations:
        expected: list[dict[str, list[str]]] = [] if op.operation_id == "login" else [{"OneKontoToken": []}]
        assert op.raw["security"] == expected, op.operation_id


def test_list_filters_match_the_query_page(spec: SpecDocument) -> None:
    params = spec.at(f"{LIST}/parameters")
    names = [p.get("name") or p["$ref"].rsplit("/", 1)[1] for p in params]
    assert names == ["AccountId", "max", "status", "withdrawRequestId", "network", "type", "amount"]
    assert params[1]["schema"]["default"] == 100
    assert params[1]["schema"]["format"] == "int32"


def test_creates_link_to_the_query_by_id(spec: SpecDocument) -> None:
    link = spec.raw["components"]["responses"]["WithdrawRequestCreated"]["links"]["ListCreatedWithdrawRequest"]
    assert link["operationId"] == "list_withdraw_requests"
    assert link["parameters"] == {
        "accountId": "$request.path.accountId",
        "withdrawRequestId": "$response.body#/withdrawRequestId",
    }


def test_inferred_things_are_marked(spec: SpecDocument) -> None:
    instructions = spec.at("/paths/~1api~1v1~1accounting~1account~1{accountId}~1request~1withdraw-instructions/get")
    assert "inferred" in instructions["summary"].lower()
    assert "*Inferred*" in instructions["description"]
    assert "inferred" in spec.raw["components"]["schemas"]["WithdrawRequest"]["description"].lower()
    deviations = spec.raw["info"]["description"].split("## Known deviations", 1)[1]
    for topic in ("`amount` is a string", "Plaintext versus hashed", "Fiat transfer types", "`status` is an integer"):
        assert topic in deviations


def test_balances_stay_json_numbers(spec: SpecDocument) -> None:
    balance = spec.raw["components"]["schemas"]["Balance"]["properties"]
    assert {field["type"] for field in balance.values()} == {"number"}
