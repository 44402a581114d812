"""JWTs made the way a client or an attacker makes them: with PyJWT, independent of the code under test."""

from __future__ import annotations

import warnings
from typing import Any

import jwt


def forge(claims: dict[str, Any], key: str | None, algorithm: str = "HS256") -> str:
    """A token signed with `key` (None for `alg: none`). Test keys and guessed keys are short on purpose,
    so PyJWT's key-length warning is silenced here and only here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", jwt.warnings.InsecureKeyLengthWarning)
        return jwt.encode(claims, key, algorithm=algorithm)
