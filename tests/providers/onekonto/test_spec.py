"""1Konto facts the spec must carry, and the seed's own examples validating against it."""

from __future__ import annotations

import hashlib

import pytest

from withdrawal_apis.registry import get
from withdrawal_apis.spec import SpecDocument

BLOCKCHAIN = "/paths/~1api~1v1~1accounting~1account~1{accountId}~1request~1withdraw~1blockchain/post"
LIST = "/paths/~1api~1v1~1accounting~1account~1{accountId}~1request~1withdraw/get"
LEDGER = "/paths/~1api~1v1~1accounting~1ledger~1{accountId}/get"
DOCS = "https://docs.1konto.com/1konto-v1.0-api-docs/reference/accounting/"

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


def test_the_accounting_pages_are_all_modelled_at_their_documented_paths(spec: SpecDocument) -> None:
    found = {op.operation_id: (op.method, op.path, op.raw["externalDocs"]["url"]) for op in spec.operations}
    assert found["get_account_credit"] == (
        "get",
        "/api/v1/accounting/account/{accountId}/portfolio",
        DOCS + "get-account-credit",
    )
    assert found["list_transactions"] == ("get", "/api/v1/accounting/ledger/{accountId}", DOCS + "get-transactions")
    assert found["get_deposit_instructions"] == (
        "get",
        "/api/v1/accounting/account/{accountId}/request/deposit-instructions",
        DOCS + "transfers-instructions/get-deposit-instructions",
    )


def test_the_transactions_query_matches_its_table(spec: SpecDocument) -> None:
    params = spec.at(f"{LEDGER}/parameters")
    names = [p.get("name") or p["$ref"].rsplit("/", 1)[1] for p in params]
    assert names == [
        "AccountId",
        "max",
        "transactionId",
        "asset",
        "type",
        "startAtOrdering",
        "startTimeUtc",
        "endTimeUtc",
    ]
    maximum = params[1]
    assert maximum["required"] is True
    assert maximum["schema"]["type"] == "string"  # so typed by the docs
    assert params[5]["schema"] == {"type": "integer", "format": "int64", "minimum": 0, "maximum": 2**63 - 1}
    assert spec.raw["components"]["schemas"]["TransactionType"]["enum"] == [
        "invalid",
        "deposit",
        "withdrawal",
        "transferSent",
        "transferReceived",
        "trade",
        "manual",
        "order",
        "initialBalances",
    ]


def test_the_credit_and_deposit_examples_are_the_docs(spec: SpecDocument) -> None:
    credit = spec.at(
        "/paths/~1api~1v1~1accounting~1account~1{accountId}~1portfolio/get/responses/200/content/application~1json/examples"
    )
    assert credit["docs"]["value"]["account"]["balances"]["USD"]["availableToTrade"] == 2100.0
    assert credit["notional"]["value"]["notationalAsset"] == "USD"  # so spelt on the page
    not_found = spec.at(
        "/paths/~1api~1v1~1accounting~1account~1{accountId}~1portfolio/get/responses/404/content/application~1json"
    )
    assert not_found["examples"]["docs"]["value"] == {"status": 404, "error": "Account ID Not Found"}
    deposit = "/paths/~1api~1v1~1accounting~1account~1{accountId}~1request~1deposit-instructions/get/responses"
    fiat = spec.at(f"{deposit}/200/content/application~1json/examples/docs/value/instructions/2")
    assert (fiat["method"], fiat["bankSwiftNumber"]) == ("FedWire", "CUESUS33")
    assert spec.at(f"{deposit}/404/content/application~1json/examples/docs/value/error") == (
        "The deposit instructions with the provided ID were not found"
    )


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        ("WithdrawRequest", {"requestStatus": "onHold", "type": "sepa"}),
        (
            "WithdrawRequestCreated",
            {"withdrawRequestId": "a", "requestStatus": "onHold", "status": "ok", "httpStatusCode": 200},
        ),
        ("Transaction", {"type": "rebate"}),
    ],
)
def test_sets_the_provider_extends_are_open(spec: SpecDocument, schema: str, value: dict[str, object]) -> None:
    assert spec.errors(f"/components/schemas/{schema}", value) == []


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        ("FiatWithdrawRequest", {"amount": "1 USD", "type": "sepa"}),
        ("FiatWithdrawRequest", {"amount": "1 USD", "type": "undefined"}),
        ("FiatWithdrawRequest", {"amount": "-1 USD", "type": "ach"}),
        ("FiatWithdrawRequest", {"amount": "1", "type": "ach"}),
        ("BlockchainWithdrawRequest", {"amount": "0 BTC"}),
        ("TransactionType", "rebate"),
        ("RequestStatus", "onHold"),
        ("WithdrawType", "sepa"),
    ],
)
def test_requests_take_only_the_documented_values(spec: SpecDocument, schema: str, value: object) -> None:
    assert spec.errors(f"/components/schemas/{schema}", value) != []


