from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.control_error import ControlError
from ...models.seed import Seed
from ...models.seed_result import SeedResult
from ...types import Response


def _get_kwargs(
    *,
    body: Seed,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_sandbox/seed",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ControlError | SeedResult | None:
    if response.status_code == 200:
        response_200 = SeedResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ControlError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ControlError.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = ControlError.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ControlError | SeedResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Seed,
) -> Response[ControlError | SeedResult]:
    """Add or replace accounts

     Creates or updates the given accounts with their credentials, balances, whitelist and webhook
    endpoint.

    Args:
        body (Seed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | SeedResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: Seed,
) -> ControlError | SeedResult | None:
    """Add or replace accounts

     Creates or updates the given accounts with their credentials, balances, whitelist and webhook
    endpoint.

    Args:
        body (Seed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | SeedResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Seed,
) -> Response[ControlError | SeedResult]:
    """Add or replace accounts

     Creates or updates the given accounts with their credentials, balances, whitelist and webhook
    endpoint.

    Args:
        body (Seed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | SeedResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Seed,
) -> ControlError | SeedResult | None:
    """Add or replace accounts

     Creates or updates the given accounts with their credentials, balances, whitelist and webhook
    endpoint.

    Args:
        body (Seed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | SeedResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
