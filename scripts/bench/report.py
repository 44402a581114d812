"""The benchmark's figures: one JSON document (reports/bench.json) and the tables printed from it."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
from pathlib import Path
from typing import Any

from rich.text import Text

from .console import Cell, Output, figure, verdict
from .results import Measured, ProviderRun

TARGET_PRISM_RATIO = 3.0  # emulator req/s over Prism's, reads and create-then-get
TARGET_CEILING_SHARE = 0.4  # emulator req/s over the bare ASGI app's, reads
AIM_CEILING_SHARE = 0.6  # the longer aim for the same share, reported beside the target
TARGET_P99_MS = 10.0
TARGET_STARTUP_S = 1.5
WORKLOADS = ("read", "create-then-get")


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def _figures(m: Measured) -> dict[str, Any]:
    r = m.result
    return {
        "requests_per_second": round(r.requests_per_second, 1),
        "p50_ms": r.latency_ms("p50"),
        "p99_ms": r.latency_ms("p99"),
        "max_ms": r.latency_ms("max"),
        "requests": r.requests,
        "server_cpu_us_per_request": None if m.cpu_us_per_request is None else round(m.cpu_us_per_request, 1),
        "load_average": round(m.load, 2),
        "problems": m.problems,
        "wrk": r.raw,
    }


def document(
    args: argparse.Namespace,
    runs: list[ProviderRun],
    bare: dict[str, Measured],
    started_load: float,
    prism_version: str,
) -> dict[str, Any]:
    providers: dict[str, Any] = {}
    for run in runs:
        entry: dict[str, Any] = {"workloads": run.workloads, "failures": run.failures}
        for workload in WORKLOADS:
            emulator, prism, ceiling = run.emulator.get(workload), run.prism.get(workload), bare.get(workload)
            figures: dict[str, Any] = {}
            if emulator is not None:
                figures["emulator"] = _figures(emulator)
                rps = emulator.result.requests_per_second
                if prism is not None and prism.result.requests_per_second > 0:
                    figures["prism_ratio"] = round(rps / prism.result.requests_per_second, 2)
                if ceiling is not None and ceiling.result.requests_per_second > 0:
                    figures["ceiling_share"] = round(rps / ceiling.result.requests_per_second, 3)
            if prism is not None:
                figures["prism"] = _figures(prism)
            entry[workload] = figures
        entry["startup_s"] = {
            "samples": [round(s, 3) for s in run.startup_s],
            "median": round(statistics.median(run.startup_s), 3) if run.startup_s else None,
            "max": round(max(run.startup_s), 3) if run.startup_s else None,
        }
        entry["targets"] = _targets(entry)
        providers[run.name] = entry
    return {
        "benchmark": "throughput",
        "machine": machine(),
        "settings": {
            "connections": args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "prism_warmup_s": args.prism_warmup,
            "store": args.store,
            "server_cpu": args.server_cpu or None,
            "load_cpu": args.load_cpu or None,
            "prism": None if args.no_prism else prism_version,
        },
        "load_average_at_start": round(started_load, 2),
        "bare_asgi": {workload: _figures(m) for workload, m in bare.items()},
        "providers": providers,
    }


def _targets(entry: dict[str, Any]) -> dict[str, bool | None]:
    def at_least(value: float | None, floor: float) -> bool | None:
        return None if value is None else value >= floor

    read, both = entry.get("read", {}), entry.get("create-then-get", {})
    p99s = [w["emulator"]["p99_ms"] for w in (read, both) if "emulator" in w]
    return {
        "prism_ratio_read": at_least(read.get("prism_ratio"), TARGET_PRISM_RATIO),
        "prism_ratio_create_then_get": at_least(both.get("prism_ratio"), TARGET_PRISM_RATIO),
        "ceiling_share_read": at_least(read.get("ceiling_share"), TARGET_CEILING_SHARE),
        "ceiling_share_read_aim": at_least(read.get("ceiling_share"), AIM_CEILING_SHARE),
        "p99_under_10ms": (max(p99s) < TARGET_P99_MS) if p99s else None,
        "startup_under_1_5s": None
        if entry["startup_s"]["max"] is None
        else entry["startup_s"]["max"] < TARGET_STARTUP_S,
    }


THROUGHPUT_COLUMNS = (
    "provider",
    "workload",
    "req/s",
    "p50 ms",
    "p99 ms",
    "max ms",
    "cpu us",
    "Prism",
    "x Prism",
    "ceiling",
    "load",
)
TARGET_LABELS = {
    "prism_ratio_read": f">= {TARGET_PRISM_RATIO:g}x Prism (read)",
    "prism_ratio_create_then_get": f">= {TARGET_PRISM_RATIO:g}x Prism (create-then-get)",
    "ceiling_share_read": f">= {TARGET_CEILING_SHARE:.0%} of bare ASGI (read)",
    "ceiling_share_read_aim": f">= {AIM_CEILING_SHARE:.0%} of bare ASGI (read; the longer aim)",
    "p99_under_10ms": f"p99 < {TARGET_P99_MS:g} ms",
    "startup_under_1_5s": f"start-up < {TARGET_STARTUP_S:g} s",
}


def _against(value: float | None, spec: str, target: float, suffix: str = "") -> Cell:
    """A figure with a target: green on a terminal where it meets it, red where it does not."""
    if value is None:
        return "-"
    return Text(figure(value, spec, suffix), style="green" if value >= target else "red")


def _latency(figures: dict[str, Any]) -> list[Cell]:
    return [
        figure(figures["requests_per_second"], ".0f"),
        figure(figures["p50_ms"], ".2f"),
        figure(figures["p99_ms"], ".2f"),
        figure(figures["max_ms"], ".1f"),
        figure(figures["server_cpu_us_per_request"], ".0f"),
    ]


def throughput_rows(doc: dict[str, Any]) -> list[list[Cell]]:
    """THROUGHPUT_COLUMNS for the bare ASGI app's runs, then each provider's emulator."""
    rows: list[list[Cell]] = []
    for workload, figures in doc["bare_asgi"].items():
        rows.append(["bare ASGI", workload, *_latency(figures), "", "", "", figure(figures["load_average"], ".2f")])
    for name, entry in doc["providers"].items():
        for workload in WORKLOADS:
            figures = entry.get(workload, {})
            emulator, prism = figures.get("emulator"), figures.get("prism")
            if emulator is None:
                continue
            share = figures.get("ceiling_share")
            rows.append(
                [
                    name,
                    workload,
                    *_latency(emulator),
                    figure(prism["requests_per_second"] if prism else None, ".0f"),
                    _against(figures.get("prism_ratio"), ".2f", TARGET_PRISM_RATIO),
                    _against(None if share is None else share * 100, ".0f", TARGET_CEILING_SHARE * 100, "%"),
                    figure(emulator["load_average"], ".2f"),
                ]
            )
    return rows


def target_rows(doc: dict[str, Any]) -> list[list[Cell]]:
    """One row per target, one column per provider: met, MISSED, or n/a where it was not measured."""
    rows: list[list[Cell]] = []
    for key, label in TARGET_LABELS.items():
        verdicts = [entry["targets"][key] for entry in doc["providers"].values()]
        rows.append([label, *(verdict("met" if v else "n/a" if v is None else "MISSED") for v in verdicts)])
    return rows


def print_tables(doc: dict[str, Any], out: Output | None = None) -> None:
    out = Output() if out is None else out
    settings = doc["settings"]
    m = doc["machine"]
    out.line()
    out.line(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['system']}, Python {m['python']}", "dim")
    out.line(
        f"{settings['connections']} connections, {settings['duration_s']} s runs after {settings['warmup_s']} s "
        f"warm-ups ({settings['prism_warmup_s']} s for Prism), store {settings['store']}, server on cpu "
        f"{settings['server_cpu']}, wrk on cpu {settings['load_cpu']}; "
        f"load average at start {doc['load_average_at_start']}",
        "dim",
    )
    out.table(THROUGHPUT_COLUMNS, throughput_rows(doc), align="ll", sections=(len(doc["bare_asgi"]),))
    out.line()
    startup = [
        [name, figure(entry["startup_s"]["median"], ".3f"), figure(entry["startup_s"]["max"], ".3f")]
        for name, entry in doc["providers"].items()
    ]
    out.table(
        ("provider", "median s", "max s"),
        startup,
        title="start-up: `withdrawal-apis sandbox <p>` spawned to its first answered request",
    )
    out.line()
    out.table(("target", *doc["providers"]), target_rows(doc), align="l" * (1 + len(doc["providers"])))
    for name, entry in doc["providers"].items():
        for failure in entry["failures"]:
            out.line(f"  {name}: {failure}", "red")
        for workload in WORKLOADS:
            for side in ("emulator", "prism"):
                for problem in entry.get(workload, {}).get(side, {}).get("problems", []):
                    out.line(f"  {name} {workload} {side}: {problem}", "red")
    cores = doc["machine"]["cores"] or 1
    loads = [doc["load_average_at_start"]] + [
        entry[w][s]["load_average"]
        for entry in doc["providers"].values()
        for w in WORKLOADS
        for s in ("emulator", "prism")
        if s in entry.get(w, {})
    ]
    if settings["prism"] and settings["prism_warmup_s"] + settings["duration_s"] < 10:
        out.line(
            "note: runs this short leave Prism's JIT cold (Node needs several seconds to warm up), which flatters"
            " the ratios to Prism; quote those of a full run",
            "yellow",
        )
    # The benchmark itself keeps about two cores busy (server and wrk); more than that is someone else.
    if max(loads) > cores + 1:
        out.line(
            f"note: the load average reached {max(loads):.1f} on {cores} cores: other work skews these figures",
            "yellow",
        )
