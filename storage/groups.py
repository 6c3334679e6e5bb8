"""What the console sets per group: the mode (enforce, or monitor only: record, tell no one),
the escalation grace period, and the group's allow-list.

An allow-list entry never holds the sentence it was made from (see schema.console_pages_v1):
its masked label, its marks (what a scan found in it, hashed) and a keyed hash of its
normalised text. incidents/allowlist.py makes the entries and applies them to scans.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from storage.base import SQLiteBase

MODES = ("enforce", "monitor")


@dataclass(frozen=True)
class GroupSettings:
    group_id: str
    mode: str = "enforce"
    grace_seconds: float | None = None  # None: the service's default

    @property
    def monitor_only(self) -> bool:
        return self.mode == "monitor"


@dataclass(frozen=True)
class AllowEntry:
    id: int
    group_id: str
    label: str  # the sentence with every finding masked
    marks: tuple[str, ...]
    phrase: str  # keyed hash of the normalised sentence
    created_at: float
    created_by: str | None = None


class GroupSettingsBackend(Protocol):
    def group_settings(self, group_id: str) -> GroupSettings: ...

    def set_group_settings(
        self,
        group_id: str,
        now: float,
        *,
        mode: str | None = None,
        grace_seconds: float | None = None,
        by: str | None = None,
    ) -> GroupSettings:
        """Change what is given (a mode among MODES, a grace period > 0); the rest stays."""
        ...

    def add_allow_entry(
        self,
        group_id: str,
        label: str,
        marks: list[str],
        phrase: str,
        now: float,
        by: str | None = None,
    ) -> int: ...

    def allow_entries(self, group_id: str) -> list[AllowEntry]: ...

    def remove_allow_entry(self, group_id: str, entry_id: int) -> bool: ...


class SQLiteGroupSettings(SQLiteBase):
    def group_settings(self, group_id: str) -> GroupSettings:
        row = self._one("SELECT * FROM group_settings WHERE group_id = ?", [group_id])
        if row is None:
            return GroupSettings(group_id)
        return GroupSettings(group_id, row["mode"] or "enforce", row["grace_seconds"])

    def set_group_settings(
        self,
        group_id: str,
        now: float,
        *,
        mode: str | None = None,
        grace_seconds: float | None = None,
        by: str | None = None,
    ) -> GroupSettings:
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        if grace_seconds is not None and not 0 < grace_seconds <= 7 * 86400:
            raise ValueError("grace_seconds must be between 0 and 7 days")
        old = self.group_settings(group_id)
        row: dict[str, Any] = {
            "group_id": group_id,
            "mode": mode or old.mode,
            "grace_seconds": grace_seconds if grace_seconds is not None else old.grace_seconds,
            "updated_at": now,
            "updated_by": by,
        }
        self.db.table("group_settings").upsert(row, pk="group_id")
        return self.group_settings(group_id)

    def add_allow_entry(
        self,
        group_id: str,
        label: str,
        marks: list[str],
        phrase: str,
        now: float,
        by: str | None = None,
    ) -> int:
        return self._insert_id(
            "INSERT INTO group_allow (group_id, label, marks, phrase, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [group_id, label, json.dumps(sorted(set(marks))), phrase, now, by],
        )

    def allow_entries(self, group_id: str) -> list[AllowEntry]:
        rows = self.db.query(
            "SELECT * FROM group_allow WHERE group_id = ? ORDER BY created_at, id", [group_id]
        )
        return [
            AllowEntry(
                id=r["id"],
                group_id=r["group_id"],
                label=r["label"],
                marks=tuple(json.loads(r["marks"])),
                phrase=r["phrase"] or "",
                created_at=r["created_at"],
                created_by=r["created_by"],
            )
            for r in rows
        ]

    def remove_allow_entry(self, group_id: str, entry_id: int) -> bool:
        cur = self.db.execute(
            "DELETE FROM group_allow WHERE group_id = ? AND id = ?", [group_id, entry_id]
        )
        return cur.rowcount > 0
