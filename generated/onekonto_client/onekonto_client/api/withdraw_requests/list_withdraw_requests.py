from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.request_errors import RequestErrors
from ...models.request_status import RequestStatus
from ...models.status_error import StatusError
from ...models.withdraw_request_list import WithdrawRequestList
from ...models.withdraw_type import WithdrawType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    max_: int | Unset = 100,
    status: RequestStatus | Unset = UNSET,
    withdraw_request_id: str | Unset = UNSET,
    network: str | Unset = UNSET,
    type_: WithdrawType | Unset = UNSET,
    amount: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["max"] = max_

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["withdrawRequestId"] = withdraw_request_id

    params["network"] = network

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["amount"] = amount

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounting/account/{account_id}/request/withdraw".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> RequestErrors | StatusError | WithdrawRequestList | None:
    if response.status_code == 200:
        response_200 = WithdrawRequestList.from_dict(response.json())

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
) -> Response[RequestErrors | StatusError | WithdrawRequestList]:
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
    max_: int | Unset = 100,
    status: RequestStatus | Unset = UNSET,
    withdraw_request_id: str | Unset = UNSET,
    network: str | Unset = UNSET,
    type_: WithdrawType | Unset = UNSET,
    amount: str | Unset = UNSET,
) -> Response[RequestErrors | StatusError | WithdrawRequestList]:
    """Query withdraw requests

     The account's blockchain and fiat withdraw requests with their status, newest first, at most
    `max` of them. Every filter is optional and they combine with AND. The response body is not
    shown by the provider; the envelope and the record are *inferred*. No cursor is documented.

    Args:
        account_id (str):
        max_ (int | Unset):  Default: 100.
        status (RequestStatus | Unset): The documented withdraw-request statuses. The query filter
            takes exactly these; a request's
            `requestStatus` may be another string too: 1Konto may add statuses, and a client should
            treat
            one it does not know as still open.
            - `pending`: accepted, waiting to be processed; the amount is locked.
            - `completed`: paid out; the amount has left the account (terminal).
            - `canceled`: withdrawn before processing; the amount is free again (terminal).
            - `rejected`: refused by 1Konto; the amount is free again (terminal).
            - `invalid`: listed by the docs without a meaning; it reads as the unset default of the
            enum.
            What happens to the funds is not documented; the notes above are the withdrawal-apis
            reading.
        withdraw_request_id (str | Unset):
        network (str | Unset):
        type_ (WithdrawType | Unset): The kind of a withdraw request: `blockchain`, or the fiat
            transfer method. The query page lists
            `unknown, fedwire, blockchain, rtp, etc.`; the other fiat methods come from the fiat page.
            The query filter takes exactly these; a request's `type` may be another string too.
        amount (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RequestErrors | StatusError | WithdrawRequestList]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        max_=max_,
        status=status,
        withdraw_request_id=withdraw_request_id,
        network=network,
        type_=type_,
        amount=amount,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    max_: int | Unset = 100,
    status: RequestStatus | Unset = UNSET,
    withdraw_request_id: str | Unset = UNSET,
    network: str | Unset = UNSET,
    type_: WithdrawType | Unset = UNSET,
    amount: str | Unset = UNSET,
) -> RequestErrors | StatusError | WithdrawRequestList | None:
    """Query withdraw requests

     The account's blockchain and fiat withdraw requests with their status, newest first, at most
    `max` of them. Every filter is optional and they combine with AND. The response body is not
    shown by the provider; the envelope and the record are *inferred*. No cursor is documented.

    Args:
        account_id (str):
        max_ (int | Unset):  Default: 100.
        status (RequestStatus | Unset): The documented withdraw-request statuses. The query filter
            takes exactly these; a request's
            `requestStatus` may be another string too: 1Konto may add statuses, and a client should
            treat
            one it does not know as still open.
            - `pending`: accepted, waiting to be processed; the amount is locked.
            - `completed`: paid out; the amount has left the account (terminal).
            - `canceled`: withdrawn before processing; the amount is free again (terminal).
            - `rejected`: refused by 1Konto; the amount is free again (terminal).
            - `invalid`: listed by the docs without a meaning; it reads as the unset default of the
            enum.
            What happens to the funds is not documented; the notes above are the withdrawal-apis
            reading.
        withdraw_request_id (str | Unset):
        network (str | Unset):
        type_ (WithdrawType | Unset): The kind of a withdraw request: `blockchain`, or the fiat
            transfer method. The query page lists
            `unknown, fedwire, blockchain, rtp, etc.`; the other fiat methods come from the fiat page.
            The query filter takes exactly these; a request's `type` may be another string too.
        amount (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RequestErrors | StatusError | WithdrawRequestList
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        max_=max_,
        status=status,
        withdraw_request_id=withdraw_request_id,
        network=network,
        type_=type_,
        amount=amount,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    max_: int | Unset = 100,
    status: RequestStatus | Unset = UNSET,
    withdraw_request_id: str | Unset = UNSET,
    network: str | Unset = UNSET,
    type_: WithdrawType | Unset = UNSET,
    amount: str | Unset = UNSET,
) -> Response[RequestErrors | StatusError | WithdrawRequestList]:
    """Query withdraw requests

     The account's blockchain and fiat withdraw requests with their status, newest first, at most
    `max` of them. Every filter is optional and they combine with AND. The response body is not
    shown by the provider; the envelope and the record are *inferred*. No cursor is documented.

    Args:
        account_id (str):
        max_ (int | Unset):  Default: 100.
        status (RequestStatus | Unset): The documented withdraw-request statuses. The query filter
            takes exactly these; a request's
            `requestStatus` may be another string too: 1Konto may add statuses, and a client should
            treat
            one it does not know as still open.
            - `pending`: accepted, waiting to be processed; the amount is locked.
            - `completed`: paid out; the amount has left the account (terminal).
            - `canceled`: withdrawn before processing; the amount is free again (terminal).
            - `rejected`: refused by 1Konto; the amount is free again (terminal).
            - `invalid`: listed by the docs without a meaning; it reads as the unset default of the
            enum.
            What happens to the funds is not documented; the notes above are the withdrawal-apis
            reading.
        withdraw_request_id (str | Unset):
        network (str | Unset):
        type_ (WithdrawType | Unset): The kind of a withdraw request: `blockchain`, or the fiat
            transfer method. The query page lists
            `unknown, fedwire, blockchain, rtp, etc.`; the other fiat methods come from the fiat page.
            The query filter takes exactly these; a request's `type` may be another string too.
        amount (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RequestErrors | StatusError | WithdrawRequestList]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        max_=max_,
        status=status,
        withdraw_request_id=withdraw_request_id,
        network=network,
        type_=type_,
        amount=amount,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    max_: int | Unset = 100,
    status: RequestStatus | Unset = UNSET,
    withdraw_request_id: str | Unset = UNSET,
    network: str | Unset = UNSET,
    type_: WithdrawType | Unset = UNSET,
    amount: str | Unset = UNSET,
) -> RequestErrors | StatusError | WithdrawRequestList | None:
    """Query withdraw requests

     The account's blockchain and fiat withdraw requests with their status, newest first, at most
    `max` of them. Every filter is optional and they combine with AND. The response body is not
    shown by the provider; the envelope and the record are *inferred*. No cursor is documented.

    Args:
        account_id (str):
        max_ (int | Unset):  Default: 100.
        status (RequestStatus | Unset): The documented withdraw-request statuses. The query filter
            takes exactly these; a request's
            `requestStatus` may be another string too: 1Konto may add statuses, and a client should
            treat
            one it does not know as still open.
            - `pending`: accepted, waiting to be processed; the amount is locked.
            - `completed`: paid out; the amount has left the account (terminal).
            - `canceled`: withdrawn before processing; the amount is free again (terminal).
            - `rejected`: refused by 1Konto; the amount is free again (terminal).
            - `invalid`: listed by the docs without a meaning; it reads as the unset default of the
            enum.
            What happens to the funds is not documented; the notes above are the withdrawal-apis
            reading.
        withdraw_request_id (str | Unset):
        network (str | Unset):
        type_ (WithdrawType | Unset): The kind of a withdraw request: `blockchain`, or the fiat
            transfer method. The query page lists
            `unknown, fedwire, blockchain, rtp, etc.`; the other fiat methods come from the fiat page.
            The query filter takes exactly these; a request's `type` may be another string too.
        amount (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RequestErrors | StatusError | WithdrawRequestList
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            max_=max_,
            status=status,
            withdraw_request_id=withdraw_request_id,
            network=network,
            type_=type_,
            amount=amount,
        )
    ).parsed
