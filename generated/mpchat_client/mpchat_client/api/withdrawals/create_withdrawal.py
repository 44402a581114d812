from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_withdrawal_request import CreateWithdrawalRequest
from ...models.error import Error
from ...models.withdrawal import Withdrawal
from ...types import Response


def _get_kwargs(
    *,
    body: CreateWithdrawalRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/withdrawals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Withdrawal | None:
    if response.status_code == 201:
        response_201 = Withdrawal.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Withdrawal]:
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
) -> Response[Error | Withdrawal]:
    """Create a withdrawal

     Requests a USDT payout. On success the amount is frozen from `available` at once and the
    withdrawal starts in `PENDING`; it then waits for two approvals before it is broadcast.
    The provider documents no idempotency key for this call: after a timeout, reconcile with
    `list_withdrawals` before retrying, or a second payout may be created.

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are not refused (MPChat documents
            no such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Withdrawal]
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
) -> Error | Withdrawal | None:
    """Create a withdrawal

     Requests a USDT payout. On success the amount is frozen from `available` at once and the
    withdrawal starts in `PENDING`; it then waits for two approvals before it is broadcast.
    The provider documents no idempotency key for this call: after a timeout, reconcile with
    `list_withdrawals` before retrying, or a second payout may be created.

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are not refused (MPChat documents
            no such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Withdrawal
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWithdrawalRequest,
) -> Response[Error | Withdrawal]:
    """Create a withdrawal

     Requests a USDT payout. On success the amount is frozen from `available` at once and the
    withdrawal starts in `PENDING`; it then waits for two approvals before it is broadcast.
    The provider documents no idempotency key for this call: after a timeout, reconcile with
    `list_withdrawals` before retrying, or a second payout may be created.

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are not refused (MPChat documents
            no such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Withdrawal]
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
) -> Error | Withdrawal | None:
    """Create a withdrawal

     Requests a USDT payout. On success the amount is frozen from `available` at once and the
    withdrawal starts in `PENDING`; it then waits for two approvals before it is broadcast.
    The provider documents no idempotency key for this call: after a timeout, reconcile with
    `list_withdrawals` before retrying, or a second payout may be created.

    Args:
        body (CreateWithdrawalRequest): Fields not listed here are not refused (MPChat documents
            no such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Withdrawal
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
