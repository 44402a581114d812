"""What a throughput run measured: one workload against one server, and everything about one provider."""

from __future__ import annotations

from dataclasses import dataclass, field

from .wrk import WrkResult


@dataclass
class Measured:
    """One workload against one server."""

    server: str  # "emulator", "prism" or "bare-asgi"
    workload: str
    result: WrkResult
    load: float  # 1-minute load average right after the run
    cpu_us_per_request: float | None
    problems: list[str] = field(default_factory=list)


@dataclass
class ProviderRun:
    name: str
    workloads: dict[str, str]  # workload -> what it sends
    emulator: dict[str, Measured] = field(default_factory=dict)
    prism: dict[str, Measured] = field(default_factory=dict)
    startup_s: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
