from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.merchant_list import MerchantList
from ...models.merchant_search_request import MerchantSearchRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MerchantSearchRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/merchants/search",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MerchantList | None:
    if response.status_code == 200:
        response_200 = MerchantList.from_dict(response.json())

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
) -> Response[Error | MerchantList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MerchantSearchRequest | Unset = UNSET,
) -> Response[Error | MerchantList]:
    """Search for merchants

     One page of the partner's merchants, optionally filtered by a part of the name (case-insensitive).
    Merchants are created in the Partner UI; this search is how a partner learns their ids. The body
    may be omitted or empty for the first page of every merchant.

    Args:
        body (MerchantSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MerchantList]
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
    body: MerchantSearchRequest | Unset = UNSET,
) -> Error | MerchantList | None:
    """Search for merchants

     One page of the partner's merchants, optionally filtered by a part of the name (case-insensitive).
    Merchants are created in the Partner UI; this search is how a partner learns their ids. The body
    may be omitted or empty for the first page of every merchant.

    Args:
        body (MerchantSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MerchantList
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MerchantSearchRequest | Unset = UNSET,
) -> Response[Error | MerchantList]:
    """Search for merchants

     One page of the partner's merchants, optionally filtered by a part of the name (case-insensitive).
    Merchants are created in the Partner UI; this search is how a partner learns their ids. The body
    may be omitted or empty for the first page of every merchant.

    Args:
        body (MerchantSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MerchantList]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MerchantSearchRequest | Unset = UNSET,
) -> Error | MerchantList | None:
    """Search for merchants

     One page of the partner's merchants, optionally filtered by a part of the name (case-insensitive).
    Merchants are created in the Partner UI; this search is how a partner learns their ids. The body
    may be omitted or empty for the first page of every merchant.

    Args:
        body (MerchantSearchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MerchantList
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
