"""Answers with exact decimals: the one-pass encoder writes what the piece-by-piece one would."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from withdrawal_apis.money import _dumps_piecewise, dumps_exact

PLACEHOLDER = "\ufdd0exact number\ufdd0"


@pytest.mark.parametrize(
    "value",
    [
        {"amount": Decimal("1.10"), "fee": Decimal("-0.00"), "nested": [Decimal("1E-30"), {"big": Decimal("1E+40")}]},
        {"text": 'quote " backslash \\ newline \n é ü', "n": 1, "f": 2.5, "none": None, "yes": True},
        (Decimal(2), (Decimal("3.000"),), []),
        Decimal("12345678901234567890.123456789012345678"),
        {},
        "plain",
        # The data itself holding the placeholder: the count check falls back to the piecewise encoder.
        [PLACEHOLDER, Decimal(5)],
        {PLACEHOLDER: Decimal(1)},
        {"k": PLACEHOLDER},
    ],
)
def test_one_pass_equals_piecewise(value: Any) -> None:
    assert dumps_exact(value) == _dumps_piecewise(value)


def test_numbers_are_exact_and_compact() -> None:
    text = dumps_exact({"a": Decimal("0.1"), "b": [Decimal("100.00"), "x"]})
    assert text == '{"a":0.1,"b":[100,"x"]}'
    assert json.loads(text, parse_float=Decimal)["a"] == Decimal("0.1")
