"""SmartyPay's error body, `{"status": <int>, "code": "<Name>", "message": ...}`."""

from __future__ import annotations

from ...sandbox import ApiError, Response, reason_words


def render(error: ApiError) -> Response:
    # Without a code of its own, an error is named after its status: `BadRequest`, `TooManyRequests`.
    code = error.code if isinstance(error.code, str) else "".join(w.capitalize() for w in reason_words(error.status))
    if error.problem is not None and error.problem.field[:1] == ("unifiedMinAmount",):
        code = "UnifiedMinAmountInvalid"  # the documented code for a bad schedule amount
    body = {"status": error.status, "code": code, "message": error.message}
    return Response.json(error.status, body, error.headers)
