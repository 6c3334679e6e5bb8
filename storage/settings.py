"""Settings (key -> value) and the key of the value hashes, which never enters the database."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Protocol

import sqlite_utils

from storage.base import SQLiteBase

log = logging.getLogger("bot.storage")


class SettingsBackend(Protocol):
    def get_setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...

    def hash_salt(self, configured: str | None = None) -> bytes:
        """The key of value hashes, never in the database: the configured one (BOT_HASH_KEY),
        else a key file beside the database, created once with mode 0600."""
        ...


class SQLiteSettings(SQLiteBase):
    def __init__(self, db: sqlite_utils.Database, path: str | Path = ":memory:") -> None:
        super().__init__(db, path)
        self._ephemeral_key: bytes | None = None

    def get_setting(self, key: str) -> str | None:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return row["value"] if row else None

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def hash_salt(self, configured: str | None = None) -> bytes:
        """The key of the value hashes (HMAC), never kept in the database: `configured`
        (BOT_HASH_KEY), else a key file beside the database (`bot.hashkey` for `bot.db`),
        created at first start with mode 0600; a random per-process key for ":memory:"."""
        if configured:
            return configured.encode("utf-8")
        if self.path == ":memory:":
            if self._ephemeral_key is None:
                self._ephemeral_key = secrets.token_hex(32).encode("ascii")
            return self._ephemeral_key
        return read_or_create_key(key_path(self.path))


def key_path(db_path: str | Path) -> Path:
    """`data/bot.db` -> `data/bot.hashkey`: beside the database, never inside it."""
    p = Path(db_path)
    return p.with_name(p.stem + ".hashkey")


def read_or_create_key(path: Path) -> bytes:
    """The hash key in `path`, created (mode 0600, 32 random bytes as hex) if absent."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    key = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
    log.info("hash key created path=%s", path)
    return key


def _read_key(path: Path) -> bytes:
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
        log.warning("hash key file was readable by others; now 0600 path=%s", path)
    key = path.read_bytes().strip()
    if len(key) < 32:
        raise ValueError(f"hash key file {path} is too short (need 32+ characters)")
    return key
