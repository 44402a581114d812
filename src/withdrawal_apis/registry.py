"""The provider registry: the one list that the CLI, the emulators, payouts, conformance, scripts and tests iterate.

A provider is one folder, `providers/<name>/`, whose `__init__.py` declares `PROVIDER = Provider(...)`
and whose modules, found by name, hold everything else about it:

    auth.py         the signer and the verifier (one canonical function for both sides)
    factory.py      `client(...)`: the generated client with the provider's auth installed
    emulator.py     `Sandbox`: the emulator's rules (with models / errors / seed beside it where it is large)
    payouts.py      `ADAPTER`: the provider behind `withdrawal_apis.payouts`, and its network names
    conformance.py  `CONFORMANCE`: how schemathesis signs, seeds and shapes bodies for it
    bench.py        `BENCH`: what `python -m scripts.bench` sends to its emulator
    client.ts       the TypeScript client published with its spec

The folders under `withdrawal_apis.providers` are found by looking; a provider packaged elsewhere
registers its folder through the `withdrawal_apis.providers` entry-point group. Nothing outside `providers/` names a
provider. This module imports only the standard library, so that `noxfile.py` and `scripts/` can read
the registry before anything is installed; a provider's `__init__.py` must do the same.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

from .resources import REPO_ROOT, find_repo_file

ENTRY_POINTS = "withdrawal_apis.providers"
FOLDERS = "withdrawal_apis.providers"  # the package whose sub-packages are the built-in providers


class ConfigurationError(ValueError):
    """A provider's settings are incomplete or unknown (a missing environment variable, a misspelt name)."""


@dataclass(frozen=True)
class GeneratedClient:
    """One client project that `python -m scripts.generate` writes under generated/ from one spec."""

    spec_path: Path
    package: str  # import name, e.g. `acme_client`
    project: str  # distribution name, e.g. `acme-client`

    @property
    def generated_dir(self) -> Path:
        return REPO_ROOT / "generated" / self.package


@dataclass(frozen=True)
class Settings:
    """The names a provider's credentials and settings go by, in `payouts.connect(...)` and the environment.

    `key` and `secret` are the provider's names for an API key (or login) and its secret: the control
    API seeds them as `key_id` and `secret`. `required` are further settings a client cannot work
    without (an account id, say), `optional` the ones it can. Each is read from the environment as
    `<PROVIDER>_<NAME>` unless `env` names another variable; the base URL as `<PROVIDER>_BASE_URL`.
    """

    key: str
    secret: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        """Every setting a client must be given, the key and secret first."""
        return (self.key, self.secret, *self.required)

    @property
    def secrets(self) -> frozenset[str]:
        return frozenset({self.secret})

    def from_key(self, key_id: str, secret: str) -> dict[str, str]:
        """A control-API key (`key_id`, `secret`) under the provider's own names."""
        return {self.key: key_id, self.secret: secret}


