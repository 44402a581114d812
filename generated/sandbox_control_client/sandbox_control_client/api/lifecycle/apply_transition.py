from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.control_error import ControlError
from ...models.transition_request import TransitionRequest
from ...models.withdrawal_state import WithdrawalState
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: TransitionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_sandbox/withdrawals/{id}/transitions".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ControlError | WithdrawalState | None:
    if response.status_code == 200:
        response_200 = WithdrawalState.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ControlError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ControlError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ControlError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ControlError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ControlError.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ControlError | WithdrawalState]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> Response[ControlError | WithdrawalState]:
    """Apply a named transition

     Moves the withdrawal along its provider's state machine (for example `approve_level1`,
    `reject`, `fail`, `complete`). Money moves with the transition: a release returns the held
    amount to available, a settlement removes it and writes the ledger debit. The document an
    emulator serves at `/_sandbox/openapi.json` lists its provider's transitions as an enum.

    Args:
        id (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | WithdrawalState]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> ControlError | WithdrawalState | None:
    """Apply a named transition

     Moves the withdrawal along its provider's state machine (for example `approve_level1`,
    `reject`, `fail`, `complete`). Money moves with the transition: a release returns the held
    amount to available, a settlement removes it and writes the ledger debit. The document an
    emulator serves at `/_sandbox/openapi.json` lists its provider's transitions as an enum.

    Args:
        id (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | WithdrawalState
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> Response[ControlError | WithdrawalState]:
    """Apply a named transition

     Moves the withdrawal along its provider's state machine (for example `approve_level1`,
    `reject`, `fail`, `complete`). Money moves with the transition: a release returns the held
    amount to available, a settlement removes it and writes the ledger debit. The document an
    emulator serves at `/_sandbox/openapi.json` lists its provider's transitions as an enum.

    Args:
        id (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | WithdrawalState]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
) -> ControlError | WithdrawalState | None:
    """Apply a named transition

     Moves the withdrawal along its provider's state machine (for example `approve_level1`,
    `reject`, `fail`, `complete`). Money moves with the transition: a release returns the held
    amount to available, a settlement removes it and writes the ledger debit. The document an
    emulator serves at `/_sandbox/openapi.json` lists its provider's transitions as an enum.

    Args:
        id (str):
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | WithdrawalState
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
