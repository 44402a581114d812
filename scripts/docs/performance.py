"""The performance page's figures, drawn at build time from the benchmark's reports.

`nox -s bench` writes reports/bench.json (throughput, with the client overhead and the drift proxy's
cost), `nox -s bench -- --scale` reports/bench-scale.json, `nox -s bench -- --soak SECONDS`
reports/soak.json and `nox -s bench -- --backend postgresql` reports/bench-cluster.json. The page
reads each from reports/ when a run left one there, else from the copy of the last full run
committed under docs/performance/ (`python -m scripts.docs.figures` makes that copy, unchanged). A
report found nowhere makes the page say so; it never fails the build. Charts are SVG from
matplotlib, the same bytes for the same report.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from withdrawal_apis.registry import get

from .. import REPO

REPORTS = REPO / "reports"
COPIES = REPO / "docs" / "performance"
THROUGHPUT = "bench.json"
SCALE = "bench-scale.json"
SOAK = "soak.json"
CLUSTER = "bench-cluster.json"
WORKLOADS = ("read", "create-then-get")
FULL_RUN_S = 10  # a shorter run (`--quick`) meets Prism before Node's JIT has warmed up
P99_TARGET_MS = 10.0
TIMES = "\N{MULTIPLICATION SIGN}"


@dataclass(frozen=True)
class Report:
    document: dict[str, Any]
    path: Path

    @property
    def shown_path(self) -> str:
        return str(self.path.relative_to(REPO)) if self.path.is_relative_to(REPO) else self.path.name


def find(name: str, places: Iterable[Path] = (REPORTS, COPIES)) -> Report | None:
    """The first readable report called `name`: a fresh run's in reports/, else the committed copy."""
    for place in places:
        path = place / name
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(document, dict) and isinstance(document.get("providers"), dict):
            return Report(document, path)
    return None


def title(name: str) -> str:
    try:
        return get(name).title.split(" (", 1)[0]
    except KeyError:
        return name


def number(value: Any, digits: int = 0) -> str:
    if not isinstance(value, int | float):
        return ""
    return f"{value:,.{digits}f}"


# -- what the run was ------------------------------------------------------------------------------


def machine_line(document: dict[str, Any]) -> str:
    m = document.get("machine", {})
    return (
        f"{m.get('cores', '?')} cores ({m.get('cpu') or 'CPU not reported'}), {m.get('memory', '?')}, "
        f"{m.get('system', '?')}, Python {m.get('python', '?')}"
    )


def loads(node: Any) -> list[float]:
    """Every load average a report recorded beside a measurement (other work on the machine skews it)."""
    if isinstance(node, dict):
        found = [float(v) for k, v in node.items() if k == "load_average" and isinstance(v, int | float)]
        return found + [load for value in node.values() for load in loads(value)]
    if isinstance(node, list):
        return [load for value in node for load in loads(value)]
    return []


def run_description(report: Report) -> str:
    document = report.document
    s = document.get("settings", {})
    if document.get("benchmark") == "scale":
        sizes = ", ".join(f"{size:,}" for size in document.get("sizes", []))
        how = f"{document.get('samples', '?')} requests per operation, one at a time, at {sizes} withdrawals"
    elif document.get("benchmark") == "soak":
        how = (
            f"{document.get('seconds', '?')} s per provider at {number(document.get('fraction', 0) * 100)} % of the "
            f"measured maximum, {document.get('connections', '?')} connections, {document.get('store', '?')} store"
        )
    elif document.get("benchmark") == "cluster":
        how = f"{document.get('duration_s', '?')} s per workload, {document.get('connections', '?')} connections"
    else:
        how = (
            f"{s.get('duration_s', '?')} s per workload after a {s.get('warmup_s', '?')} s warm-up, "
            f"{s.get('connections', '?')} connections, {s.get('store', '?')} store, Prism {s.get('prism') or 'not run'}"
        )
    peak = max(loads(document), default=None)
    during = f", up to {peak:g} during the run" if peak is not None else ""
    lines = [
        f"*From `{report.shown_path}`: {machine_line(document)}; {how}; "
        f"load average {document.get('load_average_at_start', '?')} at the start{during}.*"
    ]
    duration = s.get("duration_s")
    if document.get("benchmark") is None and isinstance(duration, int | float) and duration < FULL_RUN_S:
        lines += [
            "",
            '!!! warning "A quick run"',
            f"    These figures come from {duration} s runs. They meet Prism before Node's JIT has warmed up, "
            "so the ratios to Prism flatter the emulators; quote a full run's.",
        ]
    return "\n".join(lines)


