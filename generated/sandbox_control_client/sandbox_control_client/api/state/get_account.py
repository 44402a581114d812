from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_state import AccountState
from ...models.control_error import ControlError
from ...types import Response


def _get_kwargs(
    account_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/_sandbox/accounts/{account_id}".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountState | ControlError | None:
    if response.status_code == 200:
        response_200 = AccountState.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ControlError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ControlError.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountState | ControlError]:
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
) -> Response[AccountState | ControlError]:
    """Inspect an account

     Balances per asset (available and frozen), whitelisted destinations and key ids of one account.
    Balances of the account's default wallet are under `balances`; providers that keep balances per
    wallet or sub-account (BigONE's fund and spot accounts, kamiPay's addresses, SmartyPay's gas
    wallets) report the others under `wallets`.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountState | ControlError]
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
) -> AccountState | ControlError | None:
    """Inspect an account

     Balances per asset (available and frozen), whitelisted destinations and key ids of one account.
    Balances of the account's default wallet are under `balances`; providers that keep balances per
    wallet or sub-account (BigONE's fund and spot accounts, kamiPay's addresses, SmartyPay's gas
    wallets) report the others under `wallets`.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountState | ControlError
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AccountState | ControlError]:
    """Inspect an account

     Balances per asset (available and frozen), whitelisted destinations and key ids of one account.
    Balances of the account's default wallet are under `balances`; providers that keep balances per
    wallet or sub-account (BigONE's fund and spot accounts, kamiPay's addresses, SmartyPay's gas
    wallets) report the others under `wallets`.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountState | ControlError]
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
) -> AccountState | ControlError | None:
    """Inspect an account

     Balances per asset (available and frozen), whitelisted destinations and key ids of one account.
    Balances of the account's default wallet are under `balances`; providers that keep balances per
    wallet or sub-account (BigONE's fund and spot accounts, kamiPay's addresses, SmartyPay's gas
    wallets) report the others under `wallets`.

    Args:
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountState | ControlError
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
        )
    ).parsed
