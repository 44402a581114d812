"""What `scripts/bench.py` sends to each provider's emulator: each provider's folder declares it in `bench.py`."""

from __future__ import annotations

from withdrawal_apis.providers.workload import ID, UUID, Bench, Clock, Step, Workload
from withdrawal_apis.registry import get

__all__ = ["ID", "UUID", "Bench", "Clock", "Step", "Workload", "bench_for"]


def bench_for(name: str, secret: str) -> Bench:
    """The provider's workload, with `secret` as the benchmark account's secret."""
    found: Bench = get(name).part("bench").bench(secret)
    return found
