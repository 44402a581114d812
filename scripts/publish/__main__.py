"""`python -m scripts.publish`: build dist/ (see `scripts.publish.dist`)."""

from __future__ import annotations

from .dist import main

if __name__ == "__main__":
    raise SystemExit(main())
