"""`Payouts` and `AsyncPayouts`: the one interface apps use, over any provider; and how to get one.

    with payouts.connect("mpchat", base_url=..., key_id=..., secret=...) as client:
        payout = client.create(asset="USDT", network="TRC20", address="T...", amount=Decimal("25"))

Both classes drive the same flows (see `flow`); only the I/O differs.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import AsyncIterator, Iterator, Mapping
from decimal import Decimal
from typing import Any

import httpx

from ..providers import get
from .adapters import Adapter, adapter_class
from .flow import run_async, run_sync
from .models import Balance, Capabilities, Payout, Sweep
from .retry import RetryPolicy

DEFAULT_TIMEOUT = 30.0


class _Payouts:
    def __init__(self, adapter: Adapter, client: Any) -> None:
        self._adapter = adapter
        self._client = client

    @property
    def provider(self) -> str:
        return self._adapter.provider

    @property
    def capabilities(self) -> Capabilities:
        return self._adapter.capabilities

    @property
    def client(self) -> Any:
        """The generated client underneath, with auth installed, for the provider's full surface."""
        return self._client

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self.provider!r})"


class Payouts(_Payouts):
    """Payouts at one provider, blocking I/O. Close it (or use `with`) to release connections."""

    def balances(self) -> list[Balance]:
        return run_sync(self._adapter.balances(), self._client)

    def create(
        self,
        *,
        asset: str,
        network: str,
        address: str,
        amount: Decimal,
        memo: str | None = None,
        reference: str | None = None,
    ) -> Payout:
        """Pay `amount` of `asset` to `address` on `network` (a common code such as `TRC20`, or the provider's name).

        `reference` is your id for this payout: it makes retries exact where the provider can carry
        it (see docs/payouts.md). Raises a `PayoutError`; `OutcomeUnknownError` when the payout may
        exist and the provider cannot tell.
        """
        request = self._adapter.request(asset, network, address, amount, memo, reference)
        return run_sync(self._adapter.create(request), self._client)

    def get(self, payout_id: str) -> Payout:
        return run_sync(self._adapter.get(payout_id), self._client)

    def list(self) -> Iterator[Payout]:
        """Every payout, newest first, following every page (each payout once)."""
        seen: set[str] = set()
        cursor = None
        while True:
            page = run_sync(self._adapter.page(cursor), self._client)
            for payout in page.items:
                if payout.id not in seen:
                    seen.add(payout.id)
                    yield payout
            if page.next is None:
                return
            cursor = page.next

    def cancel(self, payout_id: str) -> Payout:
        return run_sync(self._adapter.cancel(payout_id), self._client)

    def sweep(self, *, asset: str, network: str | None = None) -> Sweep:
        """Have the provider move the whole balance of `asset` to the confirmed address (SmartyPay)."""
        return run_sync(self._adapter.sweep(asset, network), self._client)

    def close(self) -> None:
        self._client.get_httpx_client().close()

    def __enter__(self) -> Payouts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncPayouts(_Payouts):
    """Payouts at one provider, for asyncio. Close it (or use `async with`) to release connections."""

    async def balances(self) -> list[Balance]:
        return await run_async(self._adapter.balances(), self._client)

    async def create(
        self,
        *,
        asset: str,
        network: str,
        address: str,
        amount: Decimal,
        memo: str | None = None,
        reference: str | None = None,
    ) -> Payout:
        """See `Payouts.create`."""
        request = self._adapter.request(asset, network, address, amount, memo, reference)
        return await run_async(self._adapter.create(request), self._client)

    async def get(self, payout_id: str) -> Payout:
        return await run_async(self._adapter.get(payout_id), self._client)

    async def list(self) -> AsyncIterator[Payout]:
        """Every payout, newest first, following every page (each payout once)."""
        seen: set[str] = set()
        cursor = None
        while True:
            page = await run_async(self._adapter.page(cursor), self._client)
            for payout in page.items:
                if payout.id not in seen:
                    seen.add(payout.id)
                    yield payout
            if page.next is None:
                return
            cursor = page.next

    async def cancel(self, payout_id: str) -> Payout:
        return await run_async(self._adapter.cancel(payout_id), self._client)

    async def sweep(self, *, asset: str, network: str | None = None) -> Sweep:
        """See `Payouts.sweep`."""
        return await run_async(self._adapter.sweep(asset, network), self._client)

    async def close(self) -> None:
        await self._client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> AsyncPayouts:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


