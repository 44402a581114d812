"""How each kind of code block in the documentation is checked; every function answers its problems.

- Python runs (against emulators, with the environment their start-up block exports), or, for a block
  that talks to a real provider, is type-checked with `mypy --strict`; a comment on a `print(...)`
  line is the line it must print (`<...>` stands for any text).
- Shell blocks pass `bash -n`, and their commands are checked against what they name: every
  `withdrawal-apis` command line is parsed by the CLI's own parser (and a `sandbox` one builds the
  emulator with its options), `nox -s` names sessions of noxfile.py, `pip install` extras of the
  project, `python -m` modules that exist, `python`/`pytest FILE.py` a file the page saves, and
  `curl` a documented operation.
- JSON seeds are loaded into the emulator of the page's provider; YAML parses; nginx configuration
  passes `nginx -t`; TypeScript is the example region of a test that `nox -s publish` runs.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from scripts.publish import typescript
from withdrawal_apis.cli import parser as cli_parser
from withdrawal_apis.conformance.options import split_passthrough
from withdrawal_apis.emulators import build_app
from withdrawal_apis.registry import PROVIDERS, Provider, get
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.spec import SpecDocument

from .blocks import REPO, Block, blocks

PRINTED = re.compile(r"^\s*print\(.*\)\s+#\s?(?P<expected>.*?)\s*$")
PLACEHOLDER = re.compile(r"<[^>]+>")


# -- Python ---------------------------------------------------------------------------------------


def defines_tests(code: str) -> bool:
    return any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")
        for node in ast.parse(code).body
    )


def providers_named(code: str) -> list[Provider]:
    """The providers whose environment a block reads (`MPCHAT_...`, `from_env("mpchat")`)."""
    return [
        p
        for p in PROVIDERS
        if re.search(rf"\b{p.env_prefix}_[A-Z]", code) or re.search(rf"from_env(_async)?\(\s*[\"']{p.name}[\"']", code)
    ]


def expected_output(code: str) -> list[re.Pattern[str]] | None:
    """What the block must print, from the comments on its print lines; None when it promises nothing."""
    lines = [line for line in code.splitlines() if line.strip().startswith("print(")]
    found = [PRINTED.match(line) for line in lines]
    if not any(found):
        return None
    patterns = []
    for line, match in zip(lines, found, strict=True):
        if match is None:
            raise ValueError(f"every print of a block that shows its output needs the output as a comment: {line}")
        parts = PLACEHOLDER.split(match["expected"])
        patterns.append(re.compile(".+".join(re.escape(part) for part in parts)))
    return patterns


def output_problems(code: str, printed: str) -> list[str]:
    patterns = expected_output(code)
    if patterns is None:
        return []
    lines = [line.strip() for line in printed.splitlines() if line.strip()]
    if len(lines) != len(patterns):
        return [f"printed {len(lines)} lines, the comments show {len(patterns)}: {lines}"]
    return [
        f"printed {line!r}, the comment says {pattern.pattern!r}"
        for line, pattern in zip(lines, patterns, strict=True)
        if not pattern.fullmatch(line)
    ]


def run_python(block: Block, environ: dict[str, str]) -> tuple[str, list[str]]:
    """Exec the block with `environ` added to the environment; what it printed, and its problems."""
    import os

    saved = {name: os.environ.get(name) for name in environ}
    os.environ.update(environ)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile("\n" * block.line + block.code, str(block.path), "exec"), {"__name__": "__main__"})  # noqa: S102 - the docs' own code
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return printed.getvalue(), output_problems(block.code, printed.getvalue())


def typecheck(found: Sequence[Block], workdir: Path) -> dict[str, list[str]]:
    """`mypy --strict` over each block as its own module: block -> its errors."""
    workdir.mkdir(parents=True, exist_ok=True)
    files = {}
    for number, block in enumerate(found):
        path = workdir / f"block_{number}.py"
        path.write_text(block.code, encoding="utf-8")
        files[path.name] = block.where
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(workdir / "cache"), *files],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    errors: dict[str, list[str]] = {where: [] for where in files.values()}
    for line in done.stdout.splitlines():
        name = line.split(":", 1)[0]
        if name in files:
            errors[files[name]].append(line)
    if done.returncode not in (0, 1) or (done.returncode == 1 and not any(errors.values())):
        raise RuntimeError(f"mypy failed to run:\n{done.stdout}\n{done.stderr}")
    return errors


# -- shell ----------------------------------------------------------------------------------------


def simple_commands(line: str) -> Iterator[list[str]]:
    """The simple commands of one command line (split at `&&`, `||`, `;`, `|`, `&`), as words."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    words: list[str] = []
    for token in lexer:
        if token and set(token) <= set("&|;()<>"):
            if words:
                yield words
            words = []
        else:
            words.append(token)
    if words:
        yield words


