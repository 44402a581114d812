"""SmartyPay (partner API): sweeps only. A partner cannot choose an amount or a destination.

`withdraw-now` asks SmartyPay to sweep a merchant's whole balance of one currency to the merchant's
confirmed address at the next processing slot, and answers the pending intent; asking again while
it is pending answers the same intent, and a sweep can move only what is there, so it is retried
like a read. `create` is not supported: use `sweep`. The swept withdrawals appear in `list`/`get`
(the partner's search covers every merchant of the partner).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from smartypay_client.api.merchants import get_merchant_balance
from smartypay_client.api.withdrawals import get_withdrawal, search_withdrawals, withdraw_now
from smartypay_client.models import (
    Currency,
    MerchantBalance,
    PageRequest,
    Withdrawal,
    WithdrawalIntent,
    WithdrawalList,
    WithdrawalSearchRequest,
    WithdrawNowRequest,
    WithdrawNowResponse,
)

from ...payouts.adapter import Adapter, Page
from ...payouts.errors import AuthenticationError, ErrorRule, InvalidRequestError
from ...payouts.flow import Flow
from ...payouts.models import Balance, Capabilities, Payout, PayoutStatus, Sweep, aware
from ...payouts.networks import known_networks, provider_network
from . import factory as smartypay
from .currencies import CURRENCIES

PAGE_SIZE = 100  # the documented maximum


class SmartyPay(Adapter):
    provider = "smartypay"
    capabilities = Capabilities(
        create=False,
        sweep=True,
        get=True,
        list=True,
        cancel=False,
        idempotent_create=True,
        reconcile=False,
        memo=False,
        networks=known_networks("smartypay"),
        assets=frozenset(c.token for c in CURRENCIES.values()),
    )
    statuses: ClassVar[Mapping[str, PayoutStatus]] = {
        "New": PayoutStatus.PENDING,
        "Running": PayoutStatus.PROCESSING,
        "Paused": PayoutStatus.PENDING,
        "Finished": PayoutStatus.COMPLETED,
        "Cancelled": PayoutStatus.CANCELLED,
        "Error": PayoutStatus.FAILED,
        # withdrawal intents (sweeps)
        "Pending": PayoutStatus.PENDING,
        "Succeeded": PayoutStatus.COMPLETED,
        "Failed": PayoutStatus.FAILED,
    }
    # SmartyPay answers a wrong secret, a bad signature or a stale timestamp with 403 `Forbidden`.
    error_rules = (ErrorRule(AuthenticationError, code="Forbidden"),)

    @classmethod
    def make_client(cls, base_url: str, settings: Mapping[str, str], **kwargs: Any) -> Any:
        scheme = settings.get("scheme", "hmac")
        return smartypay.client(settings["api_key"], settings["secret"], base_url=base_url, scheme=scheme, **kwargs)

    @property
    def merchant(self) -> str:
        return self.settings["merchant_id"]

    def balances(self) -> Flow[list[Balance]]:
        # The merchant balance lists what is available; what a sweep in flight holds is not reported.
        body = self.expect((yield from self.call(get_merchant_balance, self.merchant)), MerchantBalance)
        return [self.balance(money.currency, Decimal(money.value)) for money in body.balances]

    def balance(self, code: str, available: Decimal) -> Balance:
        currency = CURRENCIES.get(code)
        network = self.network(currency.blockchain) if currency else None
        return Balance(token(code), available, None, network=network)

    def sweep(self, asset: str, network: str | None) -> Flow[Sweep]:
        body = WithdrawNowRequest(merchant_id=self.merchant, currency=Currency(self.currency(asset, network)))
        answer = yield from self.call(withdraw_now, body=body)
        intent = self.expect(answer, WithdrawNowResponse).intent
        return self.sweep_of(intent)

    def currency(self, asset: str, network: str | None) -> str:
        """SmartyPay's currency code for a token on a network; without a network, `asset` is the code itself."""
        if network is None:
            if asset not in CURRENCIES:
                raise InvalidRequestError(self.provider, f"{asset} is not a SmartyPay currency code: name the network")
            return asset
        blockchain = provider_network(self.provider, network)
        codes = [code for code, c in CURRENCIES.items() if blockchain == c.blockchain and asset in (c.token, code)]
        if len(codes) != 1:
            raise InvalidRequestError(self.provider, f"SmartyPay has no single currency for {asset} on {network}")
        return codes[0]

    def sweep_of(self, intent: WithdrawalIntent) -> Sweep:
        return Sweep(
            provider=self.provider,
            id=intent.id,
            status=self.status(intent.status),
            raw_status=str(intent.status),
            asset=token(str(intent.currency or intent.asset or "")),
            network=self.network(str(intent.blockchain)),
            process_at=aware(intent.process_at),
            raw=intent,
        )

    def get(self, payout_id: str) -> Flow[Payout]:
        return self.payout(self.expect((yield from self.call(get_withdrawal, payout_id)), Withdrawal))

    def page(self, cursor: Any) -> Flow[Page]:
        offset = int(cursor or 0)
        query = WithdrawalSearchRequest(page=PageRequest(limit=PAGE_SIZE, offset=offset))
        body = self.expect((yield from self.call(search_withdrawals, body=query)), WithdrawalList)
        return Page([self.payout(w) for w in body.list_], offset + PAGE_SIZE if len(body.list_) == PAGE_SIZE else None)

    def payout(self, withdrawal: Withdrawal) -> Payout:
        return Payout(
            provider=self.provider,
            id=withdrawal.id,
            status=self.status(withdrawal.status),
            raw_status=str(withdrawal.status),
            asset=token(str(withdrawal.amount.currency)),
            network=self.network(str(withdrawal.blockchain)),
            address=withdrawal.destination_address,
            amount=Decimal(withdrawal.amount.value),
            fee=None,  # paid in the native token from the merchant's gas wallet, not reported
            txid=None,
            created_at=None,
            updated_at=None,
            raw=withdrawal,
        )


def token(code: str) -> str:
    """The asset a SmartyPay currency code stands for (`bUSDT` -> `USDT`); an unknown code as it is."""
    currency = CURRENCIES.get(code)
    return currency.token if currency else code


ADAPTER = SmartyPay
