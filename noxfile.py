"""Every workflow is a nox session; each iterates over the provider registry.

nox -s specs        validate + lint every spec, gate breaking changes (each against its last release), spec-rule tests
nox -s generate     regenerate generated/ from specs/
nox -s lint         ruff check + format check
nox -s typecheck    mypy --strict over src/ and scripts/, mypy over generated/
nox -s tests        the pytest suite on both cores (tests/publish runs in `nox -s publish`)
nox -s conformance  every emulator against its spec with schemathesis (the main job; -- --deep for more)
nox -s bench        every emulator against Prism's mock and a bare ASGI app under wrk, and behind the drift proxy;
                    `-- --scale` for store growth, `-- --soak SECONDS` for a long run, `-- --backend postgresql
                    [--processes 1,2]` by store and process count
nox -s build        wheels and sdists of the project and the clients in dist/python/, then the README's
                    install and quick starts from them, in a fresh virtual environment outside the repository
nox -s docs         the documentation site in site/: built, every link followed, every page rendered in Chromium
nox -s publish      dist/ for other languages, with the documentation site in dist/site/
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))

from withdrawal_apis.registry import GENERATED_CLIENTS  # noqa: E402

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "typecheck", "specs", "tests"]

PYTHON = "3.11"
CONSTRAINTS = ("-c", str(ROOT / "constraints.txt"))
SPECS = [c.spec_path.relative_to(ROOT) for c in GENERATED_CLIENTS]
CLIENTS = [arg for c in GENERATED_CLIENTS for arg in ("-e", str(c.generated_dir.relative_to(ROOT)))]


def install_project(session: nox.Session, *extra: str) -> None:
    """The package in editable mode, every generated client, and `extra`, all under the pins."""
    session.install(*CONSTRAINTS, "-e", ".[sandbox,conformance]", *CLIENTS, *extra)


# The documentation site: mkdocs-material, docstrings through mkdocstrings (ruff formats the signatures),
# charts through matplotlib; pinned in constraints.txt.
DOCS_TOOLS = ("mkdocs", "mkdocs-material", "mkdocstrings", "mkdocstrings-python", "pymdown-extensions", "matplotlib",
              "ruff")  # fmt: skip
# The code blocks of the README and the site are read with sybil and type-checked with mypy; the
# performance charts are drawn with matplotlib (tests/docs).
DOCS_TESTS = ("sybil", "mypy", "matplotlib")
NEWCOMER_TEST = "tests/packaging/test_newcomer.py"


def npm_tools(session: nox.Session) -> None:
    if shutil.which("npm") is None:
        session.error("npm is required for the Redocly CLI (install Node.js >= 20)")
    session.run("npm", "install", "--no-audit", "--no-fund", "--silent", external=True)


@nox.session(python=PYTHON)
def specs(session: nox.Session) -> None:
    """openapi-spec-validator, Redocly lint (recommended rules), the breaking-change gate (each spec against its
    last released version with `redocly diff --check-version`) and our own spec rules."""
    install_project(session, "openapi-spec-validator", "pytest")
    session.run("openapi-spec-validator", *map(str, SPECS))
    npm_tools(session)
    for spec in SPECS:
        session.run("npx", "--no-install", "redocly", "lint", "--format", "stylish", str(spec), external=True)
    session.run("python", "-m", "scripts.breaking_changes")
    session.run("pytest", "tests/specs", *session.posargs)


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate every client under generated/ (the only writer of that directory)."""
    session.install(*CONSTRAINTS, "-e", ".", "openapi-python-client", "ruff")  # scripts read the registry
    session.run("python", "-m", "scripts.generate", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install(*CONSTRAINTS, "ruff", "import-linter")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # The layers and the one way to a provider (contracts in pyproject.toml); it reads the sources only.
    session.run("lint-imports", env={"PYTHONPATH": str(ROOT / "src")})


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    install_project(session, "mypy", "types-PyYAML", "pytest", "nox", "rich", *DOCS_TOOLS)
    session.run("mypy", "src", "scripts")
    for client in GENERATED_CLIENTS:
        # Generated code is checked as installed (strict), one package at a time.
        session.run("mypy", "--strict", "-p", client.package)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    # ccxt: a third-party BigONE client run unmodified against the emulator; uv and twine: the wheel test.
    install_project(
        session, "pytest", "pytest-xdist", "openapi-python-client", "ruff", "uv", "twine", "ccxt", *DOCS_TESTS
    )
    npm_tools(session)  # the publish tests drive the pinned Redocly, openapi-typescript and tsc
    # Both cores. Some tests run in the sessions they belong to, which CI runs too: tests/publish (Node,
    # tsc, Chromium) in `nox -s publish`, tests/conformance (schemathesis) in `nox -s conformance`, the
    # newcomer path from the built wheels in `nox -s build`.
    session.run(
        "pytest", "-n", "2", "--ignore=tests/publish", "--ignore=tests/conformance", f"--ignore={NEWCOMER_TEST}",
        *session.posargs,
    )  # fmt: skip


@nox.session(python=PYTHON)
def conformance(session: nox.Session) -> None:
    """The main job: every emulator as `withdrawal-apis sandbox` starts it, fuzzed with schemathesis;
    then tests/conformance: plain `st run` with the shipped hooks per emulator and control API, and the
    harness's own tests.

    nox -s conformance [-- PROVIDER ... --seed N --max-examples N --jobs N -- ST_RUN_ARGS]
    nox -s conformance -- --deep    100 examples, seeds 1, 2 and 3, in the harness and in plain `st run`
    """
    deep = "--deep" in session.posargs
    # openapi-python-client and ruff: the toy-provider test generates its client as `nox -s generate` does.
    install_project(session, "pytest", "pytest-xdist", "openapi-python-client", "ruff")
    failed = []
    try:
        session.run("withdrawal-apis", "conformance", "--report-dir", "reports/conformance", *session.posargs)
    except nox.command.CommandFailed:
        failed.append("the harness")
    env = {"CONFORMANCE_MAX_EXAMPLES": "100", "CONFORMANCE_SEEDS": "1,2,3"} if deep else {}
    try:
        session.run(
            "pytest", "-n", "2", "-p", "no:cacheprovider", "-rA" if deep else "-q", "tests/conformance", env=env
        )
    except nox.command.CommandFailed:
        failed.append("tests/conformance")
    if failed:
        session.error(f"conformance failed: {' and '.join(failed)}")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Every emulator against Prism's mock of its spec and a bare ASGI app, under wrk (a benchmark, not a test).

    nox -s bench [-- --quick | --duration 10 --connections 16 --providers mpchat,bigone --profile DIR]
    nox -s bench -- --scale [--sizes 10000,100000,1000000]      the cost of each operation as the store grows
    nox -s bench -- --scale --backend postgresql                the same on PostgreSQL
    nox -s bench -- --backend postgresql [--processes 1,2]      by store (SQLite, PostgreSQL) and process count
    nox -s bench -- --soak 600                                  ten minutes per provider at 80 % of its maximum
    """
    # py-spy: `--profile DIR` samples the emulators while they serve; rich draws the tables; pytest: the soak
    # throws the hostile-input suite's catalogue (tests/sandbox) at each emulator.
    install_project(session, "py-spy", "rich", "pytest")
    if shutil.which("wrk") is None:
        if shutil.which("apt-get") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
            session.error("wrk is required: install Debian's `wrk` package (sudo apt-get install wrk)")
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "wrk", external=True)
    if shutil.which("npm") is None:
        session.error("npm is required for Prism's mock server (install Node.js >= 20)")
    with session.chdir(ROOT / "bench"):
        # bench/.npmrc keeps registry addresses out of bench/package-lock.json.
        env = {"SCARF_ANALYTICS": "false"}
        session.run("npm", "install", "--no-audit", "--no-fund", "--silent", external=True, env=env)
    session.run("python", "-m", "scripts.bench", *session.posargs)
    # The client's overhead and the drift proxy's cost belong to the throughput run, not to the others.
    others = ("--scale", "--soak", "--processes", "--backend")
    if not any(arg.split("=")[0] in others for arg in session.posargs):
        session.run("python", "-m", "scripts.bench.client_overhead", "--json", "reports/bench.json")
        # The drift proxy's cost: each emulator directly and through `withdrawal-apis proxy`.
        quick = ["--duration", "1", "--warmup", "0"] if "--quick" in session.posargs else []
        session.run("python", "-m", "scripts.bench.drift", *quick, "--json", "reports/bench.json")


@nox.session(python=PYTHON)
def publish(session: nox.Session) -> None:
    """Build dist/ for other languages and prove it works from there.

    Builds twice and requires identical bytes (bundled and dereferenced specs, HTML references,
    TypeScript types, one npm package per provider, index.json and index.html); installs the packages
    into a scratch Node project and runs the TypeScript tests, which drive every emulator through a
    payout with the provider's real auth; then renders every page in headless Chromium (Debian's
    `chromium` package).
    """
    install_project(session, "pytest", "pytest-xdist", *DOCS_TOOLS)  # the emulators' CLI; tests/publish runs here
    npm_tools(session)
    session.run("python", "-m", "scripts.publish", "--check-reproducible")
    session.run("python", "-m", "scripts.docs", "--out", "dist/site")  # the site, checked as `nox -s docs` does
    session.run("python", "-m", "scripts.publish.node_check")
    session.run("python", "-m", "scripts.publish.docs_check")
    session.run("pytest", "-n", "2", "tests/publish")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """The documentation site (mkdocs-material) in site/, then checked: every internal link and anchor
    followed, every page rendered in headless Chromium (Debian's `chromium`) without a console problem
    or a network request, screenshots of three pages in site/_screenshots/. The code blocks of the
    pages are run by tests/docs (`nox -s tests`).

    nox -s docs [-- --out DIR --no-check]
    """
    install_project(session, *DOCS_TOOLS)
    npm_tools(session)  # iframe-worker: search from pages opened from disk
    session.run("python", "-m", "scripts.docs", *session.posargs)


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Wheels and sdists of the project and every generated client in dist/python/, checked by twine; then
    the newcomer path from them: the README's install and every command of its quick starts, as written,
    in a fresh virtual environment outside the repository (tests/packaging/test_newcomer.py)."""
    install_project(session, "uv", "twine", "pytest", "sybil")  # the test harness imports the package's tests
    wheels = ROOT / "dist" / "python"
    session.run("python", "-m", "scripts.build", "--out-dir", str(wheels), *session.posargs)
    session.run("pytest", "-p", "no:cacheprovider", "-rA", NEWCOMER_TEST, env={"WITHDRAWAL_APIS_DIST": str(wheels)})
