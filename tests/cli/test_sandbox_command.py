"""`withdrawal-apis sandbox`: one clear line and exit status 2 for every mistake, fixed credentials, clean stops."""

from __future__ import annotations

import json
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from withdrawal_apis import __version__
from withdrawal_apis.payouts import env_settings
from withdrawal_apis.providers.mpchat import MPChatAuth
from withdrawal_apis.reachability import free_port
from withdrawal_apis.registry import PROVIDERS, get

CLI = [sys.executable, "-m", "withdrawal_apis.cli"]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60, check=False, cwd=cwd)


@contextmanager
def sandbox(*args: str, env: dict[str, str] | None = None) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    """A running `withdrawal-apis sandbox`; yields the process, its base URL and its banner."""
    port = free_port()
    process = subprocess.Popen(
        [*CLI, "sandbox", *args, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{base_url}/nowhere", timeout=1)
            break
        except httpx.HTTPError:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the emulator did not start"
            time.sleep(0.05)
    banner = ""
    assert process.stdout is not None
    while "_BASE_URL=" not in banner:  # the banner's last line
        line = process.stdout.readline()
        assert line, f"the banner ended early: {banner}"
        banner += line
    try:
        yield process, base_url, banner
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["sandbox", "mpchat", "--port", "99999"], "99999 is not a TCP port"),
        (["sandbox", "mpchat", "--host", "0.0.0.0"], "give a control token"),  # noqa: S104
        (["sandbox", "mpchat", "--db", "/nonexistent/dir/sandbox.db"], "--db /nonexistent/dir/sandbox.db"),
        (["sandbox", "mpchat", "--seed", "/nonexistent.json"], "--seed /nonexistent.json: No such file"),
        (["sandbox", "mpchat", "--option", "fee=xyz"], "mpchat options: fee"),
        (["sandbox", "mpchat", "--option", "feee=1"], "'feee' was unexpected"),
        (["sandbox", "mpchat", "--option", "fee_mode"], "--option wants NAME=VALUE"),
        (["sandbox", "mpchat", "--credentials", "no-colon"], "--credentials wants KEY:SECRET"),
        (["sandbox", "nosuch"], "invalid choice: 'nosuch'"),
        (["conformance", "nosuch"], "unknown provider 'nosuch'"),
        (["sandbox", "mpchat", "--advance", "sometimes"], "invalid choice: 'sometimes'"),
        (["sandbox", "mpchat", "--workers", "2"], "--workers 2 needs a store the workers share"),
        (["sandbox", "mpchat", "--workers", "0", "--db", "x.db"], "--workers 0: at least 1"),
        (
            ["sandbox", "mpchat", "--db", "postgresql://sandbox:hunter2@127.0.0.1:1/nowhere"],
            "--db postgresql://sandbox:***@127.0.0.1:1/nowhere: ",  # the password never printed
        ),
    ],
)
def test_every_mistake_is_one_line_and_exit_2(args: list[str], says: str) -> None:
    done = cli(*args)
    assert done.returncode == 2, done
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert says in lines[0]
    assert "Traceback" not in done.stderr
    assert "hunter2" not in done.stderr


def test_a_bad_seed_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "wrong.json").write_text(json.dumps({"accounts": [{"id": "x", "balances": {"DOGE": "1"}}]}))
    for name, says in (("broken.json", "not JSON or YAML"), ("wrong.json", "seed rejected")):
        done = cli("sandbox", "mpchat", "--seed", str(tmp_path / name))
        assert (done.returncode, done.stdout) == (2, ""), done
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert says in done.stderr


def test_a_busy_port_is_reported_before_any_credential_is_printed() -> None:
    with sandbox("mpchat") as (_, base_url, _):
        port = base_url.rsplit(":", 1)[1]
        done = cli("sandbox", "kamipay", "--port", port)
    assert done.returncode == 2
    assert done.stdout == ""  # no banner, no credentials of a server that never listened
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr


