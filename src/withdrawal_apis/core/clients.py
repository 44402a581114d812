"""Installing a provider's `httpx.Auth` into its generated `AuthenticatedClient`."""

from __future__ import annotations

from typing import Any, TypeVar

import httpx

C = TypeVar("C")


def with_auth(client_cls: type[C], base_url: str, auth: httpx.Auth, **kwargs: Any) -> C:
    """The generated client with every request passing through `auth`.

    Extra keyword arguments go to the client (timeout, headers, httpx_args, ...). Its static token
    slot stays empty: the providers' signatures and tokens are per request, written by `auth`.
    """
    httpx_args = {**kwargs.pop("httpx_args", {}), "auth": auth}
    return client_cls(base_url=base_url, token="", prefix="", httpx_args=httpx_args, **kwargs)  # type: ignore[call-arg]
