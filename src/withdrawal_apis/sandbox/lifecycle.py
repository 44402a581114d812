"""Withdrawal state machines declared as data, and the advance policies that drive them.

A provider declares its `Lifecycle`: the states, each named transition with the states it may
start from, and what it does to the money held for the withdrawal. The engine applies transitions
(from the control API, or on the virtual clock under an auto-advance policy) and moves the money;
the provider only decides how its object looks afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Effect(StrEnum):
    NONE = "none"
    RELEASE = "release"  # the held amount goes back to available
    SETTLE = "settle"  # the held amount leaves the account for good


class AdvancePolicy(StrEnum):
    MANUAL = "manual"  # only the control API moves withdrawals
    INSTANT = "instant"  # the happy path runs right after creation
    REALISTIC = "realistic"  # the happy path runs on the virtual clock with each step's delay


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    effect: Effect = Effect.NONE
    delay: float = 0.0  # seconds after the previous step, under the realistic policy


@dataclass(frozen=True)
class Lifecycle:
    kind: str  # the object kind in the store, e.g. "withdrawal"
    initial: str
    transitions: tuple[Transition, ...]
    happy_path: tuple[str, ...]
    # The transitions that end an object unsuccessfully (a failure, a rejection), the likelier first.
    failures: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = {t.name for t in self.transitions}
        missing = (set(self.happy_path) | set(self.failures)) - names
        if missing:
            raise ValueError(f"happy path or failures name unknown transitions: {sorted(missing)}")

    def transition(self, name: str) -> Transition | None:
        return next((t for t in self.transitions if t.name == name), None)

    def available(self, status: str) -> list[str]:
        return [t.name for t in self.transitions if status in t.sources]

    @property
    def states(self) -> frozenset[str]:
        found = {self.initial}
        for t in self.transitions:
            found |= t.sources | {t.target}
        return frozenset(found)

    @property
    def terminal(self) -> frozenset[str]:
        return frozenset(s for s in self.states if not self.available(s))
