"""kamiPay facts the spec must carry (from apidocs.kamipay.io), quirks included."""

from __future__ import annotations

from withdrawal_apis.registry import get
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


def test_the_406_is_documented_as_a_range_error_and_the_precision_rule_as_ours() -> None:
    spec = load()
    description = spec.at(f"{WITHDRAW}/responses/406")["description"]
    assert "outside the allowed range" in description
    assert "Our reading" in description
    amount = spec.raw["components"]["schemas"]["WithdrawRequest"]["properties"]["amount"]["description"]
    assert "our reading" in amount
    assert "for `matic`; more is answered 406" not in amount.replace("\n", " ")  # the 1.0.0 claim


def test_the_withdraw_body_does_not_refuse_unknown_fields() -> None:
    schema = load().raw["components"]["schemas"]["WithdrawRequest"]
    assert schema.get("additionalProperties", True) is not False
    assert not load().errors("/components/schemas/WithdrawRequest", {**_DOCS_BODY, "external_id": "aaa-11112"})


_DOCS_BODY = {
    "chain": "polygon",
    "token": "usdt",
    "amount": 0.1,
    "from_address": "0x1C0Ac0fFee00000000000000000000000488fedc",
    "to_address": "0x6FE712C0000000000000000000000000E72988e6",
}


def test_the_request_examples_complete_the_redacted_addresses() -> None:
    spec = load()
    example = spec.at(f"{WITHDRAW}/requestBody/content/application~1json/examples/docs/value")
    assert example == _DOCS_BODY
    for address in (example["from_address"], example["to_address"]):
        assert "x" not in address[2:].lower().replace("0x", "")
