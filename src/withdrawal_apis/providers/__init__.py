"""The provider registry: the one list that scripts, nox sessions and tests iterate over.

This module imports only the standard library so that `noxfile.py` and `scripts/` can read it
before any dependency is installed. `docs/adding-a-provider.md` lists everything a new provider needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..resources import REPO_ROOT, find_repo_file


@dataclass(frozen=True)
class GeneratedClient:
    """One client project that scripts/generate.py writes under generated/ from one spec."""

    spec_path: Path
    package: str  # import name, e.g. `mpchat_client`
    project: str  # distribution name, e.g. `mpchat-client`

    @property
    def generated_dir(self) -> Path:
        return REPO_ROOT / "generated" / self.package


@dataclass(frozen=True)
class Provider:
    """Everything the tooling needs to know about one provider."""

    name: str
    title: str
    docs_url: str

    @property
    def spec_path(self) -> Path:
        return find_repo_file("specs", f"{self.name}.yaml")

    @property
    def client_package(self) -> str:
        """Import name of the generated client, e.g. `mpchat_client`."""
        return f"{self.name}_client"

    @property
    def client_project(self) -> str:
        """Distribution name of the generated client, e.g. `mpchat-client`."""
        return f"{self.name}-client"

    @property
    def generated_dir(self) -> Path:
        return REPO_ROOT / "generated" / self.client_package

    @property
    def generated(self) -> GeneratedClient:
        return GeneratedClient(self.spec_path, self.client_package, self.client_project)

    @property
    def module(self) -> str:
        """The hand-written package: auth, client factory, sandbox rules."""
        return f"{__name__}.{self.name}"


PROVIDERS: tuple[Provider, ...] = (
    Provider(
        name="mpchat",
        title="MPChat (MP Merchant API)",
        docs_url="https://merchant.mutualprotocal.com/docs/api",
    ),
    Provider(
        name="bigone",
        title="BigONE",
        docs_url="https://open.bigone.com/docs/getting-started",
    ),
    Provider(
        name="kamipay",
        title="kamiPay",
        docs_url="https://apidocs.kamipay.io/docs/api-reference/introduction",
    ),
    Provider(
        name="onekonto",
        title="1Konto (1KPrime)",
        docs_url="https://docs.1konto.com/1konto-v1.0-api-docs/",
    ),
    Provider(
        name="smartypay",
        title="SmartyPay (Partner API)",
        docs_url="https://partner-docs.smartypay.io",
    ),
)


CONTROL_CLIENT = GeneratedClient(
    find_repo_file("specs", "sandbox-control.yaml"), "sandbox_control_client", "sandbox-control-client"
)
"""The typed client of the emulators' control API (tests and the pytest plugin drive emulators with it)."""

GENERATED_CLIENTS: tuple[GeneratedClient, ...] = (*(p.generated for p in PROVIDERS), CONTROL_CLIENT)
"""Every project under generated/: one per provider, and the control API's."""


def get(name: str) -> Provider:
    for provider in PROVIDERS:
        if provider.name == name:
            return provider
    known = ", ".join(p.name for p in PROVIDERS)
    raise KeyError(f"unknown provider {name!r} (known: {known})")
