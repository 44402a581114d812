"""What every address validator promises, whatever it is handed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from withdrawal_apis.chains import is_valid_bitcoin_address, is_valid_ethereum_address, is_valid_tron_address

VALIDATORS: list[Callable[[object], bool]] = [
    is_valid_ethereum_address,
    is_valid_tron_address,
    is_valid_bitcoin_address,
]


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda v: v.__name__)
@pytest.mark.parametrize(
    "value",
    [None, "", 0, 41, b"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", ["1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"], object()],
)
def test_validators_return_false_for_non_addresses_instead_of_raising(
    validator: Callable[[object], bool], value: object
) -> None:
    assert validator(value) is False


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda v: v.__name__)
@pytest.mark.parametrize("value", ["T\u00e9" * 17, "bc1\u00e9" * 10, "0x" + "\u0661" * 40, "\x00" * 34, "1" * 35])
def test_validators_return_false_for_hostile_strings_instead_of_raising(
    validator: Callable[[object], bool], value: str
) -> None:
    assert validator(value) is False
