"""withdrawal-apis: OpenAPI specs, generated clients, sandbox emulators and conformance for crypto withdrawal APIs."""

__version__ = "0.3.0"
