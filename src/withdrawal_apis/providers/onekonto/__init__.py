"""1Konto (1KPrime): the authenticated client factory, amount helpers and the conformance profile.

1Konto publishes no host names (they are handed to clients), so `client()` needs `base_url`;
`LOCAL_SANDBOX_URL` is where `withdrawal-apis sandbox onekonto` listens by default.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import define, field
from onekonto_client import AuthenticatedClient

from ..clients import with_auth
from ..profile import ConformanceProfile
from .amounts import AssetAmount, exact_balances, format_amount, parse_amount
from .auth import OneKontoAuth, password_digest

LOCAL_SANDBOX_URL = "http://127.0.0.1:8000"

__all__ = [
    "CONFORMANCE",
    "LOCAL_SANDBOX_URL",
    "AssetAmount",
    "OneKontoAuth",
    "OneKontoClient",
    "client",
    "exact_balances",
    "format_amount",
    "parse_amount",
    "password_digest",
]


@define
class OneKontoClient(AuthenticatedClient):
    """The generated client plus the account it works on, since every 1Konto path names one.

    `account_id` is only a convenience for the caller (`list_withdraw_requests.sync(c.account_id,
    client=c)`); the token decides which accounts the server actually opens.
    """

    account_id: str = field(default="", kw_only=True)


def client(user: str, password: str, account_id: str, *, base_url: str, **kwargs: Any) -> OneKontoClient:
    """The generated 1Konto client, logging in as `user` on first use and again before the token expires.

    `password` is hashed (SHA-256, lowercase hex) before it is sent and is not kept. Extra keyword
    arguments go to `AuthenticatedClient` (timeout, headers, httpx_args, ...); the static token slot
    stays empty because `OneKontoAuth` writes `Authorization` on every request.
    """
    return with_auth(OneKontoClient, base_url, OneKontoAuth(user, password), account_id=account_id, **kwargs)


# -- conformance ------------------------------------------------------------------------------
CONFORMANCE_ACCOUNT = "myAccountID"  # the docs' example path value, so the spec's examples reach real data
CONFORMANCE_WALLET = {"network": "bitcoin", "address": "myWalletAddress", "data": {"asset": "BTC"}}
CONFORMANCE_BANK = {"routingNumber": "012345678", "accountNumber": "0123456789"}


def _emulator_seed(credentials: Mapping[str, str]) -> dict[str, Any]:
    # Balances far above what a fuzzing run can lock with the amounts `_fix_body` uses.
    bank_data = {"routingNumber": CONFORMANCE_BANK["routingNumber"], "asset": "USD", "bankName": "My Bank"}
    return {
        "accounts": [
            {
                "id": CONFORMANCE_ACCOUNT,
                "credentials": [{"key_id": credentials["user"], "secret": credentials["password"]}],
                "balances": {"BTC": "1000000", "ETH": "1000000", "USDT": "1000000000", "USD": "1000000000"},
                "whitelist": [
                    CONFORMANCE_WALLET,
                    {"network": "fedwire", "address": CONFORMANCE_BANK["accountNumber"], "data": bank_data},
                    {"network": "ach", "address": CONFORMANCE_BANK["accountNumber"], "data": bank_data},
                ],
                "extra": {
                    "name": "Conformance",
                    "type": "client",
                    "credit": {"USD": "5000"},
                    "deposit_instructions": [
                        {
                            "asset": "BTC",
                            "assetType": "blockchain",
                            "networkType": "bitcoin",
                            "address": "my_bitcoin_address",
                        }
                    ],
                },
            }
        ]
    }


def _fix_body(operation_id: str, body: dict[str, Any]) -> None:
    """Positive cases get an amount, asset and destination the conformance account can really use."""
    if operation_id == "create_blockchain_withdraw_request":
        body.update(amount="0.00001 BTC", network=CONFORMANCE_WALLET["network"], address=CONFORMANCE_WALLET["address"])
    elif operation_id == "create_fiat_withdraw_request":
        body.update(amount="1.25 USD", type="fedwire", **CONFORMANCE_BANK)


CONFORMANCE = ConformanceProfile(
    credentials_env={"user": "ONEKONTO_USER", "password": "ONEKONTO_PASSWORD"},
    make_auth=lambda credentials: OneKontoAuth(credentials["user"], credentials["password"]),
    emulator_seed=_emulator_seed,
    fix_body=_fix_body,
    money_moving=frozenset({"create_blockchain_withdraw_request", "create_fiat_withdraw_request"}),
)
