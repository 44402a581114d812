"""Every code block of the README and of the documentation site is run or checked (see `checks`).

Python blocks run against emulators (`withdrawal_apis.testing.Emulator` on a loopback port) with the
environment their start-up block exports; a block that is a pytest module runs under pytest with the
plugin as an app gets it. A block marked `<!-- check: typecheck -->` (it talks to a real provider)
is type-checked with `mypy --strict` instead.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest

from withdrawal_apis.testing import Emulator

from . import checks
from .blocks import MODES, Block, all_blocks

pytest_plugins = ["pytester"]

BLOCKS = all_blocks()
CHECKED = {"python", "sh", "json", "yaml", "nginx", "ts"}
OUTPUT = {"text"}  # what a command prints, or a diagram: not code


def where(block: Block) -> str:
    return block.where


def of(language: str, mode: str = "run") -> list[Block]:
    return [b for b in BLOCKS if b.language == language and b.mode == mode]


def test_the_documents_have_code_blocks() -> None:
    assert len(of("python")) >= 10
    assert len(of("sh")) >= 20


def test_every_block_is_of_a_kind_these_tests_check() -> None:
    unchecked = [
        f"{b.where}: ```{b.language or '(no language)'} ({b.mode})"
        for b in BLOCKS
        if b.language not in CHECKED | OUTPUT
        or b.mode not in MODES
        or (b.mode == "typecheck" and b.language != "python")
    ]
    assert unchecked == [], "give each block a language this test checks (python, sh, json, yaml, nginx, ts) or text"


@pytest.mark.parametrize("block", of("python"), ids=where)
def test_a_python_block_runs_as_written(
    block: Block, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if checks.defines_tests(block.code):
        # Only here: pytester restores sys.modules after the test, which would leave other blocks with
        # two copies of a module imported meanwhile.
        pytester: pytest.Pytester = request.getfixturevalue("pytester")
        pytester.makepyfile(**{Path(block.title or "test_block.py").stem: block.code})
        result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
        outcomes = result.parseoutcomes()
        assert outcomes.get("passed", 0) >= 1, result.stdout.str()
        assert not {"failed", "errors", "error", "skipped", "xfailed"} & set(outcomes), result.stdout.str()
        return
    monkeypatch.chdir(tmp_path)  # a block may write files
    with ExitStack() as stack:
        environ: dict[str, str] = {}
        emulators = []
        for provider in checks.providers_named(block.code):
            emulator = stack.enter_context(Emulator(provider, serve=True))
            emulators.append(emulator)
            environ |= {provider.env_name(name): value for name, value in emulator.credentials.items()}
            environ[provider.base_url_env] = emulator.base_url
        _, problems = checks.run_python(block, environ)
        problems += [f"{e.provider.name} broke its spec: {v}" for e in emulators for v in e.violations]
    assert problems == []


def test_the_typecheck_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    found = of("python", "typecheck")
    assert found, "no block is type-checked: drop this test or the directive's support"
    errors = checks.typecheck(found, tmp_path)
    assert {where: lines for where, lines in errors.items() if lines} == {}


@pytest.mark.parametrize("block", of("sh"), ids=where)
def test_a_shell_block_names_what_exists(block: Block) -> None:
    assert checks.shell_problems(block, checks.provider_of_page(block.path)) == []


@pytest.mark.parametrize("block", of("json"), ids=where)
def test_a_json_block_is_what_the_emulator_takes(block: Block) -> None:
    assert checks.json_problems(block) == []


@pytest.mark.parametrize("block", of("yaml"), ids=where)
def test_a_yaml_block_parses(block: Block) -> None:
    assert checks.yaml_problems(block) == []


@pytest.mark.parametrize("block", of("nginx"), ids=where)
def test_an_nginx_block_passes_nginx_t(block: Block) -> None:
    assert checks.nginx_problems(block) == []


@pytest.mark.parametrize("block", of("ts"), ids=where)
def test_a_typescript_block_is_what_the_publish_session_runs(block: Block) -> None:
    assert checks.typescript_problems(block) == []
