"""One payouts interface over every provider: sync and async, exact money, typed errors, safe retries.

    from decimal import Decimal
    from withdrawal_apis import payouts

    with payouts.from_env("<provider>") as client:
        payout = client.create(asset="USDT", network="TRC20", address="T...", amount=Decimal("25"))

See the payouts guide for the settings per provider, the status table, and the retry and
no-double-payout rules.
"""

from ..registry import ConfigurationError
from .client import AsyncPayouts, Payouts, connect, connect_async, env_settings, from_env, from_env_async
from .errors import (
    AuthenticationError,
    ConflictError,
    InsufficientFundsError,
    InvalidAddressError,
    InvalidAmountError,
    InvalidRequestError,
    NotFoundError,
    NotSupportedError,
    OutcomeUnknownError,
    PayoutError,
    PermissionDeniedError,
    ProviderUnavailableError,
    RateLimitedError,
)
from .models import Balance, Capabilities, Payout, PayoutRequest, PayoutStatus, Sweep
from .networks import NETWORKS
from .retry import RetryPolicy

__all__ = [
    "NETWORKS",
    "AsyncPayouts",
    "AuthenticationError",
    "Balance",
    "Capabilities",
    "ConfigurationError",
    "ConflictError",
    "InsufficientFundsError",
    "InvalidAddressError",
    "InvalidAmountError",
    "InvalidRequestError",
    "NotFoundError",
    "NotSupportedError",
    "OutcomeUnknownError",
    "Payout",
    "PayoutError",
    "PayoutRequest",
    "PayoutStatus",
    "Payouts",
    "PermissionDeniedError",
    "ProviderUnavailableError",
    "RateLimitedError",
    "RetryPolicy",
    "Sweep",
    "connect",
    "connect_async",
    "env_settings",
    "from_env",
    "from_env_async",
]
