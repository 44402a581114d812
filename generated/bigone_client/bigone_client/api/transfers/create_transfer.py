from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_transfer_request import CreateTransferRequest
from ...models.error import Error
from ...models.transfer_response import TransferResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTransferRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/viewer/transfer",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TransferResponse | None:
    if response.status_code == 200:
        response_200 = TransferResponse.from_dict(response.json())

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
) -> Response[Error | TransferResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTransferRequest,
) -> Response[Error | TransferResponse]:
    """Move an asset between your own accounts

     Moves `amount` of `symbol` from one of your accounts (`from`) to another (`to`): the fund
    account withdrawals are taken from, the spot account trading uses, and the contract account.
    This is how funds that sit in spot reach the fund account before a withdrawal. The transfer is
    immediate and free, and the answer carries no data; read the balances to see it.

    `guid` is required and names the transfer: send a fresh UUID each time and store it first. A
    master account can also move funds to and from its sub-accounts (`type` other than `NORMAL`,
    with `sub_account` naming one); `sub_account` must be left out for `NORMAL`.

    The page asks for the "view account balance information" scope, not a withdrawal scope; that
    is what it says, and what this document follows.

    Args:
        body (CreateTransferRequest): Fields not listed here are ignored. `sub_account` goes with
            a `type` other than `NORMAL` and
            only with one (the transfer page); `from` and `to` name two different accounts (inferred:
            a
            transfer to the account it leaves would move nothing, and our emulator refuses it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TransferResponse]
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
    body: CreateTransferRequest,
) -> Error | TransferResponse | None:
    """Move an asset between your own accounts

     Moves `amount` of `symbol` from one of your accounts (`from`) to another (`to`): the fund
    account withdrawals are taken from, the spot account trading uses, and the contract account.
    This is how funds that sit in spot reach the fund account before a withdrawal. The transfer is
    immediate and free, and the answer carries no data; read the balances to see it.

    `guid` is required and names the transfer: send a fresh UUID each time and store it first. A
    master account can also move funds to and from its sub-accounts (`type` other than `NORMAL`,
    with `sub_account` naming one); `sub_account` must be left out for `NORMAL`.

    The page asks for the "view account balance information" scope, not a withdrawal scope; that
    is what it says, and what this document follows.

    Args:
        body (CreateTransferRequest): Fields not listed here are ignored. `sub_account` goes with
            a `type` other than `NORMAL` and
            only with one (the transfer page); `from` and `to` name two different accounts (inferred:
            a
            transfer to the account it leaves would move nothing, and our emulator refuses it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TransferResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTransferRequest,
) -> Response[Error | TransferResponse]:
    """Move an asset between your own accounts

     Moves `amount` of `symbol` from one of your accounts (`from`) to another (`to`): the fund
    account withdrawals are taken from, the spot account trading uses, and the contract account.
    This is how funds that sit in spot reach the fund account before a withdrawal. The transfer is
    immediate and free, and the answer carries no data; read the balances to see it.

    `guid` is required and names the transfer: send a fresh UUID each time and store it first. A
    master account can also move funds to and from its sub-accounts (`type` other than `NORMAL`,
    with `sub_account` naming one); `sub_account` must be left out for `NORMAL`.

    The page asks for the "view account balance information" scope, not a withdrawal scope; that
    is what it says, and what this document follows.

    Args:
        body (CreateTransferRequest): Fields not listed here are ignored. `sub_account` goes with
            a `type` other than `NORMAL` and
            only with one (the transfer page); `from` and `to` name two different accounts (inferred:
            a
            transfer to the account it leaves would move nothing, and our emulator refuses it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TransferResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateTransferRequest,
) -> Error | TransferResponse | None:
    """Move an asset between your own accounts

     Moves `amount` of `symbol` from one of your accounts (`from`) to another (`to`): the fund
    account withdrawals are taken from, the spot account trading uses, and the contract account.
    This is how funds that sit in spot reach the fund account before a withdrawal. The transfer is
    immediate and free, and the answer carries no data; read the balances to see it.

    `guid` is required and names the transfer: send a fresh UUID each time and store it first. A
    master account can also move funds to and from its sub-accounts (`type` other than `NORMAL`,
    with `sub_account` naming one); `sub_account` must be left out for `NORMAL`.

    The page asks for the "view account balance information" scope, not a withdrawal scope; that
    is what it says, and what this document follows.

    Args:
        body (CreateTransferRequest): Fields not listed here are ignored. `sub_account` goes with
            a `type` other than `NORMAL` and
            only with one (the transfer page); `from` and `to` name two different accounts (inferred:
            a
            transfer to the account it leaves would move nothing, and our emulator refuses it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TransferResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
