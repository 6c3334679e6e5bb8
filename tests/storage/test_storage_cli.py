"""Storage (fresh databases), the service CLI (real subprocesses) and the UI locales."""

from __future__ import annotations

import json
import string
import subprocess
import time
from pathlib import Path

import pytest

from storage import Incident, Migration, Store, connect, migrate
from storage.db import Database
from storage.migrations import all_migrations
from storage.models import INCIDENT_STATUSES
from tests.support.cli import bot_env, run_bot

ROOT = Path(__file__).resolve().parents[2]


def _incident(i: str, created: float, **kw: object) -> Incident:
    base: dict[str, object] = {
        "id": i,
        "group_id": "C" + "0" * 32,
        "chat_type": "group",
        "message_id": "m" + i,
        "sender_id": "U" + "1" * 32,
        "source": "text",
        "verdict": "block",
        "status": "open",
        "created_at": created,
        "types": ["tw_national_id"],
        "masked": ["K2******86"],
        "digests": ["ab" * 16],
    }
    base.update(kw)
    return Incident(**base)  # type: ignore[arg-type]


def test_migrations_run_once_and_names_are_unique() -> None:
    db = connect(":memory:")
    first = migrate(db)
    assert first[0] == "core_v1" and migrate(db) == []
    names = [m.name for m in all_migrations()]
    assert len(names) == len(set(names))

    def create_extra(d: Database) -> None:
        d.table("extra").create({"k": str}, pk="k")

    extra = Migration("test_extra_v1", create_extra)
    assert migrate(db, [*all_migrations(), extra]) == ["test_extra_v1"]
    with pytest.raises(ValueError):
        migrate(db, [extra, extra])


def test_incident_lifecycle_and_retention(store: Store) -> None:
    day = 86400.0
    assert store.create_incident(_incident("old", 0.0))
    assert store.create_incident(_incident("new", 200 * day, escalate_at=200 * day + 600))
    assert not store.create_incident(_incident("dup", 1.0, message_id="mnew"))  # same message
    assert [i.id for i in store.due_escalations(200 * day + 601)] == ["new"]
    assert store.claim_escalation("new", 200 * day + 601)
    assert not store.claim_escalation("new", 200 * day + 602)  # once
    assert store.set_incident_status("new", "retracted", 200 * day + 700, only_from=("escalated",))
    store.forget_incident_values("new")
    inc = store.incident("new")
    assert inc is not None and inc.masked == [] and inc.digests == [] and inc.status == "retracted"
    out = store.purge(200 * day + 800, retention_days=180)
    assert out["incidents"] == 1 and store.incident("old") is None
    with pytest.raises(ValueError):
        store.set_incident_status("new", "bogus", 0.0)


def test_admin_codes_are_one_time_and_expire(store: Store) -> None:
    g = "C" + "2" * 32
    code = store.create_admin_code(g, 0.0, ttl_seconds=60)
    assert not store.claim_admin_code("C" + "3" * 32, code, "U1", 1.0)  # other group
    assert not store.claim_admin_code(g, code, "U1", 61.0)  # expired
    code = store.create_admin_code(g, 100.0)
    assert store.claim_admin_code(g, code.lower(), "U1", 101.0)
    assert not store.claim_admin_code(g, code, "U2", 102.0)
    assert store.group_admins(g) == ["U1"]
    assert code not in json.dumps(list(store.db.query("SELECT * FROM admin_codes")))  # only a hash


def test_outbox_claims_by_priority(store: Store) -> None:
    low = store.outbox_add(kind="tip", messages=[{"type": "text", "text": "a"}], now=0, to_id="x")
    high = store.outbox_add(
        kind="warning", messages=[{"type": "text", "text": "b"}], now=0, to_id="y", priority=100
    )
    later = store.outbox_add(kind="x", messages=[{"type": "text", "text": "c"}], now=50, to_id="z")
    assert [r.id for r in store.outbox_claim_due(10)] == [high, low]
    assert later not in [r.id for r in store.outbox_claim_due(10)]
    store.outbox_sent(high, 11)
    row = store.outbox_row(high)
    assert row is not None and row.status == "sent" and row.messages == []  # body dropped
    assert store.outbox_reset_inflight() == 1  # `low` was left sending


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = bot_env(
        {
            "BOT_DB_PATH": str(tmp_path / "cli.db"),
            "LINE_CHANNEL_SECRET": "",
            "LINE_CHANNEL_ACCESS_TOKEN": "",
        }
    )
    return run_bot(*args, cwd=tmp_path, env=env)


def test_serve_without_credentials_says_what_to_set(tmp_path: Path) -> None:
    r = _cli(tmp_path, "serve", "--port", "0")
    assert r.returncode == 2
    assert "LINE_CHANNEL_SECRET" in r.stderr and "LINE_CHANNEL_ACCESS_TOKEN" in r.stderr
    assert "Traceback" not in r.stderr


def test_admin_code_for_the_ethics_unit(tmp_path: Path) -> None:
    r = _cli(tmp_path, "admin", "code", "--ethics")
    code = r.stdout.strip()
    assert r.returncode == 0 and len(code) == 8 and f"/ethics {code}" in r.stderr
    store = Store.open(tmp_path / "cli.db")
    try:
        assert store.claim_ethics_code(code, "U" + "7" * 32, time.time())
        assert store.is_ethics("U" + "7" * 32)
    finally:
        store.close()
    for args in (("admin", "code"), ("admin", "code", "--ethics", "--group", "C" + "4" * 32)):
        assert _cli(tmp_path, *args).returncode == 2  # one of the two, exactly


