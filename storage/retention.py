"""Retention: what is deleted, and when. The one part that knows every core table
(the tips area and the scan jobs purge their own: storage/tips.py, storage/scan_jobs.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from storage.activity import SQLiteActivity

SHORT_LIVED_DAYS = 3  # redelivery ids, unsend marks, used codes, delivered outbox rows
# A console session idle this long has ended (console/auth.py IDLE_SECONDS is half an hour).
CONSOLE_SESSION_KEPT_SECONDS = 86400.0


class RetentionBackend(Protocol):
    def purge(
        self, now: float, retention_days: int, *, audit_days: int | None = None
    ) -> dict[str, int]:
        """Enforce retention; the number of rows deleted per table."""
        ...


class SQLiteRetention(SQLiteActivity):
    """Retention on SQLite; an activity store because the counters are flushed first."""

    def purge(
        self, now: float, retention_days: int, *, audit_days: int | None = None
    ) -> dict[str, int]:
        """Enforce retention: incidents and their traces older than `retention_days`; the
        audit log older than `audit_days` (BOT_AUDIT_RETENTION_DAYS; None: kept); the
        short-lived bookkeeping (redelivery ids, unsend marks, used codes, delivered
        outbox rows) after a few days; the console's expired sign-in links and ended or
        idle sessions at once."""
        self.flush_activity()
        cutoff = now - retention_days * 86400
        short = now - SHORT_LIVED_DAYS * 86400
        out = {}
        with self.atomic():
            out["incidents"] = self.db.execute(
                "DELETE FROM incidents WHERE created_at < ?", [cutoff]
            ).rowcount
            out["incident_events"] = self.db.execute(
                "DELETE FROM incident_events WHERE at < ? OR incident_id NOT IN "
                "(SELECT id FROM incidents)",
                [cutoff],
            ).rowcount
            out["webhook_events"] = self.db.execute(
                "DELETE FROM webhook_events WHERE received_at < ?", [short]
            ).rowcount
            out["unsent"] = self.db.execute(
                "DELETE FROM unsent WHERE unsent_at < ?", [short]
            ).rowcount
            out["admin_codes"] = self.db.execute(
                "DELETE FROM admin_codes WHERE expires_at < ?", [short]
            ).rowcount
            out["outbox"] = self.db.execute(
                "DELETE FROM outbox WHERE status IN ('sent', 'failed', 'cancelled') "
                "AND created_at < ?",
                [short],
            ).rowcount
            day = datetime.fromtimestamp(cutoff, UTC).strftime("%Y-%m-%d")
            out["activity"] = self.db.execute("DELETE FROM activity WHERE day < ?", [day]).rowcount
            if audit_days is not None:
                out["audit_log"] = self.db.execute(
                    "DELETE FROM audit_log WHERE at < ?", [now - audit_days * 86400]
                ).rowcount
            # A link is single use and valid minutes; a session ends after half an hour idle
            # (console/auth.py): past those, a row is only a hash nobody can use any more.
            out["console_links"] = self.db.execute(
                "DELETE FROM console_links WHERE expires_at < ? OR used_at IS NOT NULL", [now]
            ).rowcount
            out["console_sessions"] = self.db.execute(
                "DELETE FROM console_sessions WHERE ended_at IS NOT NULL OR last_seen < ?",
                [now - CONSOLE_SESSION_KEPT_SECONDS],
            ).rowcount
        if any(out.values()) and not self.db.conn.in_transaction:
            self.checkpoint()
        return out
