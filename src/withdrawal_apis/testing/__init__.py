"""Helpers for testing apps against the emulators in-process."""
