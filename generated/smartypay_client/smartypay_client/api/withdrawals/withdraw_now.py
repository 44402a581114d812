from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.withdraw_now_request import WithdrawNowRequest
from ...models.withdraw_now_response import WithdrawNowResponse
from ...types import Response


def _get_kwargs(
    *,
    body: WithdrawNowRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/withdrawals/withdraw-now",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WithdrawNowResponse | None:
    if response.status_code == 200:
        response_200 = WithdrawNowResponse.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | WithdrawNowResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WithdrawNowRequest,
) -> Response[Error | WithdrawNowResponse]:
    """Trigger a withdrawal

     Asks for every accumulated token of `currency` to be swept to the merchant's confirmed address.
    The answer is a withdrawal *intent* for the nearest processing slot (`processAt`), usually minutes
    away and rarely hours; the withdrawal itself appears when the slot runs. There is no amount and no
    destination parameter, and no idempotency key: while an intent for the currency is still
    `Pending`, asking again returns that intent (our emulator's reading, see Known deviations).
    `currency` takes the codes of the provider's current model (`Currency`); when the provider
    adds a code, a new version of this document lists it.

    Args:
        body (WithdrawNowRequest): The two documented required attributes; fields not listed here
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawNowResponse]
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
    body: WithdrawNowRequest,
) -> Error | WithdrawNowResponse | None:
    """Trigger a withdrawal

     Asks for every accumulated token of `currency` to be swept to the merchant's confirmed address.
    The answer is a withdrawal *intent* for the nearest processing slot (`processAt`), usually minutes
    away and rarely hours; the withdrawal itself appears when the slot runs. There is no amount and no
    destination parameter, and no idempotency key: while an intent for the currency is still
    `Pending`, asking again returns that intent (our emulator's reading, see Known deviations).
    `currency` takes the codes of the provider's current model (`Currency`); when the provider
    adds a code, a new version of this document lists it.

    Args:
        body (WithdrawNowRequest): The two documented required attributes; fields not listed here
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawNowResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WithdrawNowRequest,
) -> Response[Error | WithdrawNowResponse]:
    """Trigger a withdrawal

     Asks for every accumulated token of `currency` to be swept to the merchant's confirmed address.
    The answer is a withdrawal *intent* for the nearest processing slot (`processAt`), usually minutes
    away and rarely hours; the withdrawal itself appears when the slot runs. There is no amount and no
    destination parameter, and no idempotency key: while an intent for the currency is still
    `Pending`, asking again returns that intent (our emulator's reading, see Known deviations).
    `currency` takes the codes of the provider's current model (`Currency`); when the provider
    adds a code, a new version of this document lists it.

    Args:
        body (WithdrawNowRequest): The two documented required attributes; fields not listed here
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawNowResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WithdrawNowRequest,
) -> Error | WithdrawNowResponse | None:
    """Trigger a withdrawal

     Asks for every accumulated token of `currency` to be swept to the merchant's confirmed address.
    The answer is a withdrawal *intent* for the nearest processing slot (`processAt`), usually minutes
    away and rarely hours; the withdrawal itself appears when the slot runs. There is no amount and no
    destination parameter, and no idempotency key: while an intent for the currency is still
    `Pending`, asking again returns that intent (our emulator's reading, see Known deviations).
    `currency` takes the codes of the provider's current model (`Currency`); when the provider
    adds a code, a new version of this document lists it.

    Args:
        body (WithdrawNowRequest): The two documented required attributes; fields not listed here
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawNowResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
