"""What the benchmark sends to a provider's emulator: credentials, seed, auth and the requests.

Each provider's folder declares its own in `bench.py` (`bench(secret) -> Bench`).

Every provider gets the same two workloads:

- `read`: one authenticated read, repeated;
- `create-then-get`: a create, then a read of what it created. Where the provider has no way to read a
  withdrawal back, the read is the closest one that shows the create's effect (`readback` says which).

Requests are signed by the provider's own `httpx.Auth` (`providers/<p>/auth.py`), given a clock the
benchmark sets to each second of the run: wrk's Lua has no crypto, so the benchmark precomputes a
table of headers per second. Providers with a login log in once and reuse their bearer token, as
their clients do.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .profile import ConformanceProfile

Clock = Callable[[], float]
ID = "{id}"  # in a path: the id the previous step captured
UUID = "{uuid}"  # in a body: a fresh random UUID per request (only where the body is not signed)
OFFSET, TOKEN = "{offset}", "{token}"  # in a paging step: the offset, or the keyset token, of the page
PAGE = 20  # items per page in the store-growth runs


@dataclass(frozen=True)
class Step:
    method: str
    path: str
    body: str = ""
    content_type: str = "application/json"
    capture: str = ""  # a Lua pattern whose first capture is the id the next step uses
    expect_id: bool = False  # the answer must contain the captured id (the read really found the object)

    def url(self, base_url: str, captured: str = "x") -> str:
        return base_url + self.path.replace(ID, captured)

    def request(self, base_url: str, captured: str = "x") -> httpx.Request:
        headers = {"Content-Type": self.content_type} if self.body else {}
        content = self.body.replace(UUID, "00000000-0000-4000-8000-000000000000").encode()
        return httpx.Request(self.method, self.url(base_url, captured), content=content or None, headers=headers)


@dataclass(frozen=True)
class Workload:
    name: str
    steps: tuple[Step, ...]
    description: str


@dataclass(frozen=True)
class Paging:
    """How the store-growth runs page through the withdrawal list."""

    first: Step
    deep: Step | None  # `{offset}` in its path or body, or `{token}` in its path; None: no deep paging
    walk: Step | None = None  # keyset: the large pages followed down to the deep one (`{token}` after the first)
    token: str = ""  # keyset: a regex whose group is the next page's token


@dataclass(frozen=True)
class ScaleOps:
    """The reads the store-growth runs time: one withdrawal by id, and the list's pages (None: the API has none)."""

    get: Step | None = None
    paging: Paging | None = None


@dataclass(frozen=True)
class Bench:
    """One provider as the benchmark drives it."""

    name: str
    credentials: Mapping[str, str]
    profile: ConformanceProfile
    auth: Callable[[Mapping[str, str], Clock], httpx.Auth]
    """The provider's client auth with the given clock (login schemes ignore it: they log in once)."""
    read: Step
    create: Step
    readback: Step
    readback_note: str
    extra_seed: Mapping[str, Any] = field(default_factory=dict)
    scale: ScaleOps = ScaleOps()

    @property
    def seed(self) -> dict[str, Any]:
        return self.profile.emulator_seed(self.credentials)

    @property
    def cli_credentials(self) -> str:
        """KEY:SECRET as `withdrawal-apis sandbox --credentials` takes it."""
        key, secret = list(self.credentials.values())[:2]
        return f"{key}:{secret}"

    def workloads(self) -> tuple[Workload, Workload]:
        return (
            Workload("read", (self.read,), f"{self.read.method} {self.read.path}"),
            Workload(
                "create-then-get",
                (self.create, self.readback),
                f"{self.create.method} {self.create.path}, then {self.readback_note}",
            ),
        )


def as_json(value: Any) -> str:
    """A body as the benchmark sends it: compact JSON."""
    return json.dumps(value, separators=(",", ":"))
