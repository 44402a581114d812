from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_withdrawal_request import CreateWithdrawalRequest
from ...models.error import Error
from ...models.withdrawal_response import WithdrawalResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateWithdrawalRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/viewer/withdrawals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WithdrawalResponse | None:
    if response.status_code == 200:
        response_200 = WithdrawalResponse.from_dict(response.json())

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
) -> Response[Error | WithdrawalResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWithdrawalRequest,
) -> Response[Error | WithdrawalResponse]:
    """Create a withdrawal

     Sends `amount` of `symbol` to `target_address` on the chain `gateway_name`. Requires the
    "execute withdrawals" scope, and the destination must be on the account's trusted-address list,
    which is managed in BigONE's web interface (there is no API for it). Funds are taken from the
    fund account. Send a fresh `guid` (a UUID) with every new withdrawal and keep it: it is how the
    withdrawal is fetched and cancelled, and how a retry after a timeout is recognised (see Known
    deviations on reusing a guid).

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalResponse]
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
    body: CreateWithdrawalRequest,
) -> Error | WithdrawalResponse | None:
    """Create a withdrawal

     Sends `amount` of `symbol` to `target_address` on the chain `gateway_name`. Requires the
    "execute withdrawals" scope, and the destination must be on the account's trusted-address list,
    which is managed in BigONE's web interface (there is no API for it). Funds are taken from the
    fund account. Send a fresh `guid` (a UUID) with every new withdrawal and keep it: it is how the
    withdrawal is fetched and cancelled, and how a retry after a timeout is recognised (see Known
    deviations on reusing a guid).

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWithdrawalRequest,
) -> Response[Error | WithdrawalResponse]:
    """Create a withdrawal

     Sends `amount` of `symbol` to `target_address` on the chain `gateway_name`. Requires the
    "execute withdrawals" scope, and the destination must be on the account's trusted-address list,
    which is managed in BigONE's web interface (there is no API for it). Funds are taken from the
    fund account. Send a fresh `guid` (a UUID) with every new withdrawal and keep it: it is how the
    withdrawal is fetched and cancelled, and how a retry after a timeout is recognised (see Known
    deviations on reusing a guid).

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateWithdrawalRequest,
) -> Error | WithdrawalResponse | None:
    """Create a withdrawal

     Sends `amount` of `symbol` to `target_address` on the chain `gateway_name`. Requires the
    "execute withdrawals" scope, and the destination must be on the account's trusted-address list,
    which is managed in BigONE's web interface (there is no API for it). Funds are taken from the
    fund account. Send a fresh `guid` (a UUID) with every new withdrawal and keep it: it is how the
    withdrawal is fetched and cancelled, and how a retry after a timeout is recognised (see Known
    deviations on reusing a guid).

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
