"""The provider registry: the one list that scripts, nox sessions and tests iterate over.

This module imports only the standard library so that `noxfile.py` and `scripts/` can read it
before any dependency is installed. Adding a provider means one `providers/<name>/` package, one
`specs/<name>.yaml` and one entry in `PROVIDERS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def find_repo_file(*parts: str) -> Path:
    """Locate a file shipped beside the source tree (editable install) or inside the wheel."""
    for root in (_PACKAGE_DIR, _PACKAGE_DIR.parent.parent):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return _PACKAGE_DIR.parent.parent.joinpath(*parts)


REPO_ROOT = _PACKAGE_DIR.parent.parent


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


def get(name: str) -> Provider:
    for provider in PROVIDERS:
        if provider.name == name:
            return provider
    known = ", ".join(p.name for p in PROVIDERS)
    raise KeyError(f"unknown provider {name!r} (known: {known})")
