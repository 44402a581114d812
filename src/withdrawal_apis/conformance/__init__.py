"""The schemathesis harness behind `withdrawal-apis conformance` (the main job) and `withdrawal-apis fuzz`.

Each run is a plain `st run` with the shipped hooks (`withdrawal_apis.schemathesis_hooks`); the
harness chooses the options, follows the run live, and fails what schemathesis alone would accept:
an operation that never got a 2xx, and signed requests the server refused.
"""

from __future__ import annotations

from .plan import PHASES, Pass, Target
from .runner import PassResult, run_pass

__all__ = ["PHASES", "Pass", "PassResult", "Target", "run_pass"]
