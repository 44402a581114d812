"""Layering at run time: a client import loads the client and nothing of the emulator or the fuzzing harness.

Each provider's package is imported in a fresh interpreter, its client is built with dummy
credentials, and `sys.modules` is read: the emulator engine, the ASGI server and schemathesis must
all be absent. The shared low layers (`chains`, `hs256`) are checked the same way on their own. No
provider works around the engine (SQL, patches, parsing the engine's error messages). Which module
may import which is import-linter's to check (`nox -s lint`, contracts in pyproject.toml).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import withdrawal_apis
from withdrawal_apis.registry import PROVIDERS, Provider

ENGINE_AND_TOOLS = ("withdrawal_apis.sandbox", "uvicorn", "schemathesis")

# Every required parameter of `client()` gets a dummy string; a base URL must at least parse.
BUILD_CLIENT = """
import importlib, inspect
provider = importlib.import_module({module!r})
required = [p.name for p in inspect.signature(provider.client).parameters.values()
            if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
arguments = {{name: "https://provider.invalid" if name == "base_url" else "dummy-" + name for name in required}}
provider.client(**arguments).get_httpx_client()
"""
PRINT_MODULES = "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"


def modules_loaded_by(code: str) -> list[str]:
    """`sys.modules` after running `code` in a fresh interpreter."""
    result = subprocess.run([sys.executable, "-c", code + PRINT_MODULES], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    modules: list[str] = json.loads(result.stdout.splitlines()[-1])
    return modules


def within(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return [name for name in modules if any(name == p or name.startswith(p + ".") for p in packages)]


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.name)
def test_building_a_client_loads_no_emulator_module(provider: Provider) -> None:
    modules = modules_loaded_by(BUILD_CLIENT.format(module=provider.module))
    assert provider.module in modules
    assert within(modules, ENGINE_AND_TOOLS) == []


@pytest.mark.parametrize("module", ["withdrawal_apis.chains", "withdrawal_apis.hs256"])
def test_shared_layers_load_nothing_above_them(module: str) -> None:
    modules = modules_loaded_by(f"import {module}")
    assert module in modules
    assert within(modules, ("withdrawal_apis.providers", *ENGINE_AND_TOOLS)) == []


SOURCE = Path(withdrawal_apis.__file__).parent
# What a provider would write if it reached around the engine: SQL, the store's connection, patches
# of the engine's attributes, or regular expressions over the engine's error text.
WORKAROUNDS = {
    "SQL": re.compile(r"json_extract|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|\.execute\(|sqlite3"),
    "a patched engine": re.compile(r"\bengine\.\w+\s*=[^=]|setattr\(\s*(self\.)?engine"),
    "parsed error text": re.compile(r"re\.\w+\([^)]*(message|str\(error|str\(exc)"),
}


@pytest.mark.parametrize("kind", WORKAROUNDS)
def test_providers_never_reach_around_the_engine(kind: str) -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in sorted((SOURCE / "providers").rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if WORKAROUNDS[kind].search(line)
    ]
    assert found == [], f"{kind} under providers/"


def test_nothing_outside_the_provider_folders_names_a_provider() -> None:
    """A provider is one folder: the rest of the package reads the registry, in its code and its prose."""
    package = Path(withdrawal_apis.__file__).parent
    words = {word.lower() for p in PROVIDERS for word in (p.name, p.title.split(" (", 1)[0])}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(words))) + r")(?![\w-])", re.IGNORECASE)
    found = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if "providers" not in path.relative_to(package).parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)
