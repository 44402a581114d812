"""BigONE facts the spec must carry (from BigONE's withdrawal, accounts, auth and error-code pages)."""

from __future__ import annotations

from withdrawal_apis.registry import get
from withdrawal_apis.spec import SpecDocument

# The error table: code -> HTTP status.
ERROR_TABLE = {
    40004: 401,
    40106: 401,
    40107: 400,
    10403: 403,
    10429: 429,
    10005: 500,
    10007: 400,
    10013: 404,
    10014: 400,
}
SEEN_IN_THE_WILD = {40103, 40104, 40301, 40302}


def load() -> SpecDocument:
    return SpecDocument(get("bigone").spec_path)


def test_operations_and_paths() -> None:
    spec = load()
    found = {(op.method.upper(), op.path): op.operation_id for op in spec.operations}
    assert found == {
        ("GET", "/ping"): "ping",
        ("GET", "/asset_pairs"): "list_asset_pairs",
        ("GET", "/assets"): "list_assets",
        ("GET", "/symbols"): "list_contract_symbols",
        ("POST", "/viewer/transfer"): "create_transfer",
        ("GET", "/viewer/accounts"): "list_spot_accounts",
        ("GET", "/viewer/accounts/{asset_symbol}"): "get_spot_account",
        ("GET", "/viewer/fund/accounts"): "list_fund_accounts",
        ("GET", "/viewer/fund/accounts/{asset_symbol}"): "get_fund_account",
        ("GET", "/viewer/withdrawals"): "list_withdrawals",
        ("POST", "/viewer/withdrawals"): "create_withdrawal",
        ("GET", "/viewer/withdrawals/{guid}"): "get_withdrawal",
        ("POST", "/viewer/withdrawals/{guid}/cancel"): "cancel_withdrawal",
    }
    assert [s["url"] for s in spec.raw["servers"]] == ["https://big.one/api/v3", "https://api.big.one/api/v3"]
    # The contract API's symbol list lives under that API's own base path.
    contract = [s["url"] for s in spec.at("/paths/~1symbols")["servers"]]
    assert contract == ["https://big.one/api/contract/v2", "https://api.big.one/api/contract/v2"]


def test_only_public_listings_are_unsigned_and_the_rest_use_the_jwt_scheme() -> None:
    spec = load()
    scheme = spec.raw["components"]["securitySchemes"]["BigOneJwt"]
    assert (scheme["type"], scheme["scheme"], scheme["bearerFormat"]) == ("http", "bearer", "JWT")
    public = {"ping", "list_asset_pairs", "list_assets", "list_contract_symbols"}
    for op in spec.operations:
        expected = [] if op.operation_id in public else [{"BigOneJwt": []}]
        assert op.raw["security"] == expected, op.operation_id
        assert op.path.startswith("/viewer/") == (op.operation_id not in public)


def test_states_are_an_open_set_with_the_captured_ones_listed() -> None:
    spec = load()
    schemas = spec.raw["components"]["schemas"]
    assert schemas["WithdrawalState"]["enum"] == [
        "PENDING",
        "COMPLETED",
        "FAILED",
        "CANCELLED",
        "CONFIRMED",
        "UNCONFIRMED",
    ]
    assert schemas["WithdrawalKind"]["enum"] == ["on_chain", "off_chain", "internal"]
    withdrawal = spec.at(
        "/paths/~1viewer~1withdrawals~1{guid}/get/responses/200/content/application~1json/examples/docs"
    )
    item = withdrawal["value"]["data"]
    for state in ("PENDING", "CONFIRMED", "UNCONFIRMED", "SETTLED"):  # SETTLED: a state not known yet
        assert not spec.errors("/components/schemas/Withdrawal", {**item, "state": state}), state
    assert spec.errors("/components/schemas/Withdrawal", {**item, "state": 3})


def test_every_code_of_the_table_is_documented_with_its_status() -> None:
    spec = load()
    description = spec.raw["components"]["schemas"]["ErrorCode"]["description"]
    for code, status in ERROR_TABLE.items():
        assert f"| {code} | {status} |" in description, code
    for code in SEEN_IN_THE_WILD:
        assert str(code) in description
    # Each code appears as an example under a response of its status somewhere.
    seen: set[tuple[int, int]] = set()
    for op in spec.operations:
        for status, response in op.raw["responses"].items():
            if int(status) < 400:
                continue
            resolved, _ = spec.resolve(response, f"{op.pointer}/responses/{status}")
            for example in resolved.get("content", {}).get("application/json", {}).get("examples", {}).values():
                value, _ = spec.resolve(example, "")
                if "code" in value["value"]:  # the contract API's errors name an `anomaly` instead
                    seen.add((value["value"]["code"], int(status)))
    assert {(code, status) for code, status in ERROR_TABLE.items() if code != 10005} <= seen
    assert (10005, 500) in seen
    assert {code for code, _ in seen} >= SEEN_IN_THE_WILD


