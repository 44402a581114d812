"""Operations written once for sync and async: a flow yields steps, a driver carries them out.

A flow is a generator that yields `Call` (one generated-client endpoint call) or `Sleep`, and gets
back the endpoint's detailed `Response` (or the exception it raised, thrown into the generator).
Retries, reconciling and paging are flows; `run_sync` and `run_async` are the only places that
know whether the I/O blocks or awaits.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Generator, Mapping
from types import MappingProxyType, ModuleType
from typing import Any, NamedTuple, TypeVar

import httpx

T = TypeVar("T")


class Call(NamedTuple):
    """`endpoint.sync_detailed(*args, client=..., **kwargs)`, or its `asyncio_detailed` twin."""

    endpoint: ModuleType
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = MappingProxyType({})


class Sleep(NamedTuple):
    seconds: float


Step = Call | Sleep
Flow = Generator[Step, Any, T]

# What a call may raise instead of answering: no answer (httpx), a refused login (an httpx error
# raised by the provider's auth), or an answer the generated parser could not read.
PARSE_FAILURES = (ValueError, KeyError, TypeError)
CALL_FAILURES = (httpx.HTTPError, *PARSE_FAILURES)

# The waits, looked up at each use so that tests can record them instead of waiting.
sleep = time.sleep
async_sleep = asyncio.sleep


def run_sync(flow: Flow[T], client: Any) -> T:
    try:
        step = next(flow)
        while True:
            if isinstance(step, Sleep):
                sleep(step.seconds)
                step = flow.send(None)
                continue
            try:
                answer = step.endpoint.sync_detailed(*step.args, client=client, **step.kwargs)
            except CALL_FAILURES as error:
                step = flow.throw(error)
            else:
                step = flow.send(answer)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def run_async(flow: Flow[T], client: Any) -> T:
    try:
        step = next(flow)
        while True:
            if isinstance(step, Sleep):
                await async_sleep(step.seconds)
                step = flow.send(None)
                continue
            try:
                answer = await step.endpoint.asyncio_detailed(*step.args, client=client, **step.kwargs)
            except CALL_FAILURES as error:
                step = flow.throw(error)
            else:
                step = flow.send(answer)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
