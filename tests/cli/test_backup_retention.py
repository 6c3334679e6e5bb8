"""Backups keep the retention promise: `bot.py backup` writes into the backup folder
(BOT_BACKUP_DIR or a folder given with --to), and `bot.py retention run` deletes the
backups there last written before the retention period, and nothing else."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from storage import Incident, Store

ROOT = Path(__file__).resolve().parents[2]
DAY = 86400


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    full.update({"LINE_CHANNEL_SECRET": "", "LINE_CHANNEL_ACCESS_TOKEN": "", **env})
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), *args],
        cwd=cwd,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def live_db(path: Path) -> Path:
    store = Store.open(path)
    store.create_incident(
        Incident(
            id="inc-old",
            group_id="C" + "5" * 32,
            chat_type="group",
            message_id="m1",
            sender_id="U" + "6" * 32,
            source="text",
            verdict="block",
            status="open",
            created_at=time.time() - 2 * DAY,
            types=["tw_national_id"],
            masked=["K25****186"],
        )
    )
    store.close()
    return path


def age(path: Path, days: float) -> None:
    when = time.time() - days * DAY
    os.utime(path, (when, when))


def incident_ids(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM incidents ORDER BY id")]
    finally:
        conn.close()


def test_retention_run_expires_old_backups_only(tmp_path: Path) -> None:
    db = live_db(tmp_path / "bot.db")
    folder = tmp_path / "backups"
    folder.mkdir()
    env = {"BOT_BACKUP_DIR": str(folder), "BOT_RETENTION_DAYS": "30"}

    # Real backups: a named file, one into the folder --to names, one into BOT_BACKUP_DIR.
    named = folder / "bot-2026-10-01.db"
    assert run(tmp_path, "backup", "--db", str(db), "--to", str(named)).returncode == 0
    r = run(tmp_path, "backup", "--db", str(db), "--to", str(folder))
    assert r.returncode == 0, r.stderr
    time.sleep(1.1)  # the folder's names carry the second
    r = run(tmp_path, "backup", "--db", str(db), **env)
    assert r.returncode == 0, r.stderr
    made = sorted(folder.iterdir())
    assert len(made) == 3 and all(incident_ids(p) == ["inc-old"] for p in made)
    stamped = [p for p in made if p != named]
    assert all(p.name.startswith("bot-") and p.name.endswith("Z.db") for p in stamped)

    old_named, old_stamped, new_stamped = named, stamped[0], stamped[1]
    age(old_named, 45)
    age(old_stamped, 31)
    age(new_stamped, 29)
    # Not backups, or not in the folder itself: never touched, however old.
    notes = folder / "README.txt"
    notes.write_text("offsite copies: see the runbook\n")
    age(notes, 400)
    nested = folder / "archive"
    nested.mkdir()
    deep = nested / "bot-2025-01-01.db"
    deep.write_bytes(old_named.read_bytes())
    age(deep, 400)
    link = folder / "latest.db"
    link.symlink_to(old_stamped)

    r = run(tmp_path, "retention", "run", "--db", str(db), **env)
    assert r.returncode == 0, r.stderr
    assert "backups=2" in r.stdout
    assert not old_named.exists() and not old_stamped.exists()
    assert incident_ids(new_stamped) == ["inc-old"]
    assert notes.exists() and deep.exists() and link.is_symlink()
    # The live database keeps its incident (2 days old, retention 30).
    assert incident_ids(db) == ["inc-old"]

    # --backup-dir names another folder for one run.
    other = tmp_path / "offsite"
    other.mkdir()
    assert run(tmp_path, "backup", "--db", str(db), "--to", str(other / "b.db")).returncode == 0
    age(other / "b.db", 60)
    r = run(tmp_path, "retention", "run", "--db", str(db), "--backup-dir", str(other), **env)
    assert r.returncode == 0 and "backups=1" in r.stdout and list(other.iterdir()) == []
    assert new_stamped.exists()


def test_retention_without_or_with_a_wrong_backup_folder(tmp_path: Path) -> None:
    db = live_db(tmp_path / "bot.db")
    r = run(tmp_path, "retention", "run", "--db", str(db), BOT_RETENTION_DAYS="30")
    assert r.returncode == 0 and "none expired" in r.stdout and "backups=" not in r.stdout

    before = hashlib.sha256(db.read_bytes()).hexdigest()
    missing = tmp_path / "no-such-folder"
    r = run(tmp_path, "retention", "run", "--db", str(db), BOT_BACKUP_DIR=str(missing))
    assert r.returncode == 2 and "BOT_BACKUP_DIR" in r.stderr and "does not exist" in r.stderr
    assert "Traceback" not in r.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before  # stopped before deleting
    r = run(tmp_path, "backup", "--db", str(db), BOT_BACKUP_DIR=str(missing))
    assert r.returncode == 2 and "does not exist" in r.stderr and not missing.exists()
    r = run(tmp_path, "backup", "--db", str(db))
    assert r.returncode == 2 and "--to PATH or set BOT_BACKUP_DIR" in r.stderr
