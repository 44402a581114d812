"""BigONE's error body, `{"code": <int>, "message": ...}`, and the errors its rules raise."""

from __future__ import annotations

from ...sandbox import ApiError, InsufficientFunds, Reason, Response

# Code and table message for errors raised without a BigONE code (routing, validation, limits, faults).
_DEFAULT_CODES: dict[int, tuple[int, str]] = {
    400: (10007, "Parameter error"),
    401: (40004, "Unauthorized"),
    403: (10403, "Permission denied"),
    404: (10013, "Resource not found"),
    405: (10013, "Resource not found"),
    413: (10007, "Parameter error"),
    429: (10429, "Too many requests"),
}
_INTERNAL = (10005, "Internal error")


def parameter_error(reason: str, rule: str | None = None) -> ApiError:
    """`10007`; `rule` names the operation's `x-business-rules` entry, where one refused the request."""
    return ApiError(400, f"Parameter error: {reason}", code=10007, rule=rule)


def not_found(reason: str = "", rule: str | None = None) -> ApiError:
    message = f"Resource not found: {reason}" if reason else "Resource not found"
    return ApiError(404, message, code=10013, rule=rule)


def permission_denied(reason: str, rule: str | None = None) -> ApiError:
    return ApiError(403, f"Permission denied: {reason}", code=10403, reason=Reason.FORBIDDEN, rule=rule)


def already_requested() -> ApiError:
    """A `guid` used before for another request."""
    return ApiError(403, "already requested", code=40302, rule="fresh-guid")


def insufficient_funds(short: InsufficientFunds) -> ApiError:
    """The account (fund, or a transfer's source) does not hold the amount."""
    return ApiError(400, "Insufficient funds", code=10014, rule="covered-by-balance")


def render(error: ApiError) -> Response:
    if error.code is not None:
        code, message = int(error.code), error.message
    elif error.status >= 500:
        code, message = _INTERNAL
    else:
        code, table_message = _DEFAULT_CODES.get(error.status, (10007, "Parameter error"))
        message = table_message if error.status == 429 else f"{table_message}: {error.message}"
    return Response.json(error.status, {"code": code, "message": message}, error.headers)
