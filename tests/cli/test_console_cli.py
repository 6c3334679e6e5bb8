"""The console's command-line side (issue #13): organisations for several agencies on one
bot (`bot.py admin org ...`), and an audit row for every command that reads or changes
incidents or organisations, shown with the console's audit log."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from storage import Incident, Store
from tests.support.cli import bot_env, run_bot

GROUP = "C" + "1" * 32
OTHER = "C" + "3" * 32
ETHICS = "U" + "e" * 32


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = bot_env({"HOME": str(cwd / "home")}, drop=["BOT_DB_PATH", "STATE_DIRECTORY"])
    return run_bot(*args, "--db", str(cwd / "bot.db"), cwd=cwd, env=env)


def test_organisations_are_set_listed_and_audited(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    store.upsert_group(GROUP, 1.0, chat_type="group")
    store.upsert_group(OTHER, 1.0, chat_type="group")
    store.add_role(ETHICS, "ethics", None, 1.0)
    store.close()
    assert run(tmp_path, "admin", "org", "group", GROUP, "health").returncode == 0
    assert run(tmp_path, "admin", "org", "group", OTHER, "welfare").returncode == 0
    r = run(tmp_path, "admin", "org", "ethics", ETHICS, "welfare")
    assert r.returncode == 0 and "welfare" in r.stdout
    r = run(tmp_path, "admin", "org", "ethics", "U" + "9" * 32, "welfare")
    assert r.returncode == 1 and "not in the ethics unit" in r.stdout
    listed = [
        json.loads(x) for x in run(tmp_path, "admin", "org", "list", "--json").stdout.splitlines()
    ]
    assert {"group_id": GROUP, "org": "health"} in listed
    assert {"ethics": ETHICS, "org": "welfare"} in listed
    store = Store.open(tmp_path / "bot.db")
    assert store.org_groups("welfare") == [OTHER] and store.ethics_org(ETHICS) == "welfare"
    rows = [(a["via"], a["action"], a["detail"]) for a in reversed(store.audit_list())]
    assert rows == [
        ("cli", "cli.org", "group:health"),
        ("cli", "cli.org", "group:welfare"),
        ("cli", "cli.org", "ethics:welfare"),
    ]
    store.close()
    assert run(tmp_path, "admin", "org", "ethics", ETHICS, "-").returncode == 0
    store = Store.open(tmp_path / "bot.db")
    assert store.ethics_org(ETHICS) is None
    store.close()


def test_incident_commands_leave_one_audit_row_each(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    store.create_incident(
        Incident("i1", GROUP, "group", "m1", "U" + "2" * 32, "text", "block", "open", 1.0)
    )
    store.close()
    for args in (("incidents",), ("incidents", "show", "i1"), ("incidents", "ack", "i1")):
        assert run(tmp_path, *args).returncode == 0, args
    assert run(tmp_path, "incidents", "reopen", "nope").returncode == 1  # nothing done
    store = Store.open(tmp_path / "bot.db")
    rows = [(a["actor"][:4], a["action"], a["incident_id"]) for a in reversed(store.audit_list())]
    assert rows == [
        ("cli:", "cli.incidents", None),
        ("cli:", "cli.incident.show", "i1"),
        ("cli:", "cli.incident.ack", "i1"),
    ]
    store.close()
