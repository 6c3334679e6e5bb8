"""Read commands never create a database and never delete; retention runs in the service
and in `bot.py retention run`; the database defaults to an absolute state directory; --db
on every command that uses it."""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import time
from pathlib import Path

import pytest

import bot
from config import Config, ConfigError, default_db_path
from storage import Incident, Store
from tests.support.cli import bot_env, run_bot

ROOT = Path(__file__).resolve().parents[2]
GROUP = "C" + "1" * 32
SENDER = "U" + "2" * 32


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = bot_env(
        {
            "HOME": str(cwd / "home"),
            "LINE_CHANNEL_SECRET": "",
            "LINE_CHANNEL_ACCESS_TOKEN": "",
            **env,
        },
        drop=["BOT_DB_PATH", "STATE_DIRECTORY", "XDG_STATE_HOME"],
    )
    return run_bot(*args, cwd=cwd, env=full)


def make_db(path: Path, *ages_days: float) -> Path:
    store = Store.open(path)
    now = time.time()
    for n, age in enumerate(ages_days):
        store.create_incident(
            Incident(
                id=f"i{n}",
                group_id=GROUP,
                chat_type="group",
                message_id=f"m{n}",
                sender_id=SENDER,
                source="text",
                verdict="block",
                status="open",
                created_at=now - age * 86400,
                types=["tw_national_id"],
            )
        )
    store.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "args", [("incidents",), ("incidents", "--json"), ("admin", "list"), ("report", "--json")]
)
def test_read_commands_never_create_a_database(tmp_path: Path, args: tuple[str, ...]) -> None:
    r = run(tmp_path, *args)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "no database at" in r.stderr and "--db" in r.stderr and "Traceback" not in r.stderr
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert leftovers == []
    r = run(tmp_path, *args, "--db", str(tmp_path / "elsewhere" / "bot.db"))
    assert r.returncode == 2 and not (tmp_path / "elsewhere").exists()


def test_read_commands_never_delete_and_never_write(tmp_path: Path) -> None:
    db = make_db(tmp_path / "bot.db", 400, 1)  # one incident far past retention
    before = digest(db)
    for args in (("admin", "list"), ("report", "--json")):
        r = run(tmp_path, *args, "--db", str(db), BOT_RETENTION_DAYS="30")
        assert r.returncode == 0, r.stderr
        assert digest(db) == before, args
    # Reading incidents leaves one audit-log row (issue #13), and changes nothing else.
    r = run(tmp_path, "incidents", "--db", str(db), BOT_RETENTION_DAYS="30")
    assert r.returncode == 0, r.stderr
    store = Store.open_readonly(db)
    audit = [(a["via"], a["action"], a["detail"]) for a in store.audit_list()]
    assert audit == [("cli", "cli.incidents", "rows=2")]
    assert store.audit_list()[0]["actor"].startswith("cli:")
    assert sorted(i.id for i in store.list_incidents()) == ["i0", "i1"]
    store.close()
    listed = run(tmp_path, "incidents", "--json", "--db", str(db), BOT_RETENTION_DAYS="30")
    assert listed.stdout.count("\n") == 2  # both still there

    r = run(tmp_path, "retention", "run", "--db", str(db), BOT_RETENTION_DAYS="30")
    assert r.returncode == 0 and "incidents=1" in r.stdout
    listed = run(tmp_path, "incidents", "--json", "--db", str(db))
    assert listed.stdout.count("\n") == 1 and '"i1"' in listed.stdout


@pytest.mark.parametrize("days", ["0", "-5"])
def test_retention_below_one_day_is_refused(tmp_path: Path, days: str) -> None:
    db = make_db(tmp_path / "bot.db", 1)
    before = digest(db)
    for args in (("retention", "run"), ("incidents",), ("serve", "--port", "0")):
        creds = {"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t"}
        r = run(tmp_path, *args, "--db", str(db), BOT_RETENTION_DAYS=days, **creds)
        assert r.returncode == 2 and "BOT_RETENTION_DAYS" in r.stderr, args
        assert "Traceback" not in r.stderr
    assert digest(db) == before
    with pytest.raises(ConfigError, match="BOT_RETENTION_DAYS"):
        Config.from_env({"BOT_RETENTION_DAYS": days}, require_line=False)


