"""The fenced code blocks of the README and of every page of the site, read with Sybil.

Each block is a `Block`: the document, the line it starts on, its language, the attributes of its
info line (```` ```python title="payout.py" ```` names a file to save), the code, and how it is
checked (`run` by default; `<!-- check: typecheck -->` just before a Python block that talks to a
real provider makes it type-checked instead).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sybil import Document, Region
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
DOCS = REPO / "docs"

INFO = re.compile(r"(?P<info>[^\n]*)$\n", re.MULTILINE)
DIRECTIVE = re.compile(r"<!-- check: (?P<mode>[a-z-]+)(?: [^>]*)? -->\s*\Z")
MODES = ("run", "typecheck")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    language: str
    code: str
    attributes: dict[str, str] = field(default_factory=dict)
    mode: str = "run"

    @property
    def where(self) -> str:
        shown = self.path.relative_to(REPO) if self.path.is_relative_to(REPO) else self.path
        return f"{shown}:{self.line}"

    @property
    def title(self) -> str | None:
        return self.attributes.get("title")


def _info(info: str) -> tuple[str, dict[str, str]]:
    words = shlex.split(info) if info.strip() else []
    language = words[0] if words else ""
    attributes = dict(word.split("=", 1) for word in words[1:] if "=" in word)
    return language, attributes


class FencedBlocks:
    """A Sybil parser: one region per fenced block, its `parsed` a `Block`."""

    def __init__(self) -> None:
        self.lexer = RawFencedCodeBlockLexer(info_pattern=INFO)

    def __call__(self, document: Document) -> Iterator[Region]:
        path = Path(document.path)
        for lexed in self.lexer(document):
            language, attributes = _info(str(lexed.lexemes["info"]))
            before = document.text[: lexed.start]
            directive = DIRECTIVE.search(before[-200:])
            mode = directive["mode"] if directive else "run"
            line = before.count("\n") + 1
            block = Block(path, line, language, str(lexed.lexemes["source"]), attributes, mode)
            yield Region(lexed.start, lexed.end, parsed=block)


def documents() -> list[Path]:
    """The README and every Markdown page of the site."""
    return [README, *sorted(DOCS.rglob("*.md"))]


def blocks(path: Path) -> list[Block]:
    document = Document.parse(str(path), FencedBlocks())
    return [example.parsed for example in document.examples()]


def all_blocks() -> list[Block]:
    return [block for path in documents() for block in blocks(path)]


def section(path: Path, name: str) -> str:
    """The text between `--8<-- [start:name]` and `--8<-- [end:name]` (the markers the site's snippets use)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(rf"--8<-- \[start:{name}\][^\n]*\n(?P<body>.*?)\n[^\n]*--8<-- \[end:{name}\]", text, re.DOTALL)
    if found is None:
        raise LookupError(f"{path.name} has no section {name!r}")
    return found["body"]


def section_blocks(path: Path, name: str) -> list[Block]:
    """The blocks of one section of a document, in order."""
    text = path.read_text(encoding="utf-8")
    body = section(path, name)
    start = text.index(body)
    end = start + len(body)
    first_line = text[:start].count("\n") + 1
    last_line = text[:end].count("\n") + 1
    return [block for block in blocks(path) if first_line <= block.line <= last_line]


def commands(code: str) -> list[str]:
    """The command lines of a shell block: continuation lines joined, comments and blank lines dropped."""
    joined = re.sub(r"\\\n\s*", " ", code)
    found = []
    for line in joined.splitlines():
        stripped = without_comment(line).strip()
        if stripped:
            found.append(stripped)
    return found


def without_comment(line: str) -> str:
    """The line up to a shell comment: a `#` that starts a word, outside quotes."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index]
    return line