def test_version() -> None:
    done = cli("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"withdrawal-apis {__version__}")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signals_stop_cleanly(stop: signal.Signals) -> None:
    with sandbox("mpchat") as (process, _, _):
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=15)
    assert process.returncode == 0
    assert "Traceback" not in stderr
    assert "KeyboardInterrupt" not in stderr


def test_fixed_credentials_survive_a_restart() -> None:
    """The same client config works against two emulators started one after the other."""
    key, secret = "mk_test_fixed", "f1xed" * 10
    for _ in range(2):
        with sandbox("mpchat", "--credentials", f"{key}:{secret}") as (_, base_url, banner):
            assert f"key id {key}  secret {secret}" in banner
            answer = httpx.get(f"{base_url}/v1/balance", auth=MPChatAuth(key, secret), timeout=5)
            assert answer.status_code == 200, answer.text


def test_credentials_from_the_environment_fuzz_reads() -> None:
    import os

    env = {**os.environ, "MPCHAT_KEY_ID": "mk_test_env", "MPCHAT_SECRET": "3nv" * 20}
    with sandbox("mpchat", env=env) as (_, base_url, banner):
        assert "key id mk_test_env" in banner
        assert "3nv" * 20 not in banner  # a secret from the environment may be a real one: never printed
        assert "secret (as in $MPCHAT_SECRET)" in banner
        answer = httpx.get(f"{base_url}/v1/balance", auth=MPChatAuth("mk_test_env", "3nv" * 20), timeout=5)
        assert answer.status_code == 200


@pytest.mark.parametrize("provider", [p.name for p in PROVIDERS])
def test_the_banner_names_every_account_and_an_export_line(provider: str) -> None:
    with sandbox(provider) as (_, base_url, banner):
        accounts = httpx.get(f"{base_url}/_sandbox/accounts", timeout=5).json()["accounts"]
    assert accounts
    for account in accounts:
        assert f"account      {account['id']}" in banner
        for key_id in account["key_ids"]:
            assert f"key id {key_id}" in banner
    assert "access" not in banner.lower()
    # The export line carries everything `payouts.from_env` needs to reach this emulator.
    exports = shlex.split(banner.rsplit("export ", 1)[1])
    environ = dict(pair.split("=", 1) for pair in exports)
    settings = env_settings(provider, environ)
    assert settings["base_url"] == base_url
    assert set(get(provider).settings.names) <= set(settings)


def test_requests_are_not_logged_unless_asked() -> None:
    for flag, logged in (([], False), (["--access-log"], True)):
        with sandbox("mpchat", *flag) as (process, base_url, _):
            httpx.get(f"{base_url}/v1/balance", timeout=5)
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=15)
        assert ("GET /v1/balance -> 401" in stdout + stderr) is logged, stdout + stderr


def test_a_public_bind_needs_the_token_and_then_the_control_api_does() -> None:
    with sandbox("mpchat", "--host", "127.0.0.1", "--control-token", "s3cret-token") as (_, base_url, banner):
        assert "bearer token required" in banner
        assert httpx.get(f"{base_url}/_sandbox/accounts", timeout=5).status_code == 401
        wrong = httpx.get(f"{base_url}/_sandbox/accounts", headers={"Authorization": "Bearer nope"}, timeout=5)
        assert wrong.status_code == 401
        assert wrong.json() == {"error": "the control API needs its token"}
        right = {"Authorization": "Bearer s3cret-token"}
        assert httpx.get(f"{base_url}/_sandbox/accounts", headers=right, timeout=5).status_code == 200


def test_port_0_prints_the_port_it_was_given() -> None:
    process = subprocess.Popen([*CLI, "sandbox", "mpchat", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        process.stdout.readline()  # the title
        api = process.stdout.readline().split()[-1]
        assert not api.endswith(":0"), api
        assert httpx.get(f"{api}/_sandbox/clock", timeout=5).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
