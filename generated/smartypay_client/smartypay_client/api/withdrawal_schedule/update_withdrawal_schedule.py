from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.withdrawal_schedule import WithdrawalSchedule
from ...types import Response


def _get_kwargs(
    merchant_id: str,
    *,
    body: WithdrawalSchedule,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/merchants/{merchant_id}/withdrawal-schedule".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | WithdrawalSchedule | None:
    if response.status_code == 200:
        response_200 = WithdrawalSchedule.from_dict(response.json())

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
) -> Response[Error | WithdrawalSchedule]:
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
    body: WithdrawalSchedule,
) -> Response[Error | WithdrawalSchedule]:
    """Update the withdrawal schedule

     Replaces the schedule. On the first day of each week or month, every currency whose balance is at
    least `unifiedMinAmount` is swept. A negative or non-numeric `unifiedMinAmount` is refused with
    `UnifiedMinAmountInvalid`.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).
        body (WithdrawalSchedule): The automatic sweep configuration. Both fields must be set (the
            withdrawals guide: "the following
            parameters must be set"). The provider says the object may carry parameters it does not
            document,
            to be disregarded; the schema is open, in requests too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalSchedule]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    merchant_id: str,
    *,
    client: AuthenticatedClient,
    body: WithdrawalSchedule,
) -> Error | WithdrawalSchedule | None:
    """Update the withdrawal schedule

     Replaces the schedule. On the first day of each week or month, every currency whose balance is at
    least `unifiedMinAmount` is swept. A negative or non-numeric `unifiedMinAmount` is refused with
    `UnifiedMinAmountInvalid`.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).
        body (WithdrawalSchedule): The automatic sweep configuration. Both fields must be set (the
            withdrawals guide: "the following
            parameters must be set"). The provider says the object may carry parameters it does not
            document,
            to be disregarded; the schema is open, in requests too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalSchedule
    """

    return sync_detailed(
        merchant_id=merchant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    merchant_id: str,
    *,
    client: AuthenticatedClient,
    body: WithdrawalSchedule,
) -> Response[Error | WithdrawalSchedule]:
    """Update the withdrawal schedule

     Replaces the schedule. On the first day of each week or month, every currency whose balance is at
    least `unifiedMinAmount` is swept. A negative or non-numeric `unifiedMinAmount` is refused with
    `UnifiedMinAmountInvalid`.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).
        body (WithdrawalSchedule): The automatic sweep configuration. Both fields must be set (the
            withdrawals guide: "the following
            parameters must be set"). The provider says the object may carry parameters it does not
            document,
            to be disregarded; the schema is open, in requests too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalSchedule]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    merchant_id: str,
    *,
    client: AuthenticatedClient,
    body: WithdrawalSchedule,
) -> Error | WithdrawalSchedule | None:
    """Update the withdrawal schedule

     Replaces the schedule. On the first day of each week or month, every currency whose balance is at
    least `unifiedMinAmount` is swept. A negative or non-numeric `unifiedMinAmount` is refused with
    `UnifiedMinAmountInvalid`.

    Args:
        merchant_id (str): A SMARTy Pay identifier (22 alphanumeric characters in every example).
        body (WithdrawalSchedule): The automatic sweep configuration. Both fields must be set (the
            withdrawals guide: "the following
            parameters must be set"). The provider says the object may carry parameters it does not
            document,
            to be disregarded; the schema is open, in requests too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalSchedule
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
            body=body,
        )
    ).parsed
