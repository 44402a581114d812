"""Schemathesis hooks that sign every request the way the provider does, for plain `st run`.

    export <PROVIDER>_<SETTING>=...      # the provider's credentials, as `withdrawal-apis fuzz --help` lists them
    SCHEMATHESIS_HOOKS=withdrawal_apis.schemathesis_hooks WITHDRAWAL_APIS_PROVIDER=<provider> \\
        st run specs/<provider>.yaml --url http://127.0.0.1:8000 --checks all --mode all

Environment:

- `WITHDRAWAL_APIS_PROVIDER`: the provider whose signer to use; unset, nothing is signed (the
  sandbox control API has no authentication).
- The provider's credential variables (`withdrawal-apis fuzz --help` lists them per provider).
- `WITHDRAWAL_APIS_VARIANT`: for a provider with several schemes, which one (its conformance profile's `variants`).
- `WITHDRAWAL_APIS_AUTH=generated`: sign nothing and send what schemathesis generates for the
  security scheme (empty, malformed, made-up values); every secured operation must refuse it.
- `WITHDRAWAL_APIS_EVENTS`: a file to append one JSON line per call to (the harness reads it).
- `WITHDRAWAL_APIS_BODY_RULES=off`: sign only; generated bodies go out as schemathesis generated them,
  so the run shows what a schema-valid request meets at the server. What it then finds should be
  refusals by the rules each operation lists under `x-business-rules` and nothing else.

Signatures are per request, so signing happens twice. `ProviderAuth.set` signs a request shaped
like the generated case, which tells schemathesis the case is authenticated and which headers to
strip when it probes for ignored authentication. Right before sending, `before_call` attaches
`SignAsSent`, which runs the signer again over the request exactly as `requests` prepared it, so a
scheme that signs the body or the URI covers the bytes that go out. Probes schemathesis derives from
a case do not carry `SignAsSent`, and it never re-adds a header the request no longer has.

Generated positive bodies (never a request example the spec declares) are adjusted by the provider's
declared business rules (`BodyRule`), and each call's event names the rules that touched it.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

import httpx
import requests
import schemathesis
from schemathesis.core.parameters import ParameterLocation

from .conformance import hooks_env
from .core.profile import ConformanceProfile, credentials_from_env, profile_of
from .registry import ConfigurationError, get
from .spec import RULE_HEADER


def _load() -> tuple[ConformanceProfile | None, httpx.Auth | None]:
    name = os.environ.get(hooks_env.PROVIDER, "")
    if not name:
        return None, None
    provider = get(name)
    profile = profile_of(provider)
    try:
        credentials = credentials_from_env(provider)
    except ConfigurationError as error:
        raise SystemExit(f"{error} (the hooks sign {name} requests with them)") from None
    overlay = profile.variants.get(os.environ.get(hooks_env.VARIANT, ""), {})
    # One signer for the whole run, so a login-based provider logs in once and reuses its token.
    return profile, profile.make_auth({**credentials, **overlay})


PROFILE, AUTH = _load()
BODY_RULES = os.environ.get(hooks_env.BODY_RULES, "on") != "off"
SIGNING = AUTH is not None and os.environ.get(hooks_env.AUTH, "sign") != "generated"
# Carries the calls an auth flow makes before the signed request itself (a login).
_preliminary = httpx.Client(timeout=10)


def operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId") or case.operation.label)


def is_secured(case: Any) -> bool:
    """Whether the operation requires credentials (a login operation declares `security: []`)."""
    declared = case.operation.definition.raw.get("security")
    if declared is None:
        declared = case.operation.schema.raw_schema.get("security") or []
    return bool(declared) and all(requirement for requirement in declared)


def signer_headers(auth: httpx.Auth, request: httpx.Request) -> list[tuple[str, str]]:
    """The headers `auth` adds or changes on `request`, with the signer's own name casing.

    The flow runs to the point where it hands back `request` itself; anything it asks to send before
    that (a login) is sent for real and its answer handed back.
    """
    before = dict(request.headers)
    flow = auth.sync_auth_flow(request)
    signed = next(flow)
    while signed is not request:
        response = _preliminary.send(signed)
        response.read()
        signed = flow.send(response)
    flow.close()
    changed = []
    for raw_name, raw_value in signed.headers.raw:
        name, value = raw_name.decode("latin-1"), raw_value.decode("latin-1")
        if before.get(name.lower()) != value:
            changed.append((name, value))
    return changed


if SIGNING:

    @schemathesis.auth(refresh_interval=None, retry_on=[])
    class ProviderAuth:
        """Runs the provider's signer over a request shaped like the case and copies its headers."""

        def get(self, case: Any, ctx: Any) -> httpx.Auth:
            assert AUTH is not None
            return AUTH

        def set(self, case: Any, data: httpx.Auth, ctx: Any) -> None:
            if not is_secured(case):
                return
            base_url = (case.operation.base_url or case.operation.schema.get_base_url()).rstrip("/")
            body = case.body if isinstance(case.body, (dict, list)) else None
            request = httpx.Request(case.method, f"{base_url}{case.formatted_path}", json=body)
            case.headers = dict(case.headers or {})
            # The signer's own header-name casing lets schemathesis find and strip the header when it
            # probes for ignored authentication.
            for name, value in signer_headers(data, request):
                case.headers[name] = value


