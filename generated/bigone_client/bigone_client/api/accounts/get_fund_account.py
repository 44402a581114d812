from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_response import AccountResponse
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    asset_symbol: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/viewer/fund/accounts/{asset_symbol}".format(
            asset_symbol=quote(str(asset_symbol), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountResponse | Error | None:
    if response.status_code == 200:
        response_200 = AccountResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountResponse | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    asset_symbol: str,
    *,
    client: AuthenticatedClient,
) -> Response[AccountResponse | Error]:
    """Fund balance of one asset

     Requires the "view account balance" scope.

    Args:
        asset_symbol (str): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountResponse | Error]
    """

    kwargs = _get_kwargs(
        asset_symbol=asset_symbol,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    asset_symbol: str,
    *,
    client: AuthenticatedClient,
) -> AccountResponse | Error | None:
    """Fund balance of one asset

     Requires the "view account balance" scope.

    Args:
        asset_symbol (str): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountResponse | Error
    """

    return sync_detailed(
        asset_symbol=asset_symbol,
        client=client,
    ).parsed


async def asyncio_detailed(
    asset_symbol: str,
    *,
    client: AuthenticatedClient,
) -> Response[AccountResponse | Error]:
    """Fund balance of one asset

     Requires the "view account balance" scope.

    Args:
        asset_symbol (str): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountResponse | Error]
    """

    kwargs = _get_kwargs(
        asset_symbol=asset_symbol,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    asset_symbol: str,
    *,
    client: AuthenticatedClient,
) -> AccountResponse | Error | None:
    """Fund balance of one asset

     Requires the "view account balance" scope.

    Args:
        asset_symbol (str): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountResponse | Error
    """

    return (
        await asyncio_detailed(
            asset_symbol=asset_symbol,
            client=client,
        )
    ).parsed
