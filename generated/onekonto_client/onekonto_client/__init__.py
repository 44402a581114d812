"""A client library for accessing 1Konto (1KPrime) API v1.0 — withdraw requests, instructions and balances"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
