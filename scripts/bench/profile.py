"""Where an emulator's time goes under the benchmark: py-spy's raw stacks, summed per function.

    python -m scripts.bench --profile DIR [--providers mpchat]     (writes DIR/<provider>.txt, then this)
    python -m scripts.bench.profile DIR/mpchat.txt [--top 40]

Only samples taken while serving requests count (stacks through uvicorn's protocol or the ASGI
cycle), so start-up does not blur the picture. Inclusive is the share of those samples a function
was on the stack; self is the share it was on top (C code shows up as its Python caller).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"(?P<name>.*?) \((?P<file>.*?):\d+\)$")
SERVING = ("run_asgi", "data_received", "on_response_complete")


def frame_name(frame: str) -> str:
    match = FRAME.match(frame)
    if match is None:
        return frame
    file = match["file"].split("site-packages/")[-1].split("src/")[-1]
    return f"{match['name']} ({file})"


def summarize(path: Path) -> tuple[int, Counter[str], Counter[str]]:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not any(marker in stack for marker in SERVING):
            continue
        count = int(count_text)
        total += count
        names = [frame_name(frame) for frame in stack.split(";")]
        for name in set(names):
            inclusive[name] += count
        own[names[-1]] += count
    return total, inclusive, own


def report(path: Path, top: int) -> str:
    total, inclusive, own = summarize(path)
    if not total:
        return f"{path}: no samples while serving requests"
    lines = [f"{path.name}: {total} samples while serving requests", "  inclusive:"]
    lines += [f"    {100 * n / total:5.1f}%  {name}" for name, n in inclusive.most_common(top)]
    lines.append("  self:")
    lines += [f"    {100 * n / total:5.1f}%  {name}" for name, n in own.most_common(top // 2)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench.profile",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("stacks", nargs="+", type=Path, help="py-spy --format raw output")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    for path in args.stacks:
        print(report(path, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
