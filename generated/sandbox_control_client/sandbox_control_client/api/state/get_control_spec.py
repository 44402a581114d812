from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.control_error import ControlError
from ...models.get_control_spec_response_200 import GetControlSpecResponse200
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/_sandbox/openapi.json",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ControlError | GetControlSpecResponse200 | None:
    if response.status_code == 200:
        response_200 = GetControlSpecResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ControlError.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ControlError | GetControlSpecResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ControlError | GetControlSpecResponse200]:
    """This document, as this emulator serves it

     The control API's spec with this emulator's own seed rules: the schema of a seed account is the
    one below together with the provider's (what its `extra`, credential `data`, balance keys,
    wallets and whitelist entries may be). A seed valid against it is one the emulator takes; point
    a tool such as schemathesis here rather than at the published file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | GetControlSpecResponse200]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ControlError | GetControlSpecResponse200 | None:
    """This document, as this emulator serves it

     The control API's spec with this emulator's own seed rules: the schema of a seed account is the
    one below together with the provider's (what its `extra`, credential `data`, balance keys,
    wallets and whitelist entries may be). A seed valid against it is one the emulator takes; point
    a tool such as schemathesis here rather than at the published file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | GetControlSpecResponse200
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ControlError | GetControlSpecResponse200]:
    """This document, as this emulator serves it

     The control API's spec with this emulator's own seed rules: the schema of a seed account is the
    one below together with the provider's (what its `extra`, credential `data`, balance keys,
    wallets and whitelist entries may be). A seed valid against it is one the emulator takes; point
    a tool such as schemathesis here rather than at the published file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | GetControlSpecResponse200]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ControlError | GetControlSpecResponse200 | None:
    """This document, as this emulator serves it

     The control API's spec with this emulator's own seed rules: the schema of a seed account is the
    one below together with the provider's (what its `extra`, credential `data`, balance keys,
    wallets and whitelist entries may be). A seed valid against it is one the emulator takes; point
    a tool such as schemathesis here rather than at the published file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | GetControlSpecResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
