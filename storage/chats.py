"""The chats the bot is in (groups and rooms: type, locale, name) and the users it knows
(whether they added the bot as a friend, their locale)."""

from __future__ import annotations

from typing import Any, Protocol

from storage.base import SQLiteBase

GROUP_FIELDS = frozenset({"chat_type", "locale", "name", "joined_at", "left_at"})


class ChatsBackend(Protocol):
    def group(self, group_id: str) -> dict[str, Any] | None: ...

    def upsert_group(self, group_id: str, now: float, **fields: Any) -> None:
        """Create or update a chat; `fields` among chat_type, locale, name, joined_at, left_at."""
        ...

    def group_locale(self, group_id: str) -> str | None: ...

    def list_groups(self, *, active_only: bool = True) -> list[dict[str, Any]]: ...

    def user(self, user_id: str) -> dict[str, Any] | None: ...

    def set_friend(
        self, user_id: str, is_friend: bool, now: float, locale: str | None = None
    ) -> None:
        """Friendship; `locale` (LINE's profile language) only fills a blank: a language the
        user chose with /lang stays."""
        ...

    def set_user_locale(self, user_id: str, locale: str, now: float) -> None:
        """The language a user chose with /lang in their 1:1 chat (alerts follow it)."""
        ...


class SQLiteChats(SQLiteBase):
    def group(self, group_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM groups WHERE group_id = ?", [group_id])

    def upsert_group(self, group_id: str, now: float, **fields: Any) -> None:
        bad = set(fields) - GROUP_FIELDS
        if bad:
            raise ValueError(f"unknown group fields: {sorted(bad)}")
        row = {"group_id": group_id, "updated_at": now, **fields}
        self.db.table("groups").upsert(row, pk="group_id")

    def group_locale(self, group_id: str) -> str | None:
        row = self.group(group_id)
        return row["locale"] if row and row.get("locale") else None

    def list_groups(self, *, active_only: bool = True) -> list[dict[str, Any]]:
        sql = "SELECT * FROM groups"
        if active_only:
            sql += " WHERE left_at IS NULL"
        return list(self.db.query(sql + " ORDER BY joined_at"))

    def user(self, user_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM users WHERE user_id = ?", [user_id])

    def set_friend(
        self, user_id: str, is_friend: bool, now: float, locale: str | None = None
    ) -> None:
        row: dict[str, Any] = {"user_id": user_id, "is_friend": int(is_friend), "checked_at": now}
        old = self.user(user_id)
        if locale and not (old and old.get("locale")):
            row["locale"] = locale
        self.db.table("users").upsert(row, pk="user_id")

    def set_user_locale(self, user_id: str, locale: str, now: float) -> None:
        if self.user(user_id) is None:
            self.db.table("users").insert({"user_id": user_id, "locale": locale, "checked_at": now})
        else:
            self.db.execute("UPDATE users SET locale = ? WHERE user_id = ?", [locale, user_id])
