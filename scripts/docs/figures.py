"""Keep a full benchmark run's reports with the documentation, unchanged.

    python -m scripts.docs.figures [--reports reports/] [--into docs/performance/]

Copies reports/bench.json (`nox -s bench`) and reports/bench-scale.json (`nox -s bench -- --scale`),
and reports/soak.json and reports/bench-cluster.json when a run left them, byte for byte into
docs/performance/, where the performance page finds them when no fresh run left reports behind (in
CI, say). It refuses a quick run's report (runs shorter than 10 s, whose ratios to
Prism flatter the emulators) and a report that leaves out a registered provider. Never edit the copies:
rerun the benchmark.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from withdrawal_apis.registry import names

from .performance import CLUSTER, COPIES, FULL_RUN_S, REPORTS, SCALE, SOAK, THROUGHPUT


def problems(name: str, document: Any) -> list[str]:
    """Why a report is not a full run's."""
    if not isinstance(document, dict) or not isinstance(document.get("providers"), dict):
        return [f"{name} is not a benchmark report"]
    found = []
    missing = sorted(set(names()) - set(document["providers"]))
    if missing:
        found.append(f"{name} leaves out {', '.join(missing)}")
    duration = document.get("settings", {}).get("duration_s")
    if name == THROUGHPUT and not (isinstance(duration, int | float) and duration >= FULL_RUN_S):
        found.append(f"{name} is a quick run ({duration} s per workload; a full run takes {FULL_RUN_S} s)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.docs.figures", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--reports", type=Path, default=REPORTS)
    parser.add_argument("--into", type=Path, default=COPIES)
    args = parser.parse_args(argv)
    copied, refused = [], []
    for name in (THROUGHPUT, SCALE, SOAK, CLUSTER):
        source = args.reports / name
        if not source.is_file():
            if name in (THROUGHPUT, SCALE):  # the soak and the process counts are optional runs
                refused.append(f"{source} is missing")
            continue
        try:
            document = json.loads(source.read_text(encoding="utf-8"))
        except ValueError as error:
            refused.append(f"{source}: not JSON ({error})")
            continue
        found = problems(name, document)
        if found:
            refused += found
            continue
        args.into.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, args.into / name)
        copied.append(str(args.into / name))
    for line in copied:
        print(f"copied {line}")
    for line in refused:
        print(f"python -m scripts.docs.figures: {line}", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
