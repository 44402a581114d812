"""The code-block checks find what they are for: each is shown a block with one mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import checks
from .blocks import Block, blocks


def block_in(tmp_path: Path, language: str, code: str, *, page: str = "page.md", before: str = "") -> Block:
    """The one block of a page holding `before` and a fenced `language` block with `code`."""
    path = tmp_path / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# A page\n\n{before}```{language}\n{code}```\n", encoding="utf-8")
    [block] = blocks(path)
    return block


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("withdrawal-apis sandbox mpchat --no-such-option", "unrecognized arguments"),
        ("withdrawal-apis sandbox nosuchprovider", "invalid choice"),
        ("withdrawal-apis sandbox mpchat --option nosuch=1", "nosuch"),
        ("withdrawal-apis sandbox mpchat --option fee_mode=sideways", "fee_mode"),
        ("withdrawal-apis fuzz mpchat --rate-limit 50/s --no-such-flag -- --passed-to-st-run", "--no-such-flag"),
        ("nox -s lint nosuchsession", "nosuchsession"),
        ('python3 -m pip install "withdrawal-apis[nosuchextra]"', "[nosuchextra]"),
        ("python -m scripts.nosuchtool", "scripts.nosuchtool"),
        ("python missing.py", "missing.py"),
        ("curl -s localhost:8000/_sandbox/nosuch", "GET /_sandbox/nosuch"),
        ("curl -s -X DELETE localhost:8000/_sandbox/reset", "DELETE /_sandbox/reset"),
        ("if then fi", "bash -n"),
    ],
)
def test_a_shell_mistake_is_found(tmp_path: Path, line: str, problem: str) -> None:
    found = checks.shell_problems(block_in(tmp_path, "sh", f"{line}\n"))
    assert len(found) == 1
    assert problem in found[0]


def test_a_correct_shell_block_has_no_problem(tmp_path: Path) -> None:
    code = (
        "export MPCHAT_KEY_ID=mk_test_demo   # a comment\n"
        'withdrawal-apis sandbox mpchat --option \'fee={"TRC20": "2.00"}\' --port 8001 &\n'
        "withdrawal-apis fuzz mpchat --base-url http://127.0.0.1:8001 \\\n  --allow-untested get_withdrawal -- --x\n"
        'python3 -m pip install --quiet "nox[uv]==2026.10.20" && nox -s lint typecheck\n'
        "curl -s localhost:8000/_sandbox/withdrawals/wd_01.../transitions -d '{}'\n"
        "python app.py\n"
    )
    before = '```python title="app.py"\nprint()\n```\n\n'
    found = [b for b in blocks_of(tmp_path, before + f"```sh\n{code}```\n") if b.language == "sh"]
    assert checks.shell_problems(found[0]) == []


def blocks_of(tmp_path: Path, text: str) -> list[Block]:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return blocks(path)


def test_a_provider_curl_is_checked_against_that_provider_s_spec(tmp_path: Path) -> None:
    block = block_in(tmp_path, "sh", "curl -s http://127.0.0.1:8000/v1/balance\n")
    mpchat, bigone = checks.get("mpchat"), checks.get("bigone")
    assert checks.shell_problems(block, mpchat) == []
    assert len(checks.shell_problems(block, bigone)) == 1


def test_printed_lines_must_match_the_comments() -> None:
    code = 'print("pending", 25)  # pending 25\nprint("x")  # <anything> y\n'
    assert checks.output_problems(code, "pending 25\nx y\n") == []
    assert checks.output_problems(code, "pending 25\nsomething y\n") == []
    assert checks.output_problems(code, "pending 26\nsomething y\n") != []
    assert checks.output_problems(code, "pending 25\n") != []
    assert checks.output_problems('print("quiet")\n', "anything") == []


def test_a_python_block_that_fails_fails(tmp_path: Path) -> None:
    block = block_in(tmp_path, "python", "print(1 + 1)  # 3\n")
    _, problems = checks.run_python(block, {})
    assert problems == ["printed '2', the comment says '3'"]


def test_a_type_error_is_found(tmp_path: Path) -> None:
    good = block_in(tmp_path, "python", "x: int = 1\n", page="good.md")
    bad = block_in(tmp_path, "python", 'x: int = "one"\n', page="bad.md")
    errors = checks.typecheck([good, bad], tmp_path / "mypy")
    assert errors[good.where] == []
    assert "Incompatible types in assignment" in " ".join(errors[bad.where])


def test_a_seed_the_emulator_refuses_is_found(tmp_path: Path) -> None:
    seed = '{"accounts": [{"id": "m1", "balances": {"USDT": "not money"}}]}\n'
    block = block_in(tmp_path, "json", seed, page="providers/mpchat.md")
    [problem] = checks.json_problems(block)
    assert "refuses this seed" in problem


def test_a_broken_nginx_configuration_is_found(tmp_path: Path) -> None:
    block = block_in(tmp_path, "nginx", "server {\n    listen 8080;\n    no_such_directive on;\n}\n")
    [problem] = checks.nginx_problems(block)
    assert "no_such_directive" in problem


def test_typescript_that_no_test_runs_is_found(tmp_path: Path) -> None:
    assert checks.typescript_problems(block_in(tmp_path, "ts", "console.log(1);\n")) != []
