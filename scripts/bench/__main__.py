"""`python -m scripts.bench`: the throughput benchmark, or with `--scale` the store-growth one."""

from __future__ import annotations

from .run import main

if __name__ == "__main__":
    raise SystemExit(main())
