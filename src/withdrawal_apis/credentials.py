"""A credential as a provider's server keeps it: the one record every verifier checks against."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Credential:
    """An API key (or a login) with its secret, the account it acts for, and provider-specific `data`.

    `secret` never appears in a repr, so a logged or failed assertion cannot leak it.
    """

    key_id: str
    secret: str = field(repr=False)
    account_id: str
    active: bool = True
    data: Mapping[str, Any] = field(default_factory=dict)
