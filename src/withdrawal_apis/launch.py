"""`withdrawal-apis sandbox <provider>`: start an emulator from the command line.

Everything a user can get wrong (an option, a seed file, a database path, a port, a public bind
without a control token) is found before the server starts and reported as one line with exit
status 2. The port is bound before anything is printed, so the credentials shown are those of a
server that is really listening. Ctrl-C or SIGTERM stop it cleanly with exit status 0.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import shlex
import socket
import sqlite3
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from . import __version__
from .emulators import build_app
from .registry import Provider
from .sandbox import AdvancePolicy, ApiError, ConfigError, SandboxApp, SandboxConfig
from .sandbox.server import CannotListen, listen, make_server, run, serve_workers
from .sandbox.store import StoreError, masked
from .spec import load_yaml

CONTROL_TOKEN_ENV = "WITHDRAWAL_APIS_CONTROL_TOKEN"  # noqa: S105 - the variable's name, not a token
log = logging.getLogger("withdrawal_apis.sandbox")


class UsageError(Exception):
    """A mistake in the command line or its files: one line for the user, exit status 2."""


def main(launch: argparse.Namespace) -> int:
    """Start the emulator; returns the exit status (2 for a usage error, already printed).

    `launch` holds the `sandbox` command's arguments (see `cli.py`), its provider already looked up.
    """
    try:
        app, sock = prepare(launch)
    except UsageError as error:
        print(f"withdrawal-apis: error: {error}", file=sys.stderr)
        return 2
    launch.port = sock.getsockname()[1]  # the port bound, when asked for 0
    print(banner(launch, app))
    sys.stdout.flush()
    if launch.workers > 1:
        return serve_workers(app, launch.host, launch.port, sock, launch.workers)
    run(make_server(app, launch.host, launch.port, sock=sock))
    return 0


def prepare(launch: argparse.Namespace) -> tuple[SandboxApp, socket.socket]:
    """Check everything, build and seed the emulator, bind the port; UsageError for any mistake."""
    if launch.workers < 1:
        raise UsageError(f"--workers {launch.workers}: at least 1")
    if launch.workers > 1 and launch.db == ":memory:":
        raise UsageError(
            f"--workers {launch.workers} needs a store the workers share: --db FILE or --db postgresql://... "
            "(an in-memory store is private to one process)"
        )
    token = launch.control_token or os.environ.get(CONTROL_TOKEN_ENV) or None
    if not _is_loopback(launch.host) and not token:
        raise UsageError(
            f"--host {launch.host} is reachable from other machines: give a control token with --control-token "
            f"or {CONTROL_TOKEN_ENV} (the control API can reset the store and re-seed any key)"
        )
    config = SandboxConfig(
        db=launch.db,
        advance=AdvancePolicy(launch.advance),
        test_mode=launch.test_mode,
        rate_limit=launch.rate_limit,
        options=dict(parse_option(text) for text in launch.option),
        control_token=token,
    )
    seed = read_seed(launch.seed) if launch.seed else None
    credentials = read_credentials(launch)
    app = _build(launch.provider, config)
    sock = bind(launch.host, launch.port)
    try:
        seed_store(app, seed, credentials)
    except UsageError:
        sock.close()
        raise
    _configure_logs(launch.access_log)
    return app, sock


def _build(provider: Provider, config: SandboxConfig) -> SandboxApp:
    try:
        return build_app(provider, config)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    except (sqlite3.Error, StoreError) as error:
        raise UsageError(f"--db {masked(config.db)}: {error}") from None


def parse_option(text: str) -> tuple[str, Any]:
    """`name=value`, the value read as JSON (a bare word is taken as a string)."""
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise UsageError(f"--option wants NAME=VALUE, got {text!r}")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


def read_seed(path: Path) -> Any:
    try:
        return load_yaml(path)
    except OSError as error:
        raise UsageError(f"--seed {path}: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise UsageError(f"--seed {path}: not JSON or YAML ({str(error).splitlines()[0]})") from None


def read_credentials(launch: argparse.Namespace) -> tuple[str, str] | None:
    """KEY:SECRET from --credentials, else the provider's environment variables (the ones `fuzz` reads)."""
    if launch.credentials is not None:
        key, sep, secret = launch.credentials.partition(":")
        if not sep or not key or not secret:
            raise UsageError("--credentials wants KEY:SECRET (the key id or user name, a colon, the secret)")
        return key, secret
    settings = launch.provider.settings
    key, secret = (os.environ.get(launch.provider.env_name(name)) for name in (settings.key, settings.secret))
    return (key, secret) if key and secret else None


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound now so that a busy port is reported before anything else."""
    try:
        return listen(host, port)
    except CannotListen as error:
        raise UsageError(str(error)) from None


def seed_store(app: SandboxApp, seed: Any, credentials: tuple[str, str] | None) -> None:
    """The given seed, or the demo seed (with the fixed credentials, if any) into an empty store."""
    if seed is None and app.engine.store.accounts():
        if credentials is not None:
            log.warning("the store is already seeded; --credentials applies only to a new store")
        return
    document = seed if seed is not None else app.provider.demo_seed()
    if credentials is not None:
        document = with_credentials(document, *credentials)
    try:
        app.seed(document)
    except ApiError as error:
        raise UsageError(f"seed rejected: {error.message}") from None


def with_credentials(seed: Mapping[str, Any], key: str, secret: str) -> dict[str, Any]:
    """The seed with its first credential's key id and secret replaced (the demo account's key)."""
    document = json.loads(json.dumps(seed))
    for account in document.get("accounts", []):
        for credential in account.get("credentials") or []:
            credential.update(key_id=key, secret=secret)
            return dict(document)
    raise UsageError("--credentials: the seed has no credential to set")


def banner(launch: argparse.Namespace, app: SandboxApp) -> str:
    """One block: where the API is, how to reach the control API, the accounts and their keys."""
    provider = launch.provider
    base_url = f"http://{launch.host}:{launch.port}"
    store = app.engine.store
    limit = app.engine.limiter
    lines = [
        f"withdrawal-apis {__version__}: {provider.title} emulator",
        f"  API          {base_url}",
        f"  control API  {base_url}/_sandbox/" + ("  (bearer token required)" if app.config.control_token else ""),
        f"  docs         docs/providers/{provider.name}.md · {provider.docs_url}",
        f"  lifecycle    {app.engine.advance} · rate limit "
        + (f"{limit.limit} per {limit.window:g} s" if limit.limit else "off")
        + f" · store {store.location}"
        + (f" · {launch.workers} workers" if launch.workers > 1 else ""),
    ]
    for account in store.accounts():
        name = account.extra.get("name")
        lines.append(f"  account      {account.id}" + (f"  ({name})" if isinstance(name, str) else ""))
        for credential in store.credentials(account.id):
            shown = _secret_shown(provider, credential.secret)
            lines.append(f"    key id {credential.key_id}  secret {shown}")
    exports = _exports(provider, app, base_url)
    if exports:
        lines.append(f"  environment  {exports}")
    return "\n".join(lines)


def _exports(provider: Provider, app: SandboxApp, base_url: str) -> str:
    """A copy-paste line with every variable `payouts.from_env` and `withdrawal-apis fuzz` read for this emulator."""
    credentials = app.engine.store.credentials()
    if not credentials:
        return ""
    first = credentials[0]
    settings = provider.settings.from_key(first.key_id, first.secret) | app.provider.client_settings(first.account_id)
    pairs = [(provider.env_name(name), value) for name, value in settings.items()]
    pairs.append((provider.base_url_env, base_url))
    # What the environment already holds is not repeated (it may be a real provider's secret).
    pairs = [(name, value) for name, value in pairs if os.environ.get(name) != value]
    return "export " + " ".join(f"{name}={shlex.quote(value)}" for name, value in pairs)


def _secret_shown(provider: Provider, secret: str) -> str:
    """The secret as the banner prints it: not when it came from the environment (it may be real)."""
    for name in provider.env_names().values():
        if os.environ.get(name) == secret:
            return f"(as in ${name})"
    return secret


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _configure_logs(access_log: bool) -> None:
    """Warnings and errors only, unless the user asked for one line per request."""
    logging.getLogger("withdrawal_apis.sandbox.access").setLevel(logging.INFO if access_log else logging.WARNING)
