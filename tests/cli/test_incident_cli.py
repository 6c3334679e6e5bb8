"""`bot.py incidents show | ack | reopen ID` as real processes on a real database: the
review actions write a timeline row with actor `cli`, refuse what does not apply (exit 1),
and the list (`bot.py incidents [--json]`) keeps working beside them."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from storage import Incident, Store
from tests.support.cli import bot_env, run_bot

GROUP = "C" + "1" * 32
SENDER = "U" + "2" * 32


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = bot_env(
        {"HOME": str(cwd / "home"), "BOT_DEFAULT_LOCALE": "en"},
        drop=["BOT_DB_PATH", "STATE_DIRECTORY", "XDG_STATE_HOME", "BOT_HASH_KEY"],
        drop_prefixes=("LINE_",),
    )
    return run_bot(*args, cwd=cwd, env=env)


def test_show_ack_reopen_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    store = Store.open(db)
    now = time.time()
    inc = Incident(
        "abc123", GROUP, "group", "m1", SENDER, "text", "block", "open", now,
        types=["tw_national_id"], masked=["K2******86"],
    )  # fmt: skip
    store.create_incident(inc)
    store.add_incident_event("abc123", "opened", now, detail="block")
    store.close()

    r = run(tmp_path, "incidents", "ack", "abc123", "--db", str(db))
    assert r.returncode == 0 and "acknowledged" in r.stdout, r.stderr
    r = run(tmp_path, "incidents", "--db", str(db), "ack", "abc123")  # --db before the action
    assert r.returncode == 1 and '"acknowledged by an admin"' in r.stdout
    assert run(tmp_path, "incidents", "reopen", "abc123", "--db", str(db)).returncode == 0
    assert run(tmp_path, "incidents", "reopen", "abc123", "--db", str(db)).returncode == 1
    assert run(tmp_path, "incidents", "ack", "nope", "--db", str(db)).returncode == 1

    r = run(tmp_path, "incidents", "show", "abc123", "--db", str(db), "--lang", "zh-TW")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "事件 abc123｜高風險｜待收回" and "K2******86" in r.stdout
    timeline = [line.split("  ")[2:] for line in lines if line.startswith("  ")]
    assert timeline == [
        ["事件成立", "[系統]", "高風險"],
        ["已確認處理", "[命令列]"],
        ["重新開啟", "[命令列]"],
    ]
    assert SENDER not in r.stdout

    store = Store.open(db)
    rows = [(e.kind, e.actor_role, e.actor) for e in store.incident_events("abc123")]
    assert rows[1:] == [("acknowledged", "cli", "cli"), ("reopened", "cli", "cli")]
    store.close()
    # the list, text and JSON, as before
    [row] = [
        json.loads(x)
        for x in run(tmp_path, "incidents", "--json", "--db", str(db)).stdout.splitlines()
    ]
    assert row["id"] == "abc123" and row["status"] == "open"
    assert "abc123" in run(tmp_path, "incidents", "--db", str(db)).stdout
