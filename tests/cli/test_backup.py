"""`bot.py backup --to PATH`, the restore drill of docs/deploy.md, and migrations that take
a backup first and refuse a database newer than the code."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from storage import Incident, SchemaTooNew, Store, connect, migrate
from storage.migrations import all_migrations
from tests.support.cli import bot_env, run_bot

ROOT = Path(__file__).resolve().parents[2]
GROUP = "C" + "3" * 32
SENDER = "U" + "4" * 32


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = bot_env(
        {"LINE_CHANNEL_SECRET": "", "LINE_CHANNEL_ACCESS_TOKEN": ""}, drop=["BOT_DB_PATH"]
    )
    return run_bot(*args, cwd=cwd, env=env)


def add_incident(store: Store, n: int) -> None:
    store.create_incident(
        Incident(
            id=f"inc{n}",
            group_id=GROUP,
            chat_type="group",
            message_id=f"msg{n}",
            sender_id=SENDER,
            source="text",
            verdict="block",
            status="open",
            created_at=time.time() - n,
            types=["tw_national_id"],
            masked=["K25****186"],
        )
    )


def test_backup_restore_drill(tmp_path: Path) -> None:
    live = tmp_path / "live" / "bot.db"
    live.parent.mkdir()
    store = Store.open(live)  # stays open and writing, as the service would
    for n in range(3):
        add_incident(store, n)
    backups = tmp_path / "backups"
    backups.mkdir()
    dest = backups / "bot-2026-12-02.db"
    r = run(tmp_path, "backup", "--to", str(dest), "--db", str(live))
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    add_incident(store, 99)  # written after the backup: not in it
    store.close()

    # Never overwrites.
    before = dest.read_bytes()
    r = run(tmp_path, "backup", "--to", str(dest), "--db", str(live))
    assert r.returncode == 2 and "never overwrite" in r.stderr and dest.read_bytes() == before

    # Restore into a new path (docs/deploy.md, section 8) and read the incidents back.
    restored = tmp_path / "restored" / "bot.db"
    restored.parent.mkdir()
    shutil.copy2(dest, restored)
    r = run(tmp_path, "incidents", "--json", "--db", str(restored))
    assert r.returncode == 0, r.stderr
    ids = sorted(json.loads(line)["id"] for line in r.stdout.splitlines())
    assert ids == ["inc0", "inc1", "inc2"]
    # and the service's own store opens it (migrations: nothing to do)
    Store.open(restored).close()


def test_backup_needs_an_existing_database_and_folder(tmp_path: Path) -> None:
    r = run(tmp_path, "backup", "--to", str(tmp_path / "b.db"), "--db", str(tmp_path / "no.db"))
    assert r.returncode == 2 and "no database at" in r.stderr
    assert not (tmp_path / "b.db").exists() and not (tmp_path / "no.db").exists()
    Store.open(tmp_path / "bot.db").close()
    r = run(
        tmp_path, "backup", "--to", str(tmp_path / "x" / "b.db"), "--db", str(tmp_path / "bot.db")
    )
    assert r.returncode == 2 and "does not exist" in r.stderr and not (tmp_path / "x").exists()


def test_migrations_refuse_a_newer_database(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    Store.open(path).close()
    db = connect(path)
    db.execute("INSERT INTO _migrations (name, applied_at) VALUES ('9999_from_the_future', 0)")
    db.conn.close()
    with pytest.raises(SchemaTooNew, match="9999_from_the_future"):
        Store.open(path)
    r = run(tmp_path, "admin", "add", SENDER, "--ethics", "--db", str(path))
    assert r.returncode == 2 and "newer release" in r.stderr and "Traceback" not in r.stderr


def test_migrations_take_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    migs = all_migrations()
    db = connect(path)
    migrate(db, migs[:-1])  # the database as the previous release left it
    db.conn.close()
    store = Store.open(path)  # this release: one migration to apply
    store.close()
    copies = sorted(tmp_path.glob(f"bot.db.before-{migs[-1].name}-*"))
    assert len(copies) == 1 and stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    old = connect(copies[0])
    names = {r[0] for r in old.execute("SELECT name FROM _migrations").fetchall()}
    old.conn.close()
    assert names == {m.name for m in migs[:-1]}
    # Nothing pending: no further copies.
    Store.open(path).close()
    assert len(list(tmp_path.glob("bot.db.before-*"))) == 1
    # A fresh database is not "upgraded": no copy.
    Store.open(tmp_path / "fresh.db").close()
    assert not list(tmp_path.glob("fresh.db.before-*"))
