"""Plain `st run` with hooks that only sign: what a schema-valid request meets is a listed business rule.

With `WITHDRAWAL_APIS_BODY_RULES=off` the shipped hooks sign requests and send generated bodies as
schemathesis generated them, as a client generated from the spec would. Whatever the schema allows
and the emulator still refuses must then be one of the rules the operation lists under
`x-business-rules`: the emulator names the entry that refused a request in `x-sandbox-rule`, and the
hooks write it into their call log. So, per provider:

- the only failures schemathesis reports are "schema-valid request rejected" (`positive_data_acceptance`);
- every schema-valid, signed request such an operation answered with a status that check refuses
  named an entry of that operation's `x-business-rules`.

`nox -s conformance -- --deep` runs it with 100 examples and seeds 1, 2 and 3.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from withdrawal_apis.conformance import emulators
from withdrawal_apis.conformance.plan import PHASES
from withdrawal_apis.conformance.redact import Redactor
from withdrawal_apis.registry import Provider
from withdrawal_apis.spec import SpecDocument

MAX_EXAMPLES = os.environ.get("CONFORMANCE_MAX_EXAMPLES", "10")
SEEDS = os.environ.get("CONFORMANCE_SEEDS", "1").split(",")
ST = str(Path(sys.executable).parent / "st")
REJECTED = "ST202"  # schemathesis's code for a schema-valid request answered as invalid (positive_data_acceptance)
# The statuses `positive_data_acceptance` accepts by default (schemathesis's defaults, which the run uses).
ACCEPTED = {401, 403, 404, 409, 429}
SUMMARY_FAILURE = re.compile(r"^\s*❌ (?P<code>\S+) (?P<title>.+): (?P<count>\d+)$", re.MULTILINE)
OPERATION_HEADING = re.compile(r"^_+ (?P<label>[A-Z]+ \S+) _+$", re.MULTILINE)
FAILURE_CODE = re.compile(r"^\s*- (?P<code>[A-Z]+\d+) ", re.MULTILINE)


def refused(status: int) -> bool:
    return 400 <= status < 500 and status not in ACCEPTED


def reported(output: str) -> dict[str, int]:
    """The failure codes of schemathesis's summary, each with its count of unique failures."""
    summary = output[output.rfind("SUMMARY") :]
    return {m["code"]: int(m["count"]) for m in SUMMARY_FAILURE.finditer(summary)}


def operations_with(code: str, output: str) -> set[str]:
    """The operations whose block in schemathesis's failure report lists a failure with `code`."""
    found = set()
    headings = list(OPERATION_HEADING.finditer(output))
    for n, heading in enumerate(headings):
        end = headings[n + 1].start() if n + 1 < len(headings) else len(output)
        if any(m["code"] == code for m in FAILURE_CODE.finditer(output, heading.end(), end)):
            found.add(heading["label"])
    return found


def listed_rules(spec: SpecDocument) -> dict[str, set[str]]:
    return {op.operation_id or "": {rule.id for rule in op.business_rules} for op in spec.operations}


def run(provider: Provider, seed: str, workdir: Path) -> tuple[int, str, list[dict[str, Any]]]:
    events = workdir / "events.jsonl"
    with emulators.seeded(provider) as emulator:
        env = {
            "SCHEMATHESIS_HOOKS": "withdrawal_apis.schemathesis_hooks",
            "WITHDRAWAL_APIS_PROVIDER": provider.name,
            "WITHDRAWAL_APIS_BODY_RULES": "off",
            "WITHDRAWAL_APIS_EVENTS": str(events),
        }
        env |= {provider.env_name(k): v for k, v in emulator.credentials.items()}
        args = [ST, "run", str(provider.spec_path), "--url", emulator.base_url, "--checks", "all"]
        args += ["--phases", PHASES, "--mode", "all", "--max-examples", MAX_EXAMPLES, "--seed", seed, "--no-color"]
        done = subprocess.run(args, env=os.environ | env, cwd=workdir, capture_output=True, text=True, check=False)
        redact = Redactor.for_spec(provider.spec_path, emulator.credentials.values())
    output = redact.text(done.stdout + done.stderr)
    lines = events.read_text(encoding="utf-8").splitlines() if events.exists() else []
    return done.returncode, output, [json.loads(line) for line in lines]


@pytest.mark.parametrize("seed", SEEDS)
def test_schema_valid_requests_meet_only_listed_business_rules(provider: Provider, seed: str, tmp_path: Path) -> None:
    spec = SpecDocument(provider.spec_path)
    rules = listed_rules(spec)
    labels = {f"{op.method.upper()} {op.path}": op.operation_id for op in spec.operations}
    code, output, events = run(provider, seed, tmp_path)
    assert events, output[-4000:]
    failures = reported(output)
    assert code == 0 or failures, output[-8000:]  # an error that is not a failure (schemathesis's "Errors")
    other = {code: count for code, count in failures.items() if code != REJECTED}
    assert not other, f"failures other than {REJECTED}: {other}\n{output[-8000:]}"

    flagged = {labels[label] for label in operations_with(REJECTED, output) if label in labels}
    unlisted = Counter()
    named = Counter()
    for event in events:
        if event.get("operation") not in flagged or not event.get("positive"):
            continue
        if event.get("secured") and not event.get("signed"):
            continue
        if not refused(int(event.get("status") or 0)) or event.get("example"):
            continue
        rule = event.get("rule")
        if rule in rules[event["operation"]]:
            named[f"{event['operation']}: {rule}"] += 1
        else:
            unlisted[f"{event['operation']} answered {event['status']} naming {rule or 'no rule'}"] += 1
    print(
        f"{provider.name} seed {seed}: {failures.get(REJECTED, 0)} {REJECTED} reported; by listed rules {dict(named)}"
    )
    assert not unlisted, f"schema-valid requests refused by no listed rule: {dict(unlisted)}\n{output[-8000:]}"
