from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contract_error import ContractError
from ...models.contract_symbol import ContractSymbol
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/symbols",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContractError | list[ContractSymbol] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ContractSymbol.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = ContractError.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContractError | list[ContractSymbol]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContractError | list[ContractSymbol]]:
    """Perpetual contracts of the contract API

     Public. BigONE's perpetual contracts are a separate API with its own base path
    (`/api/contract/v2`, see the servers here; a generated client needs a base URL of that API
    for this call). Clients that load every market read it at start-up: ccxt's `load_markets`
    asks for it beside `list_asset_pairs`. The answer is a bare array, without the spot API's
    envelope, one entry per contract. The contract pages were not readable in the copies this
    document was checked against; the fields are those of the documentation's example as a
    third-party client reproduces it, and only `symbol` and the currencies are required
    (inferred). Our emulator lists no contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractError | list[ContractSymbol]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ContractError | list[ContractSymbol] | None:
    """Perpetual contracts of the contract API

     Public. BigONE's perpetual contracts are a separate API with its own base path
    (`/api/contract/v2`, see the servers here; a generated client needs a base URL of that API
    for this call). Clients that load every market read it at start-up: ccxt's `load_markets`
    asks for it beside `list_asset_pairs`. The answer is a bare array, without the spot API's
    envelope, one entry per contract. The contract pages were not readable in the copies this
    document was checked against; the fields are those of the documentation's example as a
    third-party client reproduces it, and only `symbol` and the currencies are required
    (inferred). Our emulator lists no contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractError | list[ContractSymbol]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContractError | list[ContractSymbol]]:
    """Perpetual contracts of the contract API

     Public. BigONE's perpetual contracts are a separate API with its own base path
    (`/api/contract/v2`, see the servers here; a generated client needs a base URL of that API
    for this call). Clients that load every market read it at start-up: ccxt's `load_markets`
    asks for it beside `list_asset_pairs`. The answer is a bare array, without the spot API's
    envelope, one entry per contract. The contract pages were not readable in the copies this
    document was checked against; the fields are those of the documentation's example as a
    third-party client reproduces it, and only `symbol` and the currencies are required
    (inferred). Our emulator lists no contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractError | list[ContractSymbol]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ContractError | list[ContractSymbol] | None:
    """Perpetual contracts of the contract API

     Public. BigONE's perpetual contracts are a separate API with its own base path
    (`/api/contract/v2`, see the servers here; a generated client needs a base URL of that API
    for this call). Clients that load every market read it at start-up: ccxt's `load_markets`
    asks for it beside `list_asset_pairs`. The answer is a bare array, without the spot API's
    envelope, one entry per contract. The contract pages were not readable in the copies this
    document was checked against; the fields are those of the documentation's example as a
    third-party client reproduces it, and only `symbol` and the currencies are required
    (inferred). Our emulator lists no contracts.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractError | list[ContractSymbol]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
