"""`withdrawal-apis drift check`: the proxy's validation over captured traffic, from any of the tools
that capture it, with the same verdicts and the same exit statuses."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from withdrawal_apis.cli import main
from withdrawal_apis.drift.traffic import Exchange, TrafficError, har_document, read_traffic
from withdrawal_apis.drift.validation import TrafficValidator
from withdrawal_apis.registry import get
from withdrawal_apis.spec import spec_document

from .conftest import Rig

DATA = Path(__file__).parent / "data"


def check(capsys: pytest.CaptureFixture[str], provider: str, traffic: Path, *more: str) -> tuple[int, str, str]:
    status = main(["drift", "check", provider, str(traffic), "--report-dir", str(traffic.parent / "report"), *more])
    out, err = capsys.readouterr()
    return status, out, err


def write_har(
    path: Path, exchanges: list[Exchange], provider: str = "mpchat", origin: str = "http://127.0.0.1:9"
) -> Path:
    validator = TrafficValidator(spec_document(get(provider).spec_path))
    path.write_text(json.dumps(har_document(exchanges, validator.policy, origin)))
    return path


def test_the_proxy_capture_gives_the_proxy_findings(mpchat_rig: Rig, tmp_path: Path) -> None:
    result = mpchat_rig.run("change-type")
    har = write_har(tmp_path / "traffic.har", [exchange for exchange, _ in result.recorder.kept])
    validator = TrafficValidator(spec_document(get("mpchat").spec_path))
    checked = [validator.check(exchange) for exchange in read_traffic(har)]
    assert len(checked) == len(result.recorder.kept)
    for (_, live), again in zip(result.recorder.kept, checked, strict=True):
        assert {f.key for f in again.findings} == {f.key for f in live.findings}


def test_exit_status_says_whether_there_is_drift(
    mpchat_rig: Rig, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "clean").mkdir()
    (tmp_path / "drifted").mkdir()
    clean = write_har(tmp_path / "clean" / "t.har", [e for e, _ in mpchat_rig.run(None).recorder.kept])
    status, out, _ = check(capsys, "mpchat", clean)
    assert status == 0
    assert "no drift" in out
    drifted = write_har(tmp_path / "drifted" / "t.har", [e for e, _ in mpchat_rig.run("float-money").recorder.kept])
    status, out, _ = check(capsys, "mpchat", drifted)
    assert status == 1
    assert "DRIFT" in out
    assert "type" in out
    summary = json.loads((tmp_path / "drifted" / "report" / "summary.json").read_text())
    assert summary["drift"]
    assert summary["counts"]["error"] >= 1
    assert all({"first_seen", "last_seen", "count", "expected", "seen"} <= set(f) for f in summary["findings"])
    assert "<table>" in (tmp_path / "drifted" / "report" / "summary.html").read_text()
    lines = (tmp_path / "drifted" / "report" / "drift.ndjson").read_text().splitlines()
    assert lines
    assert all(json.loads(line)["exchange"] for line in lines)


@pytest.mark.parametrize(
    ("content", "says"),
    [("not traffic at all", "neither HAR"), ('{"log": {"entries": []}}', "no exchange"), (None, "no such file")],
)
def test_what_cannot_be_checked_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, says: str
) -> None:
    traffic = tmp_path / "traffic.har"
    if content is not None:
        traffic.write_text(content)
    status, _, err = check(capsys, "mpchat", traffic)
    assert status == 2
    assert len(err.strip().splitlines()) == 1
    assert says in err


def test_schemathesis_reports_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The VCR cassette and the NDJSON events schemathesis wrote while fuzzing the MPChat emulator."""
    for name in ("schemathesis-mpchat.yaml", "schemathesis-mpchat.ndjson"):
        exchanges = list(read_traffic(DATA / name))
        assert len(exchanges) == 2
        assert {e.status for e in exchanges} == {404}
        assert all(e.mode == "positive" for e in exchanges)
    tampered = tmp_path / "events.ndjson"
    wrong = base64.b64encode(b'{"error": 404}').decode()
    text = (DATA / "schemathesis-mpchat.ndjson").read_text()
    tampered.write_text(
        text.replace('"$base64":"eyJlcnJvciI6IndpdGhkcmF3YWwgbm90IGZvdW5kIn0="', f'"$base64":"{wrong}"')
    )
    status, out, _ = check(capsys, "mpchat", tampered)
    assert status == 1
    assert "/error: type" in out


