"""Scan jobs: images and files waiting to be scanned, kept in the database until done.

    jobs = ScanJobs(store)
    jobs.add(message_id, chat_id, event, now, request_id)  # in the webhook's synchronous part
    job = jobs.claim_next(now)                    # the oldest due job, marked running
    job = jobs.claim(message_id)                  # that message's job (a queue worker)
    jobs.finish(job.id, now, "scanned:block")     # the event is forgotten, the outcome kept
    jobs.reset_running()                          # at start: jobs a killed process left running

A job holds the message id, the webhook event without its content or file name (ids,
reply token, timestamp) and the webhook request's random id (for the log lines): the content is fetched from LINE again when the job runs, also
after a restart. Once a job is finished its event is emptied; only the outcome code stays.
The table is created by `storage.schema.scan_jobs_v1`.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from storage.base import SQLiteBase, dialect
from storage.models import ScanJob


def backlog_health(oldest: float | None, now: float, alert_after: float) -> tuple[bool, str]:
    """Readiness of the scan backlog: (False, why) while the oldest waiting job (`oldest`,
    from `oldest_waiting()`) is older than `alert_after` seconds."""
    if oldest is None:
        return True, "no images waiting"
    age = now - oldest
    if age > alert_after:
        return False, f"image scan backlog {age / 60:.0f} min old"
    return True, f"images waiting, oldest {age:.0f} s"


class ScanJobsBackend(Protocol):
    """Images and files waiting to be scanned, kept until done."""

    def add(
        self,
        message_id: str,
        chat_id: str | None,
        event: dict[str, Any],
        now: float,
        request_id: str | None = None,
    ) -> bool:
        """Queue a scan; False when this message already has a job (a redelivery)."""
        ...

    def claim_next(self, now: float) -> ScanJob | None:
        """The oldest due pending job, marked running (None when nothing is due)."""
        ...

    def claim(self, message_id: str) -> ScanJob | None:
        """This message's job marked running (a queue worker took it); None when it is done
        or there is none."""
        ...

    def waiting(self, now: float, created_before: float, limit: int = 500) -> list[ScanJob]:
        """Pending jobs due at `now` and created before `created_before`, oldest first (the
        job queue defers them again when their first defer was lost)."""
        ...

    def finish(self, job_id: int, now: float, outcome: str) -> None: ...

    def retry_later(self, job_id: int, next_at: float) -> None:
        """The content could not be fetched (LINE unreachable): try again at `next_at`."""
        ...

    def reset_running(self) -> int:
        """At start-up: jobs a stopped or killed process left running go back to pending."""
        ...

    def oldest_waiting(self) -> float | None:
        """`created_at` of the oldest job not finished (pending or running)."""
        ...

    def next_due(self) -> float | None: ...

    def waiting_chats(self) -> list[str]: ...

    def counts(self) -> dict[str, int]: ...

    def outcomes(self) -> dict[str, str]:
        """message id -> outcome of every finished job (tests, reports)."""
        ...

    def purge(self, before: float) -> int: ...


class ScanJobs:
    """The scan-job table of a `Store` (same connection)."""

    def __init__(self, store: SQLiteBase) -> None:
        self.db = store.db
        self.store = store

    def add(
        self,
        message_id: str,
        chat_id: str | None,
        event: dict[str, Any],
        now: float,
        request_id: str | None = None,
    ) -> bool:
        """Queue a scan; False when this message already has a job (a redelivery)."""
        cur = self.db.execute(
            "INSERT INTO scan_jobs (message_id, chat_id, event, status, attempts, "
            "next_attempt_at, created_at, request_id) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [message_id, chat_id, json.dumps(event, ensure_ascii=False), now, now, request_id],
        )
        return cur.rowcount > 0

    def claim_next(self, now: float) -> ScanJob | None:
        """The oldest due pending job, marked running (None when nothing is due). On
        PostgreSQL the row is locked, skipping jobs another process is claiming."""
        lock = " FOR UPDATE SKIP LOCKED" if dialect(self.db) == "postgresql" else ""
        with self.store.atomic(immediate=True):
            rows = self.db.execute(
                "SELECT id, message_id, chat_id, event, attempts, created_at, request_id "
                "FROM scan_jobs "
                f"WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT 1{lock}",
                [now],
            ).fetchall()
            if not rows:
                return None
            row = rows[0]
            self.db.execute("UPDATE scan_jobs SET status = 'running' WHERE id = ?", [row[0]])
        event = json.loads(row[3] or "{}")
        return ScanJob(row[0], row[1], row[2], event, row[4] or 0, row[5], row[6])

    def claim(self, message_id: str) -> ScanJob | None:
        """This message's job marked running (a queue worker took it); None when it is done
        or there is none. A job left running by a killed worker is taken again."""
        lock = " FOR UPDATE" if dialect(self.db) == "postgresql" else ""
        with self.store.atomic(immediate=True):
            rows = self.db.execute(
                "SELECT id, message_id, chat_id, event, attempts, created_at, request_id "
                f"FROM scan_jobs WHERE message_id = ? AND status != 'done'{lock}",
                [message_id],
            ).fetchall()
            if not rows:
                return None
            row = rows[0]
            self.db.execute("UPDATE scan_jobs SET status = 'running' WHERE id = ?", [row[0]])
        event = json.loads(row[3] or "{}")
        return ScanJob(row[0], row[1], row[2], event, row[4] or 0, row[5], row[6])

    def waiting(self, now: float, created_before: float, limit: int = 500) -> list[ScanJob]:
        """Pending jobs due at `now` and created before `created_before`, oldest first (the
        job queue defers them again when their first defer was lost)."""
        rows = self.db.execute(
            "SELECT id, message_id, chat_id, event, attempts, created_at, request_id "
            "FROM scan_jobs WHERE status = 'pending' AND next_attempt_at <= ? "
            "AND created_at < ? ORDER BY id LIMIT ?",
            [now, created_before, limit],
        ).fetchall()
        return [
            ScanJob(r[0], r[1], r[2], json.loads(r[3] or "{}"), r[4] or 0, r[5], r[6]) for r in rows
        ]

    def finish(self, job_id: int, now: float, outcome: str) -> None:
        self.db.execute(
            "UPDATE scan_jobs SET status = 'done', event = '', finished_at = ?, outcome = ? "
            "WHERE id = ?",
            [now, outcome[:100], job_id],
        )

    def retry_later(self, job_id: int, next_at: float) -> None:
        """The content could not be fetched (LINE unreachable): try again at `next_at`."""
        self.db.execute(
            "UPDATE scan_jobs SET status = 'pending', attempts = attempts + 1, "
            "next_attempt_at = ? WHERE id = ?",
            [next_at, job_id],
        )

    def reset_running(self) -> int:
        """At start-up: jobs a stopped or killed process left running go back to pending."""
        return self.db.execute(
            "UPDATE scan_jobs SET status = 'pending' WHERE status = 'running'"
        ).rowcount

    def oldest_waiting(self) -> float | None:
        """`created_at` of the oldest job not finished (pending or running)."""
        row = self.db.execute(
            "SELECT MIN(created_at) FROM scan_jobs WHERE status != 'done'"
        ).fetchone()
        return row[0] if row else None

    def next_due(self) -> float | None:
        row = self.db.execute(
            "SELECT MIN(next_attempt_at) FROM scan_jobs WHERE status = 'pending'"
        ).fetchone()
        return row[0] if row else None

    def waiting_chats(self) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT chat_id FROM scan_jobs WHERE status != 'done' AND chat_id IS NOT NULL"
        ).fetchall()
        return [r[0] for r in rows]

    def counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT status, COUNT(*) FROM scan_jobs GROUP BY status").fetchall()
        return {r[0]: r[1] for r in rows}

    def outcomes(self) -> dict[str, str]:
        """message id -> outcome of every finished job (tests, reports)."""
        rows = self.db.execute(
            "SELECT message_id, outcome FROM scan_jobs WHERE status = 'done'"
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def purge(self, before: float) -> int:
        return self.db.execute(
            "DELETE FROM scan_jobs WHERE status = 'done' AND finished_at < ?", [before]
        ).rowcount
