"""Pay orders out, and settle them as the provider finishes them.

The service keeps, per order, the payout the provider made and what the order's state is now. Its
one rule that matters: an order is never paid twice. It passes the order id as the payout's
`reference` (so a retry finds the first payout where the provider can), and when the provider cannot
tell whether a payout was made it parks the order for a person to look at instead of paying again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from withdrawal_apis import payouts


class Settlement(StrEnum):
    SENT = "sent"  # the provider has the payout; it is not final yet
    PAID = "paid"
    FAILED = "failed"  # the provider refused or undid it; the money is back
    REFUSED = "refused"  # refused before a payout existed (funds, address, amount)
    NEEDS_REVIEW = "needs_review"  # the payout may or may not exist: never pay it again blindly


@dataclass
class Order:
    id: str
    asset: str
    network: str
    address: str
    amount: Decimal
    settlement: Settlement | None = None
    payout_id: str | None = None
    reason: str = ""
    history: list[str] = field(default_factory=list)


class PayoutService:
    def __init__(self, client: payouts.Payouts) -> None:
        self.client = client
        self.orders: dict[str, Order] = {}

    def pay(self, order: Order) -> Order:
        """Send the order's payout once; asking again for the same order does nothing more."""
        known = self.orders.setdefault(order.id, order)
        if known.settlement is not None:
            return known
        try:
            payout = self.client.create(
                asset=order.asset,
                network=order.network,
                address=order.address,
                amount=order.amount,
                reference=order.id,
            )
        except payouts.OutcomeUnknownError as error:
            return self._mark(known, Settlement.NEEDS_REVIEW, str(error))
        except (payouts.InsufficientFundsError, payouts.InvalidAddressError, payouts.InvalidAmountError) as error:
            return self._mark(known, Settlement.REFUSED, str(error))
        known.payout_id = payout.id
        return self._follow(known, payout)

    def sweep(self, asset: str, network: str) -> payouts.Sweep:
        """For sweep-only providers (SmartyPay): have the whole balance moved to the confirmed address."""
        return self.client.sweep(asset=asset, network=network)

    def refresh(self, order_id: str) -> Order:
        """Read the order's payout again and move its settlement along."""
        order = self.orders[order_id]
        if order.payout_id is None or order.settlement not in (Settlement.SENT, None):
            return order
        return self._follow(order, self.client.get(order.payout_id))

    def _follow(self, order: Order, payout: payouts.Payout) -> Order:
        if payout.status is payouts.PayoutStatus.COMPLETED:
            return self._mark(order, Settlement.PAID, payout.txid or "")
        if payout.status.is_final:
            return self._mark(order, Settlement.FAILED, payout.raw_status)
        return self._mark(order, Settlement.SENT, payout.raw_status)

    @staticmethod
    def _mark(order: Order, settlement: Settlement, reason: str) -> Order:
        order.settlement, order.reason = settlement, reason
        order.history.append(settlement)
        return order
