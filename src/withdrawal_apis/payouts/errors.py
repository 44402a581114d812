"""One exception class per failure kind, all under `PayoutError`, and how an answer becomes one.

Every error carries the provider, the provider's own error `code` (where it has codes), the HTTP
status (None when no answer arrived) and the provider's message. The kind comes from the HTTP
status first; a provider's table of codes and messages then refines it (an insufficient balance may
be a bare 400 at one provider and a 400 with its own code at another). Error bodies are never kept whole, so nothing
a request carried can reach a log through an exception.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar

import httpx

from .models import PayoutRequest


class PayoutError(Exception):
    """Base of every error the payouts interface raises."""

    retryable: ClassVar[bool] = False

    def __init__(
        self,
        provider: str,
        message: str,
        *,
        http_status: int | None = None,
        code: int | str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.provider = provider
        self.message = message
        self.http_status = http_status
        self.code = code
        self.retry_after = retry_after  # the provider's `Retry-After`, in seconds, when it sent one
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = ", ".join(
            part
            for part in (
                f"HTTP {self.http_status}" if self.http_status is not None else "",
                f"code {self.code}" if self.code is not None else "",
            )
            if part
        )
        return f"{self.provider}: {self.message}" + (f" ({where})" if where else "")

    @property
    def may_have_acted(self) -> bool:
        """Whether the provider may have carried the request out although this error came back."""
        return False


class AuthenticationError(PayoutError):
    """The credentials were refused (or the login failed)."""


class PermissionDeniedError(PayoutError):
    """Authenticated, but not allowed to do this (scope, IP list, not your resource)."""


class InvalidRequestError(PayoutError):
    """The provider refused the request as it was written."""


class InvalidAddressError(InvalidRequestError):
    """The destination is malformed, on another network, or not on the allowed list."""


class InvalidAmountError(InvalidRequestError):
    """The amount is zero, negative, too precise, or otherwise not payable."""


class InsufficientFundsError(InvalidRequestError):
    """The balance does not cover the amount (and fee)."""


class ConflictError(InvalidRequestError):
    """The request clashes with an earlier one (an idempotency key reused for a different payout)."""


class NotFoundError(PayoutError):
    """No such payout (or account) for these credentials."""


class NotSupportedError(PayoutError):
    """The provider's API has no way to do this."""


class RateLimitedError(PayoutError):
    """Too many requests; `retry_after` is the provider's wait in seconds, when it said."""

    retryable = True


class ProviderUnavailableError(PayoutError):
    """A 5xx answer, a broken connection or a timeout: the provider could not be reached or failed.

    `sent` is False when the request certainly never left (the connection was not even opened).
    """

    retryable = True

    def __init__(self, provider: str, message: str, *, sent: bool = True, **kwargs: Any) -> None:
        self.sent = sent
        super().__init__(provider, message, **kwargs)

    @property
    def may_have_acted(self) -> bool:
        return self.sent


class OutcomeUnknownError(PayoutError):
    """A create may or may not have made a payout, and nothing the provider offers can tell which.

    Check with the provider (or its dashboard) before paying again. `request` is what was sent,
    with the `reference` and, where the provider has one, the `idempotency_key`: creating again
    with the same `reference` at a provider with an idempotency key is safe.
    """

    def __init__(self, provider: str, message: str, *, request: PayoutRequest, **kwargs: Any) -> None:
        self.request = request
        super().__init__(provider, message, **kwargs)

    @classmethod
    def after(cls, failure: PayoutError, request: PayoutRequest, why: str) -> OutcomeUnknownError:
        """The error for a create whose last attempt ended in `failure`, and `why` nothing can tell."""
        return cls(
            failure.provider,
            f"the payout may have been created: {why} (last failure: {failure.message})",
            request=request,
            http_status=failure.http_status,
            code=failure.code,
        )


# -- from an answer ---------------------------------------------------------------------------
_BY_STATUS: dict[int, type[PayoutError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitedError,
}
_MESSAGE_KEYS = ("message", "error", "detail", "msg")


@dataclass(frozen=True)
class ErrorRule:
    """A provider's refinement: an answer with this `code`, or a message matching `message`, is a `kind`."""

    kind: type[PayoutError]
    code: int | str | None = None
    message: str | None = None  # a regular expression, searched case-insensitively

    def matches(self, code: int | str | None, message: str) -> bool:
        if self.code is not None and self.code != code:
            return False
        return self.message is None or re.search(self.message, message, re.IGNORECASE) is not None


# How providers without error codes word the three common refusals, in this order.
PLAIN_REFUSALS = (
    ErrorRule(InsufficientFundsError, message="insufficient"),
    ErrorRule(InvalidAddressError, message="address"),
    ErrorRule(InvalidAmountError, message="amount"),
)


def from_answer(
    provider: str, status: int, content: bytes, headers: httpx.Headers | Any, rules: Iterable[ErrorRule]
) -> PayoutError:
    """The typed error for a non-2xx answer: by HTTP status, then by the provider's rules."""
    code, message = _code_and_message(content)
    message = message or f"HTTP {status}"
    kind = _BY_STATUS.get(status) or (ProviderUnavailableError if status >= 500 else InvalidRequestError)
    if status < 500:
        kind = next((rule.kind for rule in rules if rule.matches(code, message)), kind)
    retry_after = retry_after_seconds(headers.get("retry-after"))  # sent with a 429 or a 503
    return kind(provider, message, http_status=status, code=code, retry_after=retry_after)


def from_transport(provider: str, error: Exception) -> PayoutError:
    """No usable answer: the connection failed, timed out, broke, or the answer could not be read."""
    response = getattr(error, "response", None)
    if isinstance(response, httpx.Response):  # a refused login raised by the provider's auth
        refused = from_answer(provider, response.status_code, b"", response.headers, ())
        refused.message = str(error)  # the auth's own words: they never include the credentials
        refused.args = (refused._describe(),)
        return refused
    never_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
    what = "no answer" if isinstance(error, httpx.TransportError) else "an unreadable answer"
    return ProviderUnavailableError(provider, f"{what} ({type(error).__name__})", sent=not never_sent)


def _code_and_message(content: bytes) -> tuple[int | str | None, str]:
    try:
        body = json.loads(content) if content else None
    except ValueError:
        return None, ""
    if not isinstance(body, dict):
        return None, ""
    code = body.get("code")
    code = code if isinstance(code, int | str) and not isinstance(code, bool) and code != 0 else None
    for key in _MESSAGE_KEYS:
        if isinstance(body.get(key), str):
            return code, body[key]
    errors = body.get("errors")
    if isinstance(errors, list):
        return code, "; ".join(str(e) for e in errors)
    return code, ""


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` as seconds: a number, or an HTTP date turned into the wait until then."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
