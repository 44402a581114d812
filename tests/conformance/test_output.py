"""What a run prints: plain lines where the output is read by a log or a script, rich on a terminal.

The plain summary is also the report file's head, and users and tests parse it (`JUnit: ...`, the
table after `checks failed`, `untested: ...`): its lines are pinned here.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from withdrawal_apis.conformance import progress, summary
from withdrawal_apis.conformance.calls import OperationTally
from withdrawal_apis.conformance.findings import Failure, Findings, Request
from withdrawal_apis.conformance.plan import Pass, Target
from withdrawal_apis.conformance.runner import PassResult
from withdrawal_apis.registry import get

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LONG = "GET /v1/withdrawals/{id}/an/operation/label/long/enough/to/pass/the/edge/of/an/eighty/column/terminal"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def tally(label: str, operation_id: str, **statuses: int) -> OperationTally:
    return OperationTally(label, operation_id, Counter({int(s.removeprefix("s")): n for s, n in statuses.items()}))


def result(tmp_path: Path) -> PassResult:
    mpchat = get("mpchat")
    plan = Pass("fuzz", Target("mpchat", mpchat.spec_path, "http://127.0.0.1:1", mpchat), 7)
    tallies = {
        "GET /v1/balance": tally("GET /v1/balance", "get_balance", s200=9, s401=1),
        LONG: tally(LONG, "get_withdrawal", s200=3, s404=2, s500=1),
    }
    request = Request("GET", "http://127.0.0.1:1/v1/withdrawals/x", {"Accept": "*/*"}, None)
    failure = Failure(LONG, "not_a_server_error", "Server error", "Received a 500", 500, request)
    findings = Findings(failures={(LONG, "not_a_server_error", "Server error"): failure})
    return PassResult(plan, 1, tallies, findings, tmp_path / "junit.xml", "", 1.5)


def test_the_plain_summary_is_the_report_text_line_for_line(tmp_path: Path) -> None:
    found = summary.summarize("mpchat", [result(tmp_path)], tmp_path / "report.txt")
    stream = io.StringIO()
    summary.show(found, stream)
    assert stream.getvalue() == found.text() + "\n"
    lines = found.text().splitlines()
    width = len(LONG)
    assert lines[:4] == [
        "mpchat: FAILED (16 cases)",
        f"  {'pass':<22} {'operation':<{width}}  cases   2xx   4xx   5xx  checks failed",
        f"  {'fuzz':<22} {'GET /v1/balance':<{width}}     10     9     1     0  -",
        f"  {'fuzz':<22} {LONG}      6     3     2     1  not_a_server_error",
    ]
    assert "    1. " + LONG + ": Server error (not_a_server_error) [500]" in lines
    assert "         curl -X GET -H 'Accept: */*' http://127.0.0.1:1/v1/withdrawals/x" in lines
    assert lines[-2:] == [f"  JUnit: {tmp_path / 'junit.xml'}", f"  report: {tmp_path / 'report.txt'}"]


def test_a_terminal_gets_a_drawn_table_with_nothing_cut_short(tmp_path: Path) -> None:
    found = summary.summarize("mpchat", [result(tmp_path)], tmp_path / "report.txt")
    stream = Terminal()
    summary.show(found, stream)
    drawn = stream.getvalue()
    assert "\x1b[1;31mFAILED\x1b[0m" in drawn
    shown = ESCAPE.sub("", drawn)
    assert "━" in shown or "─" in shown  # a drawn table, not padded text
    assert LONG in shown  # wider than the 80 columns rich assumes here, and whole
    assert "…" not in shown
    for line in found.details:
        assert line in shown.splitlines()  # the details (curl lines) exactly as in the report


def test_statuses_are_coloured_by_class_and_read_as_the_plain_line() -> None:
    counted = tally("GET /a", "a", s0=1, s200=2, s404=3, s503=4)
    text = progress.status_text(counted)
    assert text.plain == counted.statuses_text() == "no-answerx1 200x2 404x3 503x4"
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles == {"no-answerx1": "red", "200x2": "green", "404x3": "yellow", "503x4": "red"}


def test_the_live_table_on_a_terminal_and_plain_lines_elsewhere(tmp_path: Path) -> None:
    assert isinstance(progress.for_stream(io.StringIO()), progress.PlainLines)
    assert isinstance(progress.for_stream(Terminal(), live=False), progress.PlainLines)
    stream = Terminal()
    live = progress.for_stream(stream)
    assert isinstance(live, progress.LiveTable)
    done = result(tmp_path)
    live.start(done.plan)
    live.update(done.plan, done.tallies, done.findings)
    live.finish(done)
    drawn = stream.getvalue()
    shown = ESCAPE.sub("", drawn)
    assert done.plan.title in shown
    assert "FAILED in 1.5 s, 16 cases" in shown
    assert "200x9 401x1" in shown
    # The cursor is never left hidden, even if a pass is interrupted before it finishes.
    hides, shows = [m.start() for m in re.finditer(r"\x1b\[\?25l", drawn)], list(re.finditer(r"\x1b\[\?25h", drawn))
    assert not hides or (shows and shows[-1].start() > hides[-1])


def test_plain_lines_end_a_pass_with_its_operations_and_verdict(tmp_path: Path) -> None:
    stream = io.StringIO()
    lines = progress.for_stream(stream)
    done = result(tmp_path)
    lines.start(done.plan)
    lines.finish(done)
    title = done.plan.title
    assert stream.getvalue().splitlines() == [
        f"{title}: started",
        f"{title}: {'GET /v1/balance':<{len(LONG)}}     10 cases  200x9 401x1",
        f"{title}: {LONG}      6 cases  200x3 404x2 500x1",
        f"{title}: FAILED in 1.5 s, 16 cases",
    ]
    assert not ESCAPE.search(stream.getvalue())
