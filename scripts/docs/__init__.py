"""The documentation site (mkdocs-material): build it, draw what comes from the project, check every page.

    python -m scripts.docs [--out site/] [--screenshots DIR] [--no-check]

`nox -s docs` runs it; `nox -s publish` builds into dist/site/. The parts of the site that come from
the project rather than from docs/ are made at build time by `hooks.py` (loaded by mkdocs.yml): the
provider pages' navigation from the registry (`pages`), the performance charts and tables from the
benchmark's reports (`performance`). `links` checks every internal link of the built site, `browser`
renders every page in headless Chromium.
"""
