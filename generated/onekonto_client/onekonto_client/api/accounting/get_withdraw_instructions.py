from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.status_error import StatusError
from ...models.transfer_instructions import TransferInstructions
from ...types import Response


def _get_kwargs(
    account_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/accounting/account/{account_id}/request/withdraw-instructions".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> StatusError | TransferInstructions | None:
    if response.status_code == 200:
        response_200 = TransferInstructions.from_dict(response.json())

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
) -> Response[StatusError | TransferInstructions]:
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
) -> Response[StatusError | TransferInstructions]:
    """Get withdraw instructions (path inferred)

     The account's whitelisted destinations: external wallets (`assetType: blockchain`) and bank
    accounts (`assetType: fiat`). Withdraw requests may only go to these.

    *Inferred*: the provider's page for this operation could not be read. The path follows the
    deposit-instructions path, and the response mirrors the deposit-instructions response
    (linked below) with the destinations in place of 1Konto's own deposit details.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[StatusError | TransferInstructions]
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
) -> StatusError | TransferInstructions | None:
    """Get withdraw instructions (path inferred)

     The account's whitelisted destinations: external wallets (`assetType: blockchain`) and bank
    accounts (`assetType: fiat`). Withdraw requests may only go to these.

    *Inferred*: the provider's page for this operation could not be read. The path follows the
    deposit-instructions path, and the response mirrors the deposit-instructions response
    (linked below) with the destinations in place of 1Konto's own deposit details.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        StatusError | TransferInstructions
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[StatusError | TransferInstructions]:
    """Get withdraw instructions (path inferred)

     The account's whitelisted destinations: external wallets (`assetType: blockchain`) and bank
    accounts (`assetType: fiat`). Withdraw requests may only go to these.

    *Inferred*: the provider's page for this operation could not be read. The path follows the
    deposit-instructions path, and the response mirrors the deposit-instructions response
    (linked below) with the destinations in place of 1Konto's own deposit details.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[StatusError | TransferInstructions]
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
) -> StatusError | TransferInstructions | None:
    """Get withdraw instructions (path inferred)

     The account's whitelisted destinations: external wallets (`assetType: blockchain`) and bank
    accounts (`assetType: fiat`). Withdraw requests may only go to these.

    *Inferred*: the provider's page for this operation could not be read. The path follows the
    deposit-instructions path, and the response mirrors the deposit-instructions response
    (linked below) with the destinations in place of 1Konto's own deposit details.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        StatusError | TransferInstructions
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
        )
    ).parsed
