from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.gas_wallet_list import GasWalletList
from ...types import Response


def _get_kwargs(
    merchant_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/merchants/{merchant_id}/gas-wallets".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | GasWalletList | None:
    if response.status_code == 200:
        response_200 = GasWalletList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | GasWalletList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    merchant_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | GasWalletList]:
    """Retrieve the merchant's gas wallets

     One wallet per blockchain, holding the native token that pays the network fee of each withdrawal.
    A wallet that is out of service has stopped working (the provider asks to contact support); a
    sweep on its blockchain then fails.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GasWalletList]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    merchant_id: str,
    *,
    client: AuthenticatedClient,
) -> Error | GasWalletList | None:
    """Retrieve the merchant's gas wallets

     One wallet per blockchain, holding the native token that pays the network fee of each withdrawal.
    A wallet that is out of service has stopped working (the provider asks to contact support); a
    sweep on its blockchain then fails.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GasWalletList
    """

    return sync_detailed(
        merchant_id=merchant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    merchant_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | GasWalletList]:
    """Retrieve the merchant's gas wallets

     One wallet per blockchain, holding the native token that pays the network fee of each withdrawal.
    A wallet that is out of service has stopped working (the provider asks to contact support); a
    sweep on its blockchain then fails.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GasWalletList]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    merchant_id: str,
    *,
    client: AuthenticatedClient,
) -> Error | GasWalletList | None:
    """Retrieve the merchant's gas wallets

     One wallet per blockchain, holding the native token that pays the network fee of each withdrawal.
    A wallet that is out of service has stopped working (the provider asks to contact support); a
    sweep on its blockchain then fails.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GasWalletList
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
        )
    ).parsed
