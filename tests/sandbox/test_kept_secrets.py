"""Signing keys are read from the store once and kept; a reset by any process of a sandbox replaces them everywhere."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from withdrawal_apis.sandbox import Engine, ProviderSandbox, SandboxConfig, TokenIssuer, TokenProblem


class Bare(ProviderSandbox):
    name = "bare"


def engines(path: Path) -> tuple[Engine, Engine]:
    """Two processes' engines on one database."""
    config = SandboxConfig(db=str(path))
    return Engine(config, Bare), Engine(config, Bare)


def test_a_key_is_read_once_and_kept(tmp_path: Path) -> None:
    first, _ = engines(tmp_path / "sandbox.db")
    key = first.store.secret("token_secret")
    statements: list[str] = []
    first.store._b._db.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    assert first.store.secret("token_secret") == key
    assert statements == []


def test_every_process_signs_with_the_same_key(tmp_path: Path) -> None:
    first, second = engines(tmp_path / "sandbox.db")
    now = time.time()
    token, _ = TokenIssuer(first.store, 60).issue("user", now)
    assert TokenIssuer(second.store, 60).verify(token, now)["sub"] == "user"


def test_a_reset_by_one_process_replaces_the_key_in_the_others(tmp_path: Path) -> None:
    first, second = engines(tmp_path / "sandbox.db")
    now = time.time()
    before, _ = TokenIssuer(first.store, 60).issue("user", now)
    assert TokenIssuer(second.store, 60).verify(before, now)["sub"] == "user"  # the second now keeps the key

    first.reset()
    after, _ = TokenIssuer(first.store, 60).issue("user", now)  # signed with a key made after the reset
    second.sync()  # what the second process does before each request
    assert TokenIssuer(second.store, 60).verify(after, now)["sub"] == "user"
    with pytest.raises(TokenProblem) as caught:
        TokenIssuer(second.store, 60).verify(before, now)
    assert caught.value.reason == "signature"


def test_a_reset_of_a_private_store_replaces_its_key() -> None:
    engine = Engine(SandboxConfig(), Bare)
    before = engine.store.secret("token_secret")
    engine.reset()
    assert engine.store.secret("token_secret") != before
