from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.withdrawal_response import WithdrawalResponse
from ...types import Response


def _get_kwargs(
    guid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/viewer/withdrawals/{guid}".format(
            guid=quote(str(guid), safe=""),
        ),
    }

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
    guid: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | WithdrawalResponse]:
    """Get one withdrawal

     Requires the "view withdrawal history" scope. Unknown guids, and other accounts' guids, are `10013`.

    Args:
        guid (str): The client's identifier for one withdrawal or one transfer, normally a UUID.
            The documentation
            gives no format; this pattern (letters, digits, `-` and `_`, at most 64) is ours, so that
            it fits
            in a path segment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalResponse]
    """

    kwargs = _get_kwargs(
        guid=guid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    guid: str,
    *,
    client: AuthenticatedClient,
) -> Error | WithdrawalResponse | None:
    """Get one withdrawal

     Requires the "view withdrawal history" scope. Unknown guids, and other accounts' guids, are `10013`.

    Args:
        guid (str): The client's identifier for one withdrawal or one transfer, normally a UUID.
            The documentation
            gives no format; this pattern (letters, digits, `-` and `_`, at most 64) is ours, so that
            it fits
            in a path segment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalResponse
    """

    return sync_detailed(
        guid=guid,
        client=client,
    ).parsed


async def asyncio_detailed(
    guid: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | WithdrawalResponse]:
    """Get one withdrawal

     Requires the "view withdrawal history" scope. Unknown guids, and other accounts' guids, are `10013`.

    Args:
        guid (str): The client's identifier for one withdrawal or one transfer, normally a UUID.
            The documentation
            gives no format; this pattern (letters, digits, `-` and `_`, at most 64) is ours, so that
            it fits
            in a path segment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalResponse]
    """

    kwargs = _get_kwargs(
        guid=guid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    guid: str,
    *,
    client: AuthenticatedClient,
) -> Error | WithdrawalResponse | None:
    """Get one withdrawal

     Requires the "view withdrawal history" scope. Unknown guids, and other accounts' guids, are `10013`.

    Args:
        guid (str): The client's identifier for one withdrawal or one transfer, normally a UUID.
            The documentation
            gives no format; this pattern (letters, digits, `-` and `_`, at most 64) is ours, so that
            it fits
            in a path segment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalResponse
    """

    return (
        await asyncio_detailed(
            guid=guid,
            client=client,
        )
    ).parsed
