from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.config import Config
from ...models.control_error import ControlError
from ...types import Response


def _get_kwargs(
    *,
    body: Config,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/_sandbox/config",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Config | ControlError | None:
    if response.status_code == 200:
        response_200 = Config.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ControlError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ControlError.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = ControlError.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Config | ControlError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Config,
) -> Response[Config | ControlError]:
    """Change the advance policy or the rate limit

     `manual` leaves withdrawals where they are; `instant` runs the happy path at once; `realistic` runs
    it on the virtual clock.

    Args:
        body (Config):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Config | ControlError]
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
    body: Config,
) -> Config | ControlError | None:
    """Change the advance policy or the rate limit

     `manual` leaves withdrawals where they are; `instant` runs the happy path at once; `realistic` runs
    it on the virtual clock.

    Args:
        body (Config):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Config | ControlError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Config,
) -> Response[Config | ControlError]:
    """Change the advance policy or the rate limit

     `manual` leaves withdrawals where they are; `instant` runs the happy path at once; `realistic` runs
    it on the virtual clock.

    Args:
        body (Config):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Config | ControlError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Config,
) -> Config | ControlError | None:
    """Change the advance policy or the rate limit

     `manual` leaves withdrawals where they are; `instant` runs the happy path at once; `realistic` runs
    it on the virtual clock.

    Args:
        body (Config):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Config | ControlError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
