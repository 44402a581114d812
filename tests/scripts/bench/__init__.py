"""Tests of the benchmark's own logic (the `scripts.bench` package)."""
