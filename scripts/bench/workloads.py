"""What `python -m scripts.bench` sends to each provider's emulator: each provider's folder declares it in `bench.py`.

Every provider gets the same two workloads:

- `read`: one authenticated read, repeated;
- `create-then-get`: a create, then a read of what it created. Where the provider has no way to read a
  withdrawal back, the read is the closest one that shows the create's effect (`readback` says which).

Requests are signed by the provider's own `httpx.Auth` (`providers/<p>/auth.py`), given a clock the
benchmark sets to each second of the run: wrk's Lua has no crypto, so `scripts.bench.wrk` precomputes a
table of headers per second. Providers with a login log in once and reuse their bearer token, as
their clients do.
"""

from __future__ import annotations

from withdrawal_apis.core.workload import ID, UUID, Bench, Clock, Step, Workload
from withdrawal_apis.registry import get

__all__ = ["ID", "UUID", "Bench", "Clock", "Step", "Workload", "bench_for"]


def bench_for(name: str, secret: str) -> Bench:
    """The provider's workload, with `secret` as the benchmark account's secret."""
    found: Bench = get(name).part("bench").bench(secret)
    return found
