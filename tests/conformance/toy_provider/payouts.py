"""Toy Pay behind `withdrawal_apis.payouts`: balances, a create, and the payout read back by id."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from toy_client.api.balance import get_balance
from toy_client.api.withdrawals import create_withdrawal, get_withdrawal
from toy_client.models import Balance as ToyBalance
from toy_client.models import CreateWithdrawal, CreateWithdrawalNetwork, Withdrawal

from withdrawal_apis.money import format_decimal
from withdrawal_apis.payouts.adapter import Adapter
from withdrawal_apis.payouts.flow import Call, Flow
from withdrawal_apis.payouts.models import Balance, Capabilities, Payout, PayoutRequest, PayoutStatus

from . import factory


class Toy(Adapter):
    provider = "toy"
    capabilities = Capabilities(
        create=True,
        sweep=False,
        get=True,
        list=False,
        cancel=False,
        idempotent_create=False,
        reconcile=False,
        memo=False,
        networks=frozenset({"TRC20"}),
        assets=frozenset({"USDT"}),
    )
    statuses: ClassVar[Mapping[str, PayoutStatus]] = {
        "PENDING": PayoutStatus.PENDING,
        "COMPLETED": PayoutStatus.COMPLETED,
        "FAILED": PayoutStatus.FAILED,
    }

    @classmethod
    def make_client(cls, base_url: str, settings: Mapping[str, str], **kwargs: Any) -> Any:
        return factory.client(settings["key_id"], settings["secret"], base_url=base_url, **kwargs)

    def balances(self) -> Flow[list[Balance]]:
        body = self.expect((yield from self.call(get_balance)), ToyBalance)
        return [Balance(body.asset, Decimal(body.available), Decimal(body.held))]

    def submit(self, request: PayoutRequest) -> Call:
        body = CreateWithdrawal(
            amount=format_decimal(request.amount),
            address=request.address,
            network=CreateWithdrawalNetwork(request.network),
        )
        return Call(create_withdrawal, kwargs={"body": body})

    def created(self, answer: Any, request: PayoutRequest) -> Payout:
        return self.payout(self.expect(answer, Withdrawal), request.reference)

    def get(self, payout_id: str) -> Flow[Payout]:
        return self.payout(self.expect((yield from self.call(get_withdrawal, payout_id)), Withdrawal))

    def payout(self, withdrawal: Withdrawal, reference: str | None = None) -> Payout:
        return Payout(
            provider=self.provider,
            id=withdrawal.id,
            status=self.status(withdrawal.status),
            raw_status=withdrawal.status,
            asset="USDT",
            network=self.network(withdrawal.network),
            address=withdrawal.address,
            amount=Decimal(withdrawal.amount),
            fee=None,
            txid=None,
            created_at=withdrawal.created_at,
            updated_at=None,
            reference=reference,
            raw=withdrawal,
        )


ADAPTER = Toy
