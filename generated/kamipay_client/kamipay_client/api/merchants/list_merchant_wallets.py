from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail_error import DetailError
from ...models.gateway_error import GatewayError
from ...models.wallet import Wallet
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/merchants/wallets",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | DetailError | DetailError | GatewayError | list[Wallet] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Wallet.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:

        def _parse_response_401(data: object) -> DetailError | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_unauthorized_error_type_0 = DetailError.from_dict(data)

                return componentsschemas_unauthorized_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_unauthorized_error_type_1 = GatewayError.from_dict(data)

            return componentsschemas_unauthorized_error_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = DetailError.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = cast(Any, None)
        return response_502

    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | DetailError | DetailError | GatewayError | list[Wallet]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | DetailError | DetailError | GatewayError | list[Wallet]]:
    """List the merchant's wallets

     Returns every wallet registered for the merchant at onboarding, as a bare array (no paging).
    These are the addresses a withdrawal may be sent from. Wallets are added through kamiPay
    support, not through the API.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DetailError | DetailError | GatewayError | list[Wallet]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Any | DetailError | DetailError | GatewayError | list[Wallet] | None:
    """List the merchant's wallets

     Returns every wallet registered for the merchant at onboarding, as a bare array (no paging).
    These are the addresses a withdrawal may be sent from. Wallets are added through kamiPay
    support, not through the API.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DetailError | DetailError | GatewayError | list[Wallet]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | DetailError | DetailError | GatewayError | list[Wallet]]:
    """List the merchant's wallets

     Returns every wallet registered for the merchant at onboarding, as a bare array (no paging).
    These are the addresses a withdrawal may be sent from. Wallets are added through kamiPay
    support, not through the API.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DetailError | DetailError | GatewayError | list[Wallet]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Any | DetailError | DetailError | GatewayError | list[Wallet] | None:
    """List the merchant's wallets

     Returns every wallet registered for the merchant at onboarding, as a bare array (no paging).
    These are the addresses a withdrawal may be sent from. Wallets are added through kamiPay
    support, not through the API.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DetailError | DetailError | GatewayError | list[Wallet]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
