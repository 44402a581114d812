"""Webhook delivery: an outbox in the store, signed per provider, at-least-once with backoff.

Events are written to the outbox in the same transaction as the state change that caused them, so
an acknowledged completion always has its webhook queued, even across a crash. A background task
POSTs due deliveries; a non-2xx answer or a network error schedules a retry after
`backoff * 2**(attempt-1)` seconds of the emulator's clock, up to `max_attempts`. Every attempt's
outcome is recorded and readable through the control API.

With several processes on one store, each process's task claims the deliveries it attempts (for
`CLAIM_SECONDS` of wall time), so every delivery is sent by one process: once per endpoint, and a
retry keeps its id and its bytes. Only a process that dies mid-attempt leaves its claim to lapse,
and then another process retries that delivery.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from .clock import VirtualClock
from .store import Delivery, Store, StoreUnavailable

log = logging.getLogger("withdrawal_apis.sandbox.webhooks")
CLAIM_SECONDS = 60.0  # longer than a batch of attempts takes (CLAIM_BATCH times the client timeout)
CLAIM_BATCH = 10

Signer = Callable[[str, bytes, int], dict[str, str]]
"""(secret, raw body, unix timestamp) -> the provider's signature headers."""


class Outbox:
    def __init__(
        self, store: Store, clock: VirtualClock, signer: Signer, *, backoff: float = 1.0, max_attempts: int = 8
    ) -> None:
        self.store = store
        self.clock = clock
        self.signer = signer
        self.backoff = backoff
        self.max_attempts = max_attempts
        self.wakeup = asyncio.Event()
        # Where deliveries go: the network by default; a test may route them to an in-process receiver.
        self.transport: httpx.AsyncBaseTransport | None = None

    def enqueue(
        self,
        account_id: str,
        event: str,
        payload: dict[str, Any],
        extra_headers: dict[str, str],
        *,
        url: str | None = None,
        secret: str | None = None,
        endpoint: str | None = None,
    ) -> str:
        """Queue `payload` for a webhook endpoint, signed now; returns the delivery id.

        By default it goes to the account's seeded endpoint (`webhook` in the seed). A provider whose
        API registers endpoints passes the `url` and the signing `secret` itself, and may name the
        registered `endpoint` so its deliveries can be listed per endpoint. An empty `url` records the
        event as `no_endpoint`.
        """
        if url is None:
            account = self.store.account(account_id)
            seeded = (account.webhook if account else None) or {}
            url, secret = str(seeded.get("url") or ""), str(seeded.get("secret") or "")
        body = json.dumps(payload, separators=(",", ":")).encode()
        headers = {"content-type": "application/json", **extra_headers}
        now = self.clock.now()
        if url:
            headers.update(self.signer(secret or "", body, int(now)))
        delivery = Delivery(
            id=f"whd_{uuid.uuid4().hex}",
            account_id=account_id,
            event=event,
            url=url,
            body=body,
            headers=headers,
            status="pending" if url else "no_endpoint",
            attempts=0,
            created_at=now,
            last_status=None,
            last_error=None,
            delivered_at=None,
            endpoint=endpoint,
        )
        self.store.add_delivery(delivery, next_attempt_at=now)
        self.wakeup.set()
        return delivery.id

    async def deliver_due(self, client: httpx.AsyncClient) -> int:
        due = self.store.claim_deliveries(self.clock.now(), self.clock.wall(), CLAIM_SECONDS, CLAIM_BATCH)
        for delivery in due:
            await self._attempt(client, delivery)
        return len(due)

    async def _attempt(self, client: httpx.AsyncClient, delivery: Delivery) -> None:
        attempts = delivery.attempts + 1
        status_code: int | None = None
        error: str | None = None
        try:
            response = await client.post(delivery.url, content=delivery.body, headers=delivery.headers)
            status_code = response.status_code
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        delivered = status_code is not None and 200 <= status_code < 300
        if delivered:
            state = "delivered"
        elif attempts >= self.max_attempts:
            state = "failed"
        else:
            state = "pending"
        now = self.clock.now()
        self.store.record_attempt(
            delivery.id,
            attempts=attempts,
            status=state,
            last_status=status_code,
            last_error=error,
            next_attempt_at=now + self.backoff * 2 ** (attempts - 1),
            delivered_at=now if delivered else None,
        )
        log.info("webhook %s %s attempt %d -> %s", delivery.event, delivery.id, attempts, status_code or error)

    def next_due_in(self) -> float | None:
        due = self.store.next_delivery_due(self.clock.wall())
        return None if due is None else max(0.0, due - self.clock.now())

    async def run(self, tick: Callable[[], object], interval: float = 0.2) -> None:
        """Deliver forever; `tick` runs first on each round (the engine's due jobs)."""
        async with httpx.AsyncClient(timeout=5.0, transport=self.transport) as client:
            while True:
                try:
                    tick()
                    await self.deliver_due(client)
                    wait = self.next_due_in()
                except StoreUnavailable:
                    log.warning("webhook round skipped: the store's database is unavailable")
                    wait = None
                except Exception:  # keep delivering whatever one round did
                    log.exception("webhook round failed")
                    wait = None
                self.wakeup.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self.wakeup.wait(), timeout=interval if wait is None else min(interval, wait)
                    )
