from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.address_balance_response import AddressBalanceResponse
from ...models.chain import Chain
from ...models.detail_error import DetailError
from ...models.gateway_error import GatewayError
from ...types import UNSET, Response


def _get_kwargs(
    *,
    address: str,
    chain: Chain,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["address"] = address

    json_chain = chain.value
    params["chain"] = json_chain

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/wallet/get_address_balance",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AddressBalanceResponse | Any | DetailError | DetailError | GatewayError | None:
    if response.status_code == 200:
        response_200 = AddressBalanceResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = DetailError.from_dict(response.json())

        return response_400

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

    if response.status_code == 404:
        response_404 = DetailError.from_dict(response.json())

        return response_404

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
) -> Response[AddressBalanceResponse | Any | DetailError | DetailError | GatewayError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    address: str,
    chain: Chain,
) -> Response[AddressBalanceResponse | Any | DetailError | DetailError | GatewayError]:
    """Read the MATIC and USDT balance of a wallet

     Returns the MATIC (the gas token) and USDT balances of one address that kamiPay has assigned
    to the caller, read live from the chain. Balances are JSON numbers with up to 18 (MATIC) and 6
    (USDT) decimal places.

    Args:
        address (str): A Polygon address: `0x` followed by 40 hex digits, EIP-55 checksummed when
            in mixed case. The
            checksum is for the server to check (`x-business-rules`); the provider's redacted examples
            are
            completed in the request examples (see Known deviations).
        chain (Chain): The blockchain; kamiPay supports only Polygon for these calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddressBalanceResponse | Any | DetailError | DetailError | GatewayError]
    """

    kwargs = _get_kwargs(
        address=address,
        chain=chain,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    address: str,
    chain: Chain,
) -> AddressBalanceResponse | Any | DetailError | DetailError | GatewayError | None:
    """Read the MATIC and USDT balance of a wallet

     Returns the MATIC (the gas token) and USDT balances of one address that kamiPay has assigned
    to the caller, read live from the chain. Balances are JSON numbers with up to 18 (MATIC) and 6
    (USDT) decimal places.

    Args:
        address (str): A Polygon address: `0x` followed by 40 hex digits, EIP-55 checksummed when
            in mixed case. The
            checksum is for the server to check (`x-business-rules`); the provider's redacted examples
            are
            completed in the request examples (see Known deviations).
        chain (Chain): The blockchain; kamiPay supports only Polygon for these calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddressBalanceResponse | Any | DetailError | DetailError | GatewayError
    """

    return sync_detailed(
        client=client,
        address=address,
        chain=chain,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    address: str,
    chain: Chain,
) -> Response[AddressBalanceResponse | Any | DetailError | DetailError | GatewayError]:
    """Read the MATIC and USDT balance of a wallet

     Returns the MATIC (the gas token) and USDT balances of one address that kamiPay has assigned
    to the caller, read live from the chain. Balances are JSON numbers with up to 18 (MATIC) and 6
    (USDT) decimal places.

    Args:
        address (str): A Polygon address: `0x` followed by 40 hex digits, EIP-55 checksummed when
            in mixed case. The
            checksum is for the server to check (`x-business-rules`); the provider's redacted examples
            are
            completed in the request examples (see Known deviations).
        chain (Chain): The blockchain; kamiPay supports only Polygon for these calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddressBalanceResponse | Any | DetailError | DetailError | GatewayError]
    """

    kwargs = _get_kwargs(
        address=address,
        chain=chain,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    address: str,
    chain: Chain,
) -> AddressBalanceResponse | Any | DetailError | DetailError | GatewayError | None:
    """Read the MATIC and USDT balance of a wallet

     Returns the MATIC (the gas token) and USDT balances of one address that kamiPay has assigned
    to the caller, read live from the chain. Balances are JSON numbers with up to 18 (MATIC) and 6
    (USDT) decimal places.

    Args:
        address (str): A Polygon address: `0x` followed by 40 hex digits, EIP-55 checksummed when
            in mixed case. The
            checksum is for the server to check (`x-business-rules`); the provider's redacted examples
            are
            completed in the request examples (see Known deviations).
        chain (Chain): The blockchain; kamiPay supports only Polygon for these calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddressBalanceResponse | Any | DetailError | DetailError | GatewayError
    """

    return (
        await asyncio_detailed(
            client=client,
            address=address,
            chain=chain,
        )
    ).parsed
