from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.withdrawal_list import WithdrawalList
from ...models.withdrawal_search_request import WithdrawalSearchRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WithdrawalSearchRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/withdrawals/search",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | WithdrawalList | None:
    if response.status_code == 200:
        response_200 = WithdrawalList.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | WithdrawalList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WithdrawalSearchRequest | Unset = UNSET,
) -> Response[Error | WithdrawalList]:
    """Search for withdrawals

     One page of the partner's withdrawals, newest first, optionally filtered by the predicates
    (combined with AND). The body may be omitted or empty for the first page of everything.

    Args:
        body (WithdrawalSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalList]
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
    body: WithdrawalSearchRequest | Unset = UNSET,
) -> Error | WithdrawalList | None:
    """Search for withdrawals

     One page of the partner's withdrawals, newest first, optionally filtered by the predicates
    (combined with AND). The body may be omitted or empty for the first page of everything.

    Args:
        body (WithdrawalSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalList
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WithdrawalSearchRequest | Unset = UNSET,
) -> Response[Error | WithdrawalList]:
    """Search for withdrawals

     One page of the partner's withdrawals, newest first, optionally filtered by the predicates
    (combined with AND). The body may be omitted or empty for the first page of everything.

    Args:
        body (WithdrawalSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalList]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WithdrawalSearchRequest | Unset = UNSET,
) -> Error | WithdrawalList | None:
    """Search for withdrawals

     One page of the partner's withdrawals, newest first, optionally filtered by the predicates
    (combined with AND). The body may be omitted or empty for the first page of everything.

    Args:
        body (WithdrawalSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalList
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
