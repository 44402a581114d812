from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.withdrawal_kind import WithdrawalKind
from ...models.withdrawal_page import WithdrawalPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_token: str | Unset = UNSET,
    limit: str | Unset = "50",
    kind: WithdrawalKind | Unset = UNSET,
    asset_symbol: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_token"] = page_token

    params["limit"] = limit

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["asset_symbol"] = asset_symbol

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/viewer/withdrawals",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | WithdrawalPage | None:
    if response.status_code == 200:
        response_200 = WithdrawalPage.from_dict(response.json())

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
) -> Response[Error | WithdrawalPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page_token: str | Unset = UNSET,
    limit: str | Unset = "50",
    kind: WithdrawalKind | Unset = UNSET,
    asset_symbol: str | Unset = UNSET,
) -> Response[Error | WithdrawalPage]:
    """List withdrawals

     Returns the account's withdrawals newest first, `limit` at a time. Pass the answer's
    `page_token` back to get the next (older) page. Requires the "view withdrawal history" scope.
    The documentation does not say how the last page is marked; treat a missing or empty
    `page_token`, or an empty `data`, as the end.

    Args:
        page_token (str | Unset):
        limit (str | Unset):  Default: '50'.
        kind (WithdrawalKind | Unset): `on_chain` is a blockchain transaction, `off_chain` a
            transfer on an off-chain network (such as
            Mixin), `internal` a transfer to another BigONE user. The list filter takes exactly these;
            a
            withdrawal may carry a kind added later.
        asset_symbol (str | Unset): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalPage]
    """

    kwargs = _get_kwargs(
        page_token=page_token,
        limit=limit,
        kind=kind,
        asset_symbol=asset_symbol,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page_token: str | Unset = UNSET,
    limit: str | Unset = "50",
    kind: WithdrawalKind | Unset = UNSET,
    asset_symbol: str | Unset = UNSET,
) -> Error | WithdrawalPage | None:
    """List withdrawals

     Returns the account's withdrawals newest first, `limit` at a time. Pass the answer's
    `page_token` back to get the next (older) page. Requires the "view withdrawal history" scope.
    The documentation does not say how the last page is marked; treat a missing or empty
    `page_token`, or an empty `data`, as the end.

    Args:
        page_token (str | Unset):
        limit (str | Unset):  Default: '50'.
        kind (WithdrawalKind | Unset): `on_chain` is a blockchain transaction, `off_chain` a
            transfer on an off-chain network (such as
            Mixin), `internal` a transfer to another BigONE user. The list filter takes exactly these;
            a
            withdrawal may carry a kind added later.
        asset_symbol (str | Unset): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalPage
    """

    return sync_detailed(
        client=client,
        page_token=page_token,
        limit=limit,
        kind=kind,
        asset_symbol=asset_symbol,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_token: str | Unset = UNSET,
    limit: str | Unset = "50",
    kind: WithdrawalKind | Unset = UNSET,
    asset_symbol: str | Unset = UNSET,
) -> Response[Error | WithdrawalPage]:
    """List withdrawals

     Returns the account's withdrawals newest first, `limit` at a time. Pass the answer's
    `page_token` back to get the next (older) page. Requires the "view withdrawal history" scope.
    The documentation does not say how the last page is marked; treat a missing or empty
    `page_token`, or an empty `data`, as the end.

    Args:
        page_token (str | Unset):
        limit (str | Unset):  Default: '50'.
        kind (WithdrawalKind | Unset): `on_chain` is a blockchain transaction, `off_chain` a
            transfer on an off-chain network (such as
            Mixin), `internal` a transfer to another BigONE user. The list filter takes exactly these;
            a
            withdrawal may carry a kind added later.
        asset_symbol (str | Unset): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | WithdrawalPage]
    """

    kwargs = _get_kwargs(
        page_token=page_token,
        limit=limit,
        kind=kind,
        asset_symbol=asset_symbol,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_token: str | Unset = UNSET,
    limit: str | Unset = "50",
    kind: WithdrawalKind | Unset = UNSET,
    asset_symbol: str | Unset = UNSET,
) -> Error | WithdrawalPage | None:
    """List withdrawals

     Returns the account's withdrawals newest first, `limit` at a time. Pass the answer's
    `page_token` back to get the next (older) page. Requires the "view withdrawal history" scope.
    The documentation does not say how the last page is marked; treat a missing or empty
    `page_token`, or an empty `data`, as the end.

    Args:
        page_token (str | Unset):
        limit (str | Unset):  Default: '50'.
        kind (WithdrawalKind | Unset): `on_chain` is a blockchain transaction, `off_chain` a
            transfer on an off-chain network (such as
            Mixin), `internal` a transfer to another BigONE user. The list filter takes exactly these;
            a
            withdrawal may carry a kind added later.
        asset_symbol (str | Unset): An asset's ticker symbol, e.g. `BTC`, `USDT`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | WithdrawalPage
    """

    return (
        await asyncio_detailed(
            client=client,
            page_token=page_token,
            limit=limit,
            kind=kind,
            asset_symbol=asset_symbol,
        )
    ).parsed
