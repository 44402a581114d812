"""Every request example of every provider spec, sent as written to an emulator started with its demo seed.

A *request example* is what a reader of the published reference copies to try an operation:

- each named example (or the bare `example`) of an operation's request body, sent with the
  operation's parameters filled in from their own examples;
- for an operation without a request body, the request its parameter examples make, when at least
  one parameter has an example (one request per named example of a parameter that has several).

Each is sent unmodified (the body exactly as the spec gives it, JSON or form; no address, amount or
id rewritten) to `withdrawal_apis.testing.Emulator(provider)`: in-process, seeded with the provider's
demo seed, in test mode. Operations that are not public are signed with the provider's
`CONFORMANCE.make_auth` over the demo seed's first credential (its key id and secret under the names
the provider's settings give them), as a user who copied the printed credentials would.

What it must answer: a 2xx the operation documents. An example that illustrates a documented error
says so with `x-expected-status` on its Example Object (the request body's example, or a parameter's
named example), e.g. `x-expected-status: 401` on a login example whose credentials are the docs'
placeholders; the status must be one the operation documents. Test mode checks every answer against
the spec, so an error comes in the provider's documented shape. Webhooks (requests the provider
sends) and the control API's spec are not provider requests and are not sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest

from withdrawal_apis.core.profile import ConformanceProfile, profile_of
from withdrawal_apis.registry import PROVIDERS, Provider, get
from withdrawal_apis.spec import Operation, SpecDocument
from withdrawal_apis.testing import Emulator

EXPECTED = "x-expected-status"


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path | query | header
    examples: tuple[tuple[str, Any, int | None], ...]  # (example name, value, expected status)


@dataclass(frozen=True)
class Case:
    provider: str
    operation_id: str
    name: str  # which example: `body:docs`, `parameters`, `parameter id:docs`
    method: str
    path: str
    public: bool
    documented: frozenset[str]  # the response statuses the operation documents
    params: Mapping[str, tuple[str, Any]] = field(default_factory=dict)  # name -> (location, value)
    content_type: str | None = None
    body: Any = None
    expected: int | None = None

    @property
    def id(self) -> str:
        return f"{self.provider}-{self.operation_id}-{self.name}"


def _example_value(spec: SpecDocument, example: Any, pointer: str) -> tuple[Any, int | None]:
    resolved, _ = spec.resolve(example, pointer)
    expected = resolved.get(EXPECTED)
    return resolved.get("value"), None if expected is None else int(expected)


def _parameters(spec: SpecDocument, op: Operation) -> list[Parameter]:
    item_pointer = op.pointer.rsplit("/", 1)[0]
    declared: dict[tuple[str, str], Parameter] = {}
    for owner, pointer in ((spec.at(item_pointer), item_pointer), (op.raw, op.pointer)):
        for index, raw in enumerate(owner.get("parameters") or []):
            parameter, where = spec.resolve(raw, f"{pointer}/parameters/{index}")
            if parameter["in"] == "cookie":
                continue
            examples: list[tuple[str, Any, int | None]] = []
            if "example" in parameter:
                examples.append(("example", parameter["example"], None))
            for name, example in (parameter.get("examples") or {}).items():
                examples.append((name, *_example_value(spec, example, f"{where}/examples/{name}")))
            declared[parameter["name"], parameter["in"]] = Parameter(
                parameter["name"], parameter["in"], tuple(examples)
            )
    return list(declared.values())


def request_examples(provider: Provider) -> Iterator[Case]:
    spec = SpecDocument(provider.spec_path)
    for op in spec.operations:
        if op.is_webhook or op.operation_id is None:
            continue
        parameters = _parameters(spec, op)
        first = {p.name: (p.location, p.examples[0][1]) for p in parameters if p.examples}
        from_params = [e[2] for p in parameters if p.examples for e in p.examples[:1] if e[2] is not None]
        base = Case(
            provider=provider.name,
            operation_id=op.operation_id,
            name="parameters",
            method=op.method.upper(),
            path=op.path,
            public=not any(op.raw.get("security") or []),
            documented=frozenset(str(status) for status in op.raw.get("responses") or {}),
            params=first,
            expected=from_params[0] if len(set(from_params)) == 1 else None,
        )
        body, _ = spec.resolve(op.raw.get("requestBody") or {}, f"{op.pointer}/requestBody")
        bodies: list[tuple[str, str, Any, int | None]] = []
        for content_type, media in (body.get("content") or {}).items():
            if "example" in media:
                bodies.append(("example", content_type, media["example"], None))
            for name, example in (media.get("examples") or {}).items():
                pointer = f"{op.pointer}/requestBody/content/{content_type.replace('/', '~1')}/examples/{name}"
                bodies.append((name, content_type, *_example_value(spec, example, pointer)))
        for name, content_type, value, expected in bodies:
            yield replace(
                base,
                name=f"body:{name}",
                content_type=content_type,
                body=value,
                expected=expected if expected is not None else base.expected,
            )
        if bodies or not first:
            continue
        yield base
        for parameter in parameters:
            for name, value, expected in parameter.examples[1:]:
                params = {**first, parameter.name: (parameter.location, value)}
                yield replace(base, name=f"parameter {parameter.name}:{name}", params=params, expected=expected)


CASES = [case for provider in PROVIDERS for case in request_examples(provider)]


def profile(provider: str) -> ConformanceProfile:
    return profile_of(get(provider))


def demo_credentials(sandbox: Emulator, provider: str) -> dict[str, str]:
    """The demo seed's first credential, named as the provider's conformance profile names them."""
    for account in sandbox.seeded.values():
        for credential in account.get("credentials") or []:
            return get(provider).settings.from_key(credential["key_id"], credential["secret"])
    raise AssertionError(f"the {provider} demo seed has no credential")


def build(case: Case) -> tuple[str, dict[str, Any]]:
    """The URL path and the keyword arguments of `httpx.Client.request` that send the example as written."""
    path = case.path
    query: dict[str, str] = {}
    headers: dict[str, str] = {}
    for name, (location, value) in case.params.items():
        text = json.dumps(value) if isinstance(value, bool) else str(value)
        if location == "path":
            path = path.replace("{" + name + "}", quote(text, safe=""))
        elif location == "query":
            query[name] = text
        else:
            headers[name] = text
    missing = [segment for segment in path.split("/") if segment.startswith("{")]
    assert not missing, f"{case.id}: no example for the path parameter(s) {missing}"
    kwargs: dict[str, Any] = {"params": query, "headers": headers}
    if case.content_type is not None:
        headers["content-type"] = case.content_type
        if case.content_type == "application/x-www-form-urlencoded":
            kwargs["content"] = urlencode(case.body).encode()
        elif case.content_type == "application/json" or case.content_type.endswith("+json"):
            kwargs["content"] = json.dumps(case.body).encode()
        else:
            pytest.fail(f"{case.id}: cannot send a {case.content_type} example")
    return path, kwargs


def send(case: Case) -> tuple[httpx.Response, list[str]]:
    """The answer of an emulator started with the demo seed, and the spec violations test mode saw."""
    with Emulator(case.provider) as sandbox:
        auth = None if case.public else profile(case.provider).make_auth(demo_credentials(sandbox, case.provider))
        path, kwargs = build(case)
        with sandbox.http(auth) as http:
            response = http.request(case.method, path, **kwargs)
            response.read()
        return response, list(sandbox.violations)


def verdict(case: Case, status: int) -> str | None:
    """Why the answer `status` is wrong for the example, or None."""
    if case.expected is not None:
        if str(case.expected) not in case.documented:
            return f"{EXPECTED}: {case.expected} is not a status the operation documents ({sorted(case.documented)})"
        if status != case.expected:
            return f"answered {status}, the example says {EXPECTED}: {case.expected}"
        return None
    if not 200 <= status < 300:
        return f"answered {status}: a request example must succeed, or say which documented error it shows"
    if str(status) not in case.documented:
        return f"answered {status}, which the operation does not document"
    return None


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_request_example_works_as_written(case: Case) -> None:
    response, violations = send(case)
    problem = verdict(case, response.status_code)
    assert problem is None, f"{case.id}: {problem}\n{response.text[:500]}"
    assert not violations, violations


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_every_provider_spec_has_request_examples(provider: Provider) -> None:
    cases = [case for case in CASES if case.provider == provider.name]
    assert any(case.content_type is not None for case in cases), f"{provider.name}: no request-body example"


# -- the check itself ---------------------------------------------------------------------------------
def _mpchat_create() -> Case:
    return next(
        c for c in CASES if (c.provider, c.operation_id, c.name) == ("mpchat", "create_withdrawal", "body:docs")
    )


def test_the_docs_own_unusable_example_would_be_refused() -> None:
    """MPChat's published sample address fails Base58Check: the check sees the 400, not a pass."""
    case = replace(
        _mpchat_create(), body={**_mpchat_create().body, "destination_address": "TXyz1234567890abcdefghijklmnopqrst"}
    )
    response, _ = send(case)
    assert response.status_code == 400
    assert verdict(case, response.status_code) == (
        "answered 400: a request example must succeed, or say which documented error it shows"
    )


