"""`python -m scripts.docs`: build the documentation site and check it (see `scripts.docs`).

    python -m scripts.docs [--out site/] [--screenshots DIR] [--no-check]

The build is mkdocs in strict mode (a warning fails it: a missing page, a broken relative link or
anchor, a snippet that is not there). Then every internal link of the built site is followed, and
every page is opened in headless Chromium; screenshots of three pages go to `--screenshots`
(default: `<out>/_screenshots/`). Exit status 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .. import REPO


def build(out: Path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the theme's notice about its successor, on every build
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(out), strict=True)
    mkdocs_build(config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.docs", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--out", type=Path, default=REPO / "site", help="where the site goes (default: site/)")
    parser.add_argument("--screenshots", type=Path, help="where the PNGs go (default: <out>/_screenshots/)")
    parser.add_argument("--no-check", action="store_true", help="build only")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    started = time.monotonic()
    from mkdocs.exceptions import MkDocsException

    try:
        build(out)
    except (MkDocsException, SystemExit) as error:
        print(f"docs: the build failed: {error}", file=sys.stderr)
        return 1
    built = time.monotonic()
    print(f"docs: built {out} in {built - started:.1f} s")
    if args.no_check:
        return 0
    from . import browser, links

    problems = links.problems(out)
    screenshots = (args.screenshots or out / "_screenshots").resolve()
    count, rendered = browser.check(out, screenshots)
    problems += rendered
    for problem in problems:
        print(f"docs: {problem}", file=sys.stderr)
    print(
        f"docs: {count} pages, links followed, rendered in Chromium in {time.monotonic() - built:.1f} s; "
        f"screenshots in {screenshots}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
