"""The harness under each of SmartyPay's schemes reaches the business logic, not only authentication."""

from __future__ import annotations

import io
import re
from pathlib import Path

from withdrawal_apis.sandbox import Request, Response, SandboxConfig
from withdrawal_apis.testing import Emulator


def test_conformance_under_each_scheme_gets_past_authentication(tmp_path: Path) -> None:
    """A 403 is an accepted answer to any schemathesis case, so a green run alone cannot prove that
    the HMAC signer signs what is sent; count what the emulator answered to signed requests."""
    from withdrawal_apis.conformance import Pass, Target, progress, run_pass
    from withdrawal_apis.core.profile import profile_of
    from withdrawal_apis.registry import get

    answered: dict[tuple[str, str, int], int] = {}
    smartypay = get("smartypay")
    credentials = {"api_key": "conformance-key", "secret": "conformance-secret"}
    with Emulator("smartypay", SandboxConfig(test_mode=True, rate_limit=0), serve=True, seed=None) as running:
        pipeline = running.app.api

        async def counting(request: Request, body_refusal: int | None = None) -> Response:
            response = await pipeline(request, body_refusal)
            headers = request.headers
            scheme = "hmac" if "x-api-sig" in headers else "basic" if "authorization" in headers else ""
            # Negative cases put arbitrary characters in path segments, which a client may re-encode.
            plain = re.fullmatch(r"[A-Za-z0-9/_-]+", request.path) is not None
            key = (scheme, request.path.rsplit("/", 1)[-1] if plain else "<unusual path>", response.status)
            answered[key] = answered.get(key, 0) + 1
            return response

        running.app.api = counting  # type: ignore[assignment]
        running.seed(profile_of(smartypay).emulator_seed(credentials))
        target = Target("smartypay", smartypay.spec_path, running.base_url, smartypay, credentials)
        quiet = progress.for_stream(io.StringIO())
        results = [
            run_pass(Pass("fuzz", target, 1, max_examples=5, variant=v), tmp_path, quiet) for v in ("basic", "hmac")
        ]
    assert all(r.passed and r.junit.exists() for r in results), results[-1].output[-3000:]
    for scheme in ("basic", "hmac"):
        assert answered.get((scheme, "withdraw-now", 200), 0) >= 3, answered
        assert answered.get((scheme, "withdrawal-schedule", 200), 0) >= 3, answered
        refused = {k: v for k, v in answered.items() if k[0] == scheme and k[2] == 403 and k[1] != "<unusual path>"}
        assert sum(refused.values()) <= 3, refused  # schemathesis's own auth probes at most
