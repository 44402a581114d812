"""Exact money handling: amounts are `Decimal` from the wire to the store and back, never float."""

from __future__ import annotations

import json
from decimal import Context, Decimal, Inexact, InvalidOperation
from typing import Any

# Balances of 18-decimal assets outgrow the default 28 significant digits; this context is wide
# enough for any amount a chain can hold, and it raises rather than round if that is ever wrong.
MONEY = Context(prec=96, traps=[Inexact])


def exact_sum(*values: Decimal) -> Decimal:
    """The sum of amounts, exactly (never rounded to a context's precision)."""
    total = Decimal(0)
    for value in values:
        total = MONEY.add(total, value)
    return total


def parse_decimal(text: str) -> Decimal:
    """A decimal string as an exact `Decimal`; ValueError for anything that is not a finite number."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return value


def decimal_places(value: Decimal) -> int:
    """The decimal places `value` really needs (`0.10` needs 1), exactly, whatever its size.

    Read off the digits and the exponent, never computed in a Decimal context, so no precision
    limit can round a 30th decimal away.
    """
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing_zeros)


def format_decimal(value: Decimal, min_places: int = 0) -> str:
    """Plain notation (never `1E+3`), padded to at least `min_places` decimals."""
    text = format(value, "f")
    if min_places <= 0:
        return text
    whole, _, fraction = text.partition(".")
    return f"{whole}.{fraction.ljust(min_places, '0')}"


def json_number(value: Decimal) -> str:
    """A Decimal as JSON number text: exact, plain notation, no trailing zeros (`0.1`, `100`)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def loads_exact(content: bytes | str) -> Any:
    """JSON with every number as an exact `Decimal` (providers that put money in JSON numbers)."""
    return json.loads(content, parse_float=Decimal, parse_int=Decimal)


_PLACEHOLDER = "\ufdd0exact number\ufdd0"  # what a Decimal stands in for while the stdlib encodes the rest
_EXACT = json.dumps(_PLACEHOLDER, ensure_ascii=False)


def dumps_exact(value: Any) -> str:
    """Compact JSON in which `Decimal` values are written as exact numbers (the stdlib would need a float).

    The stdlib's encoder writes everything in one pass, each Decimal as a placeholder string, and
    the placeholders are then replaced by the exact numbers, in order. Should the data itself hold
    the placeholder text, the count no longer matches and the value is encoded piece by piece.
    """
    numbers: list[str] = []
    text = json.dumps(_placeheld(value, numbers), ensure_ascii=False, separators=(",", ":"))
    parts = text.split(_EXACT)
    if len(parts) != len(numbers) + 1:
        return _dumps_piecewise(value)
    return "".join(part + number for part, number in zip(parts, [*numbers, ""], strict=True))


def _placeheld(value: Any, numbers: list[str]) -> Any:
    if isinstance(value, Decimal):
        numbers.append(json_number(value))
        return _PLACEHOLDER
    if isinstance(value, dict):
        return {str(k): _placeheld(v, numbers) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_placeheld(v, numbers) for v in value]
    return value


def _dumps_piecewise(value: Any) -> str:
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, dict):
        items = (f"{json.dumps(str(k), ensure_ascii=False)}:{_dumps_piecewise(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_dumps_piecewise(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
