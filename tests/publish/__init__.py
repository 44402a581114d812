"""Tests of the publishing tools (the `scripts.publish` package)."""
