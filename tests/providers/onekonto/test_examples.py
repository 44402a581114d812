"""Every request the 1Konto spec shows is a real request: sent unmodified to the emulator with its demo
seed (the docs' example account), it succeeds.

Bodies are each operation's request examples; path and query values are the parameters' examples.
Authenticated operations log in as the demo seed's user, who is the login page's example user.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from withdrawal_apis.providers import onekonto
from withdrawal_apis.registry import get
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.spec import Operation, SpecDocument
from withdrawal_apis.testing import Emulator

SPEC = SpecDocument(get("onekonto").spec_path)


def parameters(operation: Operation) -> list[dict[str, Any]]:
    found = []
    for index, parameter in enumerate(operation.raw.get("parameters", [])):
        resolved, _ = SPEC.resolve(parameter, f"{operation.pointer}/parameters/{index}")
        found.append(resolved)
    return found


def requests() -> Iterator[tuple[str, Operation, Any]]:
    """(case id, operation, body or None) for every example request the spec shows."""
    for operation in SPEC.operations:
        content = (operation.raw.get("requestBody") or {}).get("content", {}).get("application/json", {})
        examples = content.get("examples") or {}
        if examples:
            for name, example in examples.items():
                yield f"{operation.operation_id}:{name}", operation, example["value"]
        else:
            yield f"{operation.operation_id}:parameters", operation, None


CASES = list(requests())


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Emulator]:
    with Emulator("onekonto", SandboxConfig(test_mode=True, rate_limit=0)) as emulator:
        yield emulator
        assert not emulator.violations, emulator.violations


def test_every_operation_has_a_case() -> None:
    assert {operation.operation_id for _, operation, _ in CASES} == {op.operation_id for op in SPEC.operations}
    assert len(CASES) == len(SPEC.operations)  # one example body per operation that takes a body


@pytest.mark.parametrize(("case", "operation", "body"), CASES, ids=[case for case, _, _ in CASES])
def test_the_example_request_succeeds(sandbox: Emulator, case: str, operation: Operation, body: Any) -> None:
    path, query = operation.path, {}
    for parameter in parameters(operation):
        if "example" not in parameter:
            assert not parameter.get("required"), f"{case}: required parameter {parameter['name']} has no example"
            continue
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", str(parameter["example"]))
        elif parameter["in"] == "query":
            query[parameter["name"]] = parameter["example"]
    secured = operation.raw["security"] != []
    [account] = sandbox.seeded.values()
    user = account["credentials"][0]
    auth = onekonto.OneKontoAuth(user["key_id"], user["secret"]) if secured else None
    with sandbox.http(auth=auth) as http:
        response = http.request(operation.method.upper(), path, params=query, json=body)
    assert response.status_code == 200, f"{case}: {response.status_code} {response.text}"
    assert response.json()["status"] == "ok"


def test_the_login_example_is_the_docs_user_with_the_digest_of_the_docs_password(sandbox: Emulator) -> None:
    login = SPEC.at("/paths/~1api~1v1~1identity~1jwt/post/requestBody/content/application~1json/examples/docs/value")
    assert login == {"user": "user@example.com", "password": onekonto.password_digest("password")}
    # The page's request taken literally (the password in plain text) is a wrong password.
    with sandbox.http() as http:
        literal = http.post("/api/v1/identity/jwt", json={**login, "password": "password"})
    assert literal.status_code == 401
    assert literal.json() == {"status": 401, "error": "Unauthorized"}
