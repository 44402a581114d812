"""A client library for accessing BigONE OpenAPI v3 — spot withdrawals, balances and transfers"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
