"""A client library for accessing MPChat MP Merchant API — withdrawals, balance and ledger"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
