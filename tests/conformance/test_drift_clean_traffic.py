"""A schemathesis run in positive mode through the drift proxy, in front of each emulator: no finding.

Every request schemathesis builds from the spec (examples, coverage, fuzzing and stateful phases,
signed with the provider's auth) and every answer the emulator gives in test mode is what the spec
describes, so the proxy must not report anything: no false alarm on `oneOf`, nullable fields, the
2020-12 dialect or exact decimals. (Schemathesis's own probe of a path no API has is reported as
the undocumented request it is.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from withdrawal_apis.conformance import emulators
from withdrawal_apis.conformance.plan import PHASES
from withdrawal_apis.core.profile import profile_of
from withdrawal_apis.drift.proxy import DriftProxy
from withdrawal_apis.drift.report import Recorder, Run
from withdrawal_apis.drift.validation import TrafficValidator
from withdrawal_apis.registry import Provider
from withdrawal_apis.sandbox.server import serve_in_thread
from withdrawal_apis.spec import spec_document

MAX_EXAMPLES = os.environ.get("CONFORMANCE_MAX_EXAMPLES", "10")
ST = str(Path(sys.executable).parent / "st")


def test_schemathesis_traffic_through_the_proxy_gives_no_finding(provider: Provider, tmp_path: Path) -> None:
    profile = profile_of(provider)
    validator = TrafficValidator(spec_document(provider.spec_path))
    recorder = Recorder(Run(provider.name, provider.spec_path.name, "", "schemathesis"), validator.policy, None)
    with (
        emulators.seeded(provider) as emulator,
        serve_in_thread(DriftProxy(validator, emulator.base_url, recorder)) as url,
    ):
        for variant in list(profile.variants) or [""]:
            env = {
                "SCHEMATHESIS_HOOKS": "withdrawal_apis.schemathesis_hooks",
                "WITHDRAWAL_APIS_PROVIDER": provider.name,
                "WITHDRAWAL_APIS_VARIANT": variant,
                **{provider.env_name(k): v for k, v in emulator.credentials.items()},
            }
            args = [ST, "run", str(provider.spec_path), "--url", url, "--phases", PHASES, "--mode", "positive"]
            args += ["--max-examples", MAX_EXAMPLES, "--seed", "1", "--no-color", "--checks", "not_a_server_error"]
            subprocess.run(args, env={**os.environ, **env}, cwd=tmp_path, capture_output=True, check=False, timeout=600)
    assert recorder.tally.exchanges > 50, "schemathesis's traffic went through the proxy"
    findings = [entry.as_dict() for entry in recorder.tally.entries.values()]
    # schemathesis first probes how the server treats an odd path; that request is not in the spec, and is said so.
    probes = [f for f in findings if f["label"].startswith("GET /schemathesis-probe")]
    assert [f for f in findings if f not in probes] == [], findings[:10]
    assert all(f["rule"] == "undocumented-operation" for f in probes)