def test_admin_and_incidents_commands(tmp_path: Path) -> None:
    g = "C" + "4" * 32
    assert _cli(tmp_path, "admin", "add", "U" + "5" * 32, "--group", g).returncode == 0
    assert _cli(tmp_path, "admin", "add", "U" + "6" * 32, "--ethics").returncode == 0
    roles = [json.loads(x) for x in _cli(tmp_path, "admin", "list", "--json").stdout.splitlines()]
    assert {(r["role"], r["group_id"]) for r in roles} == {("admin", g), ("ethics", None)}
    assert _cli(tmp_path, "admin", "remove", "U" + "6" * 32, "--ethics").returncode == 0
    assert _cli(tmp_path, "admin", "remove", "U" + "6" * 32, "--ethics").returncode == 1
    code = _cli(tmp_path, "admin", "code", "--group", g).stdout.strip()
    assert len(code) == 8 and "/admin" in _cli(tmp_path, "admin", "code", "--group", g).stderr

    store = Store.open(tmp_path / "cli.db")
    import time

    store.create_incident(_incident("abc123", time.time()))
    store.close()
    r = _cli(tmp_path, "incidents", "--json")
    [row] = [json.loads(x) for x in r.stdout.splitlines()]
    for key in ("id", "group_id", "message_id", "types", "verdict", "status", "created_at"):
        assert key in row
    assert row["types"] == ["tw_national_id"] and row["masked"] == ["K2******86"]
    assert "abc123" in _cli(tmp_path, "incidents").stdout


def test_demo_runs_by_itself(tmp_path: Path) -> None:
    r = _cli(tmp_path, "demo")
    assert r.returncode == 0, r.stderr[-2000:]
    out = r.stdout
    for part in (
        "王小明已收回訊息",
        "請立即收回",
        "保密通報",
        "逾時未收回",
        "K2******86",
        "retracted",
    ):
        assert part in out, part
    assert "K257491186" not in out.split("事件紀錄")[1]  # the incident list is masked
    assert not (tmp_path / "data").exists()  # the demo keeps its database in a temp dir


def _placeholders(s: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(s) if f}


def test_locales_have_the_same_keys_and_placeholders() -> None:
    zh = json.loads((ROOT / "locales" / "zh-TW.json").read_text(encoding="utf-8"))
    en = json.loads((ROOT / "locales" / "en.json").read_text(encoding="utf-8"))
    assert zh.keys() == en.keys()
    for key in zh:
        assert _placeholders(zh[key]) == _placeholders(en[key]), key
    for status in INCIDENT_STATUSES:
        assert f"status.{status}" in zh
    from line.messages import FP_REASONS, NEED_REASONS

    for code in FP_REASONS:
        assert len(en[f"reason.{code}"]) <= 20 and len(zh[f"reason.{code}"]) <= 20
    for code in NEED_REASONS:
        assert len(en[f"need.{code}"]) <= 20 and len(zh[f"need.{code}"]) <= 20
    for key in ("btn.unsent", "btn.fp", "btn.need", "btn.ack", "btn.dismiss"):
        assert len(en[key]) <= 20 and len(zh[key]) <= 20  # LINE's action label limit


def test_production_refuses_to_start_without_a_hash_key(tmp_path: Path) -> None:
    env = {"BOT_ENV": "production", "LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t"}
    r = _cli_env(tmp_path, env, "serve", "--port", "0")
    assert r.returncode == 2 and "BOT_HASH_KEY" in r.stderr and "Traceback" not in r.stderr
    from config import Config, ConfigError

    with pytest.raises(ConfigError):
        Config.from_env({**env, "BOT_HASH_KEY": "short"})
    ok = Config.from_env({**env, "BOT_HASH_KEY": "k" * 64})
    assert ok.environment == "production" and ok.hash_salt == "k" * 64
    assert (
        Config.from_env({"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t"}).environment
        == "development"
    )


def test_hash_key_lives_beside_the_database_and_files_are_private(tmp_path: Path) -> None:
    import stat

    folder = tmp_path / "new" / "data"
    store = Store.open(folder / "bot.db")
    key = store.hash_salt(None)
    assert key == store.hash_salt(None) and len(key) >= 32
    key_file = folder / "bot.hashkey"
    assert key_file.read_bytes().strip() == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "bot.db").stat().st_mode) == 0o600
    assert store.get_setting("hash_salt") is None  # never in the database
    assert store.hash_salt("configured") == b"configured"
    store.close()
    # A database file others could read is made private at the next start.
    (folder / "bot.db").chmod(0o644)
    Store.open(folder / "bot.db").close()
    assert stat.S_IMODE((folder / "bot.db").stat().st_mode) == 0o600


def test_atomic_nests_and_rolls_back_alone(store: Store) -> None:
    with store.atomic():
        store.set_setting("a", "1")
        with pytest.raises(RuntimeError), store.atomic():
            store.set_setting("b", "2")
            raise RuntimeError("bad event")
        store.set_setting("c", "3")
    assert (store.get_setting("a"), store.get_setting("b"), store.get_setting("c")) == (
        "1",
        None,
        "3",
    )
    assert not store.db.conn.in_transaction


def _cli_env(tmp_path: Path, extra: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = bot_env(
        {"BOT_DB_PATH": str(tmp_path / "cli.db"), **extra}, drop_prefixes=("BOT_", "LINE_")
    )
    return run_bot(*args, cwd=tmp_path, env=env)
