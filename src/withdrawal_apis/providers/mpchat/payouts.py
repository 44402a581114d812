"""MPChat: USDT on TRC20/ERC20, two-level review, no idempotency key; lists newest first with limit/offset."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from mpchat_client.api.balance import get_balance
from mpchat_client.api.withdrawals import create_withdrawal, get_withdrawal, list_withdrawals
from mpchat_client.models import Balance as MPChatBalance
from mpchat_client.models import CreateWithdrawalRequest, Network, Withdrawal, WithdrawalList

from ...money import format_decimal
from ...payouts.adapter import Adapter, Page
from ...payouts.errors import PLAIN_REFUSALS, NotSupportedError
from ...payouts.flow import Call, Flow
from ...payouts.models import Balance, Capabilities, Payout, PayoutRequest, PayoutStatus, aware
from ...payouts.networks import known_networks
from . import factory as mpchat

ASSET = "USDT"
PAGE_SIZE = 100  # the documented maximum


class MPChat(Adapter):
    provider = "mpchat"
    capabilities = Capabilities(
        create=True,
        sweep=False,
        get=True,
        list=True,
        cancel=False,
        idempotent_create=False,
        reconcile=True,
        memo=False,
        networks=known_networks("mpchat"),
        assets=frozenset({ASSET}),
    )
    statuses: ClassVar[Mapping[str, PayoutStatus]] = {
        "PENDING": PayoutStatus.PENDING,
        "PENDING_REVIEW": PayoutStatus.IN_REVIEW,
        "LEVEL1_APPROVED": PayoutStatus.IN_REVIEW,
        "APPROVED": PayoutStatus.PROCESSING,
        "PROCESSING": PayoutStatus.PROCESSING,
        "COMPLETED": PayoutStatus.COMPLETED,
        "FAILED": PayoutStatus.FAILED,
        "CANCELLED": PayoutStatus.CANCELLED,
        "REJECTED": PayoutStatus.REJECTED,
    }
    error_rules = PLAIN_REFUSALS

    @classmethod
    def make_client(cls, base_url: str, settings: Mapping[str, str], **kwargs: Any) -> Any:
        return mpchat.client(settings["key_id"], settings["secret"], base_url=base_url, **kwargs)

    def balances(self) -> Flow[list[Balance]]:
        body = self.expect((yield from self.call(get_balance)), MPChatBalance)
        return [Balance(ASSET, Decimal(body.available), Decimal(body.frozen))]

    def submit(self, request: PayoutRequest) -> Call:
        if request.asset != ASSET:
            raise NotSupportedError(self.provider, f"MPChat pays out {ASSET} only, not {request.asset}")
        body = CreateWithdrawalRequest(
            amount=format_decimal(request.amount), destination_address=request.address, network=Network(request.network)
        )
        return Call(create_withdrawal, kwargs={"body": body})

    def created(self, answer: Any, request: PayoutRequest) -> Payout:
        return self.payout(self.expect(answer, Withdrawal), request.reference)

    def get(self, payout_id: str) -> Flow[Payout]:
        return self.payout(self.expect((yield from self.call(get_withdrawal, payout_id)), Withdrawal))

    def page(self, cursor: Any) -> Flow[Page]:
        offset = int(cursor or 0)
        body = self.expect((yield from self.call(list_withdrawals, limit=PAGE_SIZE, offset=offset)), WithdrawalList)
        end = offset + len(body.withdrawals)
        return Page([self.payout(w) for w in body.withdrawals], end if body.withdrawals and end < body.total else None)

    def payout(self, withdrawal: Withdrawal, reference: str | None = None) -> Payout:
        raw_status = str(withdrawal.status)  # a known status or one added later
        return Payout(
            provider=self.provider,
            id=withdrawal.id,
            status=self.status(raw_status),
            raw_status=raw_status,
            asset=ASSET,
            network=self.network(str(withdrawal.network)),
            address=withdrawal.destination_address,
            amount=Decimal(withdrawal.amount),
            fee=Decimal(withdrawal.fee),
            txid=withdrawal.tx_hash,
            created_at=aware(withdrawal.created_at),
            updated_at=aware(withdrawal.updated_at),
            reference=reference,
            raw=withdrawal,
        )


ADAPTER = MPChat