def test_an_expected_status_must_be_documented_and_met() -> None:
    case = _mpchat_create()
    assert verdict(case, 201) is None
    assert verdict(replace(case, expected=400), 201) == "answered 201, the example says x-expected-status: 400"
    assert verdict(replace(case, expected=400), 400) is None
    assert "not a status the operation documents" in (verdict(replace(case, expected=418), 418) or "")
    assert verdict(case, 299) == "answered 299, which the operation does not document"


def test_parameter_examples_and_their_expected_status_are_read() -> None:
    get_withdrawal = next(c for c in CASES if (c.provider, c.operation_id) == ("mpchat", "get_withdrawal"))
    assert (get_withdrawal.name, get_withdrawal.params, get_withdrawal.expected) == (
        "parameters",
        {"id": ("path", "wd_01HQ8ZTXV...")},
        404,
    )
    assert build(get_withdrawal)[0] == "/v1/withdrawals/wd_01HQ8ZTXV..."
    login = next(c for c in CASES if (c.provider, c.operation_id) == ("kamipay", "create_access_token"))
    assert (login.public, login.expected, login.content_type) == (True, 401, "application/x-www-form-urlencoded")
    assert build(login)[1]["content"] == b"username=YOUR_USERNAME&password=YOUR_PASSWORD"