def without_assignments(words: list[str]) -> list[str]:
    """`A=1 B=2 cmd ...` -> `cmd ...`; `export A=1` -> `[]`."""
    if words and words[0] in ("export", "set", "cd", ".", "source", "eval", "kill", "wait", "exit"):
        return []
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        words = words[1:]
    return words


def nox_sessions() -> set[str]:
    tree = ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("session" in ast.unparse(decorator) for decorator in node.decorator_list)
    }


def project_extras() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(project["optional-dependencies"])


def cli_problems(arguments: list[str]) -> list[str]:
    """`withdrawal-apis ARGUMENTS` as the CLI parses it; a `sandbox` line also builds its emulator."""
    ours, _ = split_passthrough(arguments)
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            parsed = cli_parser().parse_args(ours)
    except SystemExit as exit_:
        return [] if exit_.code == 0 else [f"withdrawal-apis {' '.join(arguments)}: {stderr.getvalue().strip()}"]
    if parsed.command != "sandbox":
        return []
    from withdrawal_apis.launch import parse_option
    from withdrawal_apis.sandbox import ConfigError

    try:
        options = dict(parse_option(text) for text in parsed.option)
        build_app(get(parsed.provider), SandboxConfig(options=options))
    except (ConfigError, ValueError) as error:
        return [f"withdrawal-apis {' '.join(arguments)}: {error}"]
    return []


def documented_operations(provider: Provider | None) -> set[tuple[str, re.Pattern[str]]]:
    specs = [REPO / "specs" / "sandbox-control.yaml"]
    specs += [provider.spec_path] if provider else [p.spec_path for p in PROVIDERS]
    found = set()
    for spec in specs:
        document = SpecDocument(spec)
        prefixes = [""] + [
            re.sub(r"^[a-z]+://[^/]+", "", s.get("url", "")).rstrip("/") for s in document.raw.get("servers", [])
        ]
        for operation in document.operations:
            path = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(operation.path))
            for prefix in dict.fromkeys(prefixes):
                found.add((operation.method.upper(), re.compile(re.escape(prefix) + path)))
    return found


def curl_problems(words: list[str], provider: Provider | None) -> list[str]:
    method, data, url = None, False, None
    iterator = iter(words[1:])
    for word in iterator:
        if word in ("-X", "--request"):
            method = next(iterator, "").upper()
        elif word in ("-d", "--data", "--data-raw", "--data-binary", "--json"):
            data = True
            next(iterator, None)
        elif word in ("-H", "--header", "-u", "--user", "-o", "--output"):
            next(iterator, None)
        elif not word.startswith("-"):
            url = word
    if url is None:
        return [f"{' '.join(words)}: no URL"]
    method = method or ("POST" if data else "GET")
    path = re.sub(r"^(?:[a-z]+://)?[^/]+", "", url).split("?", 1)[0]
    if any(m == method and pattern.fullmatch(path) for m, pattern in documented_operations(provider)):
        return []
    return [f"{method} {path}: no such operation in the spec ({' '.join(words)})"]


