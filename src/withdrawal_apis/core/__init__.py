"""What every provider's folder builds on besides the engine (`sandbox`) and the payouts adapter (`payouts`).

- `clients`: a generated client with the provider's `httpx.Auth` installed;
- `token_auth`: login-then-bearer client auth;
- `profile`: the conformance profile (`ConformanceProfile`, `BodyRule`);
- `workload`: what the benchmark sends to an emulator (`Bench`, `Step`, ...).
"""
