"""The TypeScript half of dist/: types with open enums, and one npm package per provider and version.

For every provider, `<out>/<provider>/<version>/` becomes the package `@withdrawal-apis/<provider>`:

    openapi.d.ts               openapi-typescript's types, every string enum open (ts/tools/openapi-types.mjs)
    index.js, index.d.ts       the provider's client.ts compiled with tsc --strict: createClient() and the signing
    shared/*.js, *.d.ts        the parts of ts/shared/ that provider uses
    package.json, README.md    name, exact dependency pins; the README quotes the test's example
    withdrawal-apis-<provider>-<version>.tgz   `npm pack` of the above, to install or to pin by checksum
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import tempfile
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from withdrawal_apis.registry import Provider

from .. import REPO
from .common import PublishError, node_tool, run, write_json

TS_DIR = REPO / "ts"
SHARED_DIR = TS_DIR / "shared"
TEST_DIR = TS_DIR / "test"
TYPES_TOOL = TS_DIR / "tools" / "openapi-types.mjs"
SCOPE = "@withdrawal-apis"
IMPORT = re.compile(r"^import .*;$", re.MULTILINE)
TEST_ONLY_IMPORT = re.compile(r'from "(node:test|\./emulator\.js)";')
EXAMPLE = re.compile(r"^[ \t]*// #region example\n(?P<body>.*?)^[ \t]*// #endregion", re.MULTILINE | re.DOTALL)

# Also the options a consumer needs: the package's types compile under the strictest settings.
COMPILER_OPTIONS = {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2022", "DOM"],
    "types": [],
    "strict": True,
    "noUncheckedIndexedAccess": True,
    "exactOptionalPropertyTypes": True,
    "noImplicitOverride": True,
    "declaration": True,
    "newLine": "lf",
}


@dataclass(frozen=True)
class Package:
    """One provider's package directory, `<out>/<provider>/<version>/`."""

    provider: Provider
    version: str
    directory: Path

    @property
    def name(self) -> str:
        return f"{SCOPE}/{self.provider.name}"

    @property
    def tarball(self) -> Path:
        # npm's own naming: the scope without "@", "/" as "-".
        return self.directory / f"{SCOPE.removeprefix('@')}-{self.provider.name}-{self.version}.tgz"


def shown(path: Path) -> str:
    """A path as an error message shows it: relative to the repository when it is inside it."""
    return path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else str(path)


def ts_source(provider: Provider) -> Path:
    """The provider's TypeScript client, kept in its folder beside the rest of it."""
    return provider.folder / "client.ts"


def ts_test(provider: Provider) -> Path:
    return TEST_DIR / f"{provider.name}.test.ts"


def _source_or_where(provider: Provider) -> Path:
    """The client's path, or where it would be for a provider whose folder cannot be found."""
    try:
        return ts_source(provider)
    except LookupError:
        return REPO / "src" / Path(*provider.module.split(".")) / "client.ts"


def check_ts_sources(providers: Iterable[Provider]) -> None:
    """Every provider needs its client (`client.ts` in its folder) and its test; no test outlives its provider."""
    providers = list(providers)
    names = {provider.name for provider in providers}
    problems = [
        f"{shown(path)} is missing: write it by hand (see another provider's)"
        for provider in providers
        for path in (_source_or_where(provider), ts_test(provider))
        if not path.is_file()
    ]
    shared = {"emulator", "enums", "exact-json", "vectors"}  # tests of the shared parts, not of one provider
    problems += [
        f"ts/test/{path.name} belongs to no registered provider"
        for path in TEST_DIR.glob("*.test.ts")
        if path.name.removesuffix(".test.ts") not in names | shared
    ]
    if problems:
        raise PublishError("\n".join(sorted(problems)))


def generate_types(documents: Mapping[Path, Path]) -> None:
    """openapi.json -> openapi.d.ts for every pair, in one Node process."""
    pairs = [str(part) for source, target in documents.items() for part in (source, target)]
    run(["node", TYPES_TOOL, *pairs], "openapi-typescript (ts/tools/openapi-types.mjs)")


def compile_clients(packages: Iterable[Package]) -> None:
    """tsc over every provider's client.ts, each against its own openapi.d.ts, in one compilation."""
    packages = list(packages)
    with tempfile.TemporaryDirectory(prefix="publish-ts-") as tmp:
        root = Path(tmp)
        sources, output = root / "src", root / "out"
        for package in packages:
            folder = sources / package.provider.name
            shutil.copytree(SHARED_DIR, folder / "shared")
            shutil.copy(ts_source(package.provider), folder / "index.ts")
            shutil.copy(package.directory / "openapi.d.ts", folder / "openapi.d.ts")
        write_json(sources / "package.json", {"type": "module"})  # NodeNext emits ES modules under it
        (root / "node_modules").symlink_to(REPO / "node_modules")  # openapi-fetch's types
        options = {**COMPILER_OPTIONS, "rootDir": str(sources), "outDir": str(output)}
        files = [str(sources / package.provider.name / "index.ts") for package in packages]
        write_json(root / "tsconfig.json", {"compilerOptions": options, "files": files})
        try:
            run([node_tool("tsc"), "--project", root / "tsconfig.json"], "tsc over the providers' client.ts", cwd=root)
        except PublishError as error:
            # Name the files as they are in the repository, not as they were copied.
            message = str(error)
            for package in packages:
                name = package.provider.name
                for copy in (f"{sources}/{name}", f"src/{name}"):
                    message = message.replace(f"{copy}/index.ts", shown(ts_source(package.provider))).replace(
                        f"{copy}/shared/", "ts/shared/"
                    )
            raise PublishError(message) from None
        for package in packages:
            shutil.copytree(output / package.provider.name, package.directory, dirs_exist_ok=True)


