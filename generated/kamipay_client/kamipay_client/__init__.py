"""A client library for accessing kamiPay API — wallet withdrawals, address balances and merchant wallets"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
