"""Exact money handling: amounts are `Decimal` from the wire to the store and back, never float."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


def parse_decimal(text: str) -> Decimal:
    """A decimal string as an exact `Decimal`; ValueError for anything that is not a finite number."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return value


def format_decimal(value: Decimal, min_places: int = 0) -> str:
    """Plain notation (never `1E+3`), padded to at least `min_places` decimals."""
    text = format(value, "f")
    if min_places <= 0:
        return text
    whole, _, fraction = text.partition(".")
    return f"{whole}.{fraction.ljust(min_places, '0')}"
