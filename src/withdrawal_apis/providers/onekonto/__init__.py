"""1Konto (1KPrime): blockchain and fiat withdraw requests from an account, JSON login then a bearer token.

1Konto publishes no host names (they are handed to clients), so `client()` needs `base_url`;
`LOCAL_SANDBOX_URL` is where `withdrawal-apis sandbox onekonto` listens by default.

    from withdrawal_apis.providers import onekonto
    api = onekonto.client(user, password, account_id, base_url=...)   # sends only the password's digest
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...registry import Provider, Settings, lazy

LOCAL_SANDBOX_URL = "http://127.0.0.1:8000"

PROVIDER = Provider(
    name="onekonto",
    title="1Konto (1KPrime)",
    docs_url="https://docs.1konto.com/1konto-v1.0-api-docs/",
    # `account_id`: every 1Konto path names the account it works on.
    settings=Settings("user", "password", required=("account_id",)),
    networks={"TRC20": "tron", "BTC": "bitcoin"},  # the lowercase chain names of 1Konto's examples
)

if TYPE_CHECKING:
    from .amounts import AssetAmount, exact_balances, format_amount, parse_amount
    from .auth import OneKontoAuth, password_digest
    from .factory import OneKontoClient, client

__all__ = [
    "LOCAL_SANDBOX_URL",
    "PROVIDER",
    "AssetAmount",
    "OneKontoAuth",
    "OneKontoClient",
    "client",
    "exact_balances",
    "format_amount",
    "parse_amount",
    "password_digest",
]
_LAZY = {
    "AssetAmount": "amounts",
    "exact_balances": "amounts",
    "format_amount": "amounts",
    "parse_amount": "amounts",
    "OneKontoAuth": "auth",
    "password_digest": "auth",
    "OneKontoClient": "factory",
    "client": "factory",
}


def __getattr__(name: str) -> Any:
    return lazy(__name__, name, _LAZY)
