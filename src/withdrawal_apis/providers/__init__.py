"""The providers, one folder each; `withdrawal_apis.registry` finds them and says what each module holds.

Besides the folders, this package holds what several providers' folders build on: `clients` (a
generated client with an `httpx.Auth` installed), `token_auth` (login-then-bearer clients),
`profile` (the conformance profile) and `workload` (the benchmark's requests).
"""
