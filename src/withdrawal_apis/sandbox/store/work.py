"""Work the emulator does later or once: scheduled jobs, the webhook outbox, injected faults, rate windows.

Each is safe with several processes on one database: a job is taken (deleted) inside the write
transaction that runs it, so exactly one process runs it; a delivery is claimed for a while before
it is attempted, so exactly one process sends it (unless that process dies mid-attempt, when another
retries it with the same id); faults and rate windows are counted in the database.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .backend import Backend, Row
from .records import Delivery, Job

_FAULT_FIELDS = ("remaining", "status", "latency_ms", "retry_after", "after_commit", "drop_connection")


class WorkMixin:
    _b: Backend

    def _bump(self) -> None: ...

    # -- scheduled jobs -----------------------------------------------------------------------
    def schedule(self, job: Job) -> None:
        """Queue a job; the same job of the same object is moved to the new time."""
        if self._b.dialect == "sqlite":
            sql = "INSERT OR REPLACE INTO schedule (kind, object_id, job, due_at) VALUES (?, ?, ?, ?)"
        else:  # as SQLite's replace does: a new place among the jobs due at the same instant
            sql = (
                "INSERT INTO schedule (kind, object_id, job, due_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (kind, object_id, job) DO UPDATE SET due_at = excluded.due_at, seq = excluded.seq"
            )
        with self._b.transaction():
            self._b.execute(sql, (job.kind, job.object_id, job.name, job.due_at))

    def unschedule(self, kind: str, object_id: str) -> None:
        """Drop every job of an object (it reached a final state)."""
        with self._b.transaction():
            self._b.execute("DELETE FROM schedule WHERE kind = ? AND object_id = ?", (kind, object_id))

    def due_jobs(self, now: float) -> list[Job]:
        order = "rowid" if self._b.dialect == "sqlite" else "seq"
        rows = self._b.execute(f"SELECT * FROM schedule WHERE due_at <= ? ORDER BY due_at, {order}", (now,))  # noqa: S608
        return [_job(row) for row in rows]

    def next_job_due(self) -> float | None:
        row = self._b.execute("SELECT MIN(due_at) AS due FROM schedule").fetchone()
        return None if row["due"] is None else float(row["due"])

    def take_job(self, job: Job) -> bool:
        """Remove a due job before running it; False if another round (or process) already took it."""
        with self._b.transaction():
            cursor = self._b.execute(
                "DELETE FROM schedule WHERE kind = ? AND object_id = ? AND job = ? AND due_at = ?",
                (job.kind, job.object_id, job.name, job.due_at),
            )
            return cursor.rowcount > 0

    def jobs(self, kind: str, object_id: str) -> list[Job]:
        rows = self._b.execute(
            "SELECT * FROM schedule WHERE kind = ? AND object_id = ? ORDER BY due_at", (kind, object_id)
        )
        return [_job(row) for row in rows]

    # -- webhook outbox -----------------------------------------------------------------------
    def add_delivery(self, delivery: Delivery, next_attempt_at: float) -> None:
        with self._b.transaction():
            self._b.execute(
                "INSERT INTO webhooks (id, account_id, event, url, body, headers, status, attempts, next_attempt_at, "
                "created_at, endpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    delivery.id,
                    delivery.account_id,
                    delivery.event,
                    delivery.url,
                    delivery.body,
                    json.dumps(delivery.headers),
                    delivery.status,
                    delivery.attempts,
                    next_attempt_at,
                    delivery.created_at,
                    delivery.endpoint,
                ),
            )

    def deliveries(self, account_id: str | None = None) -> list[Delivery]:
        if account_id is None:
            rows = self._b.execute("SELECT * FROM webhooks ORDER BY seq")
        else:
            rows = self._b.execute("SELECT * FROM webhooks WHERE account_id = ? ORDER BY seq", (account_id,))
        return [_delivery(row) for row in rows]

    def endpoint_deliveries(
        self, account_id: str, endpoint: str, limit: int, offset: int = 0
    ) -> tuple[list[Delivery], int]:
        """One page of the deliveries made to one registered endpoint, newest first, and their number."""
        rows = self._b.execute(
            "SELECT * FROM webhooks WHERE account_id = ? AND endpoint = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
            (account_id, endpoint, min(limit, 2**63 - 1), min(offset, 2**63 - 1)),
        )
        found = [_delivery(row) for row in rows]
        total = self._b.execute(
            "SELECT COUNT(*) AS n FROM webhooks WHERE account_id = ? AND endpoint = ?", (account_id, endpoint)
        ).fetchone()["n"]
        return found, int(total)

    def due_deliveries(self, now: float, limit: int = 50) -> list[Delivery]:
        rows = self._b.execute(
            "SELECT * FROM webhooks WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY seq LIMIT ?",
            (now, limit),
        )
        return [_delivery(row) for row in rows]

    def claim_deliveries(self, now: float, wall: float, lease: float, limit: int = 10) -> list[Delivery]:
        """Due deliveries no other process is attempting, claimed by this one until `wall + lease` (wall time)."""
        with self._b.transaction():
            rows = self._b.execute(
                "SELECT * FROM webhooks WHERE status = 'pending' AND next_attempt_at <= ? "
                "AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY seq LIMIT ?",
                (now, wall, limit),
            ).fetchall()
            found = [_delivery(row) for row in rows]
            if found:
                marks = ", ".join("?" for _ in found)
                self._b.execute(
                    f"UPDATE webhooks SET claimed_until = ? WHERE id IN ({marks})",  # noqa: S608
                    (wall + lease, *(d.id for d in found)),
                )
        return found

    def record_attempt(
        self,
        delivery_id: str,
        *,
        attempts: int,
        status: str,
        last_status: int | None,
        last_error: str | None,
        next_attempt_at: float,
        delivered_at: float | None,
    ) -> None:
        with self._b.transaction():
            self._b.execute(
                "UPDATE webhooks SET attempts = ?, status = ?, last_status = ?, last_error = ?, next_attempt_at = ?, "
                "delivered_at = ?, claimed_until = NULL WHERE id = ?",
                (attempts, status, last_status, last_error, next_attempt_at, delivered_at, delivery_id),
            )

    def next_delivery_due(self, wall: float | None = None) -> float | None:
        """When the next pending delivery is due (virtual time), leaving out those claimed at `wall`."""
        if wall is None:
            row = self._b.execute("SELECT MIN(next_attempt_at) AS due FROM webhooks WHERE status = 'pending'")
        else:
            row = self._b.execute(
                "SELECT MIN(next_attempt_at) AS due FROM webhooks WHERE status = 'pending' "
                "AND (claimed_until IS NULL OR claimed_until <= ?)",
                (wall,),
            )
        due = row.fetchone()["due"]
        return None if due is None else float(due)

    # -- injected faults (see the engine's guards) -----------------------------------------------
    def add_fault(self, fault: dict[str, Any]) -> None:
        """Queue a fault for the next requests of every process: `remaining`, `status`... as in `faults()`."""
        with self._b.transaction():
            self._b.execute(
                f"INSERT INTO faults ({', '.join(_FAULT_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608
                tuple(_fault_value(fault[name]) for name in _FAULT_FIELDS),
            )
            self._bump()

    def faults(self) -> list[dict[str, Any]]:
        rows = self._b.execute("SELECT * FROM faults WHERE remaining > 0 ORDER BY seq")
        return [_fault(row) for row in rows]

    def clear_faults(self) -> None:
        with self._b.transaction():
            self._b.execute("DELETE FROM faults")
            self._bump()

    def take_fault(self) -> dict[str, Any] | None:
        """The fault that meets this request, if any, one use of it consumed (across every process)."""
        with self._b.transaction():
            row = self._b.execute("SELECT * FROM faults WHERE remaining > 0 ORDER BY seq LIMIT 1").fetchone()
            if row is None:
                return None
            if row["remaining"] <= 1:
                self._b.execute("DELETE FROM faults WHERE seq = ?", (row["seq"],))
            else:
                self._b.execute("UPDATE faults SET remaining = remaining - 1 WHERE seq = ?", (row["seq"],))
            self._bump()
            return _fault(row)

    # -- rate windows ---------------------------------------------------------------------------
    def rate_hit(self, key: str, now: float, limit: int, window: float) -> int | None:
        """Count a request of `key` in its sliding window: None if it may proceed, else seconds to wait."""
        with self._b.transaction():
            row = self._b.execute("SELECT hits FROM rate_windows WHERE key = ?", (key,)).fetchone()
            hits = [t for t in (json.loads(row["hits"]) if row else []) if t > now - window]
            if len(hits) >= limit:
                return max(1, math.ceil(float(hits[0]) + window - now))
            hits.append(now)
            self._b.execute(
                "INSERT INTO rate_windows (key, hits) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET hits = excluded.hits",
                (key, json.dumps(hits)),
            )
            return None

    def clear_rate_windows(self) -> None:
        with self._b.transaction():
            self._b.execute("DELETE FROM rate_windows")


def _job(row: Row) -> Job:
    return Job(row["kind"], row["object_id"], row["job"], float(row["due_at"]))


def _fault_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _fault(row: Row) -> dict[str, Any]:
    found = {name: row[name] for name in _FAULT_FIELDS}
    found["after_commit"], found["drop_connection"] = bool(found["after_commit"]), bool(found["drop_connection"])
    return found


def _delivery(row: Row) -> Delivery:
    return Delivery(
        id=row["id"],
        account_id=row["account_id"],
        event=row["event"],
        url=row["url"],
        body=bytes(row["body"]),
        headers=json.loads(row["headers"]),
        status=row["status"],
        attempts=row["attempts"],
        created_at=row["created_at"],
        last_status=row["last_status"],
        last_error=row["last_error"],
        delivered_at=row["delivered_at"],
        endpoint=row["endpoint"],
    )
