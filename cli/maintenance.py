"""`bot.py retention run | backup`: keeping the retention promise, and copies to restore from.

bot.py retention run [--backup-dir DIR]
    what the service does hourly, now (e.g. from cron while it is down): incidents older
    than BOT_RETENTION_DAYS and expired bookkeeping; then the backups in the backup folder
    ($BOT_BACKUP_DIR) last written before that day, since a backup holds the same incidents
bot.py backup [--to PATH]
    a consistent copy while the service runs (SQLite backup API), mode 0600, never
    overwriting: to the file PATH, or into the folder PATH or $BOT_BACKUP_DIR as
    bot-<UTC time>.db

Only these commands delete or write copies; the read commands (incidents, admin list,
report, outbox list) open the database read-only.
"""

from __future__ import annotations

import argparse
import stat
import time
from datetime import UTC, datetime
from pathlib import Path

from cli.common import Subparsers, actions, command, load_config, open_for
from config import Config, ConfigError

# Every SQLite database file starts with these 16 bytes: only such files in the backup folder
# are ever expired, whatever else someone keeps there.
SQLITE_HEADER = b"SQLite format 3\x00"
DAY = 86400


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    rt = command(sub, "retention", "enforce the retention period (the service does it hourly)")
    run = command(
        actions(rt, "retention_command"),
        "run",
        "delete incidents older than $BOT_RETENTION_DAYS and expired bookkeeping now, "
        "and the backups in the backup folder older than that",
        db=True,
    )
    run.add_argument(
        "--backup-dir",
        metavar="DIR",
        help="folder of the backups to expire (unset: $BOT_BACKUP_DIR; neither: backups "
        "are left alone)",
    )
    run.set_defaults(func=retention)

    bk = command(
        sub,
        "backup",
        "write a consistent copy of the database (safe while the service runs)",
        db=True,
    )
    bk.add_argument(
        "--to",
        metavar="PATH",
        help="the new file, or a folder to write bot-<UTC time>.db into (never overwritten; "
        "mode 0600); unset: the folder $BOT_BACKUP_DIR",
    )
    bk.set_defaults(func=backup)


def backup_folder(given: str | None, config: Config) -> Path | None:
    """The backup folder: --backup-dir, else BOT_BACKUP_DIR; it must exist when named."""
    folder = Path(given).absolute() if given else config.backup_dir
    if folder is not None and not folder.is_dir():
        source = "--backup-dir" if given else "BOT_BACKUP_DIR"
        raise ConfigError(f"{source}: folder {folder} does not exist")
    return folder


def is_backup(path: Path) -> bool:
    """A regular file (not a link) holding an SQLite database."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        with path.open("rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def expire_backups(folder: Path, now: float, retention_days: int) -> list[Path]:
    """Delete the backups in `folder` (not below it) last written more than `retention_days`
    ago; the paths deleted. Other files are left alone."""
    cutoff = now - retention_days * DAY
    gone: list[Path] = []
    for path in sorted(folder.iterdir()):
        try:
            old = path.lstat().st_mtime < cutoff
        except OSError:
            continue  # removed meanwhile
        if old and is_backup(path):
            try:
                path.unlink()
            except OSError as exc:
                raise ConfigError(f"cannot delete the old backup {path}: {exc.strerror}") from None
            gone.append(path)
    return gone


def retention(args: argparse.Namespace) -> int:
    """`retention run`: the database first, then the backup folder."""
    from storage.tips import TipStore

    config = load_config(args, require_line=False)
    folder = backup_folder(args.backup_dir, config)  # a wrong folder stops before any delete
    store = open_for(config)
    try:
        now = time.time()
        out = store.purge(now, config.retention_days, audit_days=config.audit_retention_days)
        for key, n in TipStore(store).purge(now, config.retention_days).items():
            out[f"tips.{key}"] = n
    finally:
        store.close()
    if folder is not None:
        out["backups"] = len(expire_backups(folder, now, config.retention_days))
    print(
        f"retention {config.retention_days} days: deleted "
        + ", ".join(f"{k}={v}" for k, v in out.items())
    )
    if folder is None:
        print("backups: no backup folder given (BOT_BACKUP_DIR, --backup-dir), none expired")
    return 0


def backup_name(now: float) -> str:
    return datetime.fromtimestamp(now, UTC).strftime("bot-%Y%m%dT%H%M%SZ.db")


def backup(args: argparse.Namespace) -> int:
    """`backup [--to PATH]`: a consistent copy while the service runs (SQLite backup API)."""
    import sqlite3

    from storage import backup as backup_db

    config = load_config(args, require_line=False)
    if config.database_url:
        raise ConfigError(
            "`backup` copies the SQLite file; with BOT_DATABASE_URL (PostgreSQL) use the "
            "server's tools: pg_dump --format=custom (or your provider's snapshots), "
            "see docs/scale.md"
        )
    store = open_for(config, readonly=True)
    try:
        target = Path(args.to) if args.to else backup_folder(None, config)
        if target is None:
            raise ConfigError("where to? give --to PATH or set BOT_BACKUP_DIR")
        dest = target / backup_name(time.time()) if target.is_dir() else target
        if dest.exists():
            raise ConfigError(f"{dest} exists: backups never overwrite; choose a new name")
        if not dest.parent.is_dir():
            raise ConfigError(f"folder {dest.parent} does not exist")
        try:
            backup_db(store.db, dest)
        except FileExistsError:
            raise ConfigError(f"{dest} exists: backups never overwrite") from None
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise ConfigError(f"cannot write the backup {dest}: {reason}") from None
    finally:
        store.close()
    print(f"backup written to {dest} (mode 0600)")
    return 0
