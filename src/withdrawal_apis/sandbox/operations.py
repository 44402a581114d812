"""Handlers declared per operationId: what an emulator (or the control API) answers, and who may call it.

A class marks its handlers with `@operation("create_withdrawal", scopes=...)` (the caller must
authenticate; the handler receives a non-optional `Principal`) or `@public("ping")` (no
authentication; the handler receives only the request). The table is built once per class, and
`check_coverage` makes start-up fail when a spec operation has no handler or a handler names an
operation the spec does not have. Helpers are plain methods: they share no namespace with operations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .http import Request, Response

_MARK = "__sandbox_operation__"


@dataclass(frozen=True)
class Principal:
    """Who a request authenticated as.

    `scopes` is what the credential may do (None: everything); `data` carries what a provider's
    authorization step needs beyond the account (a token's claims, the key's settings).
    """

    account_id: str
    key_id: str
    scopes: frozenset[str] | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    function: Callable[..., Response]
    public: bool = False
    scopes: frozenset[str] = frozenset()

    def call(self, owner: object, request: Request, principal: Principal | None) -> Response:
        if self.public:
            return self.function(owner, request)
        if principal is None:  # the pipeline authenticates before it calls a secured handler
            raise RuntimeError(f"{self.operation_id} called without a principal")
        return self.function(owner, request, principal)


def operation(operation_id: str, *, scopes: Iterable[str] = ()) -> Callable[[Any], Any]:
    """Mark a method as the handler of `operation_id`, callable only by an authenticated principal."""

    def mark(function: Callable[..., Response]) -> Callable[..., Response]:
        setattr(function, _MARK, Operation(operation_id, function, public=False, scopes=frozenset(scopes)))
        return function

    return mark


def public(operation_id: str) -> Callable[[Any], Any]:
    """Mark a method as the handler of `operation_id`, callable without authentication."""

    def mark(function: Callable[..., Response]) -> Callable[..., Response]:
        setattr(function, _MARK, Operation(operation_id, function, public=True))
        return function

    return mark


def collect(cls: type) -> dict[str, Operation]:
    """Every operation a class (and its bases) declares, by operationId; a duplicate is an error."""
    found: dict[str, Operation] = {}
    for klass in reversed(cls.__mro__):
        for name, member in vars(klass).items():
            declared = getattr(member, _MARK, None)
            if not isinstance(declared, Operation):
                continue
            other = found.get(declared.operation_id)
            if other is not None and other.function.__name__ != name:
                raise TypeError(f"{cls.__name__}: two handlers for {declared.operation_id}")
            found[declared.operation_id] = declared
    return found


def check_coverage(owner: str, operations: Mapping[str, Operation], spec_operation_ids: Iterable[str]) -> None:
    """Start-up check: every spec operation has a handler and every handler is a spec operation."""
    in_spec = set(spec_operation_ids)
    missing = sorted(in_spec - set(operations))
    unknown = sorted(set(operations) - in_spec)
    problems = []
    if missing:
        problems.append(f"no handler for {', '.join(missing)}")
    if unknown:
        problems.append(f"handlers for operations the spec does not have: {', '.join(unknown)}")
    if problems:
        raise RuntimeError(f"{owner}: " + "; ".join(problems))
