"""A client library for accessing SmartyPay Partner API — withdrawals, intents, schedule, merchants, balance, gas wallets and blockchains"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
