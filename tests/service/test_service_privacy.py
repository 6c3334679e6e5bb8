"""Privacy by design: after a realistic session (leaks, unsend, escalation, postbacks,
self-checks), neither the database (its files, or every row on PostgreSQL) nor the logs
hold any raw value sent in; and the warn / block policy (what admins see and when)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from linebot.v3.webhooks import Event

from detectors.base import Finding, ScanResult
from devtools.fakeline import FakeLinePlatform
from handlers.webhook import Webhook
from incidents.open import act
from line.incoming import Incoming
from storage import open_store
from tests.support.harness import ADMIN, ALICE, BOB, GROUP, NID_1, NID_2, NID_3, Bot

RAW_VALUES = [NID_1, NID_2, NID_3, "0933-222-111", "0933222111", "王大明"]
MESSAGES = [
    f"請幫忙查一下 {NID_1} 這位民眾的戶籍資料",
    f"身分證 {NID_2} 的那位今天會來陳情",
    "民眾王大明的手機是0933-222-111，請回電",
    f"關係人 {NID_3} 電話 0933222111",
]


async def test_database_and_logs_hold_no_raw_values(
    bot: Bot, line: FakeLinePlatform, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    events = [
        line.text_event(ALICE if i % 2 else BOB, m, chat=GROUP) for i, m in enumerate(MESSAGES)
    ]
    for e in events:
        assert await bot.send(e) == 200
    await bot.send(line.text_event(ALICE, MESSAGES[2]))  # a 1:1 self-check
    await bot.flush()
    await line.wait_for_messages(ADMIN, count=2)
    await bot.send(line.unsend_event(BOB, events[0]["message"]["id"], chat=GROUP))
    await bot.flush()
    await bot.escalate(bot.config.escalation_grace_seconds + 1)
    await bot.flush()
    incidents = bot.store.list_incidents()
    assert len(incidents) >= 2  # the leaks were seen ...
    assert any(i.status == "retracted" for i in incidents)
    await bot.stop()  # flush SQLite's WAL into the file
    bot.runner = _Stopped()  # type: ignore[assignment]  # the fixture's stop() becomes a no-op

    blob = _database_bytes(bot)
    assert b"******" in blob  # the masked values are there: the dump is not empty
    logs = caplog.text
    for raw in RAW_VALUES:
        assert raw.encode() not in blob, f"raw value in the database: {raw[:3]}..."
        assert raw not in logs, f"raw value in the logs: {raw[:3]}..."
    for m in MESSAGES:
        assert m.encode() not in blob and m not in logs
    # ... and what was sent to LINE carries the masked forms only.
    sent_text = "\n".join(t for s in line.sent for t in s.texts)
    assert NID_1 not in sent_text and "K2******86" in sent_text


def _database_bytes(bot: Bot) -> bytes:
    """Everything the database holds: the SQLite files (WAL included), or on PostgreSQL
    every row of every table of the bot's schema, as text."""
    if not bot.config.database_url:
        folder = Path(bot.config.db_path).parent
        return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("bot.db"))
    store = open_store(bot.config.database_url, readonly=True)
    try:
        tables = [
            r[0]
            for r in store.db.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).fetchall()
        ]
        assert "incidents" in tables and "outbox" in tables
        rows = [
            r[0] for t in tables for r in store.db.execute(f"SELECT t::text FROM {t} t").fetchall()
        ]
    finally:
        store.close()
    return "\n".join(rows).encode()


class _Stopped:
    async def cleanup(self) -> None:
        return None


def _result(verdict: str) -> ScanResult:
    finding = Finding(
        type="phone_number",
        start=8,
        end=20,
        masked="09**-***-*11",
        score=0.7,
        rule="phone_number.mobile",
        digest="d" * 32,
    )
    return ScanResult(verdict=verdict, findings=[finding])  # type: ignore[arg-type]


async def _act(bot: Bot, line: FakeLinePlatform, verdict: str, text: str) -> str:
    raw = line.text_event(BOB, text, chat=GROUP)
    event = Event.from_dict(raw)
    await act(bot.deps, Incoming.of(event, bot.deps.lookups), _result(verdict), source="text")
    await bot.flush()
    return str(raw["message"]["id"])


async def test_warn_alerts_admins_only_after_grace(bot: Bot, line: FakeLinePlatform) -> None:
    """warn: a gentle group warning; admins hear of it only if not unsent in the grace."""
    await _act(bot, line, "warn", "民眾王大明的手機是0933-222-111")
    [warning] = await line.wait_for_messages(GROUP)
    assert "提醒" in warning.texts[0] and "09**-***-*11" in warning.texts[0]
    assert line.messages_to(ADMIN) == []
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 1
    [esc] = await line.wait_for_messages(ADMIN)
    assert "逾時未收回" in esc.texts[0]


async def test_block_alerts_admins_at_once(bot: Bot, line: FakeLinePlatform) -> None:
    await _act(bot, line, "block", "民眾王大明的手機是0933-222-111")
    [warning] = await line.wait_for_messages(GROUP)
    assert "請立即收回" in warning.texts[0]
    [alert] = await line.wait_for_messages(ADMIN)
    assert "保密通報" in alert.texts[0] and "09**-***-*11" in alert.texts[0]


async def test_repeat_value_alerts_admins_even_for_warn(bot: Bot, line: FakeLinePlatform) -> None:
    await _act(bot, line, "warn", "民眾王大明的手機是0933-222-111")
    await _act(bot, line, "warn", "再說一次：手機是0933-222-111")
    [alert] = await line.wait_for_messages(ADMIN)
    assert "先前已傳過相同的資料" in alert.texts[0]
    first, second = bot.store.list_incidents()
    assert second.repeat_of == first.id


async def test_allow_does_nothing_and_act_is_idempotent(bot: Bot, line: FakeLinePlatform) -> None:
    await _act(bot, line, "allow", "早安")
    assert line.sent == [] and bot.store.list_incidents() == []
    raw = line.text_event(BOB, "x", chat=GROUP)
    event = Event.from_dict(raw)
    for _ in range(2):
        await act(bot.deps, Incoming.of(event, bot.deps.lookups), _result("block"), source="ocr")
    await bot.flush()
    assert len(bot.store.list_incidents()) == 1
    assert bot.store.list_incidents()[0].source == "ocr"
    assert len(line.messages_to(GROUP)) == 1


def test_signature_check() -> None:
    from handlers.webhook import signature_ok

    assert signature_ok("s", b"{}", "Pf6ERCNY0dvNbsT5JchbZ4OojXqxWHpz8LRWDrD3T+c=") is False
    import base64
    import hashlib
    import hmac

    good = base64.b64encode(hmac.new(b"s", b"{}", hashlib.sha256).digest()).decode()
    assert signature_ok("s", b"{}", good)
    assert not signature_ok("s", b"{} ", good)
    assert not signature_ok("s", b"{}", "ｘ")  # non-ASCII header value, no crash
    assert Webhook is not None


def test_error_logs_name_the_place_not_the_message() -> None:
    from monitoring.logs import where_failed

    secret = "K257491186"
    table: dict[str, str] = {}
    try:
        table[secret]  # an error whose message would quote the data
    except KeyError as exc:
        described = where_failed(exc)
    assert secret not in described
    assert described.startswith("KeyError at ") and "test_service_privacy.py" in described
