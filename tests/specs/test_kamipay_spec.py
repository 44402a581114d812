"""kamiPay facts the spec must carry (from apidocs.kamipay.io), quirks included."""

from __future__ import annotations

from withdrawal_apis.providers import get
from withdrawal_apis.spec import SpecDocument

WITHDRAW = "/paths/~1v1~1wallet~1withdraw/post"


def load() -> SpecDocument:
    return SpecDocument(get("kamipay").spec_path)


def test_the_documented_success_body_is_kept_verbatim() -> None:
    spec = load()
    example = spec.at(f"{WITHDRAW}/responses/200/content/application~1json/examples/docs/value")
    assert example["msg"] == "transaction succesful"
    assert example["data"]["status"] == "mined"
    assert example["data"]["usdt amount"] == 0.1
    assert example["data"]["to"].startswith("00x")
    result = spec.raw["components"]["schemas"]["WithdrawResult"]
    assert {"transactionHash", "usdt amount", "to", "status"} <= set(result["properties"])
    assert result["properties"]["usdt amount"]["type"] == "number"


def test_money_stays_a_json_number_as_kamipay_sends_it() -> None:
    schemas = load().raw["components"]["schemas"]
    assert schemas["WithdrawRequest"]["properties"]["amount"]["type"] == "number"
    assert schemas["WithdrawRequest"]["properties"]["amount"]["exclusiveMinimum"] == 0
    assert schemas["TokenBalance"]["properties"]["balance"]["type"] == "number"


def test_request_enums_match_the_withdraw_page() -> None:
    schemas = load().raw["components"]["schemas"]
    assert schemas["Chain"]["enum"] == ["polygon"]
    assert schemas["WithdrawToken"]["enum"] == ["usdt", "matic"]
    assert schemas["WithdrawRequest"]["required"] == ["chain", "token", "amount", "from_address", "to_address"]
    assert schemas["TransactionStatus"]["enum"][0] == "mined"


def test_login_is_a_url_encoded_form_outside_the_token_scheme() -> None:
    spec = load()
    login = spec.at("/paths/~1auth~1token/post")
    assert login["security"] == []
    assert list(login["requestBody"]["content"]) == ["application/x-www-form-urlencoded"]
    form = spec.raw["components"]["schemas"]["TokenRequest"]
    assert form["required"] == ["username", "password"]
    scheme = spec.raw["components"]["securitySchemes"]["KamipayToken"]
    assert scheme["flows"]["password"]["tokenUrl"] == "/auth/token"
    for op in spec.operations:
        if op.operation_id != "create_access_token":
            assert op.raw["security"] == [{"KamipayToken": []}], op.operation_id


def test_both_documented_401_bodies_are_examples() -> None:
    examples = load().raw["components"]["responses"]["Unauthorized"]["content"]["application/json"]["examples"]
    values = [e["value"] for e in examples.values()]
    assert {"detail": "Incorrect Credentials"} in values
    assert any(v.get("message") == "Unauthorized" and "request_id" in v for v in values)


def test_error_statuses_of_the_error_code_table_are_declared_on_withdraw() -> None:
    responses = load().at(f"{WITHDRAW}/responses")
    assert {"400", "401", "406", "500", "502", "503"} <= set(responses)


def test_known_deviations_cover_the_issue_list() -> None:
    text = load().raw["info"]["description"]
    deviations = text.split("## Known deviations", 1)[1]
    for needle in ("`/v1/withdraw`", "`00x`", "Floats for money", "apikey", "Timestamp formats"):
        assert needle in deviations, needle


def test_withdraw_links_to_the_source_balance() -> None:
    link = load().at(f"{WITHDRAW}/responses/200/links/SourceBalance")
    assert link["operationId"] == "get_address_balance"
    assert link["parameters"]["address"] == "$request.body#/from_address"
