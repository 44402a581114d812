"""1Konto's two error bodies and the lines it writes in them.

`{"status": <int>, "error": ...}` answers authentication, authorization, missing resources and
failures; `{"errors": [...], "status": "badRequest", "httpStatusCode": 400}` a refused request, each
line as the docs print it: `ValidationFailed: Field: problem`, or a rule's `Title: explanation`.
"""

from __future__ import annotations

from http import HTTPStatus

from ...money import json_number
from ...sandbox import ApiError, InsufficientFunds, Problem, Response, reason_words
from .amounts import parse_amount

STATUS_SHAPE = "status-error"  # ApiError.shape of a `{"status": <int>, "error": ...}` answer
INSTRUCTIONS_NOT_FOUND = "The withdraw instructions with the provided ID were not found"
DEPOSITS_NOT_FOUND = "The deposit instructions with the provided ID were not found"


def status_error(status: int, message: str | None = None, rule: str | None = None) -> ApiError:
    """`{"status": <int>, "error": ...}`: authentication, authorization, missing resources, failures."""
    return ApiError(status, message or HTTPStatus(status).phrase, shape=STATUS_SHAPE, rule=rule)


def request_errors(*errors: str, status: int = 400, rule: str | None = None) -> ApiError:
    """`{"errors": [...], "status": "badRequest", "httpStatusCode": 400}`: a refused request.

    `rule` names the operation's `x-business-rules` entry, where one refused the request.
    """
    return ApiError(status, "; ".join(errors), details={"errors": list(errors)}, rule=rule)


def validation_failed(*problems: str, rule: str | None = None) -> ApiError:
    """One `ValidationFailed: Field: problem. Field: problem` message, as the docs print it."""
    return request_errors("ValidationFailed: " + ". ".join(problems), rule=rule)


def insufficient_funds(short: InsufficientFunds) -> ApiError:
    """The request's amount is more than the account has available."""
    return request_errors(
        f"Insufficient Funds: Requested {json_number(short.needed)} {short.asset} "
        f"but only {json_number(short.available)} {short.asset} is available",
        rule="covered-by-balance",
    )


def render(error: ApiError) -> Response:
    """The error in the body its kind gets: a refused request's lines, or the status error."""
    refused_request = error.status == 400 or "errors" in error.details or error.problem is not None
    if error.shape == STATUS_SHAPE or not refused_request:
        message = error.message if error.shape == STATUS_SHAPE else HTTPStatus(error.status).phrase
        return Response.json(error.status, {"status": error.status, "error": message}, error.headers)
    errors = error.details.get("errors") or [_validation_line(error)]
    body = {"errors": errors, "status": status_word(error.status), "httpStatusCode": error.status}
    return Response.json(error.status, body, error.headers)


def _validation_line(error: ApiError) -> str:
    if error.problem is not None:
        return validation_line(error.problem)
    return f"ValidationFailed: {error.message}"


def status_word(status: int) -> str:
    """`badRequest`, `failedDependency`: the HTTP reason phrase in camel case, as 1Konto writes it."""
    words = reason_words(status)
    return words[0].lower() + "".join(w.capitalize() for w in words[1:])


def field_name(field: tuple[str | int, ...]) -> str:
    """`("amount",)` -> `Amount`, `("instructions", 0)` -> `Instructions[0]`, `()` -> `Body`."""
    if not field:
        return "Body"
    head, *rest = field
    text = str(head)
    return text[:1].upper() + text[1:] + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in rest)


def validation_line(problem: Problem) -> str:
    """A refused request as 1Konto prints it: `ValidationFailed: Field: problem` (never the value sent)."""
    if problem.keyword == "content_type":
        return "ValidationFailed: Content-Type: must be application/json"
    if problem.keyword == "malformed" and problem.location == "body":
        return "ValidationFailed: Body: must be well-formed JSON"
    if problem.location == "body" and problem.field == ("amount",) and problem.keyword == "pattern":
        return "ValidationFailed: " + ". ".join(amount_problems(problem.value))
    return f"ValidationFailed: {field_name(problem.field)}: {problem.explain()}"


def amount_problems(value: object) -> list[str]:
    """What is wrong with a withdraw amount the schema refused, as the docs' example words it
    (`Amount: must be positive. Asset: required`)."""
    try:
        amount = parse_amount(str(value)) if isinstance(value, str) else None
    except ValueError:
        amount = None
    if amount is None:
        return ["Amount: must be '<decimal> <ASSET>'"]
    found = [] if amount.value > 0 else ["Amount: must be positive"]
    if amount.asset is None:
        found.append("Asset: required")
    return found or ["Amount: must be '<decimal> <ASSET>'"]
