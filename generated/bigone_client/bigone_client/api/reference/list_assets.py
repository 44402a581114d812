from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_list_response import AssetListResponse
from ...models.error import Error
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/assets",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetListResponse | Error | None:
    if response.status_code == 200:
        response_200 = AssetListResponse.from_dict(response.json())

        return response_200

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
) -> Response[AssetListResponse | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[AssetListResponse | Error]:
    """Assets and the gateways they are withdrawn through (undocumented)

     Public and **not documented by BigONE**: the web site's asset list, which is the only place
    the withdrawal fee, minimum amount, precision (`withdrawal_scale`), memo requirement and
    enabled flag of each asset on each gateway are published. Third-party clients read it (ccxt's
    `fetch_currencies` calls it as `GET https://big.one/api/v3/assets`); its shape here is the
    one their captured response shows, and everything but `symbol`, `binding_gateways` and
    `gateway_name` is optional (inferred). Expect it to change without notice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetListResponse | Error]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> AssetListResponse | Error | None:
    """Assets and the gateways they are withdrawn through (undocumented)

     Public and **not documented by BigONE**: the web site's asset list, which is the only place
    the withdrawal fee, minimum amount, precision (`withdrawal_scale`), memo requirement and
    enabled flag of each asset on each gateway are published. Third-party clients read it (ccxt's
    `fetch_currencies` calls it as `GET https://big.one/api/v3/assets`); its shape here is the
    one their captured response shows, and everything but `symbol`, `binding_gateways` and
    `gateway_name` is optional (inferred). Expect it to change without notice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetListResponse | Error
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[AssetListResponse | Error]:
    """Assets and the gateways they are withdrawn through (undocumented)

     Public and **not documented by BigONE**: the web site's asset list, which is the only place
    the withdrawal fee, minimum amount, precision (`withdrawal_scale`), memo requirement and
    enabled flag of each asset on each gateway are published. Third-party clients read it (ccxt's
    `fetch_currencies` calls it as `GET https://big.one/api/v3/assets`); its shape here is the
    one their captured response shows, and everything but `symbol`, `binding_gateways` and
    `gateway_name` is optional (inferred). Expect it to change without notice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetListResponse | Error]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> AssetListResponse | Error | None:
    """Assets and the gateways they are withdrawn through (undocumented)

     Public and **not documented by BigONE**: the web site's asset list, which is the only place
    the withdrawal fee, minimum amount, precision (`withdrawal_scale`), memo requirement and
    enabled flag of each asset on each gateway are published. Third-party clients read it (ccxt's
    `fetch_currencies` calls it as `GET https://big.one/api/v3/assets`); its shape here is the
    one their captured response shows, and everything but `symbol`, `binding_gateways` and
    `gateway_name` is optional (inferred). Expect it to change without notice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetListResponse | Error
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