def test_inferred_records_require_no_field(spec: SpecDocument) -> None:
    schemas = spec.raw["components"]["schemas"]
    for name in ("WithdrawRequest", "WithdrawRequestList", "Transaction", "TransactionList"):
        assert "required" not in schemas[name], name
        assert spec.errors(f"/components/schemas/{name}", {}) == []


def test_request_bodies_accept_unknown_fields(spec: SpecDocument) -> None:
    for name, value in (
        ("LoginRequest", {"user": "u", "password": "p", "deviceName": "cli"}),
        ("BlockchainWithdrawRequest", {"amount": "1 BTC", "clientReference": "x"}),
        ("FiatWithdrawRequest", {"amount": "1 USD", "type": "ach", "memo": "x"}),
    ):
        assert spec.errors(f"/components/schemas/{name}", value) == [], name


def test_destination_fields_are_optional_and_their_400s_documented(spec: SpecDocument) -> None:
    schemas = spec.raw["components"]["schemas"]
    assert schemas["BlockchainWithdrawRequest"]["required"] == ["amount"]
    assert schemas["FiatWithdrawRequest"]["required"] == ["amount", "type"]
    blockchain = spec.at(f"{BLOCKCHAIN}/responses/400/content/application~1json/examples")
    assert {"address_required", "network_required", "not_whitelisted"} <= set(blockchain)
    fiat = "/paths/~1api~1v1~1accounting~1account~1{accountId}~1request~1withdraw~1fiat/post"
    assert "account_number_required" in spec.at(f"{fiat}/responses/400/content/application~1json/examples")


def test_every_documented_request_status_is_listed(spec: SpecDocument) -> None:
    assert spec.raw["components"]["schemas"]["RequestStatus"]["enum"] == [
        "invalid",
        "pending",
        "completed",
        "canceled",
        "rejected",
    ]
    # The fiat page's enum without `undefined`, its unset default, which the server refuses.
    assert spec.raw["components"]["schemas"]["FiatTransferType"]["enum"] == [
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


def test_login_takes_a_string_as_the_table_says_and_the_example_sends_the_digest(spec: SpecDocument) -> None:
    schema = "/components/schemas/LoginRequest"
    digest = hashlib.sha256(b"password").hexdigest()
    assert digest == "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"  # the docs' example
    assert spec.errors(schema, {"user": "user@example.com", "password": digest}) == []
    # The page's own request example is valid; the server refuses it as a wrong password (401).
    assert spec.errors(schema, {"user": "user@example.com", "password": "password"}) == []
    assert spec.errors(schema, {"user": "user@example.com", "password": ""})
    assert spec.errors(schema, {"user": "user@example.com"})
    login = "/paths/~1api~1v1~1identity~1jwt/post"
    assert spec.at(f"{login}/requestBody/content/application~1json/examples/docs/value/password") == digest
    assert "plain text" in spec.at(f"{login}/responses/401/description")


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
    assert "*Inferred*" in spec.at(f"{LEDGER}/description")
    schemas = spec.raw["components"]["schemas"]
    for name in ("WithdrawRequest", "WithdrawRequestList", "Transaction", "TransactionList"):
        assert "inferred" in schemas[name]["description"].lower(), name
    deviations = spec.raw["info"]["description"].split("## Known deviations", 1)[1]
    for topic in (
        "`amount` is a string",
        "Plaintext versus hashed",
        "Fiat transfer types",
        "`status` is an integer",
        "Optional destination fields",
        "Two revisions of Get Account Credit",
        "Get Transactions is partly shown",
        "Deposit-instructions example",
    ):
        assert topic in deviations


def test_balances_stay_json_numbers(spec: SpecDocument) -> None:
    balance = spec.raw["components"]["schemas"]["Balance"]["properties"]
    assert {field["type"] for field in balance.values()} == {"number"}
