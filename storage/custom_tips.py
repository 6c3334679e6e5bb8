"""Tips the ethics unit writes in the console, beside the library (tips/custom.py checks that
one fits a phone screen before it is stored)."""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from storage.base import SQLiteBase

CUSTOM_PREFIX = "custom-"


class CustomTipsBackend(Protocol):
    def add_custom_tip(self, fields: dict[str, Any], now: float, by: str | None = None) -> str:
        """Store a checked tip (locale, kind, title, body, law, habit); its new id."""
        ...

    def custom_tips(self, *, enabled_only: bool = False) -> list[dict[str, Any]]: ...

    def custom_tip(self, tip_id: str) -> dict[str, Any] | None: ...

    def set_custom_tip_enabled(self, tip_id: str, enabled: bool, now: float) -> bool: ...


_FIELDS = ("locale", "kind", "title", "body", "law", "habit")


class SQLiteCustomTips(SQLiteBase):
    def add_custom_tip(self, fields: dict[str, Any], now: float, by: str | None = None) -> str:
        tip_id = CUSTOM_PREFIX + uuid.uuid4().hex[:8]
        row = {k: fields.get(k) for k in _FIELDS}
        row.update(id=tip_id, enabled=1, created_at=now, created_by=by, updated_at=now)
        self.db.table("custom_tips").insert(row)
        return tip_id

    def custom_tips(self, *, enabled_only: bool = False) -> list[dict[str, Any]]:
        sql = "SELECT * FROM custom_tips"
        if enabled_only:
            sql += " WHERE enabled = 1"
        return list(self.db.query(sql + " ORDER BY created_at, id"))

    def custom_tip(self, tip_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM custom_tips WHERE id = ?", [tip_id])

    def set_custom_tip_enabled(self, tip_id: str, enabled: bool, now: float) -> bool:
        cur = self.db.execute(
            "UPDATE custom_tips SET enabled = ?, updated_at = ? WHERE id = ?",
            [int(enabled), now, tip_id],
        )
        return cur.rowcount > 0
