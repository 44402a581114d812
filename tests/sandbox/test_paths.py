"""How the engine reads a request's path before routing it."""

from __future__ import annotations

from withdrawal_apis.testing import Emulator


def test_repeated_slashes_count_as_one_as_nginx_merges_them() -> None:
    with Emulator("mpchat") as sandbox:
        root = sandbox.base_url.rstrip("/")
        assert sandbox.raw.get(f"{root}/v1/balance").status_code == 401  # routed, then refused unsigned
        assert sandbox.raw.get(f"{root}//v1//balance").status_code == 401
        assert sandbox.raw.get(f"{root}/v1/balance/").status_code == 404  # a trailing slash is another path
        assert sandbox.raw.get(f"{root}//v1//nowhere").status_code == 404