def missing(name: str, command: str) -> str:
    return "\n".join(
        [
            '!!! note "No report"',
            f"    Neither `reports/{name}` nor a copy in `docs/performance/` was there when this site was built. "
            f"`{command}` writes it; `python -m scripts.docs.figures` copies a full run's report here.",
        ]
    )


# -- throughput ------------------------------------------------------------------------------------


def _figure(document: dict[str, Any], provider: str, server: str, workload: str, key: str) -> float | None:
    value = document["providers"][provider].get(workload, {}).get(server, {}).get(key)
    return float(value) if isinstance(value, int | float) else None


def throughput_table(document: dict[str, Any]) -> str:
    header = (
        f"| server | workload | req/s | p50 ms | p99 ms | server CPU µs/req | {TIMES} Prism | share of bare ASGI |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|"
    )
    rows = []
    for workload, figures in document.get("bare_asgi", {}).items():
        rows.append(
            f"| bare ASGI | {workload} | {number(figures.get('requests_per_second'))} "
            f"| {number(figures.get('p50_ms'), 2)} | {number(figures.get('p99_ms'), 2)} "
            f"| {number(figures.get('server_cpu_us_per_request'))} | | 100 % |"
        )
    for name, entry in document["providers"].items():
        for server in ("emulator", "prism"):
            for workload in WORKLOADS:
                figures = entry.get(workload, {}).get(server)
                if not figures:
                    continue
                ratio = number(entry[workload].get("prism_ratio"), 2) if server == "emulator" else ""
                share = entry[workload].get("ceiling_share") if server == "emulator" else None
                rows.append(
                    f"| {title(name)}{' (Prism)' if server == 'prism' else ''} | {workload} "
                    f"| {number(figures.get('requests_per_second'))} | {number(figures.get('p50_ms'), 2)} "
                    f"| {number(figures.get('p99_ms'), 2)} | {number(figures.get('server_cpu_us_per_request'))} "
                    f"| {ratio} | {f'{share:.0%}'.replace('%', ' %') if isinstance(share, int | float) else ''} |"
                )
    return "\n".join([header, *rows])


def targets_table(document: dict[str, Any]) -> str:
    """Start-up per provider and each target the run reported as held (yes) or missed (no)."""
    names = list(dict.fromkeys(key for entry in document["providers"].values() for key in entry.get("targets", {})))
    header = "| provider | start-up median s | slowest s | " + " | ".join(f"`{n}`" for n in names) + " |"
    rows = [header, "|---|---:|---:|" + "---|" * len(names)]
    for name, entry in document["providers"].items():
        startup = entry.get("startup_s", {})
        held = [{True: "yes", False: "no"}.get(entry.get("targets", {}).get(n), "") for n in names]
        rows.append(
            f"| {title(name)} | {number(startup.get('median'), 2)} | {number(startup.get('max'), 2)} | "
            + " | ".join(held)
            + " |"
        )
    return "\n".join(rows)


def overhead_line(document: dict[str, Any]) -> str:
    overhead = document.get("client_overhead")
    if not isinstance(overhead, dict):
        return ""
    medians = overhead.get("median_us", {})
    return (
        f"The payouts interface costs {number(overhead.get('payouts_over_generated_percent'), 1)} % over the "
        f"generated client per call (median {number(medians.get('payouts'), 1)} µs against "
        f"{number(medians.get('generated'), 1)} µs, and {number(medians.get('raw'), 1)} µs for plain httpx; "
        f"{number(overhead.get('calls'))} calls, `scripts/bench/client_overhead.py`)."
    )


