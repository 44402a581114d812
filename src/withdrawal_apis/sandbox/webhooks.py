"""Webhook delivery: an outbox in the store, signed per provider, at-least-once with backoff.

Events are written to the outbox in the same transaction as the state change that caused them, so
an acknowledged completion always has its webhook queued, even across a crash. A background task
POSTs due deliveries; a non-2xx answer or a network error schedules a retry after
`backoff * 2**(attempt-1)` seconds, up to `max_attempts`. Every attempt's outcome is recorded and
readable through the control API.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from .store import Store

log = logging.getLogger("withdrawal_apis.sandbox.webhooks")

Signer = Callable[[str, bytes, int], dict[str, str]]
"""(secret, raw body, unix timestamp) -> the provider's signature headers."""


class Outbox:
    def __init__(self, store: Store, signer: Signer, *, backoff: float = 1.0, max_attempts: int = 8) -> None:
        self.store = store
        self.signer = signer
        self.backoff = backoff
        self.max_attempts = max_attempts
        self.wakeup = asyncio.Event()

    def enqueue(
        self, account_id: str, event: str, payload: dict[str, Any], timestamp: int, extra_headers: dict[str, str]
    ) -> str:
        """Queue `payload` for the account's webhook endpoint; returns the delivery id."""
        account = self.store.account(account_id) or {}
        endpoint = account.get("webhook") or {}
        body = json.dumps(payload, separators=(",", ":")).encode()
        url = str(endpoint.get("url") or "")
        headers = {"content-type": "application/json", **extra_headers}
        if url:
            headers.update(self.signer(str(endpoint.get("secret") or ""), body, timestamp))
        delivery_id = f"whd_{uuid.uuid4().hex}"
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO webhooks (id, account_id, event, url, body, headers, status, attempts, next_attempt_at, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                (
                    delivery_id,
                    account_id,
                    event,
                    url,
                    body,
                    json.dumps(headers),
                    "pending" if url else "no_endpoint",
                    time.time(),
                    time.time(),
                ),
            )
        self.wakeup.set()
        return delivery_id

    def deliveries(self, account_id: str | None = None) -> list[dict[str, Any]]:
        if account_id:
            rows = self.store.db.execute("SELECT * FROM webhooks WHERE account_id = ? ORDER BY seq", (account_id,))
        else:
            rows = self.store.db.execute("SELECT * FROM webhooks ORDER BY seq")
        return [
            {
                "id": row["id"],
                "account_id": row["account_id"],
                "event": row["event"],
                "url": row["url"],
                "status": row["status"],
                "attempts": row["attempts"],
                "last_status": row["last_status"],
                "last_error": row["last_error"],
                "headers": json.loads(row["headers"]),
                "body": row["body"].decode(),
                "created_at": row["created_at"],
                "delivered_at": row["delivered_at"],
            }
            for row in rows
        ]

    def _due(self) -> list[Any]:
        return list(
            self.store.db.execute(
                "SELECT * FROM webhooks WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY seq LIMIT 50",
                (time.time(),),
            )
        )

    async def deliver_due(self, client: httpx.AsyncClient) -> int:
        rows = self._due()
        for row in rows:
            await self._attempt(client, row)
        return len(rows)

    async def _attempt(self, client: httpx.AsyncClient, row: Any) -> None:
        attempts = row["attempts"] + 1
        status_code: int | None = None
        error: str | None = None
        try:
            response = await client.post(row["url"], content=row["body"], headers=json.loads(row["headers"]))
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
        retry_at = time.time() + self.backoff * 2 ** (attempts - 1)
        with self.store.transaction() as db:
            db.execute(
                "UPDATE webhooks SET attempts = ?, status = ?, last_status = ?, last_error = ?, next_attempt_at = ?, "
                "delivered_at = ? WHERE id = ?",
                (attempts, state, status_code, error, retry_at, time.time() if delivered else None, row["id"]),
            )
        log.info("webhook %s %s attempt %d -> %s", row["event"], row["id"], attempts, status_code or error)

    def next_due_in(self) -> float | None:
        row = self.store.db.execute("SELECT MIN(next_attempt_at) FROM webhooks WHERE status = 'pending'").fetchone()
        return None if row[0] is None else max(0.0, float(row[0]) - time.time())

    async def run(self, tick: Callable[[], object], interval: float = 0.2) -> None:
        """Deliver forever; `tick` runs first on each round (the lifecycle's due transitions)."""
        async with httpx.AsyncClient(timeout=5.0) as client:
            while True:
                try:
                    tick()
                    await self.deliver_due(client)
                except Exception:  # keep delivering whatever one round did
                    log.exception("webhook round failed")
                wait = self.next_due_in()
                self.wakeup.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self.wakeup.wait(), timeout=interval if wait is None else min(interval, wait)
                    )
