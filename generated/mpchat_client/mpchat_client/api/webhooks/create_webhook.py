from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_webhook_request import CreateWebhookRequest
from ...models.error import Error
from ...models.webhook import Webhook
from ...types import Response


def _get_kwargs(
    *,
    body: CreateWebhookRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Webhook | None:
    if response.status_code == 201:
        response_201 = Webhook.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Webhook]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookRequest,
) -> Response[Error | Webhook]:
    """Register a webhook endpoint

     Registers an HTTPS endpoint that will receive a POST for every event of the listed types.
    HTTP URLs are refused (the pattern below says so). The secret that signs deliveries is set
    per merchant in the dashboard and is neither sent nor returned here.

    Args:
        body (CreateWebhookRequest): Fields not listed here are not refused (MPChat documents no
            such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Webhook]
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
    body: CreateWebhookRequest,
) -> Error | Webhook | None:
    """Register a webhook endpoint

     Registers an HTTPS endpoint that will receive a POST for every event of the listed types.
    HTTP URLs are refused (the pattern below says so). The secret that signs deliveries is set
    per merchant in the dashboard and is neither sent nor returned here.

    Args:
        body (CreateWebhookRequest): Fields not listed here are not refused (MPChat documents no
            such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Webhook
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookRequest,
) -> Response[Error | Webhook]:
    """Register a webhook endpoint

     Registers an HTTPS endpoint that will receive a POST for every event of the listed types.
    HTTP URLs are refused (the pattern below says so). The secret that signs deliveries is set
    per merchant in the dashboard and is neither sent nor returned here.

    Args:
        body (CreateWebhookRequest): Fields not listed here are not refused (MPChat documents no
            such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Webhook]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookRequest,
) -> Error | Webhook | None:
    """Register a webhook endpoint

     Registers an HTTPS endpoint that will receive a POST for every event of the listed types.
    HTTP URLs are refused (the pattern below says so). The secret that signs deliveries is set
    per merchant in the dashboard and is neither sent nor returned here.

    Args:
        body (CreateWebhookRequest): Fields not listed here are not refused (MPChat documents no
            such rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Webhook
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