def drift_table(document: dict[str, Any]) -> str:
    drift = document.get("drift_proxy")
    if not isinstance(drift, dict) or not drift.get("rows"):
        return ""
    rows = [
        f"| {title(row['provider'])} | {row['workload']} | {number(row['direct'].get('p50_ms'), 2)} / "
        f"{number(row['direct'].get('p99_ms'), 2)} | {number(row['proxied'].get('p50_ms'), 2)} / "
        f"{number(row['proxied'].get('p99_ms'), 2)} | {number(row.get('added_p50_ms'), 2)} / "
        f"{number(row.get('added_p99_ms'), 2)} |"
        for row in drift["rows"]
    ]
    return "\n".join(
        [
            f"The drift proxy's cost ({drift.get('connections', '?')} connections, {drift.get('duration_s', '?')} s "
            "per run), each emulator directly and through `withdrawal-apis proxy`, p50 / p99 in ms:",
            "",
            "| provider | workload | direct | through the proxy | added |",
            "|---|---|---:|---:|---:|",
            *rows,
        ]
    )


def throughput_section(report: Report | None, charts: dict[str, str]) -> str:
    if report is None:
        return missing(THROUGHPUT, "nox -s bench")
    document = report.document
    parts = [run_description(report), ""]
    for name, alt in (("throughput", "requests per second"), ("latency", "p99 latency")):
        if name in charts:
            parts += [f"![{alt} by provider: the emulators, Prism and the bare ASGI ceiling]({charts[name]})", ""]
    parts += [throughput_table(document), "", targets_table(document), ""]
    for extra in (overhead_line(document), drift_table(document)):
        if extra:
            parts += [extra, ""]
    return "\n".join(parts)


# -- store size ------------------------------------------------------------------------------------


def _sizes(entry: dict[str, Any]) -> list[str]:
    return sorted(entry.get("sizes", {}), key=int)


def scale_table(document: dict[str, Any]) -> str:
    sizes = sorted({size for entry in document["providers"].values() for size in _sizes(entry)}, key=int)
    header = "| provider | operation | " + " | ".join(f"{int(s):,}" for s in sizes) + " | p50 growth |"
    rows = [header, "|---|---|" + "---:|" * (len(sizes) + 1)]
    for name, entry in document["providers"].items():
        operations = list(dict.fromkeys(op for s in _sizes(entry) for op in entry["sizes"][s].get("operations", {})))
        for operation in operations:
            cells = []
            for size in sizes:
                figures = entry.get("sizes", {}).get(size, {}).get("operations", {}).get(operation, {})
                cells.append(
                    f"{number(figures.get('p50_ms'), 2)} / {number(figures.get('p99_ms'), 2)}" if figures else ""
                )
            growth = entry.get("growth", {}).get(operation, {}).get("p50_ratio")
            rows.append(
                f"| {title(name)} | {operation} | "
                + " | ".join(cells)
                + f" | {number(growth, 2)}{TIMES if growth else ''} |"
            )
    return "\n".join(rows)


def store_table(document: dict[str, Any]) -> str:
    rows = ["| provider | withdrawals | resident memory MiB | database MiB | start-up s |", "|---|---:|---:|---:|---:|"]
    for name, entry in document["providers"].items():
        for size in _sizes(entry):
            figures = entry["sizes"][size]
            rows.append(
                f"| {title(name)} | {int(size):,} | {number(figures.get('rss_mib'), 1)} "
                f"| {number(figures.get('db_mib'), 1)} | {number(figures.get('startup_s'), 2)} |"
            )
    return "\n".join(rows)


def scale_section(report: Report | None, charts: dict[str, str]) -> str:
    if report is None:
        return missing(SCALE, "nox -s bench -- --scale")
    parts = [run_description(report), ""]
    if "scale" in charts:
        parts += [f"![p50 latency of each operation against the number of withdrawals stored]({charts['scale']})", ""]
    parts += ["p50 / p99 in ms:", "", scale_table(report.document), "", store_table(report.document), ""]
    return "\n".join(parts)


# -- a long run and process counts ------------------------------------------------------------------


