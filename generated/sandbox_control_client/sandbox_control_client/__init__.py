"""A client library for accessing withdrawal-apis sandbox control API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
