"""Where generic validators raise false alarms, the drift check does not: `oneOf`, nullable, the 2020-12
dialect, exact decimals. And where JSON Schema says nothing, it still tells: an added field, a new
value of an open set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from withdrawal_apis.drift.traffic import Exchange
from withdrawal_apis.drift.validation import TrafficValidator
from withdrawal_apis.spec import SpecDocument

SCHEMAS: dict[str, Any] = {
    "Card": {
        "type": "object",
        "required": ["kind", "last4"],
        "properties": {"kind": {"const": "card"}, "last4": {"type": "string", "pattern": "^[0-9]{4}$"}},
    },
    "Wallet": {  # closed by 2020-12's unevaluatedProperties: draft-07 would call kind and address extra
        "allOf": [
            {
                "type": "object",
                "required": ["kind", "address"],
                "properties": {"kind": {"const": "wallet"}, "address": {"type": "string"}},
            }
        ],
        "unevaluatedProperties": False,
    },
    "Status": {"type": "string", "enum": ["PENDING", "DONE"]},
    "Payout": {
        "type": "object",
        "required": ["amount", "fee", "destination", "status", "tx_hash", "chain", "tags"],
        "properties": {
            "amount": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"},
            "fee": {"type": "number", "multipleOf": 0.01, "maximum": 1e30},
            "destination": {"oneOf": [{"$ref": "#/components/schemas/Card"}, {"$ref": "#/components/schemas/Wallet"}]},
            "status": {"$ref": "#/components/schemas/Status"},
            "chain": {"anyOf": [{"enum": ["TRON", "ETH"]}, {"type": "string", "minLength": 1}]},
            "tx_hash": {"type": ["string", "null"]},
            "tags": {"type": "array", "prefixItems": [{"type": "integer"}], "items": {"type": "string"}},
            "meta": {"type": "object", "additionalProperties": {"type": "string"}},
        },
        "if": {"properties": {"status": {"const": "DONE"}}},
        "then": {"properties": {"tx_hash": {"type": "string"}}},
    },
}
DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1.0.0"},
    "paths": {
        "/payouts/{id}": {
            "get": {
                "operationId": "get_payout",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Payout"}}},
                    }
                },
            }
        }
    },
    "components": {"schemas": SCHEMAS},
}
VALID = {
    "amount": "1234567890123456789012345.000000000000000001",
    "fee": 0.07,
    "destination": {"kind": "wallet", "address": "T123"},
    "status": "PENDING",
    "chain": "TRON",
    "tx_hash": None,
    "tags": [1, "a", "b"],
    "meta": {"anything": "goes"},
}


@pytest.fixture(scope="module")
def validator() -> TrafficValidator:
    return TrafficValidator(SpecDocument(Path("synthetic.yaml"), json.loads(json.dumps(DOCUMENT))))


def findings(validator: TrafficValidator, body: str | dict[str, Any]) -> list[tuple[str, str, str]]:
    text = body if isinstance(body, str) else json.dumps(body)
    exchange = Exchange("GET", "/payouts/p1", [], b"", 200, [("content-type", "application/json")], text.encode())
    return [(f.rule, f.pointer, f.level) for f in validator.check(exchange).findings]


def test_a_valid_answer_gives_nothing(validator: TrafficValidator) -> None:
    assert findings(validator, VALID) == []


def test_exact_decimals_are_read_exactly(validator: TrafficValidator) -> None:
    """0.07 and 1.13 are multiples of 0.01 as decimals (not as binary floats); 1e400 is a number, not infinity;
    an amount of 43 digits is kept whole in what a finding quotes."""
    for fee in ("0.07", "1.13", "4.35"):
        assert findings(validator, json.dumps(VALID).replace('"fee": 0.07', f'"fee": {fee}')) == []
    too_big = json.dumps(VALID).replace('"fee": 0.07', '"fee": 1e400')
    assert findings(validator, too_big) == [("range", "/fee", "error")]
    huge = "1234567890123456789012345.000000000000000001"
    body = json.dumps({**VALID, "amount": 0}).replace('"amount": 0', f'"amount": {huge}').encode()
    exchange = Exchange("GET", "/payouts/p1", [], b"", 200, [("content-type", "application/json")], body)
    (finding,) = validator.check(exchange).findings
    assert finding.as_dict()["seen"] == huge


def test_one_of_reports_the_branch_the_value_meant(validator: TrafficValidator) -> None:
    card = {**VALID, "destination": {"kind": "card", "last4": "12a4"}}
    assert findings(validator, card) == [("pattern", "/destination/last4", "error")]


def test_nullable_and_the_2020_12_keywords_are_understood(validator: TrafficValidator) -> None:
    done = {**VALID, "status": "DONE", "tx_hash": "0xabc"}
    assert findings(validator, done) == []
    assert findings(validator, {**VALID, "status": "DONE"}) == [("type", "/tx_hash", "error")]  # if/then
    assert findings(validator, {**VALID, "tags": ["a"]}) == [("type", "/tags/0", "error")]  # prefixItems
    wallet = {**VALID, "destination": {"kind": "wallet", "address": "T1", "memo": "x"}}
    assert findings(validator, wallet) == [("closed-object", "/destination/memo", "error")]


def test_what_the_schema_allows_but_does_not_describe_is_info(validator: TrafficValidator) -> None:
    assert findings(validator, {**VALID, "chain": "SOLANA", "note": "new"}) == [
        ("open-set", "/chain", "info"),
        ("undocumented-field", "/note", "info"),
    ]
    assert findings(validator, {**VALID, "meta": {"x": "documented as a map"}}) == []
    assert findings(validator, {**VALID, "status": "LOST"}) == [("enum", "/status", "error")]  # a closed set


def test_no_body_where_one_is_documented(validator: TrafficValidator) -> None:
    assert findings(validator, "") == [("body", "", "error")]
    assert findings(validator, "{not json") == [("malformed", "", "error")]
