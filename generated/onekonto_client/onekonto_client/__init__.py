"""A client library for accessing 1Konto (1KPrime) API v1.0 — withdraw requests, instructions, balances and ledger"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
