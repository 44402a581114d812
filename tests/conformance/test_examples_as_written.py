"""The spec's request examples go out exactly as written; only generated bodies meet the body rules."""

from __future__ import annotations

import io
from pathlib import Path

from withdrawal_apis.conformance import emulators, progress
from withdrawal_apis.conformance.plan import Pass, Target
from withdrawal_apis.conformance.runner import run_pass
from withdrawal_apis.registry import get


def test_examples_are_not_adjusted_and_generated_bodies_say_which_rule_touched_them(tmp_path: Path) -> None:
    mpchat = get("mpchat")
    with emulators.seeded(mpchat) as emulator:
        target = Target("mpchat", mpchat.spec_path, emulator.base_url, mpchat, emulator.credentials)
        shown = progress.for_stream(io.StringIO())
        examples = run_pass(Pass("examples", target, 1, phases="examples", require_success=False), tmp_path, shown)
        fuzzed = run_pass(Pass("fuzz", target, 1, phases="fuzzing", mode="positive", max_examples=10), tmp_path, shown)
    create = "POST /v1/withdrawals"
    # The declared example is sent as written (body rules never see it) and succeeds.
    assert examples.tallies[create].examples >= 1
    assert examples.tallies[create].statuses[201] == examples.tallies[create].cases
    assert examples.passed, examples.output[-3000:]
    assert sum(fuzzed.tallies[create].rules.values()) > 0
    assert all("checksum" in why for why in fuzzed.tallies[create].rules)