def test_list_parameters_as_the_docs_type_them() -> None:
    params = {p["name"]: p for p in load().at("/paths/~1viewer~1withdrawals/get/parameters")}
    assert set(params) == {"page_token", "limit", "kind", "asset_symbol"}
    assert params["limit"]["schema"]["type"] == "string"
    assert params["limit"]["schema"]["default"] == "50"
    assert not any(p.get("required") for p in params.values())


def test_create_body_and_links() -> None:
    spec = load()
    body = spec.raw["components"]["schemas"]["CreateWithdrawalRequest"]
    assert set(body["properties"]) == {"symbol", "target_address", "amount", "memo", "guid", "gateway_name"}
    assert body["required"] == ["symbol", "target_address", "amount"]
    assert "additionalProperties" not in body  # unknown fields are ignored, not refused
    sent = {"symbol": "BTC", "target_address": "3PumsXwUSakZomHXMcY93RrVRJ7PAi2ida", "amount": "2.52"}
    assert not spec.errors("/components/schemas/CreateWithdrawalRequest", {**sent, "client_note": "x"})
    assert body["properties"]["amount"]["type"] == "string"
    links = spec.at("/paths/~1viewer~1withdrawals/post/responses/200/links")
    assert {name: (link["operationId"], link["parameters"]) for name, link in links.items()} == {
        "GetCreatedWithdrawal": ("get_withdrawal", {"guid": "$request.body#/guid"}),
        "CancelCreatedWithdrawal": ("cancel_withdrawal", {"guid": "$request.body#/guid"}),
    }


def test_money_is_never_a_json_number() -> None:
    schemas = load().raw["components"]["schemas"]
    for name in ("amount", "fee"):
        assert schemas["Withdrawal"]["properties"][name] == {"$ref": "#/components/schemas/DecimalString"}
    for name in ("balance", "locked_balance"):
        assert schemas["Account"]["properties"][name] == {"$ref": "#/components/schemas/DecimalString"}
    assert schemas["Withdrawal"]["properties"]["customer_id"]["type"] == ["string", "integer"]


def test_known_deviations_cover_the_dossier_inconsistencies() -> None:
    description = load().raw["info"]["description"]
    deviations = description.split("## Known deviations", 1)[1]
    for topic in ("Base host", "customer_id", "Timestamps", "`note`", "No `guid` on the object", "Duplicate `guid`"):
        assert topic in deviations, topic


def test_transfer_as_the_transfer_page_documents_it() -> None:
    spec = load()
    schemas = spec.raw["components"]["schemas"]
    body = schemas["CreateTransferRequest"]
    assert set(body["properties"]) == {"symbol", "amount", "guid", "from", "to", "type", "sub_account"}
    assert body["required"] == ["symbol", "amount", "guid", "from", "to"]
    assert "additionalProperties" not in body
    assert schemas["TransferAccount"]["enum"] == ["SPOT", "FUND", "CONTRACT"]
    assert schemas["TransferType"]["enum"] == ["NORMAL", "MASTER_TO_SUB", "SUB_TO_MASTER", "SUB_INTERNAL"]
    assert body["properties"]["type"]["default"] == "NORMAL"
    operation = spec.at("/paths/~1viewer~1transfer/post")
    assert operation["externalDocs"]["url"] == "https://open.big.one/docs/spot_transfer.html"
    docs = operation["responses"]["200"]["content"]["application/json"]["examples"]["docs"]["value"]
    assert docs == {"code": 0, "data": None}
    assert set(operation["responses"]) >= {"200", "400", "401", "403", "404", "429", "500", "503"}


def test_reference_listings_carry_the_withdrawal_terms_and_say_what_is_undocumented() -> None:
    spec = load()
    schemas = spec.raw["components"]["schemas"]
    gateway = schemas["AssetGateway"]["properties"]
    for field in (
        "withdrawal_fee",
        "min_withdrawal_amount",
        "withdrawal_scale",
        "is_memo_required",
        "is_withdrawal_enabled",
    ):
        assert field in gateway, field
    for money in ("withdrawal_fee", "min_withdrawal_amount", "min_deposit_amount"):
        assert gateway[money] == {"$ref": "#/components/schemas/DecimalString"}
    assets = spec.at("/paths/~1assets/get")
    assert "not documented" in assets["description"]
    assert "undocumented" in spec.raw["info"]["description"].split("## Known deviations", 1)[1]
    pairs = schemas["AssetPair"]
    assert pairs["required"] == ["name", "base_asset", "quote_asset"]
    assert spec.at("/paths/~1asset_pairs/get/externalDocs/url") == "https://open.big.one/docs/spot_asset_pair.html"