@dataclass(frozen=True)
class Provider:
    """One provider, as its folder declares it."""

    name: str
    title: str
    docs_url: str  # the provider's own documentation
    settings: Settings
    urls: Mapping[str, str] = field(default_factory=dict)  # the provider's known base URLs, by role
    # Common network codes (as CCXT names them: TRC20, ERC20, BEP20, BTC, ...) -> the provider's own name.
    networks: Mapping[str, str] = field(default_factory=dict)
    package: str = ""  # the folder as a module path; by default `withdrawal_apis.providers.<name>`
    spec: str = ""  # the spec's path: relative to the folder, or the shared specs/<name>.yaml when empty

    @property
    def module(self) -> str:
        return self.package or f"{FOLDERS}.{self.name}"

    def part(self, name: str) -> ModuleType:
        """One module of the provider's folder (`auth`, `client`, `emulator`, `payouts`, ...), imported now."""
        return importlib.import_module(f"{self.module}.{name}")

    def has_part(self, name: str) -> bool:
        return importlib.util.find_spec(f"{self.module}.{name}") is not None

    @property
    def folder(self) -> Path:
        spec = importlib.util.find_spec(self.module)
        if spec is None or not spec.submodule_search_locations:
            raise LookupError(f"{self.module} is not a package")
        return Path(next(iter(spec.submodule_search_locations)))

    @property
    def spec_path(self) -> Path:
        if self.spec:
            return self.folder / self.spec
        return find_repo_file("specs", f"{self.name}.yaml")

    # -- the generated client -----------------------------------------------------------------
    @property
    def client_package(self) -> str:
        """Import name of the generated client, e.g. `acme_client`."""
        return f"{self.name}_client"

    @property
    def client_project(self) -> str:
        """Distribution name of the generated client, e.g. `acme-client`."""
        return f"{self.name}-client"

    @property
    def generated_dir(self) -> Path:
        return REPO_ROOT / "generated" / self.client_package

    @property
    def generated(self) -> GeneratedClient:
        return GeneratedClient(self.spec_path, self.client_package, self.client_project)

    # -- settings from the environment ----------------------------------------------------------
    @property
    def env_prefix(self) -> str:
        return self.name.upper()

    @property
    def base_url_env(self) -> str:
        return f"{self.env_prefix}_BASE_URL"

    def env_name(self, setting: str) -> str:
        """The environment variable a setting is read from (`ACME_KEY_ID`, `ACME_SECRET`, ...)."""
        return self.settings.env.get(setting, f"{self.env_prefix}_{setting.upper()}")

    def env_names(self, *, optional: bool = False) -> dict[str, str]:
        """Setting -> its environment variable, for the settings a client needs (and the optional ones)."""
        names = self.settings.names + (self.settings.optional if optional else ())
        return {setting: self.env_name(setting) for setting in names}

    def settings_from_env(
        self, environ: Mapping[str, str] | None = None, *, base_url: bool = True, only_credentials: bool = False
    ) -> dict[str, str]:
        """The provider's settings (and `base_url`) from the environment; ConfigurationError names what is unset.

        `only_credentials` reads just the key and the secret (what signing needs).
        """
        environ = os.environ if environ is None else environ
        wanted = (self.settings.key, self.settings.secret) if only_credentials else self.settings.names
        names = {setting: self.env_name(setting) for setting in wanted}
        if not only_credentials:
            names |= {setting: self.env_name(setting) for setting in self.settings.optional}
        if base_url:
            names["base_url"] = self.base_url_env
        required = set(wanted) | ({"base_url"} if base_url else set())
        missing = [var for setting, var in names.items() if setting in required and not environ.get(var)]
        if missing:
            raise ConfigurationError(f"set {', '.join(missing)} to use {self.name} from the environment")
        return {setting: environ[var] for setting, var in names.items() if environ.get(var)}


def _declared(module: ModuleType) -> Provider:
    found = getattr(module, "PROVIDER", None)
    if not isinstance(found, Provider):
        raise TypeError(f"{module.__name__} declares no `PROVIDER = Provider(...)`")
    return found


def _discover() -> tuple[Provider, ...]:
    """The folders under `withdrawal_apis.providers`, then the ones registered by entry point, by name."""
    found = {}
    folders = importlib.util.find_spec(FOLDERS)
    for info in pkgutil.iter_modules(folders.submodule_search_locations if folders else []):
        if info.ispkg:
            provider = _declared(importlib.import_module(f"{FOLDERS}.{info.name}"))
            found[provider.name] = provider
    for entry in entry_points(group=ENTRY_POINTS):
        loaded: Any = entry.load()
        provider = _declared(loaded) if isinstance(loaded, ModuleType) else loaded
        if provider.name in found:
            raise ValueError(f"provider {provider.name!r} is registered twice ({entry.value})")
        found[provider.name] = provider
    return tuple(found[name] for name in sorted(found))


def lazy(package: str, name: str, table: Mapping[str, str]) -> Any:
    """A provider's public name, imported from its module on first use, so its `__init__` stays stdlib-only."""
    if name not in table:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{package}.{table[name]}"), name)


def names() -> list[str]:
    return [p.name for p in _providers()]


def get(name: str) -> Provider:
    """The provider called `name`; KeyError naming the known ones."""
    for provider in _providers():
        if provider.name == name:
            return provider
    raise KeyError(f"unknown provider {name!r} (known: {', '.join(names())})")


def resolve(provider: Provider | str) -> Provider:
    return get(provider) if isinstance(provider, str) else provider


# Found on first use rather than at import: a provider's folder imports this module to declare itself.
PROVIDERS: tuple[Provider, ...]
"""Every provider, by name."""
GENERATED_CLIENTS: tuple[GeneratedClient, ...]
"""Every project under generated/: one per provider, and the control API's."""


def control_client() -> GeneratedClient:
    """The typed client of the emulators' control API (tests and the pytest plugin drive emulators with it)."""
    return GeneratedClient(
        find_repo_file("specs", "sandbox-control.yaml"), "sandbox_control_client", "sandbox-control-client"
    )


CONTROL_CLIENT = control_client()


@functools.cache
def _providers() -> tuple[Provider, ...]:
    return _discover()


def __getattr__(name: str) -> Any:
    if name == "PROVIDERS":
        return _providers()
    if name == "GENERATED_CLIENTS":
        return (*(p.generated for p in _providers()), CONTROL_CLIENT)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CONTROL_CLIENT",
    "GENERATED_CLIENTS",
    "PROVIDERS",
    "ConfigurationError",
    "GeneratedClient",
    "Provider",
    "Settings",
    "get",
    "lazy",
    "names",
    "resolve",
]
