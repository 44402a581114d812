"""`Payouts` and `AsyncPayouts`: the one interface apps use, over any provider; and how to get one.

    with payouts.connect("<provider>", base_url=..., key_id=..., secret=...) as client:
        payout = client.create(asset="USDT", network="TRC20", address="T...", amount=Decimal("25"))

Both classes drive the same flows (see `flow`); only the I/O differs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from decimal import Decimal
from typing import Any

import httpx

from ..registry import get
from .adapter import Adapter, Page
from .flow import Flow, run_async, run_sync
from .models import Balance, Capabilities, Payout, Sweep
from .retry import RetryPolicy

DEFAULT_TIMEOUT = 30.0


def adapter_class(provider: str) -> type[Adapter]:
    """The provider's adapter (its folder's `payouts.py`); a missing client names the extra to install."""
    info = get(provider)  # KeyError naming the known providers
    try:
        module = info.part("payouts")
    except ModuleNotFoundError as error:
        if error.name != info.client_package:
            raise
        hint = f"{info.name}'s client is not installed: pip install 'withdrawal-apis[{info.name}]'"
        raise ModuleNotFoundError(hint, name=error.name) from error
    found: type[Adapter] = module.ADAPTER
    return found


class _Pages:
    """Every payout across pages, each once: the paging both `list()`s share."""

    def __init__(self, adapter: Adapter) -> None:
        self._adapter = adapter
        self._seen: set[str] = set()
        self.cursor: Any = None
        self.done = False

    def next_page(self) -> Flow[Page]:
        return self._adapter.page(self.cursor)

    def fresh(self, page: Page) -> list[Payout]:
        """The payouts of `page` not yet yielded; moves the cursor on (or marks the end)."""
        new = [payout for payout in page.items if payout.id not in self._seen]
        self._seen.update(payout.id for payout in new)
        self.cursor, self.done = page.next, page.next is None
        return new


class _Payouts:
    def __init__(self, adapter: Adapter, client: Any) -> None:
        self._adapter = adapter
        self._client = client

    @property
    def provider(self) -> str:
        """The provider's name in the registry (`withdrawal_apis.registry.names()`)."""
        return self._adapter.provider

    @property
    def capabilities(self) -> Capabilities:
        """What the provider's API can do; asking for anything else raises `NotSupportedError` before a request."""
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
        """Every balance the provider reports for the account, as exact `Decimal`s."""
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
        """The payout with this `id`; `NotFoundError` when the provider has none."""
        return run_sync(self._adapter.get(payout_id), self._client)

    def list(self) -> Iterator[Payout]:
        """Every payout, newest first, following every page (each payout once)."""
        pages = _Pages(self._adapter)
        while not pages.done:
            yield from pages.fresh(run_sync(pages.next_page(), self._client))

    def cancel(self, payout_id: str) -> Payout:
        """Cancel the payout where the provider allows it (`capabilities.cancel`); the payout after the cancel."""
        return run_sync(self._adapter.cancel(payout_id), self._client)

    def sweep(self, *, asset: str, network: str | None = None) -> Sweep:
        """Have the provider move the whole balance of `asset` to the confirmed address (`capabilities.sweep`)."""
        return run_sync(self._adapter.sweep(asset, network), self._client)

    def close(self) -> None:
        """Release the connections (a `with` block does it on exit)."""
        self._client.get_httpx_client().close()

    def __enter__(self) -> Payouts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncPayouts(_Payouts):
    """Payouts at one provider, for asyncio. Close it (or use `async with`) to release connections."""

    async def balances(self) -> list[Balance]:
        """Every balance the provider reports for the account, as exact `Decimal`s."""
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
        """The payout with this `id`; `NotFoundError` when the provider has none."""
        return await run_async(self._adapter.get(payout_id), self._client)

    async def list(self) -> AsyncIterator[Payout]:
        """Every payout, newest first, following every page (each payout once)."""
        pages = _Pages(self._adapter)
        while not pages.done:
            for payout in pages.fresh(await run_async(pages.next_page(), self._client)):
                yield payout

    async def cancel(self, payout_id: str) -> Payout:
        """Cancel the payout where the provider allows it (`capabilities.cancel`); the payout after the cancel."""
        return await run_async(self._adapter.cancel(payout_id), self._client)

    async def sweep(self, *, asset: str, network: str | None = None) -> Sweep:
        """See `Payouts.sweep`."""
        return await run_async(self._adapter.sweep(asset, network), self._client)

    async def close(self) -> None:
        """Release the connections (an `async with` block does it on exit)."""
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
    settings = get(provider).settings
    missing = [name for name in settings.names if not credentials.get(name)]
    unknown = sorted(set(credentials) - set(settings.names) - set(settings.optional))
    if missing or unknown:
        expected = ", ".join([*settings.names, *(f"[{o}]" for o in settings.optional)])
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
    """`base_url` and the settings of `provider` from the environment.

    Each setting is read from `<PROVIDER>_<NAME>` (`<PROVIDER>_KEY_ID`, `<PROVIDER>_ACCOUNT_ID`, ...) unless the
    provider names another variable, the base URL from `<PROVIDER>_BASE_URL`; the emulator's start-up
    banner prints an `export` line with all of them. A missing one raises `ConfigurationError` naming it.
    """
    return get(provider).settings_from_env(environ)


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
