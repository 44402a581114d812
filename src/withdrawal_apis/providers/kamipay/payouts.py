"""kamiPay: USDT or MATIC on Polygon from one of the merchant's wallets, answered synchronously.

A withdrawal is mined before kamiPay answers, so nothing is ever held and there is no payout to
look up afterwards: kamiPay has no withdrawal list, no status endpoint and no idempotency key. A
create whose answer is lost after it may have reached kamiPay therefore raises
`OutcomeUnknownError` instead of being retried.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from kamipay_client.api.merchants import list_merchant_wallets
from kamipay_client.api.wallet import create_withdrawal, get_address_balance
from kamipay_client.models import Chain, WithdrawRequest, WithdrawResponse, WithdrawToken

from ...money import loads_exact
from ...payouts.adapter import Adapter
from ...payouts.errors import PLAIN_REFUSALS, InvalidAmountError, InvalidRequestError
from ...payouts.flow import Call, Flow
from ...payouts.models import Balance, Capabilities, Payout, PayoutRequest, PayoutStatus
from ...payouts.networks import known_networks
from . import factory as kamipay

CHAIN = "polygon"
ASSETS = ("USDT", "MATIC")


class Kamipay(Adapter):
    provider = "kamipay"
    capabilities = Capabilities(
        create=True,
        sweep=False,
        get=False,
        list=False,
        cancel=False,
        idempotent_create=False,
        reconcile=False,
        memo=False,
        networks=known_networks("kamipay"),
        assets=frozenset(ASSETS),
    )
    statuses: ClassVar[Mapping[str, PayoutStatus]] = {
        "mined": PayoutStatus.COMPLETED,
        "dropped": PayoutStatus.FAILED,
        "not_found": PayoutStatus.FAILED,
        "reverted": PayoutStatus.FAILED,
    }
    error_rules = PLAIN_REFUSALS

    @classmethod
    def make_client(cls, base_url: str, settings: Mapping[str, str], **kwargs: Any) -> Any:
        return kamipay.client(settings["username"], settings["password"], base_url=base_url, **kwargs)

    def wallets(self) -> Flow[list[str]]:
        answer = yield from self.call(list_merchant_wallets)
        return [wallet.address for wallet in answer.parsed]

    def balances(self) -> Flow[list[Balance]]:
        found = []
        for address in (yield from self.wallets()):
            answer = yield from self.call(get_address_balance, address=address, chain=Chain.POLYGON)
            # Balances are JSON numbers: read them from the raw answer, never through a float.
            for token in loads_exact(answer.content)["data"]["tokens"]:
                found.append(Balance(str(token["token"]), token["balance"], Decimal(0), address, self.network(CHAIN)))
        return found

    def setup(self) -> Flow[None]:
        if "wallet" in self.settings:
            return
        wallets = yield from self.wallets()
        if len(wallets) != 1:
            message = f"the merchant has {len(wallets)} wallets: pass wallet= to connect to choose one"
            raise InvalidRequestError(self.provider, message)
        self.settings["wallet"] = wallets[0]

    def submit(self, request: PayoutRequest) -> Call:
        if request.asset not in ASSETS or request.network != CHAIN:
            raise InvalidRequestError(self.provider, f"kamiPay pays {' and '.join(ASSETS)} on Polygon only")
        body = WithdrawRequest(
            chain=Chain.POLYGON,
            token=WithdrawToken(request.asset.lower()),
            amount=float_carrier(self.provider, request.amount),
            from_address=self.settings["wallet"],
            to_address=request.address,
        )
        return Call(create_withdrawal, kwargs={"body": body})

    def created(self, answer: Any, request: PayoutRequest) -> Payout:
        result = self.expect(answer, WithdrawResponse).data
        exact = loads_exact(answer.content)["data"]
        amount = exact.get(f"{request.asset.lower()} amount", request.amount)
        return Payout(
            provider=self.provider,
            id=result.transaction_hash,
            status=self.status(result.status),
            raw_status=str(result.status),
            asset=request.asset,
            network=self.network(CHAIN),
            address=result.to,
            amount=amount,
            fee=None,  # the gas kamiPay charged is not in the answer
            txid=result.transaction_hash,
            created_at=None,
            updated_at=None,
            reference=request.reference,
            raw=answer.parsed,
        )


def float_carrier(provider: str, amount: Decimal) -> float:
    """The amount as the float the generated model carries, only when that float writes the same digits.

    The generated client sends kamiPay's JSON-number amount from a float; a float whose shortest
    form is the amount's own digits goes on the wire exactly (every USDT amount does). Anything
    longer would be rounded, so it is refused rather than sent.
    """
    carrier = float(amount)
    if Decimal(repr(carrier)) != amount:
        raise InvalidAmountError(
            provider, f"{amount} has more significant digits than kamiPay's client can send exactly"
        )
    return carrier


ADAPTER = Kamipay