# -- getting one ------------------------------------------------------------------------------
def _open(
    provider: str,
    base_url: str,
    credentials: Mapping[str, str],
    retry: RetryPolicy | None,
    timeout: float,
    httpx_args: Mapping[str, Any] | None,
) -> tuple[Adapter, Any]:
    cls = adapter_class(provider)
    missing = [name for name in cls.credentials if not credentials.get(name)]
    unknown = sorted(set(credentials) - set(cls.credentials) - set(cls.options))
    if missing or unknown:
        expected = ", ".join([*cls.credentials, *(f"[{o}]" for o in cls.options)])
        raise TypeError(f"{provider} takes {expected}; missing {missing or 'none'}, unknown {unknown or 'none'}")
    if not base_url:
        raise TypeError("base_url is required: name the provider's production or sandbox URL, or an emulator's")
    client = cls.make_client(base_url, credentials, timeout=httpx.Timeout(timeout), httpx_args=dict(httpx_args or {}))
    return cls(credentials, retry or RetryPolicy()), client


def connect(
    provider: str,
    *,
    base_url: str,
    retry: RetryPolicy | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    httpx_args: Mapping[str, Any] | None = None,
    **credentials: str,
) -> Payouts:
    """Payouts at `provider`, authenticated with the provider's own credential names (docs/payouts.md).

    There is no default `base_url`: name the provider's URL (`withdrawal_apis.providers.<p>` has
    the known ones) or an emulator's. `httpx_args` go to the underlying httpx client (a transport,
    proxies, ...).
    """
    return Payouts(*_open(provider, base_url, credentials, retry, timeout, httpx_args))


def connect_async(
    provider: str,
    *,
    base_url: str,
    retry: RetryPolicy | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    httpx_args: Mapping[str, Any] | None = None,
    **credentials: str,
) -> AsyncPayouts:
    """`connect` for asyncio."""
    return AsyncPayouts(*_open(provider, base_url, credentials, retry, timeout, httpx_args))


def env_settings(provider: str, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """`base_url` and the credentials of `provider` from the environment.

    Credentials come from the variables `withdrawal-apis fuzz` reads (`MPCHAT_KEY_ID`, ...); the
    base URL from `<PROVIDER>_BASE_URL`, and the other settings from `<PROVIDER>_<NAME>`.
    """
    environ = os.environ if environ is None else environ
    info = get(provider)
    cls = adapter_class(provider)
    profile = importlib.import_module(info.module).CONFORMANCE
    prefix = info.name.upper()
    names = {name: profile.credentials_env.get(name, f"{prefix}_{name.upper()}") for name in cls.credentials}
    names.update({name: f"{prefix}_{name.upper()}" for name in cls.options})
    names["base_url"] = f"{prefix}_BASE_URL"
    missing = [var for name, var in names.items() if name in (*cls.credentials, "base_url") and not environ.get(var)]
    if missing:
        raise KeyError(f"set {', '.join(missing)} to use {provider} from the environment")
    return {name: environ[var] for name, var in names.items() if environ.get(var)}


def from_env(provider: str, *, retry: RetryPolicy | None = None, timeout: float = DEFAULT_TIMEOUT) -> Payouts:
    """`connect` with `base_url` and credentials from the environment (see `env_settings`)."""
    settings = env_settings(provider)
    return Payouts(*_open(provider, settings.pop("base_url"), settings, retry, timeout, None))


def from_env_async(
    provider: str, *, retry: RetryPolicy | None = None, timeout: float = DEFAULT_TIMEOUT
) -> AsyncPayouts:
    """`connect_async` with `base_url` and credentials from the environment."""
    settings = env_settings(provider)
    return AsyncPayouts(*_open(provider, settings.pop("base_url"), settings, retry, timeout, None))
