from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_credit_response import AccountCreditResponse
from ...models.status_error import StatusError
from ...types import Response


def _get_kwargs(
    account_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounting/account/{account_id}/portfolio".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountCreditResponse | StatusError | None:
    if response.status_code == 200:
        response_200 = AccountCreditResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = StatusError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = StatusError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = StatusError.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = StatusError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountCreditResponse | StatusError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AccountCreditResponse | StatusError]:
    """Get the account's funds and credit per asset

     Per asset, the account's own funds (`totalFunds`, `availableFunds`, `lockedFunds`), its credit
    line (`totalCredit`, `availableCredit`, `usedCredit`) and what it can trade with both
    (`availableToTrade`). Figures are JSON numbers. One revision of the page adds the totals in a
    notional asset (`notationalAsset`, `notionalTotals`).

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCreditResponse | StatusError]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
) -> AccountCreditResponse | StatusError | None:
    """Get the account's funds and credit per asset

     Per asset, the account's own funds (`totalFunds`, `availableFunds`, `lockedFunds`), its credit
    line (`totalCredit`, `availableCredit`, `usedCredit`) and what it can trade with both
    (`availableToTrade`). Figures are JSON numbers. One revision of the page adds the totals in a
    notional asset (`notationalAsset`, `notionalTotals`).

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCreditResponse | StatusError
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AccountCreditResponse | StatusError]:
    """Get the account's funds and credit per asset

     Per asset, the account's own funds (`totalFunds`, `availableFunds`, `lockedFunds`), its credit
    line (`totalCredit`, `availableCredit`, `usedCredit`) and what it can trade with both
    (`availableToTrade`). Figures are JSON numbers. One revision of the page adds the totals in a
    notional asset (`notationalAsset`, `notionalTotals`).

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCreditResponse | StatusError]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
) -> AccountCreditResponse | StatusError | None:
    """Get the account's funds and credit per asset

     Per asset, the account's own funds (`totalFunds`, `availableFunds`, `lockedFunds`), its credit
    line (`totalCredit`, `availableCredit`, `usedCredit`) and what it can trade with both
    (`availableToTrade`). Figures are JSON numbers. One revision of the page adds the totals in a
    notional asset (`notationalAsset`, `notionalTotals`).

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCreditResponse | StatusError
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
        )
    ).parsed
