"""The one retry policy: bounded attempts, exponential backoff with jitter, `Retry-After` honoured.

Reads are retried on 429, 5xx and broken connections. A create is retried only when a second
attempt cannot pay twice (see `Adapter.create`): the decision is made there, the waiting here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .errors import PayoutError


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait between attempts.

    `max_retries` attempts after the first; waits double from `initial_delay` up to `max_delay`,
    each shortened by up to `jitter` (a fraction) at random so that many clients do not retry in
    step. A provider's `Retry-After` (with a 429 or a 503) is waited as given, unless it exceeds
    `max_retry_after`: then the error is raised at once with its `retry_after`, for the caller to schedule.
    `reconcile_window` is how far before a lost create a matching payout may have been created (in
    seconds, to allow for clock skew between this machine and the provider).
    """

    max_retries: int = 3
    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0
    reconcile_window: float = 300.0

    def delay(self, attempt: int, failure: PayoutError) -> float | None:
        """Seconds to wait before retry number `attempt + 1` after `failure`; None to give up."""
        if attempt >= self.max_retries or not failure.retryable:
            return None
        if failure.retry_after is not None:  # a 429's, or a 503's: the provider's own wait
            return failure.retry_after if failure.retry_after <= self.max_retry_after else None
        backoff = min(self.initial_delay * 2.0**attempt, self.max_delay)
        return backoff * (1.0 - self.jitter * random.random())
