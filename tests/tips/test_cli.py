"""The command-line contracts, run as real processes (`python bot.py ...`) against a real
SQLite file and the fake LINE platform on loopback."""

from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from devtools.fakeline import FakeLinePlatform, group_id, user_id
from storage import Incident, Store
from tests.support.cli import run_bot_async
from tests.support.tipkit import ETHICS, SECRET, TOKEN

ROOT = Path(__file__).resolve().parents[2]
G1 = group_id("cli-1")
G2 = group_id("cli-2")


@pytest.fixture
async def line() -> AsyncIterator[FakeLinePlatform]:
    async with FakeLinePlatform(SECRET, TOKEN, monthly_limit=1000) as p:
        p.add_friend(ETHICS, "Ethics")
        p.add_group(G1, "一組", {user_id(f"a{i}"): f"a{i}" for i in range(3)})
        p.add_group(G2, "二組", {user_id(f"b{i}"): f"b{i}" for i in range(2)})
        yield p


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "bot.db"
    store = Store.open(path)
    now = time.time()
    for gid, name in ((G1, "一組"), (G2, "二組")):
        store.upsert_group(gid, now, chat_type="group", joined_at=now, name=name)
    store.create_incident(
        Incident(
            id="i1",
            group_id=G1,
            chat_type="group",
            message_id="m1",
            sender_id=ETHICS,
            source="text",
            verdict="block",
            status="retracted",
            created_at=now - 3600,
            types=["tw_national_id"],
            resolved_at=now - 3000,
        )
    )
    store.close()
    return path


async def bot(
    line: FakeLinePlatform | None, db: Path, *args: str, stdin: bytes | None = None
) -> tuple[int, str, str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "BOT_DB_PATH": str(db),
        "LINE_CHANNEL_SECRET": SECRET if line else "",
        "LINE_CHANNEL_ACCESS_TOKEN": TOKEN if line else "",
        "LINE_API_BASE_URL": line.base_url if line else "",
        "BOT_PUBLIC_URL": "",
        "BOT_HASH_SALT": "cli-salt",
    }
    return await run_bot_async(*args, cwd=ROOT, env=env, stdin=stdin)


async def test_tips_list(db: Path) -> None:
    code, out, err = await bot(None, db, "tips", "list")
    assert code == 0
    assert len(out.strip().splitlines()) >= 30
    assert "8 case, 10 scenario" in err
    code, out, _ = await bot(None, db, "tips", "list", "--locale", "en")
    assert code == 0 and "Real" not in out and "Don't photograph screens" in out


async def test_tips_send_delivers_the_next_tip_now(line: FakeLinePlatform, db: Path) -> None:
    code, out, err = await bot(line, db, "tips", "send", "--group", G1)
    assert code == 0, err
    assert "delivered" in out
    (text,) = line.texts_to(G1)
    assert text.startswith("🔒 保密小叮嚀")
    code, _, err = await bot(line, db, "tips", "send", "--group", group_id("nowhere"))
    assert code == 1 and "unknown group" in err


async def test_tips_schedule_shows_sets_and_validates(db: Path) -> None:
    code, out, _ = await bot(None, db, "tips", "schedule", "--group", G1)
    assert code == 0 and "1/week every week on mon at 09:30, quiet 19:00-08:00" in out
    code, out, _ = await bot(
        None,
        db,
        "tips",
        "schedule",
        "--group",
        G1,
        "--days",
        "mon,wed,fri",
        "--per-week",
        "3",
        "--time",
        "10:15",
        "--quiet",
        "off",
        "--every",
        "2",
    )
    assert code == 0 and "3/week every 2 weeks on mon,wed,fri at 10:15, no quiet hours" in out
    code, out, _ = await bot(None, db, "tips", "schedule", "--group", G1, "--off")
    assert code == 0 and out.startswith(f"{G1}: OFF")
    code, _, err = await bot(None, db, "tips", "schedule", "--group", G1, "--days", "someday")
    assert code == 2 and "unknown day" in err


async def test_broadcast_needs_confirmation_then_goes_to_every_group(
    line: FakeLinePlatform, db: Path
) -> None:
    code, out, err = await bot(line, db, "broadcast", "請勿轉傳公務群組訊息", "--all")
    assert code == 1 and "2 個群組" in out and "預估 5 則" in out and "--yes" in err
    assert not line.texts_to(G1)
    code, out, err = await bot(line, db, "broadcast", "請勿轉傳公務群組訊息", "--all", "--yes")
    assert code == 0, err
    for gid in (G1, G2):
        assert line.texts_to(gid) == ["📢 政風室提醒\n請勿轉傳公務群組訊息"]
    code, out, err = await bot(line, db, "broadcast", "只給一組", "--group", G2, "--yes")
    assert code == 0 and "1 個群組" in out
    assert line.texts_to(G2)[-1].endswith("只給一組") and len(line.texts_to(G1)) == 1


async def test_report_text_json_and_chart_file(db: Path, tmp_path: Path) -> None:
    code, out, err = await bot(None, db, "report")
    assert code == 0, err
    assert "事件總數：1" in out and "已收回：1 件（100.0%），收回時間中位數 10 分鐘" in out
    saved = Path(out.strip().splitlines()[-1].split("存為 ", 1)[1])
    assert saved.exists() and saved.read_bytes().startswith(b"\x89PNG")
    chart = tmp_path / "trend.png"
    code, out, _ = await bot(None, db, "report", "--since", "30d", "--json", "--chart", str(chart))
    data = json.loads(out)
    assert code == 0 and data["incidents"]["total"] == 1 and data["chart_path"] == str(chart)
    assert data["period"]["days"] == 30 and ETHICS not in out
    assert chart.read_bytes().startswith(b"\x89PNG")
    code, _, err = await bot(None, db, "report", "--since", "forever")
    assert code == 2 and "7d" in err
