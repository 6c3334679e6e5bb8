"""Activity counters: how many messages were scanned, flagged, ... per chat and day
(aggregates only, no message content). Summed in memory and written every few seconds:
one write per message would be the busiest statement of the service."""

from __future__ import annotations

import contextlib
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from storage.base import SQLiteBase


class ActivityBackend(Protocol):
    def count_activity(self, group_id: str, kind: str, now: float, n: int = 1) -> None: ...

    def flush_activity(self) -> None:
        """Write the counters summed in memory (also done by close() and purge())."""
        ...

    def activity(
        self, group_id: str | None = None, since_day: str | None = None
    ) -> dict[str, int]: ...


class SQLiteActivity(SQLiteBase):
    ACTIVITY_FLUSH_SECONDS = 2.0

    def __init__(self, db: sqlite_utils.Database, path: str | Path = ":memory:") -> None:
        super().__init__(db, path)
        self._activity: dict[tuple[str, str, str], int] = {}
        self._activity_flushed = 0.0

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a read-only or full disk must not block the exit
            self.flush_activity()
        super().close()

    def count_activity(self, group_id: str, kind: str, now: float, n: int = 1) -> None:
        day = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d")
        key = (group_id, day, kind)
        self._activity[key] = self._activity.get(key, 0) + n
        mono = time.monotonic()
        if (
            mono - self._activity_flushed >= self.ACTIVITY_FLUSH_SECONDS
            or len(self._activity) > 500
        ):
            self.flush_activity()

    def flush_activity(self) -> None:
        pending, self._activity = self._activity, {}
        self._activity_flushed = time.monotonic()
        if not pending:
            return
        with self.atomic():
            for (group_id, day, kind), n in pending.items():
                self.db.execute(
                    "INSERT INTO activity (group_id, day, kind, count) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(group_id, day, kind) "
                    "DO UPDATE SET count = activity.count + excluded.count",
                    [group_id, day, kind, n],
                )

    def activity(self, group_id: str | None = None, since_day: str | None = None) -> dict[str, int]:
        self.flush_activity()
        sql = "SELECT kind, CAST(SUM(count) AS BIGINT) AS n FROM activity WHERE 1=1"
        params: list[Any] = []
        if group_id:
            sql += " AND group_id = ?"
            params.append(group_id)
        if since_day:
            sql += " AND day >= ?"
            params.append(since_day)
        return {r["kind"]: r["n"] for r in self.db.query(sql + " GROUP BY kind", params)}
