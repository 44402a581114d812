"""BigONE: any listed asset through a gateway, `guid` as the idempotency key, cancel while pending.

The guid is derived from the caller's `reference` (a UUIDv5), so creating again with the same
reference, even from a restarted process, is answered with the first payout. Without a reference a
fresh UUIDv4 is made once per create and kept for its retries.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from bigone_client.api.accounts import list_fund_accounts, list_spot_accounts
from bigone_client.api.withdrawals import cancel_withdrawal, create_withdrawal, get_withdrawal, list_withdrawals
from bigone_client.models import AccountListResponse, CreateWithdrawalRequest, Withdrawal, WithdrawalPage
from bigone_client.models import WithdrawalResponse as BigONEWithdrawalResponse
from bigone_client.types import UNSET

from ...money import format_decimal
from ...payouts.adapter import Adapter, Page
from ...payouts.errors import (
    AuthenticationError,
    ConflictError,
    InsufficientFundsError,
    InvalidAddressError,
    InvalidAmountError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
)
from ...payouts.errors import ErrorRule as Rule
from ...payouts.flow import Call, Flow
from ...payouts.models import Balance, Capabilities, Payout, PayoutRequest, PayoutStatus, aware
from ...payouts.networks import known_networks
from . import factory as bigone

GUID_NAMESPACE = uuid.UUID("5b0f3e43-5c1c-4d55-9a51-8d3b7f0e2a61")
PAGE_SIZE = "200"  # the emulator's cap; BigONE documents none
ACCOUNTS = (("fund", list_fund_accounts), ("spot", list_spot_accounts))  # withdrawals draw on `fund`


class BigONE(Adapter):
    provider = "bigone"
    capabilities = Capabilities(
        create=True,
        sweep=False,
        get=True,
        list=True,
        cancel=True,
        idempotent_create=True,
        reconcile=False,
        memo=True,
        networks=known_networks("bigone"),
        assets=frozenset({"BTC", "ETH", "USDT", "TRX", "EOS"}),
    )
    statuses: ClassVar[Mapping[str, PayoutStatus]] = {
        "PENDING": PayoutStatus.PENDING,
        "COMPLETED": PayoutStatus.COMPLETED,
        "FAILED": PayoutStatus.FAILED,
        "CANCELLED": PayoutStatus.CANCELLED,
    }
    error_rules = (
        Rule(InsufficientFundsError, code=10014),
        Rule(AuthenticationError, code=40004),
        Rule(AuthenticationError, code=40106),
        Rule(AuthenticationError, code=40107),
        Rule(PermissionDeniedError, code=10403),
        Rule(NotFoundError, code=10013),
        Rule(ConflictError, code=40302),
        Rule(RateLimitedError, code=10429),
        Rule(InvalidAddressError, code=10007, message="address|memo|gateway"),
        Rule(InvalidAmountError, code=10007, message="amount"),
    )

    @classmethod
    def make_client(cls, base_url: str, settings: Mapping[str, str], **kwargs: Any) -> Any:
        return bigone.client(settings["api_key"], settings["secret"], base_url=base_url, **kwargs)

    def idempotency_key(self, reference: str | None) -> str:
        return str(uuid.uuid5(GUID_NAMESPACE, reference) if reference else uuid.uuid4())

    def balances(self) -> Flow[list[Balance]]:
        found = []
        for wallet, endpoint in ACCOUNTS:
            body = self.expect((yield from self.call(endpoint)), AccountListResponse)
            for account in body.data:
                total, held = Decimal(account.balance), Decimal(account.locked_balance)
                found.append(Balance(account.asset_symbol, total - held, held, wallet=wallet))
        return found

    def submit(self, request: PayoutRequest) -> Call:
        body = CreateWithdrawalRequest(
            symbol=request.asset,
            target_address=request.address,
            amount=format_decimal(request.amount),
            memo=request.memo or UNSET,
            guid=request.idempotency_key or UNSET,
            gateway_name=request.network,
        )
        return Call(create_withdrawal, kwargs={"body": body})

    def created(self, answer: Any, request: PayoutRequest) -> Payout:
        withdrawal = self.expect(answer, BigONEWithdrawalResponse).data
        return self.payout(withdrawal, request)

    def get(self, payout_id: str) -> Flow[Payout]:
        answer = yield from self.call(get_withdrawal, payout_id)
        return self.payout(self.expect(answer, BigONEWithdrawalResponse).data)

    def cancel(self, payout_id: str) -> Flow[Payout]:
        # BigONE accepts the cancel and applies it asynchronously: read back what it did.
        yield from self.call(cancel_withdrawal, payout_id)
        return (yield from self.get(payout_id))

    def page(self, cursor: Any) -> Flow[Page]:
        answer = yield from self.call(list_withdrawals, limit=PAGE_SIZE, page_token=cursor or UNSET)
        body = self.expect(answer, WithdrawalPage)
        return Page([self.payout(w) for w in body.data], body.page_token or None)

    def payout(self, withdrawal: Withdrawal, request: PayoutRequest | None = None) -> Payout:
        return Payout(
            provider=self.provider,
            id=str(withdrawal.id),
            status=self.status(withdrawal.state),
            raw_status=str(withdrawal.state),
            asset=withdrawal.asset_symbol,
            # The withdrawal does not say which gateway it took; only a create knows.
            network=self.network(request.network) if request else None,
            address=withdrawal.target_address,
            amount=Decimal(withdrawal.amount),
            fee=Decimal(withdrawal.fee) if withdrawal.fee else None,
            txid=withdrawal.txid or None,
            created_at=aware(withdrawal.inserted_at),
            updated_at=aware(withdrawal.updated_at or None),
            memo=withdrawal.memo or None,
            reference=request.reference if request else None,
            idempotency_key=request.idempotency_key if request else None,
            raw=withdrawal,
        )


ADAPTER = BigONE
