"""What the generated MPChat client costs on top of raw httpx, and the payouts layer on top of that.

    python -m scripts.bench.client_overhead [--calls 5000] [--json reports/bench.json]

All sides sign with `MPChatAuth` and read the same canned response from an in-memory transport,
so the differences are the code: the generated client builds the request and parses attrs models;
`withdrawal_apis.payouts` adds its flow, retry bookkeeping and the `Payout` (Decimal amounts,
aware datetimes, canonical status). Target for the payouts layer: at most 10 % per call.
With `--json`, the figures are added to that file under `client_overhead` (`nox -s bench` adds
them to the throughput benchmark's reports/bench.json).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from mpchat_client.api.withdrawals import get_withdrawal

from withdrawal_apis import payouts
from withdrawal_apis.providers import mpchat

WITHDRAWAL = {
    "id": "wd_01HQ8ZTXV",
    "merchant_id": "a1b2c3d4",
    "amount": "500.00",
    "fee": "1.00",
    "status": "PENDING",
    "destination_address": "TXyz1234567890abcdefghijklmnopqrst",
    "network": "TRC20",
    "tx_hash": None,
    "created_at": "2024-01-15T10:00:00Z",
    "updated_at": "2024-01-15T10:00:00Z",
}


def median_us(calls: int, sides: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median time per call of each side, the sides taking turns call by call.

    The machine is shared: taking turns spreads any burst of other work over every side, and the
    median drops the calls a burst lands on.
    """
    times: dict[str, list[int]] = {name: [] for name in sides}
    for _ in range(calls):
        for name, call in sides.items():
            started = time.perf_counter_ns()
            call()
            times[name].append(time.perf_counter_ns() - started)
    return {name: statistics.median(found) / 1000 for name, found in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench.client_overhead", description=__doc__)
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--json", type=Path, help="add the figures to this JSON file (created if missing)")
    args = parser.parse_args()
    calls = args.calls
    body = json.dumps(WITHDRAWAL).encode()
    headers = {"content-type": "application/json"}
    transport = httpx.MockTransport(lambda _: httpx.Response(200, content=body, headers=headers))
    raw = httpx.Client(base_url="http://sandbox", transport=transport, auth=mpchat.MPChatAuth("mk_test_a", "secret"))
    client = mpchat.client("mk_test_a", "secret", base_url="http://sandbox", httpx_args={"transport": transport})
    app = payouts.connect(
        "mpchat",
        base_url="http://sandbox",
        httpx_args={"transport": transport},
        key_id="mk_test_a",
        secret="secret",  # noqa: S106
    )
    sides: dict[str, Callable[[], object]] = {
        "raw": lambda: raw.get("/v1/withdrawals/wd_01HQ8ZTXV").json(),
        "generated": lambda: get_withdrawal.sync_detailed("wd_01HQ8ZTXV", client=client),
        "payouts": lambda: app.get("wd_01HQ8ZTXV"),
    }
    median_us(200, sides)  # warm-up
    measured = median_us(calls, sides)
    baseline, generated, layered = measured["raw"], measured["generated"], measured["payouts"]
    share = (layered / generated - 1) * 100
    print(
        f"client overhead: raw httpx {baseline:.1f} us/call, generated client {generated:.1f} us/call, "
        f"+{generated - baseline:.1f} us ({(generated / baseline - 1) * 100:.0f}%)"
    )
    print(
        f"payouts overhead: generated client {generated:.1f} us/call, payouts.get {layered:.1f} us/call, "
        f"+{layered - generated:.1f} us ({share:.1f}%; target <= 10%: {'met' if share <= 10 else 'missed'})"
    )
    if args.json:
        document = json.loads(args.json.read_text()) if args.json.exists() else {}
        document["client_overhead"] = {
            "calls": calls,
            "median_us": {name: round(value, 1) for name, value in measured.items()},
            "payouts_over_generated_percent": round(share, 1),
            "target_met": share <= 10,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
