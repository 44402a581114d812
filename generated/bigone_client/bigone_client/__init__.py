"""A client library for accessing BigONE OpenAPI v3 — spot withdrawals and account balances"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
