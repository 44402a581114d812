"""The drift tools know no provider: everything they do comes from the spec they are given."""

from __future__ import annotations

import re
from pathlib import Path

import withdrawal_apis
from withdrawal_apis.registry import PROVIDERS

SOURCE = Path(withdrawal_apis.__file__).parent
FILES = [
    *sorted((SOURCE / "drift").rglob("*.py")),
    SOURCE / "testing" / "drifting.py",
    SOURCE / "testing" / "workload.py",
    SOURCE / "conformance" / "sorting.py",
    SOURCE / "sandbox" / "contract.py",
]
NAMES = re.compile(
    "|".join(re.escape(word) for p in PROVIDERS for word in (p.name, p.title.split(" (")[0])) + "|1konto", re.I
)


def test_no_drift_module_names_a_provider() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in FILES
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if NAMES.search(line)
    ]
    assert found == []
