from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail_error import DetailError
from ...models.gateway_error import GatewayError
from ...models.withdraw_request import WithdrawRequest
from ...models.withdraw_response import WithdrawResponse
from ...types import Response


def _get_kwargs(
    *,
    body: WithdrawRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/wallet/withdraw",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | DetailError | DetailError | GatewayError | WithdrawResponse | None:
    if response.status_code == 200:
        response_200 = WithdrawResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = DetailError.from_dict(response.json())

        return response_400

    if response.status_code == 401:

        def _parse_response_401(data: object) -> DetailError | GatewayError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_unauthorized_error_type_0 = DetailError.from_dict(data)

                return componentsschemas_unauthorized_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_unauthorized_error_type_1 = GatewayError.from_dict(data)

            return componentsschemas_unauthorized_error_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 406:
        response_406 = DetailError.from_dict(response.json())

        return response_406

    if response.status_code == 500:
        response_500 = DetailError.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = cast(Any, None)
        return response_502

    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | DetailError | DetailError | GatewayError | WithdrawResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WithdrawRequest,
) -> Response[Any | DetailError | DetailError | GatewayError | WithdrawResponse]:
    """Withdraw USDT or MATIC to a whitelisted address

     Sends `amount` of `token` on Polygon from `from_address`, a wallet kamiPay holds for the
    merchant, to `to_address`, which kamiPay must have whitelisted for the merchant beforehand
    (whitelisting is done through kamiPay support, not through the API). The call answers once the
    transaction is mined and returns its hash. The network fee (gas) is paid in MATIC by the
    sending address, so a USDT withdrawal also needs MATIC on `from_address`.

    kamiPay documents no idempotency key, no status lookup and no webhook for this call. After a
    timeout, compare the wallet's balance (`get_address_balance`) with what you expected before
    retrying, or the payout may be sent twice.

    Args:
        body (WithdrawRequest): Fields not listed here are not refused (kamiPay documents no such
            rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DetailError | DetailError | GatewayError | WithdrawResponse]
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
    body: WithdrawRequest,
) -> Any | DetailError | DetailError | GatewayError | WithdrawResponse | None:
    """Withdraw USDT or MATIC to a whitelisted address

     Sends `amount` of `token` on Polygon from `from_address`, a wallet kamiPay holds for the
    merchant, to `to_address`, which kamiPay must have whitelisted for the merchant beforehand
    (whitelisting is done through kamiPay support, not through the API). The call answers once the
    transaction is mined and returns its hash. The network fee (gas) is paid in MATIC by the
    sending address, so a USDT withdrawal also needs MATIC on `from_address`.

    kamiPay documents no idempotency key, no status lookup and no webhook for this call. After a
    timeout, compare the wallet's balance (`get_address_balance`) with what you expected before
    retrying, or the payout may be sent twice.

    Args:
        body (WithdrawRequest): Fields not listed here are not refused (kamiPay documents no such
            rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DetailError | DetailError | GatewayError | WithdrawResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WithdrawRequest,
) -> Response[Any | DetailError | DetailError | GatewayError | WithdrawResponse]:
    """Withdraw USDT or MATIC to a whitelisted address

     Sends `amount` of `token` on Polygon from `from_address`, a wallet kamiPay holds for the
    merchant, to `to_address`, which kamiPay must have whitelisted for the merchant beforehand
    (whitelisting is done through kamiPay support, not through the API). The call answers once the
    transaction is mined and returns its hash. The network fee (gas) is paid in MATIC by the
    sending address, so a USDT withdrawal also needs MATIC on `from_address`.

    kamiPay documents no idempotency key, no status lookup and no webhook for this call. After a
    timeout, compare the wallet's balance (`get_address_balance`) with what you expected before
    retrying, or the payout may be sent twice.

    Args:
        body (WithdrawRequest): Fields not listed here are not refused (kamiPay documents no such
            rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DetailError | DetailError | GatewayError | WithdrawResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WithdrawRequest,
) -> Any | DetailError | DetailError | GatewayError | WithdrawResponse | None:
    """Withdraw USDT or MATIC to a whitelisted address

     Sends `amount` of `token` on Polygon from `from_address`, a wallet kamiPay holds for the
    merchant, to `to_address`, which kamiPay must have whitelisted for the merchant beforehand
    (whitelisting is done through kamiPay support, not through the API). The call answers once the
    transaction is mined and returns its hash. The network fee (gas) is paid in MATIC by the
    sending address, so a USDT withdrawal also needs MATIC on `from_address`.

    kamiPay documents no idempotency key, no status lookup and no webhook for this call. After a
    timeout, compare the wallet's balance (`get_address_balance`) with what you expected before
    retrying, or the payout may be sent twice.

    Args:
        body (WithdrawRequest): Fields not listed here are not refused (kamiPay documents no such
            rule); our emulator ignores them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DetailError | DetailError | GatewayError | WithdrawResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