def browser_entry(url: str, status: int, body: bytes, headers: list[dict[str, str]]) -> dict[str, object]:
    return {
        "startedDateTime": "2026-01-02T03:04:05.678Z",
        "time": 12.5,
        "request": {"method": "GET", "url": url, "headers": [{"name": ":authority", "value": "x"}, *headers]},
        "response": {
            "status": status,
            "headers": [{"name": "content-type", "value": "application/json; charset=utf-8"}],
            "content": {
                "size": len(body),
                "mimeType": "application/json",
                "text": base64.b64encode(body).decode(),
                "encoding": "base64",
            },
        },
    }


def test_a_browser_capture_is_narrowed_to_the_base_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    balance = b'{"merchant_id": "m", "available": "10.00", "frozen": 0.5}'
    har = {
        "log": {
            "version": "1.2",
            "entries": [
                browser_entry("https://cdn.example/app.js", 200, b"[]", []),
                browser_entry("https://sandbox.example/api/v1/balance", 200, balance, []),
                browser_entry("https://sandbox.example/elsewhere/v1/balance", 200, b"{}", []),
            ],
        }
    }
    traffic = tmp_path / "browser.har"
    traffic.write_text(json.dumps(har))
    assert len(list(read_traffic(traffic))) == 3
    kept = list(read_traffic(traffic, "https://sandbox.example/api"))
    assert [e.target for e in kept] == ["/v1/balance"]
    assert ("x", ":authority") not in [(v, k) for k, v in kept[0].request_headers]
    status, out, _ = check(capsys, "mpchat", traffic, "--base-url", "https://sandbox.example/api")
    assert status == 1
    assert "/frozen: type" in out
    assert "1 exchanges" in out


def known_case(provider: str, method: str, target: str, status: int, body: object) -> list[tuple[str, str, str]]:
    validator = TrafficValidator(spec_document(get(provider).spec_path))
    exchange = Exchange(
        method, target, [("content-type", "application/json")], b"", status,
        [("content-type", "application/json")], json.dumps(body).encode(),
    )  # fmt: skip
    return [(f.rule, f.level, f.known or "") for f in validator.check(exchange).findings]


def test_deviations_the_spec_documents_are_known_not_drift() -> None:
    schedule = {"period": "FirstDayOfWeek", "unifiedMinAmount": "50"}  # the provider's own table types it as a string
    found = known_case("smartypay", "GET", "/v1/merchants/m1/withdrawal-schedule", 200, schedule)
    assert [(rule, level) for rule, level, _ in found] == [("type", "known")]
    assert found[0][2].startswith("Known deviations 5")
    bare = [{"asset_symbol": "BTC", "balance": "1", "locked_balance": "0"}]  # without the envelope
    found = known_case("bigone", "GET", "/viewer/accounts", 200, bare)
    assert found
    assert all(level == "known" for _, level, _ in found)
    found = known_case(
        "mpchat", "GET", "/v1/withdrawals?page=2&per_page=10", 401, {"error": "missing authorization header"}
    )
    assert [(rule, level) for rule, level, _ in found] == [("undocumented-parameter", "known")] * 2
    found = known_case("kamipay", "POST", "/v1/withdraw", 404, {"detail": "Not Found"})
    assert [(rule, level) for rule, level, _ in found] == [("undocumented-operation", "known")]
    found = known_case("mpchat", "GET", "/v1/balance", 200, {"merchant_id": "m", "available": 1, "frozen": "0"})
    assert [(rule, level) for rule, level, _ in found] == [("type", "error")]


def test_every_mark_names_a_deviation_the_description_lists(provider: object) -> None:
    from withdrawal_apis.drift.known import KnownDeviations

    spec = spec_document(provider.spec_path)  # type: ignore[attr-defined]
    known = KnownDeviations(spec)
    rules = {"type", "required", "enum", "content-type", "status", "undocumented-operation", "undocumented-parameter"}
    for pointer, marks in known.marks.items():
        for mark in marks:
            assert mark.deviation in known.titles, f"{pointer}: Known deviations {mark.deviation} does not exist"
            assert mark.rule in rules, f"{pointer}: {mark.rule} is not a rule the drift tools report"
            spec.at(pointer)  # the mark sits where the spec has something


def test_a_file_that_is_not_traffic_is_refused() -> None:
    with pytest.raises(TrafficError):
        list(read_traffic(DATA.parent / "conftest.py"))
