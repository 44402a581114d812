"""The environment variables `withdrawal_apis.schemathesis_hooks` reads (the harness sets them)."""

PROVIDER = "WITHDRAWAL_APIS_PROVIDER"  # whose signer; unset: sign nothing (the control API)
VARIANT = "WITHDRAWAL_APIS_VARIANT"  # a provider's credential variant (its profile's `variants`)
AUTH = "WITHDRAWAL_APIS_AUTH"  # "generated": send schemathesis's own security values, unsigned
EVENTS = "WITHDRAWAL_APIS_EVENTS"  # a file that gets one JSON line per call
BODY_RULES = "WITHDRAWAL_APIS_BODY_RULES"  # "off": send generated bodies as generated (signing only)
