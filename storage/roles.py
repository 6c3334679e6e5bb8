"""Who may do what: group admins and the ethics unit (roles), and the one-time codes
with which a group member becomes admin (`/admin CODE` in the group) or joins the ethics
unit (`/ethics CODE` in a 1:1 chat); only a hash of a code is stored.

LINE has no notion of group admins for bots, so roles live here; group_id "" for ethics.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, Protocol

from storage.base import SQLiteBase
from storage.models import ROLES

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no look-alikes (0/O, 1/I/L)


class RolesBackend(Protocol):
    def add_role(self, user_id: str, role: str, group_id: str | None, now: float) -> bool: ...

    def remove_role(self, user_id: str, role: str, group_id: str | None) -> bool: ...

    def list_roles(self) -> list[dict[str, Any]]: ...

    def group_admins(self, group_id: str) -> list[str]: ...

    def ethics_users(self) -> list[str]: ...

    def is_admin(self, user_id: str, group_id: str) -> bool: ...

    def is_ethics(self, user_id: str) -> bool: ...

    def create_admin_code(self, group_id: str, now: float, ttl_seconds: float = 24 * 3600) -> str:
        """A fresh one-time code (8 characters, no look-alikes); only its hash is stored."""
        ...

    def claim_admin_code(self, group_id: str, code: str, user_id: str, now: float) -> bool:
        """Use a code: valid for this group, unexpired and unused -> the user becomes admin."""
        ...

    def create_invite_code(
        self, role: str, group_id: str | None, now: float, ttl_seconds: float = 24 * 3600
    ) -> str:
        """A one-time code giving `role` (admin of `group_id`, or ethics: no group)."""
        ...

    def claim_ethics_code(self, code: str, user_id: str, now: float) -> bool:
        """Use an ethics code (unexpired, unused) -> the user joins the ethics unit."""
        ...

    def invite_codes(self, now: float) -> list[dict[str, Any]]:
        """Codes not used yet and not expired (no code: only when and for what)."""
        ...


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode("utf-8")).hexdigest()


class SQLiteRoles(SQLiteBase):
    def add_role(self, user_id: str, role: str, group_id: str | None, now: float) -> bool:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        cur = self.db.execute(
            "INSERT INTO roles (user_id, role, group_id, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [user_id, role, group_id or "", now],
        )
        return cur.rowcount == 1

    def remove_role(self, user_id: str, role: str, group_id: str | None) -> bool:
        cur = self.db.execute(
            "DELETE FROM roles WHERE user_id = ? AND role = ? AND group_id = ?",
            [user_id, role, group_id or ""],
        )
        return cur.rowcount > 0

    def list_roles(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM roles ORDER BY role, group_id, created_at"))

    def group_admins(self, group_id: str) -> list[str]:
        rows = self.db.query(
            "SELECT user_id FROM roles WHERE role = 'admin' AND group_id = ? ORDER BY created_at",
            [group_id],
        )
        return [r["user_id"] for r in rows]

    def ethics_users(self) -> list[str]:
        rows = self.db.query("SELECT user_id FROM roles WHERE role = 'ethics' ORDER BY created_at")
        return [r["user_id"] for r in rows]

    def is_admin(self, user_id: str, group_id: str) -> bool:
        return user_id in self.group_admins(group_id)

    def is_ethics(self, user_id: str) -> bool:
        return user_id in self.ethics_users()

    def create_admin_code(self, group_id: str, now: float, ttl_seconds: float = 24 * 3600) -> str:
        """A fresh one-time code (8 characters, no look-alikes); only its hash is stored."""
        return self.create_invite_code("admin", group_id, now, ttl_seconds)

    def create_invite_code(
        self, role: str, group_id: str | None, now: float, ttl_seconds: float = 24 * 3600
    ) -> str:
        """A one-time code giving `role` (admin of `group_id`, or ethics: no group)."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        if (role == "admin") != bool(group_id):
            raise ValueError("an admin code names its group; an ethics code none")
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        self.db.execute(
            "INSERT INTO admin_codes (code_hash, group_id, role, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [_code_hash(code), group_id or "", role, now, now + ttl_seconds],
        )
        return code

    def claim_admin_code(self, group_id: str, code: str, user_id: str, now: float) -> bool:
        """Use a code: valid for this group, unexpired and unused -> the user becomes admin."""
        cur = self.db.execute(
            "UPDATE admin_codes SET used_by = ?, used_at = ? "
            "WHERE code_hash = ? AND group_id = ? AND role = 'admin' AND used_by IS NULL "
            "AND expires_at > ?",
            [user_id, now, _code_hash(code), group_id, now],
        )
        if cur.rowcount != 1:
            return False
        self.add_role(user_id, "admin", group_id, now)
        return True

    def claim_ethics_code(self, code: str, user_id: str, now: float) -> bool:
        """Use an ethics code (unexpired, unused) -> the user joins the ethics unit."""
        cur = self.db.execute(
            "UPDATE admin_codes SET used_by = ?, used_at = ? "
            "WHERE code_hash = ? AND group_id = '' AND role = 'ethics' AND used_by IS NULL "
            "AND expires_at > ?",
            [user_id, now, _code_hash(code), now],
        )
        if cur.rowcount != 1:
            return False
        self.add_role(user_id, "ethics", None, now)
        return True

    def invite_codes(self, now: float) -> list[dict[str, Any]]:
        """Codes not used yet and not expired (no code: only when and for what)."""
        return list(
            self.db.query(
                "SELECT role, group_id, created_at, expires_at FROM admin_codes "
                "WHERE used_by IS NULL AND expires_at > ? ORDER BY created_at",
                [now],
            )
        )