def soak_table(document: dict[str, Any]) -> str:
    rows = [
        "| provider | max req/s | req/s held | p99 first minute ms | worst minute ms | RSS MiB at the end "
        "| RSS growth MiB | errors | webhooks delivered | hostile input, slowest answer ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, entry in document["providers"].items():
        minutes = entry.get("minutes") or []
        if not minutes:
            rows.append(f"| {title(name)} | no minute completed: {entry.get('failure', '')} |||||||||")
            continue
        held = sum(m.get("requests_per_second", 0) for m in minutes) / len(minutes)
        rows.append(
            f"| {title(name)} | {number(entry.get('max_requests_per_second'))} | {number(held)} "
            f"| {number(minutes[0].get('p99_ms'), 2)} | {number(max(m.get('p99_ms', 0) for m in minutes), 2)} "
            f"| {number(minutes[-1].get('rss_mib'), 1)} | {number(entry.get('rss_growth_mib'), 1)} "
            f"| {number(entry.get('errors'))} | {number(entry.get('webhooks_delivered'))} "
            f"| {number((entry.get('hostile_input') or {}).get('worst_ms'), 1)} |"
        )
    return "\n".join(rows)


def verdicts(document: dict[str, Any], targets: Callable[[Any], dict[str, Any]]) -> str:
    """Each target per provider: yes, no, or blank when the run could not tell."""
    found = {name: targets(entry) for name, entry in document["providers"].items()}
    names = list(dict.fromkeys(key for entry in found.values() for key in entry))
    rows = ["| provider | " + " | ".join(f"`{n}`" for n in names) + " |", "|---|" + "---|" * len(names)]
    for name, entry in found.items():
        held = ["yes" if entry.get(n) is True else "no" if entry.get(n) is False else "" for n in names]
        rows.append(f"| {title(name)} | " + " | ".join(held) + " |")
    return "\n".join(rows)


def soak_section(report: Report | None) -> str:
    if report is None:
        return missing(SOAK, "nox -s bench -- --soak 600")
    return "\n".join(
        [
            run_description(report),
            "",
            soak_table(report.document),
            "",
            verdicts(report.document, lambda entry: entry.get("targets", {})),
            "",
        ]
    )


def cluster_table(document: dict[str, Any]) -> str:
    rows = [
        "| provider | store | workload | req/s | p50 ms | p99 ms | load average |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for name, runs in document["providers"].items():
        for run in runs:
            for workload, figures in run.get("workloads", {}).items():
                rows.append(
                    f"| {title(name)} | {run.get('store', '?')} | {workload} | {number(figures.get('requests_per_s'))} "
                    f"| {number(figures.get('p50_ms'), 2)} | {number(figures.get('p99_ms'), 2)} "
                    f"| {number(figures.get('load_average'), 2)} |"
                )
    return "\n".join(rows)


def cluster_section(report: Report | None) -> str:
    if report is None:
        return missing(CLUSTER, "nox -s bench -- --backend postgresql --processes 1,2")
    document = report.document
    two_over_one = [
        f"{title(name)} {workload}: {number(verdict.get('two_over_one'), 2)}{TIMES}"
        for name, found in document.get("targets", {}).items()
        for workload, verdict in found.items()
    ]
    parts = [run_description(report), "", cluster_table(document), ""]
    if two_over_one:
        parts += ["Two processes on PostgreSQL against one: " + "; ".join(two_over_one) + ".", ""]
    return "\n".join(parts)


# -- charts ----------------------------------------------------------------------------------------

SERIES = (
    ("emulator", "read", "#3949ab", "emulator, read"),
    ("emulator", "create-then-get", "#7986cb", "emulator, create-then-get"),
    ("prism", "read", "#ef6c00", "Prism, read"),
    ("prism", "create-then-get", "#ffb74d", "Prism, create-then-get"),
)


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.hashsalt": "withdrawal-apis",  # stable ids: the same report draws the same bytes
            "svg.fonttype": "none",  # text stays text, in the page's own font
            "font.family": "sans-serif",
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    figure.clf()
    return buffer.getvalue()


def bars(document: dict[str, Any], key: str, ylabel: str, line: tuple[float, str] | None, *, log: bool = False) -> str:
    """Grouped bars per provider: the emulator and Prism, on both workloads; an optional horizontal line."""
    plt = _pyplot()
    names = list(document["providers"])
    figure, axes = plt.subplots(figsize=(9, 4))
    width = 0.2
    drawn: list[float] = []
    for index, (server, workload, colour, label) in enumerate(SERIES):
        values = [_figure(document, name, server, workload, key) for name in names]
        if all(value is None for value in values):
            continue
        drawn += [value for value in values if value]
        positions = [n + (index - 1.5) * width for n in range(len(names))]
        axes.bar(positions, [value or 0 for value in values], width, label=label, color=colour)
    if line is not None:
        axes.axhline(line[0], color="#2e7d32", linestyle="--", linewidth=1.2, label=line[1])
    axes.set_xticks(range(len(names)), [title(name) for name in names])
    axes.set_ylabel(ylabel)
    if log:  # latencies spread over orders of magnitude (a loaded run's p99 more so)
        axes.set_yscale("log")
        if drawn:  # bars start at zero, which a log axis cannot show: start it below the shortest bar
            axes.set_ylim(bottom=min(drawn) / 2)
    axes.grid(axis="y", color="#e0e0e0")
    axes.set_axisbelow(True)
    axes.legend(frameon=False, fontsize=8, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.1))
    return _svg(figure)


def throughput_chart(document: dict[str, Any]) -> str:
    ceiling = document.get("bare_asgi", {}).get("read", {}).get("requests_per_second")
    line = (float(ceiling), f"bare ASGI ceiling, read ({ceiling:,.0f} req/s)") if ceiling else None
    return bars(document, "requests_per_second", "requests per second", line)


def latency_chart(document: dict[str, Any]) -> str:
    target = (P99_TARGET_MS, f"target: p99 under {P99_TARGET_MS:g} ms")
    return bars(document, "p99_ms", "p99 latency, ms (log scale)", target, log=True)


def scale_chart(document: dict[str, Any]) -> str:
    """One panel per provider: p50 of each operation against the number of withdrawals stored (log-log)."""
    plt = _pyplot()
    names = [name for name, entry in document["providers"].items() if _sizes(entry)]
    figure, panels = plt.subplots(1, len(names), figsize=(2.3 * len(names) + 1, 3.4), sharey=True, squeeze=False)
    for panel, name in zip(panels[0], names, strict=True):
        entry = document["providers"][name]
        sizes = _sizes(entry)
        operations = dict.fromkeys(op for s in sizes for op in entry["sizes"][s].get("operations", {}))
        for operation in operations:
            points = [
                (int(s), entry["sizes"][s]["operations"][operation]["p50_ms"])
                for s in sizes
                if isinstance(entry["sizes"][s]["operations"].get(operation, {}).get("p50_ms"), int | float)
            ]
            if points:
                panel.plot(*zip(*points, strict=True), marker="o", markersize=3, linewidth=1.2, label=operation)
        panel.set_xscale("log")
        panel.set_yscale("log")
        panel.set_title(title(name), fontsize=10)
        panel.set_xlabel("withdrawals stored")
        panel.grid(color="#e0e0e0", linewidth=0.6)
        panel.legend(frameon=False, fontsize=7)
    panels[0][0].set_ylabel("p50 latency, ms")
    return _svg(figure)


CHARTS: dict[str, tuple[str, Callable[[dict[str, Any]], str]]] = {
    "throughput": (THROUGHPUT, throughput_chart),
    "latency": (THROUGHPUT, latency_chart),
    "scale": (SCALE, scale_chart),
}


def draw(reports: dict[str, Report | None]) -> dict[str, str]:
    """Chart name -> SVG text, for every chart whose report was found."""
    drawn = {}
    for name, (source, draw_one) in CHARTS.items():
        report = reports.get(source)
        if report is not None:
            drawn[name] = draw_one(report.document)
    return drawn


def load_reports() -> dict[str, Report | None]:
    return {name: find(name) for name in (THROUGHPUT, SCALE, SOAK, CLUSTER)}
