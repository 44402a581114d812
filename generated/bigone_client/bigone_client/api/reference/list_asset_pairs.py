from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_pair_list_response import AssetPairListResponse
from ...models.error import Error
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/asset_pairs",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetPairListResponse | Error | None:
    if response.status_code == 200:
        response_200 = AssetPairListResponse.from_dict(response.json())

        return response_200

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
) -> Response[AssetPairListResponse | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[AssetPairListResponse | Error]:
    """All asset pairs

     Public. Every spot market: its name (`BTC-USDT`), the base and quote assets and the decimals
    amounts and prices are written with. Trading clients read it at start-up (ccxt's
    `load_markets` does). The documentation page is not readable in the copies this document was
    checked against; the shape is the one real responses captured by third-party clients show,
    and only the fields every capture has are required (inferred).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetPairListResponse | Error]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> AssetPairListResponse | Error | None:
    """All asset pairs

     Public. Every spot market: its name (`BTC-USDT`), the base and quote assets and the decimals
    amounts and prices are written with. Trading clients read it at start-up (ccxt's
    `load_markets` does). The documentation page is not readable in the copies this document was
    checked against; the shape is the one real responses captured by third-party clients show,
    and only the fields every capture has are required (inferred).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetPairListResponse | Error
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[AssetPairListResponse | Error]:
    """All asset pairs

     Public. Every spot market: its name (`BTC-USDT`), the base and quote assets and the decimals
    amounts and prices are written with. Trading clients read it at start-up (ccxt's
    `load_markets` does). The documentation page is not readable in the copies this document was
    checked against; the shape is the one real responses captured by third-party clients show,
    and only the fields every capture has are required (inferred).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetPairListResponse | Error]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> AssetPairListResponse | Error | None:
    """All asset pairs

     Public. Every spot market: its name (`BTC-USDT`), the base and quote assets and the decimals
    amounts and prices are written with. Trading clients read it at start-up (ccxt's
    `load_markets` does). The documentation page is not readable in the copies this document was
    checked against; the shape is the one real responses captured by third-party clients show,
    and only the fields every capture has are required (inferred).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetPairListResponse | Error
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
