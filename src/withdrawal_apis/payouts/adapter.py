"""What every provider adapter (`providers/<name>/payouts.py`) shares: retried calls, a create that cannot pay twice.

A provider adapter is a subclass with a few tables (credentials, capabilities, status map, error
rules) and the few flows that differ (how to read balances, submit a create, read one page). All
of them are flows (see `..flow`): they yield generated-client calls and never do I/O themselves.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

from ..chains import same_address
from ..registry import get
from . import errors
from .errors import ErrorRule, NotSupportedError, OutcomeUnknownError, PayoutError
from .flow import CALL_FAILURES, PARSE_FAILURES, Call, Flow, Sleep
from .models import Balance, Capabilities, Payout, PayoutRequest, PayoutStatus, Sweep
from .networks import common_network, provider_network
from .retry import RetryPolicy

log = logging.getLogger("withdrawal_apis.payouts")

M = TypeVar("M")

RECONCILE_PAGES = 10
TIMESTAMP_RESOLUTION = 1.0  # providers stamp creation to the second
"""How many pages of recent payouts a reconcile reads before it calls the outcome unknown."""


@dataclass(frozen=True)
class Page:
    """One page of payouts, newest first, and the cursor of the next one (None at the end)."""

    items: list[Payout]
    next: Any = None


class Adapter:
    """One provider behind the common interface. Subclasses fill in the tables and the flows that differ."""

    provider: ClassVar[str]  # the registry name; `connect` takes the settings the registry names for it
    capabilities: ClassVar[Capabilities]
    statuses: ClassVar[Mapping[str, PayoutStatus]]
    error_rules: ClassVar[tuple[ErrorRule, ...]] = ()

    def __init__(self, settings: Mapping[str, str], policy: RetryPolicy) -> None:
        # Only what the flows need; secrets stay inside the generated client's auth.
        self.settings = {k: v for k, v in settings.items() if k not in self.secret_names()}
        self.policy = policy
        self.known: deque[str] = deque(maxlen=1000)  # payouts this client created: never a reconcile match

    @classmethod
    def secret_names(cls) -> frozenset[str]:
        return get(cls.provider).settings.secrets

    @classmethod
    def make_client(cls, base_url: str, settings: Mapping[str, str], **kwargs: Any) -> Any:
        """The generated client with the provider's auth installed."""
        raise NotImplementedError

    # -- what a provider supplies -------------------------------------------------------------
    def balances(self) -> Flow[list[Balance]]:
        raise NotImplementedError

    def setup(self) -> Flow[None]:
        """Whatever a create must look up before its first attempt (none by default)."""
        yield from ()

    def submit(self, request: PayoutRequest) -> Call:
        """The one call that creates a payout."""
        raise self.unsupported("create")

    def created(self, answer: Any, request: PayoutRequest) -> Payout:
        """The payout a successful `submit` answered."""
        raise NotImplementedError

    def get(self, payout_id: str) -> Flow[Payout]:
        raise self.unsupported("get")

    def page(self, cursor: Any) -> Flow[Page]:
        """The page at `cursor` (None: the first), newest first."""
        raise self.unsupported("list")

    def cancel(self, payout_id: str) -> Flow[Payout]:
        raise self.unsupported("cancel")

    def sweep(self, asset: str, network: str | None) -> Flow[Sweep]:
        raise self.unsupported("sweep")

    def new_reference(self) -> str | None:
        """A reference for a create the caller gave none to, where the provider can carry one."""
        return None

    def idempotency_key(self, reference: str | None) -> str | None:
        """The provider's idempotency key for a create, where it has one."""
        return None

    # -- shared helpers -----------------------------------------------------------------------
    def unsupported(self, what: str) -> NotSupportedError:
        return NotSupportedError(self.provider, f"{self.provider}'s API has no way to {what} payouts")

    def status(self, raw: object) -> PayoutStatus:
        return self.statuses.get(str(raw), PayoutStatus.UNKNOWN)

    def network(self, name: str | None) -> str | None:
        return common_network(self.provider, name)

    def expect(self, answer: Any, model: type[M]) -> M:
        """The parsed body of a 2xx answer, which must be the documented model (never a silent None)."""
        parsed = answer.parsed
        if not isinstance(parsed, model):
            message = f"answered HTTP {int(answer.status_code)} with {type(parsed).__name__}, not {model.__name__}"
            raise errors.ProviderUnavailableError(self.provider, message, http_status=int(answer.status_code))
        return parsed

    # -- calls with retries -------------------------------------------------------------------
    def call(self, endpoint: Any, *args: Any, **kwargs: Any) -> Flow[Any]:
        """One endpoint call, retried on 429, 5xx and broken connections; a typed error otherwise.

        Use it for reads, and for writes the provider makes safe to repeat.
        """
        step = Call(endpoint, args, kwargs)
        for attempt in itertools.count():
            outcome = yield from self._attempt(step)
            if not isinstance(outcome, PayoutError):
                return outcome
            delay = self.policy.delay(attempt, outcome)
            if delay is None:
                raise outcome
            yield from self._wait(delay, step, outcome)
        raise AssertionError("unreachable")

    def _attempt(self, step: Call) -> Flow[Any]:
        """The answer of one try, or the typed error it amounts to (returned, not raised)."""
        try:
            answer = yield step
        except CALL_FAILURES as error:
            return errors.from_transport(self.provider, error)
        status = int(answer.status_code)
        if 200 <= status < 300:
            return answer
        return errors.from_answer(self.provider, status, answer.content, answer.headers, self.error_rules)

    def _wait(self, delay: float, step: Call, failure: PayoutError) -> Flow[None]:
        operation = step.endpoint.__name__.rpartition(".")[2]
        log.info("%s: %s failed (%s); retrying in %.2f s", self.provider, operation, failure.message, delay)
        yield Sleep(delay)

    # -- the create that cannot pay twice -----------------------------------------------------
    def request(
        self, asset: str, network: str, address: str, amount: Decimal, memo: str | None, reference: str | None
    ) -> PayoutRequest:
        if not self.capabilities.create:
            raise self.unsupported("create")
        if memo and not self.capabilities.memo:
            raise NotSupportedError(self.provider, f"{self.provider} takes no memo or destination tag")
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
            raise errors.InvalidAmountError(self.provider, "amount must be a positive, finite Decimal")
        reference = reference or self.new_reference()
        return PayoutRequest(
            asset=asset,
            network=provider_network(self.provider, network),
            address=address,
            amount=amount,
            memo=memo or None,
            reference=reference,
            idempotency_key=self.idempotency_key(reference),
        )

    def create(self, request: PayoutRequest) -> Flow[Payout]:
        """Submit, and retry only where a second attempt cannot pay twice.

        An answer lost after the request may have reached the provider (a 5xx, a broken connection, a
        timeout) is retried as is where the provider deduplicates (an idempotency key); elsewhere the
        provider's own records are searched first (`find_created`): one match is the payout, none means
        it was not created and a retry is safe, anything else raises `OutcomeUnknownError`.
        """
        yield from self.setup()
        step = self.submit(request)
        since = time.time()
        for attempt in itertools.count():
            outcome = yield from self._attempt(step)
            if not isinstance(outcome, PayoutError):
                payout = self._read_created(outcome, request)
                self.known.append(payout.id)
                return payout
            delay = self.policy.delay(attempt, outcome)
            if outcome.may_have_acted and not self.capabilities.idempotent_create:
                if delay is not None:
                    yield from self._wait(delay, step, outcome)  # let the provider settle before looking
                found = yield from self._reconcile(request, since, outcome)
                if found is not None:
                    self.known.append(found.id)
                    return found
                if delay is None:
                    raise outcome  # nothing was created: the plain failure
                continue
            if delay is None:
                if outcome.may_have_acted:
                    raise OutcomeUnknownError.after(outcome, request, "every retry failed") from outcome
                raise outcome
            yield from self._wait(delay, step, outcome)
        raise AssertionError("unreachable")

    def _read_created(self, answer: Any, request: PayoutRequest) -> Payout:
        """The payout a 2xx create answered; if that answer cannot be read, the payout may still exist."""
        try:
            return self.created(answer, request)
        except (PayoutError, *PARSE_FAILURES) as error:
            failure = PayoutError(self.provider, f"an unreadable answer ({type(error).__name__})")
            why = "the provider accepted the request but its answer could not be read"
            raise OutcomeUnknownError.after(failure, request, why) from error

    def _reconcile(self, request: PayoutRequest, since: float, failure: PayoutError) -> Flow[Payout | None]:
        if not self.capabilities.reconcile:
            why = f"{self.provider} offers no way to look up a payout that was not acknowledged"
            raise OutcomeUnknownError.after(failure, request, why) from failure
        try:
            found = yield from self.find_created(request, since - self.policy.reconcile_window)
        except PayoutError as search_failed:
            why = f"looking it up failed too ({search_failed.message})"
            raise OutcomeUnknownError.after(failure, request, why) from search_failed
        if found is None:
            raise OutcomeUnknownError.after(failure, request, "the search did not reach back far enough") from failure
        found = [payout for payout in found if payout.id not in self.known]
        if len(found) > 1:
            why = f"{len(found)} recent payouts match it and none is known to be it"
            raise OutcomeUnknownError.after(failure, request, why) from failure
        if found and found[0].reference is None and _stamped_before(found[0], since - TIMESTAMP_RESOLUTION):
            # Matched without a reference, within the clock-skew window but before the first attempt: as
            # likely an earlier identical payout (another process's, or this app's) as this one.
            why = "a matching payout was stamped before this request was first sent"
            raise OutcomeUnknownError.after(failure, request, why) from failure
        return found[0] if found else None

    def find_created(self, request: PayoutRequest, not_before: float) -> Flow[list[Payout] | None]:
        """Payouts created since `not_before` that match `request`; None if that cannot be searched fully.

        By default: the newest pages of `list`, until one reaches past `not_before`.
        """
        matches: list[Payout] = []
        cursor = None
        for _ in range(RECONCILE_PAGES):
            page = yield from self.page(cursor)
            matches += [p for p in page.items if is_created_by(p, request, not_before, self.network)]
            reached = any(p.created_at is not None and p.created_at.timestamp() < not_before for p in page.items)
            if reached or page.next is None:
                return matches
            cursor = page.next
        return None


def is_created_by(payout: Payout, request: PayoutRequest, not_before: float, network: Any) -> bool:
    """Whether `payout` looks like the one `request` would have made (same amount, address, network, time)."""
    if payout.created_at is not None and payout.created_at.timestamp() < not_before:
        return False
    if payout.reference is not None and payout.reference != request.reference:
        return False
    return (
        payout.amount == request.amount
        and same_address(payout.address, request.address)
        and payout.network in (None, network(request.network))
    )


def _stamped_before(payout: Payout, moment: float) -> bool:
    return payout.created_at is None or payout.created_at.timestamp() < moment
