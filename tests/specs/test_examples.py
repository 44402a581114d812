"""Every example in every spec validates against the schema it illustrates."""

from __future__ import annotations

import copy

import pytest

from withdrawal_apis.spec import SpecDocument


def test_every_example_validates(spec: SpecDocument) -> None:
    examples = list(spec.iter_examples())
    assert examples, "a spec without examples cannot be checked"
    failures = [f"{where}: {error}" for where, schema, value in examples for error in spec.errors(schema, value)]
    assert not failures, "\n".join(failures)


def test_a_broken_example_is_caught(spec: SpecDocument) -> None:
    """The check above can fail: drop a required field from each object example and expect errors."""
    broken = 0
    for where, schema_pointer, value in spec.iter_examples():
        required = spec.at(schema_pointer)
        resolved, _ = spec.resolve(required, schema_pointer)
        names = resolved.get("required") if isinstance(resolved, dict) else None
        if not names or not isinstance(value, dict) or names[0] not in value:
            continue
        mutated = copy.deepcopy(value)
        del mutated[names[0]]
        assert spec.errors(schema_pointer, mutated), f"{where}: removing {names[0]!r} went unnoticed"
        broken += 1
    if broken == 0:
        pytest.fail("no object example with a required field to break")
