import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.request_errors import RequestErrors
from ...models.status_error import StatusError
from ...models.transaction_list import TransactionList
from ...models.transaction_type import TransactionType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    max_: str,
    transaction_id: str | Unset = UNSET,
    asset: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    start_at_ordering: int | Unset = UNSET,
    start_time_utc: datetime.datetime | Unset = UNSET,
    end_time_utc: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["max"] = max_

    params["transactionId"] = transaction_id

    params["asset"] = asset

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["startAtOrdering"] = start_at_ordering

    json_start_time_utc: str | Unset = UNSET
    if not isinstance(start_time_utc, Unset):
        json_start_time_utc = start_time_utc.isoformat()
    params["startTimeUtc"] = json_start_time_utc

    json_end_time_utc: str | Unset = UNSET
    if not isinstance(end_time_utc, Unset):
        json_end_time_utc = end_time_utc.isoformat()
    params["endTimeUtc"] = json_end_time_utc

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounting/ledger/{account_id}".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> RequestErrors | StatusError | TransactionList | None:
    if response.status_code == 200:
        response_200 = TransactionList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = RequestErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = StatusError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = StatusError.from_dict(response.json())

        return response_403

    if response.status_code == 500:
        response_500 = StatusError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[RequestErrors | StatusError | TransactionList]:
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
    max_: str,
    transaction_id: str | Unset = UNSET,
    asset: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    start_at_ordering: int | Unset = UNSET,
    start_time_utc: datetime.datetime | Unset = UNSET,
    end_time_utc: datetime.datetime | Unset = UNSET,
) -> Response[RequestErrors | StatusError | TransactionList]:
    """List the account's transactions (its ledger)

     Every movement of the account's funds — deposits, withdrawals, transfers, trades, manual
    adjustments, initial balances — at most `max` of them, in ascending `ordering`. Filters
    combine with AND. To read on from a page, ask again with `startAtOrdering` set to the last
    `ordering` seen plus one; orderings are global to 1Konto, so they grow by at least one from
    one transaction of an account to its next.

    *Inferred*: the response is not shown by the provider (the envelope, the record, the order
    of results and the time window's bounds are this document's reading), and the parameter
    table is cut off after `endTimeUtc`.

    Args:
        account_id (str):
        max_ (str):
        transaction_id (str | Unset):
        asset (str | Unset):
        type_ (TransactionType | Unset): The transaction types the Get Transactions page lists.
            The filter takes exactly these; a
            transaction's `type` may be another string too. A `withdrawal` is the debit of a completed
            withdraw request;
            `initialBalances` the funds an account starts with; `manual` an adjustment by 1Konto.
        start_at_ordering (int | Unset):
        start_time_utc (datetime.datetime | Unset):
        end_time_utc (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RequestErrors | StatusError | TransactionList]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        max_=max_,
        transaction_id=transaction_id,
        asset=asset,
        type_=type_,
        start_at_ordering=start_at_ordering,
        start_time_utc=start_time_utc,
        end_time_utc=end_time_utc,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    max_: str,
    transaction_id: str | Unset = UNSET,
    asset: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    start_at_ordering: int | Unset = UNSET,
    start_time_utc: datetime.datetime | Unset = UNSET,
    end_time_utc: datetime.datetime | Unset = UNSET,
) -> RequestErrors | StatusError | TransactionList | None:
    """List the account's transactions (its ledger)

     Every movement of the account's funds — deposits, withdrawals, transfers, trades, manual
    adjustments, initial balances — at most `max` of them, in ascending `ordering`. Filters
    combine with AND. To read on from a page, ask again with `startAtOrdering` set to the last
    `ordering` seen plus one; orderings are global to 1Konto, so they grow by at least one from
    one transaction of an account to its next.

    *Inferred*: the response is not shown by the provider (the envelope, the record, the order
    of results and the time window's bounds are this document's reading), and the parameter
    table is cut off after `endTimeUtc`.

    Args:
        account_id (str):
        max_ (str):
        transaction_id (str | Unset):
        asset (str | Unset):
        type_ (TransactionType | Unset): The transaction types the Get Transactions page lists.
            The filter takes exactly these; a
            transaction's `type` may be another string too. A `withdrawal` is the debit of a completed
            withdraw request;
            `initialBalances` the funds an account starts with; `manual` an adjustment by 1Konto.
        start_at_ordering (int | Unset):
        start_time_utc (datetime.datetime | Unset):
        end_time_utc (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RequestErrors | StatusError | TransactionList
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        max_=max_,
        transaction_id=transaction_id,
        asset=asset,
        type_=type_,
        start_at_ordering=start_at_ordering,
        start_time_utc=start_time_utc,
        end_time_utc=end_time_utc,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    max_: str,
    transaction_id: str | Unset = UNSET,
    asset: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    start_at_ordering: int | Unset = UNSET,
    start_time_utc: datetime.datetime | Unset = UNSET,
    end_time_utc: datetime.datetime | Unset = UNSET,
) -> Response[RequestErrors | StatusError | TransactionList]:
    """List the account's transactions (its ledger)

     Every movement of the account's funds — deposits, withdrawals, transfers, trades, manual
    adjustments, initial balances — at most `max` of them, in ascending `ordering`. Filters
    combine with AND. To read on from a page, ask again with `startAtOrdering` set to the last
    `ordering` seen plus one; orderings are global to 1Konto, so they grow by at least one from
    one transaction of an account to its next.

    *Inferred*: the response is not shown by the provider (the envelope, the record, the order
    of results and the time window's bounds are this document's reading), and the parameter
    table is cut off after `endTimeUtc`.

    Args:
        account_id (str):
        max_ (str):
        transaction_id (str | Unset):
        asset (str | Unset):
        type_ (TransactionType | Unset): The transaction types the Get Transactions page lists.
            The filter takes exactly these; a
            transaction's `type` may be another string too. A `withdrawal` is the debit of a completed
            withdraw request;
            `initialBalances` the funds an account starts with; `manual` an adjustment by 1Konto.
        start_at_ordering (int | Unset):
        start_time_utc (datetime.datetime | Unset):
        end_time_utc (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RequestErrors | StatusError | TransactionList]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        max_=max_,
        transaction_id=transaction_id,
        asset=asset,
        type_=type_,
        start_at_ordering=start_at_ordering,
        start_time_utc=start_time_utc,
        end_time_utc=end_time_utc,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    max_: str,
    transaction_id: str | Unset = UNSET,
    asset: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    start_at_ordering: int | Unset = UNSET,
    start_time_utc: datetime.datetime | Unset = UNSET,
    end_time_utc: datetime.datetime | Unset = UNSET,
) -> RequestErrors | StatusError | TransactionList | None:
    """List the account's transactions (its ledger)

     Every movement of the account's funds — deposits, withdrawals, transfers, trades, manual
    adjustments, initial balances — at most `max` of them, in ascending `ordering`. Filters
    combine with AND. To read on from a page, ask again with `startAtOrdering` set to the last
    `ordering` seen plus one; orderings are global to 1Konto, so they grow by at least one from
    one transaction of an account to its next.

    *Inferred*: the response is not shown by the provider (the envelope, the record, the order
    of results and the time window's bounds are this document's reading), and the parameter
    table is cut off after `endTimeUtc`.

    Args:
        account_id (str):
        max_ (str):
        transaction_id (str | Unset):
        asset (str | Unset):
        type_ (TransactionType | Unset): The transaction types the Get Transactions page lists.
            The filter takes exactly these; a
            transaction's `type` may be another string too. A `withdrawal` is the debit of a completed
            withdraw request;
            `initialBalances` the funds an account starts with; `manual` an adjustment by 1Konto.
        start_at_ordering (int | Unset):
        start_time_utc (datetime.datetime | Unset):
        end_time_utc (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RequestErrors | StatusError | TransactionList
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            max_=max_,
            transaction_id=transaction_id,
            asset=asset,
            type_=type_,
            start_at_ordering=start_at_ordering,
            start_time_utc=start_time_utc,
            end_time_utc=end_time_utc,
        )
    ).parsed
