"""Schemathesis hooks, loaded by the CLI through `SCHEMATHESIS_HOOKS` (see `conformance.py`).

The harness passes the provider, its credentials and a counts file through the environment;
this module then signs every request with the provider's own `httpx.Auth` (a fresh signature per
request), repairs positive bodies the provider's business rules would reject for reasons the
schema cannot express, and counts the cases sent per operation.

Signing happens twice. When schemathesis generates a case, `ProviderAuth.set` puts the signer's
headers on it, so schemathesis knows the case is authenticated and which declared security headers
to strip when it probes for ignored authentication. Right before the case is sent (after `fix_body`
may have rewritten the body), `before_call` attaches `SignAsSent`, which runs the same signer again
over the request exactly as `requests` prepared it, so a scheme that signs the body (or the URI)
covers the bytes that actually go out. Probe requests schemathesis derives from a case do not carry
`SignAsSent`, and it never re-adds a header the request no longer has.
"""

from __future__ import annotations

import atexit
import collections
import importlib
import json
import os
from typing import Any

import httpx
import requests
import schemathesis
from schemathesis.core.parameters import ParameterLocation

from .providers import get
from .providers.profile import ConformanceProfile

PROVIDER = get(os.environ["WITHDRAWAL_APIS_PROVIDER"])
PROFILE: ConformanceProfile = importlib.import_module(PROVIDER.module).CONFORMANCE
CREDENTIALS: dict[str, str] = json.loads(os.environ.pop("WITHDRAWAL_APIS_CREDENTIALS", "{}"))
COUNTS_FILE = os.environ.get("WITHDRAWAL_APIS_COUNTS")
BASE_URL = os.environ.get("WITHDRAWAL_APIS_BASE_URL", "http://conformance.invalid").rstrip("/")
# One signer for the whole run, so a login-based provider logs in once and reuses its token.
AUTH = PROFILE.make_auth(CREDENTIALS)
# Carries the calls an auth flow makes before the signed request itself (a login).
_preliminary = httpx.Client(timeout=10)
_counts: collections.Counter[str] = collections.Counter()
_signed: collections.Counter[str] = collections.Counter()  # signed positive cases sent, per operation
_refused: collections.Counter[str] = collections.Counter()  # ... of which the server answered 401


@schemathesis.auth(refresh_interval=None, retry_on=[])
class ProviderAuth:
    """Runs the provider's signer over a request shaped like the case and copies its headers."""

    def get(self, case: Any, ctx: Any) -> httpx.Auth:
        return AUTH

    def set(self, case: Any, data: httpx.Auth, ctx: Any) -> None:
        body = case.body if isinstance(case.body, (dict, list)) else None
        request = httpx.Request(case.method, f"{BASE_URL}{case.formatted_path}", json=body)
        case.headers = dict(case.headers or {})
        # `raw` keeps the signer's header-name casing, which schemathesis needs to find and strip it
        # when it probes for ignored authentication.
        for name, value in signer_headers(data, request):
            case.headers[name] = value


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


@schemathesis.hook
def before_call(ctx: Any, case: Any, **kwargs: Any) -> None:
    """Runs right before sending, in every phase, after the stateful phase has filled in linked values."""
    meta = getattr(case, "meta", None)
    negative = meta is not None and meta.is_negative_at(ParameterLocation.BODY)
    if PROFILE.fix_body and not negative and isinstance(case.body, dict):
        PROFILE.fix_body(case.operation.definition.raw.get("operationId", ""), case.body)
    # Re-sign at send time whatever `ProviderAuth` signed at generation time (schemathesis marks those
    # cases; it skips auth for cases whose security parameters it negated on purpose).
    if getattr(case, "_has_explicit_auth", False):
        object.__setattr__(case, "_auth", SignAsSent(AUTH))


@schemathesis.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    operation = case.operation.definition.raw.get("operationId") or case.operation.label
    _counts[operation] += 1
    # A 401 passes every schemathesis check, so a broken signer would go unnoticed; count them.
    generation = getattr(getattr(case, "meta", None), "generation", None)
    secured = bool(case.operation.definition.raw.get("security"))  # a login operation is public
    positive = generation is not None and not generation.mode.is_negative
    if secured and positive and getattr(case, "_has_explicit_auth", False):
        _signed[operation] += 1
        if response.status_code == 401:
            _refused[operation] += 1


@atexit.register
def _write_counts() -> None:
    if COUNTS_FILE:
        with open(COUNTS_FILE, "w", encoding="utf-8") as handle:
            json.dump({"cases": _counts, "signed": _signed, "refused": _refused}, handle, sort_keys=True)
