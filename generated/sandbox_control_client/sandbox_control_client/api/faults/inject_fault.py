from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.control_error import ControlError
from ...models.fault import Fault
from ...models.fault_list import FaultList
from ...types import Response


def _get_kwargs(
    *,
    body: Fault,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/_sandbox/faults",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ControlError | FaultList | None:
    if response.status_code == 201:
        response_201 = FaultList.from_dict(response.json())

        return response_201

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
) -> Response[ControlError | FaultList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Fault,
) -> Response[ControlError | FaultList]:
    """Fail or slow the next provider requests

     The next `count` requests to the provider API meet the fault. They wait `latency_ms` first, if
    given. Then, without `commit`, they answer `status` in the provider's error shape, or with `drop`
    the connection closes without an answer; nothing changes. With `commit: true` the request is
    handled and its effects are committed first, and only then is its answer replaced by `status`
    or dropped: the client cannot tell whether its request took effect, as after a timeout. `status`
    and `drop` exclude each other; a fault with neither and no latency lets its requests through
    unchanged (it only uses up its count).

    Args:
        body (Fault):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | FaultList]
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
    body: Fault,
) -> ControlError | FaultList | None:
    """Fail or slow the next provider requests

     The next `count` requests to the provider API meet the fault. They wait `latency_ms` first, if
    given. Then, without `commit`, they answer `status` in the provider's error shape, or with `drop`
    the connection closes without an answer; nothing changes. With `commit: true` the request is
    handled and its effects are committed first, and only then is its answer replaced by `status`
    or dropped: the client cannot tell whether its request took effect, as after a timeout. `status`
    and `drop` exclude each other; a fault with neither and no latency lets its requests through
    unchanged (it only uses up its count).

    Args:
        body (Fault):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | FaultList
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Fault,
) -> Response[ControlError | FaultList]:
    """Fail or slow the next provider requests

     The next `count` requests to the provider API meet the fault. They wait `latency_ms` first, if
    given. Then, without `commit`, they answer `status` in the provider's error shape, or with `drop`
    the connection closes without an answer; nothing changes. With `commit: true` the request is
    handled and its effects are committed first, and only then is its answer replaced by `status`
    or dropped: the client cannot tell whether its request took effect, as after a timeout. `status`
    and `drop` exclude each other; a fault with neither and no latency lets its requests through
    unchanged (it only uses up its count).

    Args:
        body (Fault):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ControlError | FaultList]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Fault,
) -> ControlError | FaultList | None:
    """Fail or slow the next provider requests

     The next `count` requests to the provider API meet the fault. They wait `latency_ms` first, if
    given. Then, without `commit`, they answer `status` in the provider's error shape, or with `drop`
    the connection closes without an answer; nothing changes. With `commit: true` the request is
    handled and its effects are committed first, and only then is its answer replaced by `status`
    or dropped: the client cannot tell whether its request took effect, as after a timeout. `status`
    and `drop` exclude each other; a fault with neither and no latency lets its requests through
    unchanged (it only uses up its count).

    Args:
        body (Fault):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ControlError | FaultList
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
