"""reports/bench.json and the tables printed from it: figures, targets, and the two ways they are shown."""

from __future__ import annotations

import argparse
import io
import re
from typing import Any

from scripts.bench import report, scale
from scripts.bench.console import Output
from scripts.bench.results import Measured, ProviderRun
from scripts.bench.wrk import WrkResult

ANSI = re.compile(r"\x1b\[")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def measured(server: str, workload: str, rps: float, p99_ms: float, problems: list[str] | None = None) -> Measured:
    raw = {
        "requests": int(rps * 10),
        "duration_us": 10_000_000,
        "latency_us": {"p50": p99_ms * 400, "p99": p99_ms * 1000, "max": p99_ms * 3000},
        "errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
        "non2xx": 0,
        "statuses": {},
        "sample": "",
        "missing_ids": 0,
        "not_found": 0,
        "stale": 0,
    }
    return Measured(server, workload, WrkResult(raw), 0.5, 120.0, problems or [])


def document() -> dict[str, Any]:
    args = argparse.Namespace(
        connections=16, duration=10, warmup=2, prism_warmup=2, store="memory", server_cpu="0", load_cpu="1"
    )
    args.no_prism = False
    bare = {w: measured("bare-asgi", w, 10_000, 1.0) for w in report.WORKLOADS}
    fast = ProviderRun("alpha", {w: f"what {w} sends" for w in report.WORKLOADS}, startup_s=[0.5, 0.7])
    fast.emulator = {w: measured("emulator", w, 8_000, 4.0) for w in report.WORKLOADS}
    fast.prism = {w: measured("prism", w, 1_000, 30.0) for w in report.WORKLOADS}
    slow = ProviderRun("beta", dict.fromkeys(report.WORKLOADS, ""), startup_s=[2.0], failures=["Prism: no answer"])
    slow.emulator = {w: measured("emulator", w, 2_000, 12.0, ["3 non-2xx answers"]) for w in report.WORKLOADS}
    return report.document(args, [fast, slow], bare, 0.25, "5.16.0")


def test_the_document_holds_ratios_and_target_verdicts() -> None:
    doc = document()
    alpha, beta = doc["providers"]["alpha"], doc["providers"]["beta"]
    assert alpha["read"]["prism_ratio"] == 8.0
    assert alpha["read"]["ceiling_share"] == 0.8
    assert alpha["targets"] == dict.fromkeys(alpha["targets"], True)
    assert "prism" not in beta["read"]
    assert beta["targets"] == {
        "prism_ratio_read": None,
        "prism_ratio_create_then_get": None,
        "ceiling_share_read": False,
        "ceiling_share_read_aim": False,
        "p99_under_10ms": False,
        "startup_under_1_5s": False,
    }


def test_plain_tables_for_a_log() -> None:
    stream = io.StringIO()
    report.print_tables(document(), Output(stream))
    text = stream.getvalue()
    assert not ANSI.search(text)
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("provider"))
    assert header.split() == ["provider", "workload", "req/s", "p50", "ms", "p99", "ms", "max", "ms", "cpu", "us",
                              "Prism", "x", "Prism", "ceiling", "load"]  # fmt: skip
    assert "alpha      read              8000    1.60    4.00    12.0     120   1000     8.00      80%  0.50" in lines
    assert "beta       create-then-get   2000    4.80   12.00    36.0     120      -        -      20%  0.50" in lines
    assert any(re.fullmatch(r"p99 < 10 ms\s+met\s+MISSED", line) for line in lines)
    assert any(re.fullmatch(r">= 3x Prism \(read\)\s+met\s+n/a", line) for line in lines)
    assert "  beta: Prism: no answer" in lines
    assert "  beta read emulator: 3 non-2xx answers" in lines


def test_rich_tables_on_a_terminal_show_the_same_figures() -> None:
    plain, terminal = io.StringIO(), Terminal()
    report.print_tables(document(), Output(plain))
    report.print_tables(document(), Output(terminal))
    drawn = terminal.getvalue()
    assert ANSI.search(drawn)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)
    for figure in ("8000", "1.60", "4.00", "8.00", "80%", "2000", "20%", "MISSED", "n/a", "0.600", "2.000"):
        assert figure in plain.getvalue()
        assert figure in shown
    assert "\x1b[31m" in drawn or "\x1b[1;31m" in drawn  # a missed target is red


def test_the_scale_table_has_a_row_per_operation_and_the_footprint() -> None:
    def size(p50: float, p99: float) -> dict[str, Any]:
        return {
            "operations": {"get": {"p50_ms": p50, "p99_ms": p99, "samples": 50, "problems": []}},
            "fill_s": 1.0,
            "startup_s": 0.4,
            "rss_mib": None,
            "db_mib": 3.0,
            "load_average": 0.5,
        }

    sizes = {"1000": size(1.0, 2.0), "10000": size(2.0, 30.0)}
    doc = {"sizes": [1000, 10000], "providers": {"alpha": {"sizes": sizes, "growth": scale.growth(sizes)}}}
    columns, rows, starts = scale.table_rows(doc)
    assert columns == ["provider", "operation", "1 k", "10 k", "p50 x", "p99 x", "target"]
    assert starts == [0]
    get, rss, db, startup = ([c if isinstance(c, str) else c.plain for c in row] for row in rows)
    assert get == ["alpha", "get", "1.00 / 2.00", "2.00 / 30.00", "2.00", "15.00", "p99 MISSED, GROWS"]
    assert rss == ["alpha", "RSS MiB", "-", "-", "", "", ""]
    assert db[2:4] == ["3", "3"]
    assert startup[2:4] == ["0.40", "0.40"]