class SignAsSent(requests.auth.AuthBase):
    """Runs the provider's signer over a request exactly as `requests` is about to send it.

    Only headers the request still carries are replaced: whatever schemathesis removed or
    deliberately broke stays removed.
    """

    def __init__(self, auth: httpx.Auth) -> None:
        self.auth = auth

    def __call__(self, prepared: requests.PreparedRequest) -> requests.PreparedRequest:
        body = prepared.body
        if not isinstance(body, (str, bytes, type(None))):
            return prepared  # a streamed body cannot be signed here
        content = body.encode() if isinstance(body, str) else (body or b"")
        headers = {k: v.decode("latin-1") if isinstance(v, bytes) else v for k, v in prepared.headers.items()}
        try:
            request = httpx.Request(prepared.method or "GET", prepared.url or "", headers=headers, content=content)
            changed = signer_headers(self.auth, request)
        except (httpx.InvalidURL, UnicodeError, ValueError):
            return prepared  # a URL httpx cannot represent keeps its generation-time signature
        for name, value in changed:
            if name in prepared.headers:
                prepared.headers[name] = value
        return prepared


# -- business rules and the call log ----------------------------------------------------------------
_rules_applied: dict[str, list[str]] = {}  # case id -> the `why` of each rule that changed its body
_as_written: set[str] = set()  # ids of cases whose body is a request example the spec declares
_events_lock = threading.Lock()
_events_path = os.environ.get(hooks_env.EVENTS)


def _phase(case: Any) -> str:
    meta = getattr(case, "meta", None)
    return str(meta.phase.name.value) if meta is not None else "explicit"


def _is_positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and not meta.generation.mode.is_negative


def declared_examples(case: Any) -> list[Any]:
    """The request body examples the spec declares for the case's operation, as written."""
    raw_schema = case.operation.schema.raw_schema
    content = _resolve(raw_schema, case.operation.definition.raw.get("requestBody") or {}).get("content") or {}
    found = []
    for media in content.values():
        if "example" in media:
            found.append(media["example"])
        for example in (media.get("examples") or {}).values():
            found.append(_resolve(raw_schema, example).get("value"))
    return found


def _resolve(raw_schema: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        for token in node["$ref"][2:].split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def apply_body_rules(case: Any) -> list[str]:
    """Adjust a generated positive body by the provider's declared rules; the spec's examples stay as written.

    Schemathesis's examples phase also assembles bodies from property-level and response examples;
    those are generated data like any other, so only a body equal to a declared example is exempt.
    """
    if PROFILE is None or not BODY_RULES or not isinstance(case.body, dict) or case.body in declared_examples(case):
        return []
    meta = case.meta
    if meta is None or meta.is_negative_at(ParameterLocation.BODY) or not _is_positive(case):
        return []
    return [rule.why for rule in PROFILE.rules_for(operation_id(case)) if rule.apply(case.body)]


def _pop_as_written(case_id: str) -> bool:
    found = case_id in _as_written
    _as_written.discard(case_id)
    return found


def _record(event: dict[str, Any]) -> None:
    if not _events_path:
        return
    line = json.dumps(event, sort_keys=True) + "\n"
    with _events_lock, open(_events_path, "a", encoding="utf-8") as handle:
        handle.write(line)


def _signed(case: Any) -> bool:
    return SIGNING and bool(getattr(case, "_has_explicit_auth", False))


@schemathesis.hook
def before_call(ctx: Any, case: Any, **kwargs: Any) -> None:
    """Runs right before sending, in every phase, after the stateful phase has filled in linked values."""
    if isinstance(case.body, dict) and case.body in declared_examples(case):
        _as_written.add(case.id)
    else:
        _rules_applied[case.id] = apply_body_rules(case)
    # Re-sign at send time whatever `ProviderAuth` signed at generation time (schemathesis marks those
    # cases; it skips auth for cases whose security parameters it negated on purpose).
    if _signed(case):
        assert AUTH is not None
        object.__setattr__(case, "_auth", SignAsSent(AUTH))


@schemathesis.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    _record(
        {
            "operation": operation_id(case),
            "label": case.operation.label,
            "phase": _phase(case),
            "positive": _is_positive(case),
            "secured": is_secured(case),
            "signed": _signed(case),
            "status": response.status_code,
            "rules": _rules_applied.pop(case.id, []),
            "example": _pop_as_written(case.id),
            # the `x-business-rules` entry an emulator names when a business rule refused the request
            "rule": (response.headers.get(RULE_HEADER) or [None])[0],
        }
    )


@schemathesis.hook
def after_network_error(ctx: Any, case: Any, request: Any) -> None:
    _rules_applied.pop(case.id, None)
    _pop_as_written(case.id)
    _record({"operation": operation_id(case), "label": case.operation.label, "phase": _phase(case), "status": 0})
