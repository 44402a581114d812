"""One schemathesis run ("a pass"): what it targets and with which options, as an `st run` command line."""

from __future__ import annotations

import functools
import shutil
import sys
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from ..registry import Provider
from ..resources import find_repo_file
from ..spec import SpecDocument
from . import hooks_env

PHASES = "examples,coverage,fuzzing,stateful"
CONTROL_SPEC = "sandbox-control.yaml"
# Unsigned, every credential is made up: a documented 400 for a malformed one (a provider's own
# code for it) is as right as a 401. Status, content type and body are still checked against the spec.
UNSIGNED_CONFIG = """\
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
"""


@dataclass(frozen=True)
class Target:
    """A spec and the server it is run against; `provider` is None for the sandbox control API."""

    name: str  # the provider's name, or "<provider> control API"
    spec: Path | str  # a file, or the URL the server serves its spec at
    base_url: str
    provider: Provider | None = None
    credentials: Mapping[str, str] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def document(self) -> SpecDocument:
        """The spec itself: read from its file, or fetched from where the server serves it."""
        if isinstance(self.spec, Path):
            return SpecDocument(self.spec)
        answer = httpx.get(self.spec, timeout=10)
        answer.raise_for_status()
        return SpecDocument(find_repo_file("specs", CONTROL_SPEC), answer.json())

    @classmethod
    def control(cls, provider: Provider, base_url: str) -> Target:
        """The control API as this emulator serves it: the published spec with the provider's seed rules."""
        return cls(f"{provider.name} control API", f"{base_url}/_sandbox/openapi.json", base_url)


@dataclass(frozen=True)
class Pass:
    name: str  # "fuzz", "auth", "as started", ...
    target: Target
    seed: int
    max_examples: int = 25
    phases: str = PHASES
    checks: str = "all"
    mode: str = "all"
    workers: str = "1"
    rate_limit: str | None = None
    variant: str = ""  # one of the provider's credential variants (its profile's `variants`), or ""
    sign: bool = True  # False: send what schemathesis generates for the security scheme
    exclude_operation_ids: tuple[str, ...] = ()
    # Every operation must get a 2xx (one refused every time was never tested). Either way an
    # operation answered only 429 (or not at all) is untested.
    require_success: bool = True
    allow_untested: frozenset[str] = frozenset()
    extra_args: tuple[str, ...] = ()
    capture: bool = False  # also write the traffic (HAR and VCR, secrets redacted) for the drift check

    @property
    def title(self) -> str:
        variant = f" ({self.variant})" if self.variant else ""
        return f"{self.target.name} · {self.name}{variant} · seed {self.seed}"

    @property
    def slug(self) -> str:
        parts = [self.target.name, self.name, self.variant, f"seed-{self.seed}"]
        return "-".join(p.replace(" ", "-") for p in parts if p)

    def argv(self, junit: Path, ndjson: Path, config: Path | None = None) -> list[str]:
        """The `st run` command line; `config` is a schemathesis.toml (the unsigned pass needs one)."""
        args = [
            *_schemathesis(),
            *(["--config-file", str(config)] if config else []),
            "run",
            str(self.target.spec),
            "--url",
            self.target.base_url,
            "--checks",
            self.checks,
            "--phases",
            self.phases,
            "--mode",
            self.mode,
            "--max-examples",
            str(self.max_examples),
            "--seed",
            str(self.seed),
            "--workers",
            self.workers,
            "--request-timeout",
            "10",
            "--report",
            "junit,ndjson" + (",har,vcr" if self.capture else ""),
            "--report-junit-path",
            str(junit),
            "--report-ndjson-path",
            str(ndjson),
            "--no-color",
        ]
        if self.capture:
            har, vcr = self.captures(junit.parent)
            args += ["--report-har-path", str(har), "--report-vcr-path", str(vcr)]
        if self.rate_limit:
            args += ["--rate-limit", self.rate_limit]
        for operation_id in self.exclude_operation_ids:
            args += ["--exclude-operation-id", operation_id]
        return args + list(self.extra_args)

    def captures(self, report_dir: Path) -> tuple[Path, Path]:
        """Where the captured traffic goes: a HAR file and a VCR cassette beside the JUnit file."""
        return report_dir / f"{self.slug}.har", report_dir / f"{self.slug}-cassette.yaml"

    def env(self, events: Path) -> dict[str, str]:
        """The hooks' settings, exactly as a user sets them for a plain `st run`."""
        env = {"SCHEMATHESIS_HOOKS": "withdrawal_apis.schemathesis_hooks", hooks_env.EVENTS: str(events)}
        provider = self.target.provider
        if provider is not None:
            env |= {provider.env_name(field): value for field, value in self.target.credentials.items()}
            env[hooks_env.PROVIDER] = provider.name
            env[hooks_env.VARIANT] = self.variant
            env[hooks_env.AUTH] = "sign" if self.sign else "generated"
        return env


def _schemathesis() -> list[str]:
    beside = Path(sys.executable).parent / "st"
    found = str(beside) if beside.exists() else shutil.which("st")
    return [found] if found else [sys.executable, "-m", "schemathesis.cli"]


def without_idle_stateful(phases: str, document: SpecDocument, excluded: Collection[str]) -> str:
    """`phases` less the stateful phase when every link starts or ends at an excluded operation.

    Schemathesis refuses a stateful phase whose links were all filtered out (against a real sandbox,
    the money-moving operations that create what the links lead from usually are).
    """
    if "stateful" not in phases.split(",") or any(
        source not in excluded and target not in excluded for source, target in links(document)
    ):
        return phases
    return ",".join(phase for phase in phases.split(",") if phase != "stateful")


def links(document: SpecDocument) -> list[tuple[str, str]]:
    """(source, target) operation ids of every link the spec declares."""
    found = []
    for operation in document.operations:
        for response in (operation.raw.get("responses") or {}).values():
            response, _ = document.resolve(response, "")
            for link in (response.get("links") or {}).values():
                link, _ = document.resolve(link, "")
                found.append((str(operation.operation_id), str(link.get("operationId"))))
    return found
