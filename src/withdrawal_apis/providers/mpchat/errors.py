"""MPChat's error body, `{"error": "<message>"}`, and the message each refused request field gets."""

from __future__ import annotations

from ...sandbox import ApiError, InsufficientFunds, Reason, Response

# Documented messages (from the orders table) and inferred ones, by the request field that failed.
FIELD_ERRORS = {
    ("body", "amount"): "invalid amount",
    ("body", "network"): "unsupported network",
    ("body", "destination_address"): "invalid destination address",
    ("body", "url"): "url must be an https URL",
    ("body", "events"): "unsupported event type",
    ("query", "limit"): "invalid limit",
    ("query", "offset"): "invalid offset",
}
_ABSENT = frozenset({"required", "missing"})  # a field not sent keeps the engine's "<field>: is required"


def render(error: ApiError) -> Response:
    message = error.message
    problem = error.problem
    if error.reason is Reason.INVALID_REQUEST and problem and problem.field and problem.keyword not in _ABSENT:
        message = FIELD_ERRORS.get((problem.location, str(problem.field[0])), message)
    return Response.json(error.status, {"error": message}, error.headers)


def insufficient_balance(short: InsufficientFunds) -> ApiError:
    """The merchant's available USDT does not cover the amount (and the fee, when it is on top)."""
    return ApiError(400, "insufficient balance", rule="covered-by-balance")
