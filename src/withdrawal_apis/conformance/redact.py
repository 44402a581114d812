"""Keep credentials out of everything the harness prints or writes.

Schemathesis filters the headers it knows are sensitive in its own output, but the curl lines in
its JUnit file carry whatever the signer set. Every text the harness keeps goes through `Redactor`:
the spec's security headers lose their values, and the credentials (and their SHA-256 digests, which
a provider may send as the password) are replaced wherever they appear.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..spec import SpecDocument

REDACTED = "[redacted]"


class Redactor:
    def __init__(self, header_names: Iterable[str], secrets: Iterable[str] = ()) -> None:
        self.header_names = frozenset(name.lower() for name in header_names) | {"authorization"}
        values = {s for s in secrets if len(s) >= 4}
        values |= {hashlib.sha256(s.encode()).hexdigest() for s in values}
        # Longest first, so a secret containing another is replaced whole.
        self._secrets = sorted(values, key=len, reverse=True)
        names = "|".join(re.escape(n) for n in sorted(self.header_names))
        self._header_line = re.compile(rf"(?i)((?:^|['\"\s])(?:{names}): ?)([^'\"\n]*)")

    @classmethod
    def for_spec(cls, spec: SpecDocument | Path, secrets: Iterable[str] = ()) -> Redactor:
        """Redacts the headers the spec's security schemes put credentials in, and `secrets`."""
        document = spec if isinstance(spec, SpecDocument) else SpecDocument(spec)
        schemes = document.raw.get("components", {}).get("securitySchemes", {})
        headers = {s["name"] for s in schemes.values() if s.get("type") == "apiKey" and s.get("in") == "header"}
        return cls(headers, secrets)

    def text(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return self._header_line.sub(lambda m: m.group(1) + REDACTED, text)

    def headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        return {k: REDACTED if k.lower() in self.header_names else self.text(v) for k, v in headers.items()}

    def file(self, path: Path) -> None:
        if path.exists():
            path.write_text(self.text(path.read_text(encoding="utf-8")), encoding="utf-8")
