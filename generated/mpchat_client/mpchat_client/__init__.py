"""A client library for accessing MPChat MP Merchant API — withdrawals, balance, ledger and webhooks"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
