"""House rules every spec in the registry must follow (see design.md, "Conventions for the specs")."""

from __future__ import annotations

import re

from withdrawal_apis.registry import Provider
from withdrawal_apis.spec import SpecDocument

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def test_openapi_version_is_3_1(spec: SpecDocument) -> None:
    assert spec.raw["openapi"].startswith("3.1.")
    assert re.fullmatch(r"\d+\.\d+\.\d+", spec.raw["info"]["version"]), "info.version must be semver"


def test_every_operation_has_an_operation_id_in_snake_case(spec: SpecDocument) -> None:
    ids = [op.operation_id for op in spec.operations]
    bad = [f"{op.method.upper()} {op.path}" for op in spec.operations if not op.operation_id]
    assert not bad, f"operations without operationId: {bad}"
    assert all(SNAKE_CASE.match(i) for i in ids if i), ids
    assert len(ids) == len(set(ids)), "operationIds must be unique"


def test_every_operation_has_a_tag_docs_and_its_own_security(spec: SpecDocument) -> None:
    problems = []
    for op in spec.operations:
        name = op.operation_id
        if not op.raw.get("tags"):
            problems.append(f"{name}: no tag")
        if not (op.raw.get("externalDocs") or {}).get("url"):
            problems.append(f"{name}: no externalDocs.url")
        # The generator ignores top-level security, so each operation states its own (or [] if public).
        if "security" not in op.raw:
            problems.append(f"{name}: no operation-level security")
        for requirement in op.raw.get("security") or []:
            for scheme in requirement:
                if scheme not in spec.raw.get("components", {}).get("securitySchemes", {}):
                    problems.append(f"{name}: undefined security scheme {scheme}")
    assert not problems, "\n".join(problems)


def test_every_api_operation_documents_a_4xx_with_a_schema(spec: SpecDocument) -> None:
    # Webhooks are excluded: their responses are the receiver's, not the provider's.
    problems = []
    for op in spec.operations:
        if op.is_webhook:
            continue
        with_schema = []
        for status, response in (op.raw.get("responses") or {}).items():
            if not str(status).startswith("4"):
                continue
            resolved, _ = spec.resolve(response, f"{op.pointer}/responses/{status}")
            media = (resolved.get("content") or {}).values()
            if any("schema" in m for m in media):
                with_schema.append(status)
        if not with_schema:
            problems.append(f"{op.operation_id}: no 4xx response with a schema")
    assert not problems, "\n".join(problems)


def test_every_documented_response_has_a_description(spec: SpecDocument) -> None:
    for op in spec.operations:
        for status, response in (op.raw.get("responses") or {}).items():
            resolved, _ = spec.resolve(response, f"{op.pointer}/responses/{status}")
            assert resolved.get("description"), f"{op.operation_id} {status}: no description"


def test_provider_specs_record_known_deviations(provider: Provider) -> None:
    spec = SpecDocument(provider.spec_path)
    assert "## Known deviations" in spec.raw["info"]["description"]
    assert spec.raw.get("externalDocs", {}).get("url")
