"""1Konto: blockchain withdraw requests from one account; no idempotency key, but a searchable list.

The caller's `reference` (one is made up when none is given) travels in the request's
`instructions` as `reference: <value>`, and the withdraw-request query filters by exact amount and
network, so a create whose answer was lost is found again exactly. The list has no cursor, only
`max`: pages are read by asking for twice as many each time and skipping what was already seen.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from onekonto_client.api.accounting import get_account
from onekonto_client.api.withdraw_requests import create_blockchain_withdraw_request, list_withdraw_requests
from onekonto_client.models import BlockchainWithdrawRequest, WithdrawRequest, WithdrawRequestCreated
from onekonto_client.models import WithdrawRequestList as RequestList
from onekonto_client.types import Unset

from ...payouts.adapter import Adapter, Page
from ...payouts.errors import ErrorRule, InsufficientFundsError, InvalidAddressError, InvalidAmountError, NotFoundError
from ...payouts.flow import Call, Flow
from ...payouts.models import Balance, Capabilities, Payout, PayoutRequest, PayoutStatus, aware
from ...payouts.networks import known_networks
from . import factory as onekonto
from .amounts import exact_balances, format_amount, parse_amount

REFERENCE = "reference: "
FIRST_PAGE = 100


class OneKonto(Adapter):
    provider = "onekonto"
    capabilities = Capabilities(
        create=True,
        sweep=False,
        get=True,
        list=True,
        cancel=False,
        idempotent_create=False,
        reconcile=True,
        memo=False,
        networks=known_networks("onekonto"),
        assets=frozenset({"BTC", "ETH", "USDT", "USDC"}),
    )
    statuses: ClassVar[Mapping[str, PayoutStatus]] = {
        "pending": PayoutStatus.PENDING,
        "completed": PayoutStatus.COMPLETED,
        "canceled": PayoutStatus.CANCELLED,
        "rejected": PayoutStatus.REJECTED,
        "invalid": PayoutStatus.REJECTED,
    }
    error_rules = (
        ErrorRule(InsufficientFundsError, message="^Insufficient Funds"),
        ErrorRule(
            InvalidAddressError,
            message="Destination Not Whitelisted|Network Mismatch|Address:|Network:|Address Required|Network Required",
        ),
        ErrorRule(InvalidAmountError, message="Amount:|Asset"),
    )

    @classmethod
    def make_client(cls, base_url: str, settings: Mapping[str, str], **kwargs: Any) -> Any:
        return onekonto.client(
            settings["user"], settings["password"], settings["account_id"], base_url=base_url, **kwargs
        )

    @property
    def account(self) -> str:
        return self.settings["account_id"]

    def new_reference(self) -> str:
        return uuid.uuid4().hex

    def balances(self) -> Flow[list[Balance]]:
        answer = yield from self.call(get_account, self.account)
        # Balances are JSON numbers: read them from the raw answer, never through a float.
        return [Balance(asset, b["free"], b["locked"]) for asset, b in exact_balances(answer.content).items()]

    def submit(self, request: PayoutRequest) -> Call:
        body = BlockchainWithdrawRequest(
            amount=format_amount(request.amount, request.asset),
            network=request.network,
            address=request.address,
            instructions=[REFERENCE + str(request.reference)],
        )
        return Call(create_blockchain_withdraw_request, (self.account,), {"body": body})

    def created(self, answer: Any, request: PayoutRequest) -> Payout:
        # The answer has only the id and status; the rest is what was asked for.
        created = self.expect(answer, WithdrawRequestCreated)
        return Payout(
            provider=self.provider,
            id=created.withdraw_request_id,
            status=self.status(created.request_status),
            raw_status=str(created.request_status),
            asset=request.asset,
            network=self.network(request.network),
            address=request.address,
            amount=request.amount,
            fee=None,
            txid=None,
            created_at=None,
            updated_at=None,
            reference=request.reference,
            raw=created,
        )

    def requests(self, **filters: Any) -> Flow[list[Payout]]:
        answer = yield from self.call(list_withdraw_requests, self.account, **filters)
        items = self.expect(answer, RequestList).withdraw_requests
        # The record's shape is inferred and nothing in it is required: skip one without id or amount.
        return [self.payout(item) for item in ([] if isinstance(items, Unset) else items) if self.complete(item)]

    @staticmethod
    def complete(item: WithdrawRequest) -> bool:
        return isinstance(item.withdraw_request_id, str) and isinstance(item.amount, str)

    def get(self, payout_id: str) -> Flow[Payout]:
        found = yield from self.requests(withdraw_request_id=payout_id, max_=1)
        if not found:
            raise NotFoundError(self.provider, f"no withdraw request {payout_id}", http_status=None)
        return found[0]

    def page(self, cursor: Any) -> Flow[Page]:
        window = int(cursor or FIRST_PAGE)
        items = yield from self.requests(max_=window)
        return Page(items, window * 2 if len(items) >= window else None)

    def find_created(self, request: PayoutRequest, not_before: float) -> Flow[list[Payout] | None]:
        amount = format_amount(request.amount, request.asset)
        found = yield from self.requests(amount=amount, network=request.network, max_=FIRST_PAGE)
        mine = [p for p in found if p.reference == request.reference]
        return mine if mine or len(found) < FIRST_PAGE else None

    def payout(self, item: WithdrawRequest) -> Payout:
        assert isinstance(item.amount, str)
        assert isinstance(item.withdraw_request_id, str)
        amount = parse_amount(item.amount)
        notes = item.instructions or []
        reference = next((n[len(REFERENCE) :] for n in notes if n.startswith(REFERENCE)), None)
        return Payout(
            provider=self.provider,
            id=item.withdraw_request_id,
            status=self.status(item.request_status),
            raw_status=str(item.request_status),
            asset=amount.asset or "",
            network=self.network(item.network or None) if item.network else str(item.type_),
            address=item.address or item.account_number or "",
            amount=amount.value,
            fee=None,
            txid=None,
            created_at=aware(item.submitted_at or None),
            updated_at=aware(item.updated_at or None),
            reference=reference,
            raw=item,
        )


ADAPTER = OneKonto
