"""Schemathesis hooks, loaded by the CLI through `SCHEMATHESIS_HOOKS` (see `conformance.py`).

The harness passes the provider, its credentials and a counts file through the environment;
this module then signs every request with the provider's own `httpx.Auth` (a fresh signature per
request), repairs positive bodies the provider's business rules would reject for reasons the
schema cannot express, and counts the cases sent per operation.
"""

from __future__ import annotations

import atexit
import collections
import importlib
import json
import os
from typing import Any

import httpx
import schemathesis
from schemathesis.core.parameters import ParameterLocation

from .providers import get
from .providers.profile import ConformanceProfile

PROVIDER = get(os.environ["WITHDRAWAL_APIS_PROVIDER"])
PROFILE: ConformanceProfile = importlib.import_module(PROVIDER.module).CONFORMANCE
CREDENTIALS: dict[str, str] = json.loads(os.environ.pop("WITHDRAWAL_APIS_CREDENTIALS", "{}"))
COUNTS_FILE = os.environ.get("WITHDRAWAL_APIS_COUNTS")
_counts: collections.Counter[str] = collections.Counter()


@schemathesis.auth(refresh_interval=None, retry_on=[])
class ProviderAuth:
    """Runs the provider's signer over a request shaped like the case and copies its headers."""

    def get(self, case: Any, ctx: Any) -> httpx.Auth:
        return PROFILE.make_auth(CREDENTIALS)

    def set(self, case: Any, data: httpx.Auth, ctx: Any) -> None:
        body = case.body if isinstance(case.body, (dict, list)) else None
        request = httpx.Request(case.method, f"http://conformance.invalid{case.formatted_path}", json=body)
        before = dict(request.headers)
        flow = data.sync_auth_flow(request)
        signed = next(flow)
        flow.close()
        case.headers = dict(case.headers or {})
        # `raw` keeps the signer's header-name casing, which schemathesis needs to find and strip it
        # when it probes for ignored authentication.
        for raw_name, raw_value in signed.headers.raw:
            name, value = raw_name.decode("latin-1"), raw_value.decode("latin-1")
            if before.get(name.lower()) != value:
                case.headers[name] = value


@schemathesis.hook
def before_call(ctx: Any, case: Any, **kwargs: Any) -> None:
    """Runs right before sending, in every phase, after the stateful phase has filled in linked values."""
    meta = getattr(case, "meta", None)
    negative = meta is not None and meta.is_negative_at(ParameterLocation.BODY)
    if PROFILE.fix_body and not negative and isinstance(case.body, dict):
        PROFILE.fix_body(case.operation.definition.raw.get("operationId", ""), case.body)


@schemathesis.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    _counts[case.operation.definition.raw.get("operationId") or case.operation.label] += 1


@atexit.register
def _write_counts() -> None:
    if COUNTS_FILE:
        with open(COUNTS_FILE, "w", encoding="utf-8") as handle:
            json.dump(dict(_counts), handle, sort_keys=True)
