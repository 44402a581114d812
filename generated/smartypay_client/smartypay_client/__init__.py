"""A client library for accessing SmartyPay Partner API — withdrawals, intents, schedule, balance and gas wallets"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
