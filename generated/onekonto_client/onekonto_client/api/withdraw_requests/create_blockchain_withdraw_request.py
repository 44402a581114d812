from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.blockchain_withdraw_request import BlockchainWithdrawRequest
from ...models.request_errors import RequestErrors
from ...models.status_error import StatusError
from ...models.withdraw_request_created import WithdrawRequestCreated
from ...types import Response


def _get_kwargs(
    account_id: str,
    *,
    body: BlockchainWithdrawRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/accounting/account/{account_id}/request/withdraw/blockchain".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> RequestErrors | StatusError | WithdrawRequestCreated | None:
    if response.status_code == 200:
        response_200 = WithdrawRequestCreated.from_dict(response.json())

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
) -> Response[RequestErrors | StatusError | WithdrawRequestCreated]:
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
    body: BlockchainWithdrawRequest,
) -> Response[RequestErrors | StatusError | WithdrawRequestCreated]:
    """Request a blockchain withdrawal

     Asks for `amount` to be sent to one of the account's whitelisted external wallets. The request
    starts `pending` with the amount locked; it ends `completed`, `canceled` or `rejected`.
    `network` and `address` are optional: without them the wallet is the account's one
    whitelisted wallet that fits what was sent (*inferred*, see the 400 examples). A destination
    that is not whitelisted, or whitelisted on another network, is refused with 400.
    There is no idempotency key: after a timeout, look the request up with
    `list_withdraw_requests` before sending it again.

    Args:
        account_id (str):
        body (BlockchainWithdrawRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RequestErrors | StatusError | WithdrawRequestCreated]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: BlockchainWithdrawRequest,
) -> RequestErrors | StatusError | WithdrawRequestCreated | None:
    """Request a blockchain withdrawal

     Asks for `amount` to be sent to one of the account's whitelisted external wallets. The request
    starts `pending` with the amount locked; it ends `completed`, `canceled` or `rejected`.
    `network` and `address` are optional: without them the wallet is the account's one
    whitelisted wallet that fits what was sent (*inferred*, see the 400 examples). A destination
    that is not whitelisted, or whitelisted on another network, is refused with 400.
    There is no idempotency key: after a timeout, look the request up with
    `list_withdraw_requests` before sending it again.

    Args:
        account_id (str):
        body (BlockchainWithdrawRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RequestErrors | StatusError | WithdrawRequestCreated
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: BlockchainWithdrawRequest,
) -> Response[RequestErrors | StatusError | WithdrawRequestCreated]:
    """Request a blockchain withdrawal

     Asks for `amount` to be sent to one of the account's whitelisted external wallets. The request
    starts `pending` with the amount locked; it ends `completed`, `canceled` or `rejected`.
    `network` and `address` are optional: without them the wallet is the account's one
    whitelisted wallet that fits what was sent (*inferred*, see the 400 examples). A destination
    that is not whitelisted, or whitelisted on another network, is refused with 400.
    There is no idempotency key: after a timeout, look the request up with
    `list_withdraw_requests` before sending it again.

    Args:
        account_id (str):
        body (BlockchainWithdrawRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RequestErrors | StatusError | WithdrawRequestCreated]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: BlockchainWithdrawRequest,
) -> RequestErrors | StatusError | WithdrawRequestCreated | None:
    """Request a blockchain withdrawal

     Asks for `amount` to be sent to one of the account's whitelisted external wallets. The request
    starts `pending` with the amount locked; it ends `completed`, `canceled` or `rejected`.
    `network` and `address` are optional: without them the wallet is the account's one
    whitelisted wallet that fits what was sent (*inferred*, see the 400 examples). A destination
    that is not whitelisted, or whitelisted on another network, is refused with 400.
    There is no idempotency key: after a timeout, look the request up with
    `list_withdraw_requests` before sending it again.

    Args:
        account_id (str):
        body (BlockchainWithdrawRequest): Fields not listed here are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RequestErrors | StatusError | WithdrawRequestCreated
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
        )
    ).parsed
