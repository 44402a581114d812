"""The project's own tooling, run from the repository root and never shipped in a wheel.

    python -m scripts.generate            regenerate generated/ from specs/
    python -m scripts.build               wheels and sdists in dist/python/
    python -m scripts.publish             dist/ for other languages (scripts.publish.node_check, .docs_check)
    python -m scripts.bench               the benchmark (scripts.bench.client_overhead, .profile)
    python -m scripts.breaking_changes    each spec against its last release (redocly diff --check-version)

Each is a nox session (`nox -s generate|build|publish|bench`), which installs what it needs.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