def pinned(name: str) -> str:
    """The exact version of a Node package in package-lock.json, for the packages' own dependencies."""
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"].get(f"node_modules/{name}")
    if entry is None:
        raise PublishError(f"{name} is not in package-lock.json; add it to package.json with an exact version")
    return str(entry["version"])


def package_files(package: Package) -> list[str]:
    """What goes into the npm package: the client, its types, the spec and the README."""
    support = sorted(path.relative_to(package.directory).as_posix() for path in package.directory.glob("shared/*"))
    return ["README.md", "index.d.ts", "index.js", "openapi.d.ts", "openapi.json", *support]


def write_package_json(package: Package, description: str) -> None:
    write_json(
        package.directory / "package.json",
        {
            "name": package.name,
            "version": package.version,
            "description": description,
            "license": "Apache-2.0",
            "type": "module",
            "exports": {".": {"types": "./index.d.ts", "default": "./index.js"}, "./openapi.json": "./openapi.json"},
            "types": "./index.d.ts",
            "files": package_files(package),
            "engines": {"node": ">=20"},
            "dependencies": {"openapi-fetch": pinned("openapi-fetch")},
        },
    )


def example(provider: Provider) -> str:
    """The `// #region example` of the provider's Node test, dedented, after the test's own imports
    (but the test runner's and the emulator helper's): the README shows what the test runs."""
    source = ts_test(provider).read_text(encoding="utf-8")
    match = EXAMPLE.search(source)
    if match is None:
        raise PublishError(f"{shown(ts_test(provider))} has no `// #region example` ... `// #endregion`")
    imports = [line for line in IMPORT.findall(source) if not TEST_ONLY_IMPORT.search(line)]
    return "\n".join(imports) + "\n\n" + textwrap.dedent(match.group("body")).strip()


def about(provider: Provider) -> str:
    """The opening comment of the provider's client.ts, as Markdown paragraphs."""
    lines = []
    for line in ts_source(provider).read_text(encoding="utf-8").splitlines():
        if not line.startswith("//"):
            break
        lines.append(line.removeprefix("//").strip())
    return re.sub(r"(?<!\n)\n(?!\n)", " ", "\n".join(lines)).strip()


README = """\
# {name} {version}

A typed TypeScript client for the {title} withdrawal API, made from the OpenAPI document
`openapi.json` (spec version {version}) that sits beside it: the types are generated by
openapi-typescript, requests go through [openapi-fetch](https://openapi-ts.dev/openapi-fetch/), and
the provider's authentication is installed as openapi-fetch middleware. ES module; Node.js 20 or
later, or any runtime with `fetch` and WebCrypto.

## Install and pin

```sh
npm install ./{tarball}
```

Before installing, compare the tarball's sha256 (`sha256sum {tarball}`) with the one the
published `index.json` lists for it; npm then records the package's integrity hash in your lock
file. Import the package by its name, `{name}`. Its only dependency is `openapi-fetch`
{openapi_fetch}, pinned exactly.

## {title}

{about}

## Example

What the publishing session runs against the {provider} emulator, copied from its test: `baseUrl`
is the emulator's address, and the other capitalised names are the credentials, accounts and
addresses the test seeded there.

```ts
{example}
```

## Open enums

Every enum type is open: `"A" | "B" | (string & {{}})`. Editors still offer the known values, but a
value the provider starts sending later is an ordinary string to the compiler, not an error in your
code, so give every `switch` over such a value a `default` branch. The Python clients follow the
same rule (unknown values parse as pseudo-members).

## Files

| file | what |
|---|---|
| `index.js`, `index.d.ts`, `shared/` | the client: `createClient()`, the request signing, helpers |
| `openapi.d.ts` | the types (`paths`, `components`, `operations`), generated from `openapi.json` |
| `openapi.json` | the OpenAPI 3.1 document the types were made from |
"""


def write_readme(package: Package) -> None:
    text = README.format(
        name=package.name,
        version=package.version,
        title=package.provider.title,
        provider=package.provider.name,
        tarball=package.tarball.name,
        openapi_fetch=pinned("openapi-fetch"),
        about=about(package.provider),
        example=example(package.provider),
    )
    (package.directory / "README.md").write_text(text, encoding="utf-8")


def integrity(tarball: Path) -> str:
    """npm's Subresource Integrity string (what a lock file records) for a tarball."""
    return "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()


def build_package(package: Package, description: str) -> None:
    """package.json, README.md and the tarball, once the client is compiled into the directory."""
    write_package_json(package, description)
    write_readme(package)
    run(
        ["npm", "pack", "--silent", "--pack-destination", package.directory],
        f"npm pack {package.name}",
        cwd=package.directory,
    )
    if not package.tarball.is_file():
        raise PublishError(f"npm pack did not write {package.tarball}")
