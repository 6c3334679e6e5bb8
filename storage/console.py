"""The web console's records: sign-in links and sessions (keyed hashes only), the audit log
(who did or viewed what, from the console or the CLI), organisations (several agencies on
one bot), and the incident search behind the console's list and CSV export.

Stored by design: LINE ids, hashes, action codes and times; never a token, a cookie, a
message text or a display name.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Protocol

from storage.base import SQLiteBase
from storage.models import Incident

AUDIT_VIA = ("console", "cli")


@dataclass(frozen=True)
class IncidentQuery:
    """The console's incident filters; None means "any"."""

    group_id: str | None = None
    type: str | None = None
    verdict: str | None = None
    status: str | None = None
    since: float | None = None  # created_at >= since
    until: float | None = None  # created_at < until
    source: str | None = None  # text | ocr (an image or a file)
    repeat: bool | None = None  # True: repeats only; False: first incidents only


class ConsoleBackend(Protocol):
    def console_link_add(
        self, token_hash: str, user_id: str, now: float, ttl_seconds: float
    ) -> None: ...

    def console_link_claim(self, token_hash: str, now: float) -> str | None:
        """The user of an unused, unexpired link, which is used from now on; else None."""
        ...

    def console_link_valid(self, token_hash: str, now: float) -> bool:
        """Unused and unexpired (nothing changes: a link preview's fetch uses nothing)."""
        ...

    def console_session_add(self, session_hash: str, user_id: str, now: float) -> None: ...

    def console_session_user(self, session_hash: str, now: float, idle: float) -> str | None:
        """The user of a live session (used within `idle` seconds), touched; else None."""
        ...

    def console_session_end(self, session_hash: str, now: float) -> None: ...

    def audit_add(
        self,
        actor: str,
        via: str,
        action: str,
        now: float,
        *,
        incident_id: str | None = None,
        group_id: str | None = None,
        detail: str | None = None,
    ) -> None: ...

    def audit_list(
        self, *, groups: Collection[str] | None = None, limit: int = 200, offset: int = 0
    ) -> list[dict[str, Any]]: ...

    def set_group_org(self, group_id: str, org: str | None, now: float) -> None: ...

    def set_ethics_org(self, user_id: str, org: str | None) -> bool: ...

    def ethics_org(self, user_id: str) -> str | None: ...

    def org_groups(self, org: str) -> list[str]: ...

    def admin_groups(self, user_id: str) -> list[str]: ...

    def search_incidents(
        self,
        query: IncidentQuery,
        *,
        groups: Collection[str] | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[Incident]:
        """Group incidents matching `query`, newest first; `groups` limits the groups
        (None: every group)."""
        ...


class SQLiteConsole(SQLiteBase):
    def console_link_add(
        self, token_hash: str, user_id: str, now: float, ttl_seconds: float
    ) -> None:
        self.db.execute("DELETE FROM console_links WHERE expires_at < ?", [now - 86400])
        self.db.execute(
            "INSERT INTO console_links (token_hash, user_id, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            [token_hash, user_id, now, now + ttl_seconds],
        )

    def console_link_claim(self, token_hash: str, now: float) -> str | None:
        cur = self.db.execute(
            "UPDATE console_links SET used_at = ? "
            "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
            [now, token_hash, now],
        )
        if cur.rowcount != 1:
            return None
        row = self._one("SELECT user_id FROM console_links WHERE token_hash = ?", [token_hash])
        return str(row["user_id"]) if row else None

    def console_link_valid(self, token_hash: str, now: float) -> bool:
        row = self._one(
            "SELECT 1 AS ok FROM console_links "
            "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
            [token_hash, now],
        )
        return row is not None

    def console_session_add(self, session_hash: str, user_id: str, now: float) -> None:
        self.db.execute(
            "DELETE FROM console_sessions WHERE last_seen < ? OR ended_at IS NOT NULL",
            [now - 7 * 86400],
        )
        self.db.execute(
            "INSERT INTO console_sessions (session_hash, user_id, created_at, last_seen) "
            "VALUES (?, ?, ?, ?)",
            [session_hash, user_id, now, now],
        )

    def console_session_user(self, session_hash: str, now: float, idle: float) -> str | None:
        cur = self.db.execute(
            "UPDATE console_sessions SET last_seen = ? "
            "WHERE session_hash = ? AND ended_at IS NULL AND last_seen > ?",
            [now, session_hash, now - idle],
        )
        if cur.rowcount != 1:
            return None
        row = self._one(
            "SELECT user_id FROM console_sessions WHERE session_hash = ?", [session_hash]
        )
        return str(row["user_id"]) if row else None

    def console_session_end(self, session_hash: str, now: float) -> None:
        self.db.execute(
            "UPDATE console_sessions SET ended_at = ? WHERE session_hash = ?", [now, session_hash]
        )

    def audit_add(
        self,
        actor: str,
        via: str,
        action: str,
        now: float,
        *,
        incident_id: str | None = None,
        group_id: str | None = None,
        detail: str | None = None,
    ) -> None:
        if via not in AUDIT_VIA:
            raise ValueError(f"via must be one of {AUDIT_VIA}")
        self.db.execute(
            "INSERT INTO audit_log (at, actor, via, action, incident_id, group_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now, actor, via, action, incident_id, group_id, detail],
        )

    def audit_list(
        self, *, groups: Collection[str] | None = None, limit: int = 200, offset: int = 0
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM audit_log"
        params: list[Any] = []
        if groups is not None:
            marks = ", ".join("?" for _ in groups) or "NULL"
            sql += f" WHERE group_id IN ({marks})"
            params += list(groups)
        sql += " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
        return list(self.db.query(sql, params))

    def set_group_org(self, group_id: str, org: str | None, now: float) -> None:
        self.db.table("groups").upsert(
            {"group_id": group_id, "org": org or None, "updated_at": now}, pk="group_id"
        )

    def set_ethics_org(self, user_id: str, org: str | None) -> bool:
        cur = self.db.execute(
            "UPDATE roles SET org = ? WHERE user_id = ? AND role = 'ethics'", [org or None, user_id]
        )
        return cur.rowcount > 0

    def ethics_org(self, user_id: str) -> str | None:
        row = self._one("SELECT org FROM roles WHERE user_id = ? AND role = 'ethics'", [user_id])
        return str(row["org"]) if row and row.get("org") else None

    def org_groups(self, org: str) -> list[str]:
        rows = self.db.query("SELECT group_id FROM groups WHERE org = ? ORDER BY group_id", [org])
        return [r["group_id"] for r in rows]

    def admin_groups(self, user_id: str) -> list[str]:
        rows = self.db.query(
            "SELECT group_id FROM roles WHERE user_id = ? AND role = 'admin' ORDER BY group_id",
            [user_id],
        )
        return [r["group_id"] for r in rows]

    def search_incidents(
        self,
        query: IncidentQuery,
        *,
        groups: Collection[str] | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[Incident]:
        sql = "SELECT * FROM incidents WHERE chat_type != 'user'"
        params: list[Any] = []
        if groups is not None:
            sql += f" AND group_id IN ({', '.join('?' for _ in groups) or 'NULL'})"
            params += list(groups)
        for column, value in (
            ("group_id", query.group_id),
            ("verdict", query.verdict),
            ("status", query.status),
            ("source", query.source),
        ):
            if value:
                sql += f" AND {column} = ?"
                params.append(value)
        if query.type:
            sql += f" AND {self._contains('types')}"
            params.append(json.dumps(query.type))
        if query.since is not None:
            sql += " AND created_at >= ?"
            params.append(query.since)
        if query.until is not None:
            sql += " AND created_at < ?"
            params.append(query.until)
        if query.repeat is True:
            sql += " AND repeat_of IS NOT NULL"
        elif query.repeat is False:
            sql += " AND repeat_of IS NULL"
        sql += " ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
        return [Incident.from_row(r) for r in self.db.query(sql, params)]
