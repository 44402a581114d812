"""A real workload for an emulator, read off its spec: what a drift tool in front of it gets to see.

`drive(emulator, base_url)` sends, through whatever listens at `base_url` (a proxy in front of the
emulator), with the provider's real authentication:

- every request example of the spec, as written (body and parameter examples);
- the links of every answer that has them (a created withdrawal read back, a listed one fetched);
- every secured operation once without credentials (the provider's documented refusal);
- the payouts interface's balances and list, through the generated client.

The emulator runs its lifecycles instantly, so reads after a create show a withdrawal that moved.
Nothing here names a provider: operations, examples and links come from the spec, credentials and
their signer from the provider's conformance profile.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import httpx

from ..core.profile import profile_of
from ..core.token_auth import LoginFailed
from ..spec import SpecDocument, escape_pointer, spec_document
from .emulator import Emulator


@dataclass(frozen=True)
class Call:
    """One request of the workload, before auth."""

    operation_id: str
    method: str
    path: str  # with the path parameters filled in
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None
    secured: bool = True
    body: Any = None  # the body as a value (for links that read `$request.body`)
    params: Mapping[tuple[str, str], Any] = field(default_factory=dict)  # (location, name) -> value


def example_calls(spec: SpecDocument) -> Iterator[Call]:
    """Every request example of the spec: each body example with the first parameter examples, or else
    one request of the parameter examples (and one per further named example of a parameter); an
    operation without examples that needs nothing is sent once as it is."""
    for op in spec.operations:
        if op.is_webhook or op.operation_id is None:
            continue
        params = _parameter_examples(spec, op.pointer, op.raw)
        first = {key: values[0] for key, values in params.items() if values}
        secured = any(op.raw.get("security") or [])
        bodies = list(_body_examples(spec, op.pointer, op.raw))
        for media, value in bodies:
            yield _call(op.operation_id, op.method, op.path, first, secured, media, value)
        if not bodies and not first and "{" not in op.path and not _needs_body(spec, op.pointer, op.raw):
            yield _call(op.operation_id, op.method, op.path, {}, secured)
        if not bodies and first:
            yield _call(op.operation_id, op.method, op.path, first, secured)
            for key, values in params.items():
                for value in values[1:]:
                    yield _call(op.operation_id, op.method, op.path, {**first, key: value}, secured)


def _parameter_examples(spec: SpecDocument, pointer: str, raw: dict[str, Any]) -> dict[tuple[str, str], list[Any]]:
    item_pointer = pointer.rsplit("/", 1)[0]
    found: dict[tuple[str, str], list[Any]] = {}
    for owner, where in ((spec.at(item_pointer), item_pointer), (raw, pointer)):
        for index, entry in enumerate(owner.get("parameters") or []):
            parameter, at = spec.resolve(entry, f"{where}/parameters/{index}")
            if parameter["in"] == "cookie":
                continue
            values = [parameter["example"]] if "example" in parameter else []
            for name, example in (parameter.get("examples") or {}).items():
                resolved, _ = spec.resolve(example, f"{at}/examples/{escape_pointer(name)}")
                values.append(resolved.get("value"))
            found[(parameter["in"], parameter["name"])] = values
    return found


def _needs_body(spec: SpecDocument, pointer: str, raw: dict[str, Any]) -> bool:
    body, _ = spec.resolve(raw.get("requestBody") or {}, f"{pointer}/requestBody")
    return bool(body.get("required"))


def _body_examples(spec: SpecDocument, pointer: str, raw: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    body, where = spec.resolve(raw.get("requestBody") or {}, f"{pointer}/requestBody")
    for media, content in (body.get("content") or {}).items():
        if "example" in content:
            yield media, content["example"]
        for name, example in (content.get("examples") or {}).items():
            resolved, _ = spec.resolve(
                example, f"{where}/content/{escape_pointer(media)}/examples/{escape_pointer(name)}"
            )
            yield media, resolved.get("value")


def _call(
    operation_id: str,
    method: str,
    template: str,
    params: Mapping[tuple[str, str], Any],
    secured: bool,
    media: str | None = None,
    body: Any = None,
) -> Call:
    path, query, headers = template, {}, {}
    for (location, name), value in params.items():
        text = json.dumps(value) if isinstance(value, bool) else str(value)
        if location == "path":
            path = path.replace("{" + name + "}", quote(text, safe=""))
        elif location == "query":
            query[name] = text
        else:
            headers[name] = text
    content = None
    if media is not None:
        headers["content-type"] = media
        content = (
            urlencode(body).encode() if media == "application/x-www-form-urlencoded" else json.dumps(body).encode()
        )
    return Call(operation_id, method.upper(), path, query, headers, content, secured, body, dict(params))


# -- driving ------------------------------------------------------------------------------------
def credentials(emulator: Emulator) -> dict[str, str]:
    """The demo seed's first credential, with the settings a client of its account needs."""
    return emulator.credentials


