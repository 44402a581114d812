"""The harness's small parts: redaction, the verdict on untested operations, argument splitting."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from withdrawal_apis.conformance.calls import CallLog
from withdrawal_apis.conformance.findings import Findings
from withdrawal_apis.conformance.options import split_passthrough
from withdrawal_apis.conformance.plan import Pass, Target
from withdrawal_apis.conformance.redact import REDACTED, Redactor
from withdrawal_apis.conformance.runner import PassResult
from withdrawal_apis.core.profile import profile_of
from withdrawal_apis.registry import get


def test_redactor_hides_security_headers_credentials_and_their_digests() -> None:
    redact = Redactor({"x-api-sig"}, ["hunter2-secret"])
    digest = hashlib.sha256(b"hunter2-secret").hexdigest()
    line = (
        "curl -H 'Authorization: Bearer abc.def' -H 'x-api-sig: 0a1b' -H 'Accept: */*' "
        f'-d \'{{"user": "u", "password": "{digest}", "secret": "hunter2-secret"}}\''
    )
    redacted = redact.text(line)
    assert "abc.def" not in redacted
    assert "0a1b" not in redacted
    assert digest not in redacted
    assert "hunter2-secret" not in redacted
    assert "Accept: */*" in redacted
    assert redacted.count(REDACTED) == 4


def result_with(calls: list[dict[str, object]], tmp_path: Path, **plan: object) -> PassResult:
    log = tmp_path / "calls.jsonl"
    log.write_text("".join(json.dumps(c) + "\n" for c in calls), encoding="utf-8")
    reader = CallLog(log)
    reader.read_new()
    mpchat = get("mpchat")
    target = Target("mpchat", mpchat.spec_path, "http://127.0.0.1:1", mpchat)
    return PassResult(Pass("fuzz", target, 1, **plan), 0, reader.tallies, Findings(), tmp_path / "j.xml", "", 0.0)


def call(label: str, status: int) -> dict[str, object]:
    return {"operation": label.split()[-1], "label": label, "status": status, "positive": True}


def test_an_operation_without_a_2xx_is_untested(tmp_path: Path) -> None:
    result = result_with([call("GET /a", 200), call("GET /b", 404), call("GET /b", 400)], tmp_path)
    assert [t.label for t in result.untested] == ["GET /b"]
    assert not result.passed


def test_only_429s_are_untested_even_where_a_2xx_is_not_required(tmp_path: Path) -> None:
    calls = [call("GET /a", 404), call("GET /b", 429), call("GET /b", 429)]
    result = result_with(calls, tmp_path, require_success=False)
    assert [t.label for t in result.untested] == ["GET /b"]


def test_allow_untested_accepts_a_named_gap(tmp_path: Path) -> None:
    result = result_with([call("GET /b", 404)], tmp_path, allow_untested=frozenset({"/b"}))
    assert result.untested == []
    assert result.passed


def test_signed_positive_cases_answered_401_are_refused(tmp_path: Path) -> None:
    signed = {"signed": True, "secured": True}
    result = result_with([call("GET /a", 200) | signed, call("GET /a", 401) | signed], tmp_path)
    assert result.refused == {"GET /a": 1}
    assert result.signed == 2
    assert not result.passed


def test_a_provider_refusing_credentials_with_403_has_those_counted_too(tmp_path: Path) -> None:
    signed = {"signed": True, "secured": True, "positive": True}
    log = tmp_path / "calls.jsonl"
    log.write_text("".join(json.dumps(call("GET /a", s) | signed) + "\n" for s in (200, 403, 401)), encoding="utf-8")
    smartypay = CallLog(log, profile_of(get("smartypay")).auth_refusals)
    smartypay.read_new()
    assert smartypay.tallies["GET /a"].refused == 2
    mpchat = CallLog(log, profile_of(get("mpchat")).auth_refusals)
    mpchat.read_new()
    assert mpchat.tallies["GET /a"].refused == 1  # a 403 there is a permission, not the credentials


def test_arguments_after_a_double_dash_go_to_schemathesis() -> None:
    argv = ["fuzz", "mpchat", "--seed", "3", "--", "--request-timeout", "5"]
    assert split_passthrough(argv) == (["fuzz", "mpchat", "--seed", "3"], ["--request-timeout", "5"])
    assert split_passthrough(["sandbox", "mpchat", "--", "x"]) == (["sandbox", "mpchat", "--", "x"], [])
    with_global_option = ["--log-level", "INFO", "fuzz", "mpchat", "--", "--request-timeout", "5"]
    assert split_passthrough(with_global_option) == (with_global_option[:4], ["--request-timeout", "5"])