def shell_problems(block: Block, provider: Provider | None = None) -> list[str]:
    """What is wrong with a shell block: its syntax, and what its commands name."""
    syntax = subprocess.run(["bash", "-n"], input=block.code, capture_output=True, text=True, check=False)
    problems = [f"bash -n: {syntax.stderr.strip()}"] if syntax.returncode else []
    saved = {b.title for b in blocks(block.path) if b.title}
    for line in _commands(block.code):
        for words in simple_commands(line):
            words = without_assignments(words)
            if not words:
                continue
            problems += command_problems(words, saved, provider)
    return problems


def _commands(code: str) -> list[str]:
    from .blocks import commands

    return commands(code)


def command_problems(words: list[str], saved: set[str], provider: Provider | None) -> list[str]:
    program, arguments = words[0], words[1:]
    if program == "withdrawal-apis":
        return cli_problems(arguments)
    if program == "nox" and "-s" in arguments:
        named = arguments[arguments.index("-s") + 1 :]
        named = named[: named.index("--")] if "--" in named else named
        return [f"nox -s {name}: no such session in noxfile.py" for name in named if name not in nox_sessions()]
    if program in ("pip", "python", "python3") and "install" in arguments:
        requested = [word for word in arguments if word.startswith("withdrawal-apis[")]
        extras = {extra for word in requested for extra in word.removeprefix("withdrawal-apis[").rstrip("]").split(",")}
        return [f"pip install: no extra [{extra}] in pyproject.toml" for extra in sorted(extras - project_extras())]
    if program in ("python", "python3") and arguments[:1] == ["-m"] and len(arguments) > 1:
        module = arguments[1]
        if module.startswith("scripts.") and importlib.util.find_spec(module) is None:
            return [f"python -m {module}: no such module"]
        return []
    if program in ("python", "python3", "pytest") and arguments and arguments[0].endswith(".py"):
        return [] if arguments[0] in saved else [f"{program} {arguments[0]}: the page saves no such file"]
    if program == "curl":
        return curl_problems(words, provider)
    return []


# -- data and configuration -----------------------------------------------------------------------


def provider_of_page(path: Path) -> Provider | None:
    if path.parent.name == "providers":
        with contextlib.suppress(KeyError):
            return get(path.stem)
    return None


def json_problems(block: Block) -> list[str]:
    try:
        document = json.loads(block.code)
    except ValueError as error:
        return [f"not JSON: {error}"]
    provider = provider_of_page(block.path)
    if provider is None or not isinstance(document, dict) or "accounts" not in document:
        return []
    from withdrawal_apis.testing import Emulator

    try:
        with Emulator(provider, seed=document) as emulator:
            return [f"the emulator broke its spec: {v}" for v in emulator.violations]
    except Exception as error:
        return [f"the {provider.name} emulator refuses this seed: {error}"]


def yaml_problems(block: Block) -> list[str]:
    try:
        loaded: Any = yaml.safe_load(block.code)
    except yaml.YAMLError as error:
        return [f"not YAML: {error}"]
    return [] if isinstance(loaded, dict) else ["not a YAML mapping"]


NGINX_WRAPPER = """
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
    ssl_certificate {work}/cert.pem;
    ssl_certificate_key {work}/key.pem;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    access_log off;
{body}
}}
"""


def nginx_problems(block: Block) -> list[str]:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        return ["nginx is not installed: apt-get install -y nginx (Debian's package)"]
    with tempfile.TemporaryDirectory(prefix="docs-nginx-") as tmp:
        work = Path(tmp)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=docs",
             "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem")],
            capture_output=True, check=True,
        )  # fmt: skip
        (work / "nginx.conf").write_text(NGINX_WRAPPER.format(work=work, body=block.code), encoding="utf-8")
        done = subprocess.run(
            [nginx, "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True, text=True, check=False
        )
    return [] if done.returncode == 0 else [f"nginx -t: {done.stderr.strip()}"]


def typescript_problems(block: Block) -> list[str]:
    examples = {p.name: typescript.example(p) for p in PROVIDERS if typescript.ts_test(p).is_file()}
    if block.code.strip() in (example.strip() for example in examples.values()):
        return []
    return ["not the `// #region example` of any ts/test/<provider>.test.ts (which `nox -s publish` runs)"]
