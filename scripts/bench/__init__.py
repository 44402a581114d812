"""The benchmark: every emulator against Prism's mock of its spec and a bare ASGI app, under wrk.

    python -m scripts.bench [--quick | --duration 10 --connections 16 --providers mpchat,bigone --profile DIR]
    python -m scripts.bench --scale [--sizes 10000,100000,1000000]     the cost of each operation as the store grows
    python -m scripts.bench.client_overhead [--json reports/bench.json]
    python -m scripts.bench.profile DIR/<provider>.txt

`run` drives the throughput benchmark, `scale` the store-growth one; `workloads` says what each provider
is sent, `wrk` precomputes its signatures and runs wrk, `servers` starts and stops what is measured,
`results` holds what a run measured and `report` turns it into reports/bench.json and the tables.
"""
