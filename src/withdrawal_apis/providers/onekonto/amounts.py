"""1Konto's `"<decimal> <ASSET>"` amount strings and its JSON-number balances, read exactly.

Withdraw amounts travel as strings such as `"1 BTC"` or `"100.25 USD"`; balances travel as JSON
numbers. Both are turned into `Decimal` here and never pass through a binary float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...money import decimal_places, format_decimal, loads_exact, parse_decimal

_AMOUNT = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)(?: ([A-Z0-9]+))?")


@dataclass(frozen=True)
class AssetAmount:
    """A parsed amount string. `asset` is None when the string had no asset part (`"5"`)."""

    value: Decimal
    asset: str | None

    @property
    def decimal_places(self) -> int:
        """Decimal places that carry a digit (`1.50` has 1); trailing zeros do not count."""
        return decimal_places(self.value)

    def __str__(self) -> str:
        return format_amount(self.value, self.asset) if self.asset else format_decimal(self.value)


def parse_amount(text: str) -> AssetAmount:
    """`"1.5 BTC"` -> AssetAmount(Decimal("1.5"), "BTC"); ValueError if the string has another shape."""
    match = _AMOUNT.fullmatch(text)
    if match is None:
        raise ValueError(f"not an amount of the form '<decimal> <ASSET>': {text!r}")
    return AssetAmount(parse_decimal(match.group(1)), match.group(2))


def format_amount(value: Decimal, asset: str) -> str:
    """The wire form: plain notation (never an exponent), one space, the asset symbol."""
    return f"{format_decimal(value)} {asset}"


def exact_balances(raw: bytes | str) -> dict[str, dict[str, Decimal]]:
    """The `balances` of a raw Get Account response body with every number as an exact Decimal.

    The generated model reads balances as `float` (they are JSON numbers); use this on
    `response.content` when the exact figures matter.
    """
    data: Any = loads_exact(raw)
    balances = data["account"]["balances"]
    return {asset: {name: Decimal(v) for name, v in fields.items()} for asset, fields in balances.items()}
