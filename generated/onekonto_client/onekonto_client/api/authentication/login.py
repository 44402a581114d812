from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.login_request import LoginRequest
from ...models.login_response import LoginResponse
from ...models.request_errors import RequestErrors
from ...models.status_error import StatusError
from ...types import Response


def _get_kwargs(
    *,
    body: LoginRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/identity/jwt",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LoginResponse | RequestErrors | StatusError | None:
    if response.status_code == 200:
        response_200 = LoginResponse.from_dict(response.json())

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
) -> Response[LoginResponse | RequestErrors | StatusError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[LoginResponse | RequestErrors | StatusError]:
    """Log in for a bearer token

     Exchanges a user id and the hex SHA-256 digest of the password for a token valid 24 hours.
    The docs write the path as `/api/v1/{service}/jwt` with `identity` as the example service;
    only `identity` is modelled. To renew a token, log in again.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginResponse | RequestErrors | StatusError]
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
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> LoginResponse | RequestErrors | StatusError | None:
    """Log in for a bearer token

     Exchanges a user id and the hex SHA-256 digest of the password for a token valid 24 hours.
    The docs write the path as `/api/v1/{service}/jwt` with `identity` as the example service;
    only `identity` is modelled. To renew a token, log in again.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginResponse | RequestErrors | StatusError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[LoginResponse | RequestErrors | StatusError]:
    """Log in for a bearer token

     Exchanges a user id and the hex SHA-256 digest of the password for a token valid 24 hours.
    The docs write the path as `/api/v1/{service}/jwt` with `identity` as the example service;
    only `identity` is modelled. To renew a token, log in again.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginResponse | RequestErrors | StatusError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> LoginResponse | RequestErrors | StatusError | None:
    """Log in for a bearer token

     Exchanges a user id and the hex SHA-256 digest of the password for a token valid 24 hours.
    The docs write the path as `/api/v1/{service}/jwt` with `identity` as the example service;
    only `identity` is modelled. To renew a token, log in again.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginResponse | RequestErrors | StatusError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
