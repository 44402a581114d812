"""`withdrawal-apis proxy` refuses what it cannot run with one line on stderr and exit status 2."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from withdrawal_apis.cli import main

from .conftest import Rig


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    _, err = capsys.readouterr()
    return status, err


@pytest.mark.parametrize(
    ("upstream", "says"),
    [
        ("http://127.0.0.1:1", "cannot connect"),
        ("ftp://example.invalid", "not an http:// or https:// URL"),
    ],
    ids=["refused", "not-http"],
)
def test_an_upstream_it_cannot_use(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, upstream: str, says: str
) -> None:
    status, err = run(capsys, "proxy", "mpchat", "--upstream", upstream, "--report-dir", str(tmp_path))
    assert status == 2
    assert len(err.strip().splitlines()) == 1
    assert says in err


def test_a_port_already_taken(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mpchat_rig: Rig, busy_port: int
) -> None:
    args = [
        "proxy",
        "mpchat",
        "--upstream",
        mpchat_rig.upstream,
        "--port",
        str(busy_port),
        "--report-dir",
        str(tmp_path),
    ]
    status, err = run(capsys, *args)
    assert status == 2
    assert err.strip().splitlines() == [
        f"withdrawal-apis proxy: error: cannot listen on 127.0.0.1:{busy_port}: Address already in use"
    ]


def test_a_mistake_in_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["proxy", "mpchat"])
    assert exit_.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