def drive(emulator: Emulator, base_url: str, *, timeout: float = 30) -> list[httpx.Response]:
    """The workload, through `base_url`; every answer, in the order sent."""
    emulator.set_advance("instant")
    spec = spec_document(emulator.provider.spec_path)
    profile = profile_of(emulator.provider)
    answers: list[httpx.Response] = []
    calls = list(example_calls(spec))
    variants = profile.credential_variants(credentials(emulator))
    with httpx.Client(base_url=base_url, timeout=timeout) as http:
        for variant in variants.values():
            auth = profile.make_auth(variant)
            for call in calls:
                try:
                    answer = _send(http, call, auth)
                except (httpx.HTTPError, LoginFailed, ValueError):
                    continue  # a login answer the client cannot read (a drifted one): the next call tries again
                answers.append(answer)
                answers += _follow_links(http, spec, call, answer, auth)
        for call in {c.operation_id: c for c in calls if c.secured}.values():
            answers.append(_send(http, call, None))
    answers += _payouts(emulator, base_url)
    return answers


def _send(http: httpx.Client, call: Call, auth: httpx.Auth | None) -> httpx.Response:
    request = http.build_request(call.method, call.path, params=call.query, headers=call.headers, content=call.content)
    answer = http.send(request, auth=auth if call.secured else None)
    answer.read()
    return answer


def _follow_links(
    http: httpx.Client, spec: SpecDocument, call: Call, answer: httpx.Response, auth: httpx.Auth
) -> list[httpx.Response]:
    """The operations the answer's `links` lead to, with the parameters their expressions name."""
    op = next(o for o in spec.operations if o.operation_id == call.operation_id)
    response, _ = spec.resolve((op.raw.get("responses") or {}).get(str(answer.status_code)) or {}, "")
    followed = []
    for link in (response.get("links") or {}).values():
        target = next((o for o in spec.operations if o.operation_id == link.get("operationId")), None)
        if target is None:
            continue
        values = {name: _evaluate(expr, call, answer) for name, expr in (link.get("parameters") or {}).items()}
        if any(value is None for value in values.values()):
            continue
        declared = _parameter_examples(spec, target.pointer, target.raw)
        params = {key: vals[0] for key, vals in declared.items() if vals}
        for location, name in list(declared):
            if name in values:
                params[(location, name)] = values[name]
        linked = _call(
            target.operation_id or "", target.method, target.path, params, any(target.raw.get("security") or [])
        )
        followed.append(_send(http, linked, auth))
    return followed


def _evaluate(expression: Any, call: Call, answer: httpx.Response) -> Any:
    """An OpenAPI runtime expression (`$response.body#/id`, `$request.body#/guid`, `$request.path.x`) or a constant."""
    if not isinstance(expression, str) or not expression.startswith("$"):
        return expression
    source, _, pointer = expression.partition("#")
    if source == "$response.body":
        try:
            document = answer.json()
        except ValueError:
            return None
        return _at(document, pointer)
    if source == "$request.body":
        return _at(call.body, pointer)
    for location in ("path", "query", "header"):
        if source.startswith(f"$request.{location}."):
            return call.params.get((location, source.removeprefix(f"$request.{location}.")))
    return None


def _at(document: Any, pointer: str) -> Any:
    for token in filter(None, pointer.split("/")):
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(document, dict):
            document = document.get(key)
        elif isinstance(document, list) and key.isdigit() and int(key) < len(document):
            document = document[int(key)]
        else:
            return None
    return document


def _payouts(emulator: Emulator, base_url: str) -> list[httpx.Response]:
    """The payouts interface's reads (balances, the first payouts listed) through `base_url`.

    An answer the client cannot read ends this part (a drifted answer may well be one).
    """
    from .. import payouts
    from ..payouts.errors import PayoutError
    from ..payouts.retry import RetryPolicy

    answers: list[httpx.Response] = []

    def record(response: httpx.Response) -> None:
        response.read()
        answers.append(response)

    settings: dict[str, Any] = {**emulator.credentials, "httpx_args": {"event_hooks": {"response": [record]}}}
    settings["retry"] = RetryPolicy(max_retries=0)  # one look at each answer: a drifted one is not retried
    with payouts.connect(emulator.provider.name, base_url=base_url, **settings) as client:
        try:
            client.balances()
            if client.capabilities.list:
                for _ in zip(range(5), client.list(), strict=False):
                    pass
        except PayoutError:
            pass
    return answers
