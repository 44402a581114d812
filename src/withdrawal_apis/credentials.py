"""A credential as a provider's server keeps it (what every verifier checks against), and a verifier's refusal."""

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


class AuthError(Exception):
    """A verifier's refusal of a request's credentials, as the provider answers it.

    `message` is the provider's documented text, `status` and `code` its HTTP status and error code,
    `shape` which of its error bodies applies where it has several, and `reason` says why for people
    (never a secret). `detail` is what an emulator sends back: the message, with the reason if any.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int = 401,
        code: int | str | None = None,
        reason: str = "",
        shape: str | None = None,
    ) -> None:
        super().__init__(f"{message}: {reason}" if reason else message)
        self.message = message
        self.status = status
        self.code = code
        self.reason = reason
        self.shape = shape

    @property
    def detail(self) -> str:
        return str(self)
