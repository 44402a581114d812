"""A small payout service: pays orders out through `withdrawal_apis.payouts`, whichever provider."""

from .service import Order, PayoutService, Settlement

__all__ = ["Order", "PayoutService", "Settlement"]
