"""Test mode's contract check: is an answer one the spec allows for its operation?"""

from __future__ import annotations

import json

from .http import Response
from .routing import Route, Router


class Contract:
    """Checks answers against the spec their router was built from, and remembers every violation."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.violations: list[str] = []

    def problem(self, route: Route, response: Response) -> str | None:
        """None when the spec allows `response` for `route`; otherwise what is wrong with it."""
        status = str(response.status)
        pointer = (
            route.response_pointers.get(status)
            or route.response_pointers.get(f"{status[0]}XX")
            or route.response_pointers.get("default")
        )
        if pointer is None:
            return f"status {status} is not documented"
        spec = self.router.spec
        declared, pointer = spec.resolve(spec.at(pointer), pointer)
        for name, header in (declared.get("headers") or {}).items():
            header, _ = spec.resolve(header, "")
            if header.get("required") and name.lower() not in response.headers:
                return f"required header {name} missing"
        content = declared.get("content") or {}
        if not content:
            return "a body was sent where none is documented" if response.body else None
        if "application/json" not in content:
            return None
        data = response.data
        if data is None and response.body:
            try:
                data = json.loads(response.body)  # an answer with exact decimals keeps only its body
            except ValueError:
                return "the body is not JSON"
        errors = spec.errors(f"{pointer}/content/application~1json/schema", data)
        return "; ".join(errors[:3]) if errors else None