def test_database_defaults_to_an_absolute_state_directory(tmp_path: Path) -> None:
    assert default_db_path({"STATE_DIRECTORY": "/var/lib/line-guard"}) == Path(
        "/var/lib/line-guard/bot.db"
    )
    assert default_db_path({"STATE_DIRECTORY": "/a:/b"}) == Path("/a/bot.db")
    assert default_db_path({"XDG_STATE_HOME": str(tmp_path)}) == tmp_path / "line-guard/bot.db"
    home = default_db_path({"XDG_STATE_HOME": "relative"})  # not absolute: ignored (XDG spec)
    assert home == Path.home() / ".local/state/line-guard/bot.db"
    # BOT_DB_PATH wins and is made absolute, so the folder a command runs from cannot matter.
    config = Config.from_env({"BOT_DB_PATH": "x.db"}, require_line=False)
    assert config.db_path.is_absolute() and config.db_path.name == "x.db"


def test_write_commands_use_the_state_directory(tmp_path: Path) -> None:
    state = tmp_path / "state"
    r = run(tmp_path, "admin", "add", SENDER, "--ethics", XDG_STATE_HOME=str(state))
    assert r.returncode == 0, r.stderr
    assert (state / "line-guard" / "bot.db").is_file()
    elsewhere = tmp_path / "other-folder"
    elsewhere.mkdir()
    r = run(elsewhere, "admin", "list", XDG_STATE_HOME=str(state))
    assert r.returncode == 0 and SENDER in r.stdout
    assert list(elsewhere.iterdir()) == []


def test_bad_database_path_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    r = run(tmp_path, "admin", "add", SENDER, "--ethics", "--db", str(blocker / "bot.db"))
    assert r.returncode == 2 and "cannot open the database" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_db_option_on_every_command_that_uses_the_database() -> None:
    parser = bot.build_parser()
    found: dict[str, bool] = {}

    def walk(name: str, p: argparse.ArgumentParser) -> None:
        subs = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs and name:
            found[name] = any("--db" in a.option_strings for a in p._actions)
        for action in subs:
            for sub, sp in action.choices.items():
                walk(f"{name} {sub}".strip(), sp)

    walk("", parser)
    without = {name for name, has in found.items() if not has}
    # scan reads no database, demo makes its own, tips list reads the library only, the ocr
    # commands only the OCR engines (and bench an image set).
    assert without == {"scan", "demo", "tips list", "ocr list", "ocr serve", "ocr bench"}


def test_retention_purges_the_audit_log_and_the_consoles_dead_links_and_sessions(
    tmp_path: Path,
) -> None:
    """`retention run`: audit-log rows older than BOT_AUDIT_RETENTION_DAYS go (the newer stay);
    expired or used sign-in links and ended or long-idle sessions go, a live one stays."""
    db = make_db(tmp_path / "bot.db", 1)
    store = Store.open(db)
    now, day = time.time(), 86400.0
    store.audit_add("cli:old", "cli", "cli.incidents", now - 40 * day, detail="rows=1")
    store.audit_add("cli:new", "cli", "cli.incidents", now - 10 * day, detail="rows=1")
    # (live ones first: adding a link or a session clears some older dead rows itself)
    store.console_link_add("link-live", SENDER, now, 600)
    store.console_link_add("link-used", SENDER, now, 600)
    assert store.console_link_claim("link-used", now) == SENDER
    store.console_link_add("link-expired", SENDER, now - 2 * day, 600)
    store.console_session_add("sess-live", SENDER, now)
    store.console_session_add("sess-idle", SENDER, now - 2 * day)
    store.console_session_add("sess-ended", SENDER, now)
    store.console_session_end("sess-ended", now)
    store.close()

    r = run(tmp_path, "retention", "run", "--db", str(db), BOT_AUDIT_RETENTION_DAYS="30")
    assert r.returncode == 0, r.stderr
    assert "audit_log=1" in r.stdout and "console_links=2" in r.stdout, r.stdout
    assert "console_sessions=2" in r.stdout and "incidents=0" in r.stdout
    store = Store.open(db)
    try:
        assert [a["actor"] for a in store.audit_list()] == ["cli:new"]
        assert store.console_link_valid("link-live", time.time())
        assert store.console_session_user("sess-live", time.time(), 1800) == SENDER
    finally:
        store.close()
    bad = run(tmp_path, "retention", "run", "--db", str(db), BOT_AUDIT_RETENTION_DAYS="0")
    assert bad.returncode == 2 and "BOT_AUDIT_RETENTION_DAYS" in bad.stderr
