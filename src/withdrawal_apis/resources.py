"""Files shipped beside the code (the specs), found the same way from a checkout and from a wheel.

Standard library only: the provider registry, `noxfile.py` and `scripts/` import it before anything
is installed.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent


def find_repo_file(*parts: str) -> Path:
    """A file shipped inside the wheel (`withdrawal_apis/specs/...`) or beside the source tree."""
    for root in (PACKAGE_DIR, REPO_ROOT):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return REPO_ROOT.joinpath(*parts)
