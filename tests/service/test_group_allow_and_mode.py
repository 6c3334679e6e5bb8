"""What the console sets per group, acted on through the real webhook and the local LINE
platform: a group's allow-list (text and photos), monitor-only mode, the grace period, and
`/ethics CODE` in a 1:1 chat."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from app import ocr_ctx
from detectors.policy import DEFAULT_POLICY
from devtools.fakeline import FakeLinePlatform, group_id
from handlers.media import media_idle
from incidents.allowlist import add_entry, try_sentence
from tests.support.harness import ADMIN, ALICE, BOB, GROUP, LEAK_1, Bot, start_bot

OTHER = group_id("other-unit")
PUBLIC_LINE = "王小明 電話 0912-345-678"  # the unit's public contact (a name and a number)
ASKED = "有問題請找王小明，電話0912345678，謝謝"
TENDER = "明天開標，底價250,000元"  # a procurement keyword, no value to hash


def _add(bot: Bot, text: str, group: str = GROUP) -> int:
    policy = bot.deps.policy or DEFAULT_POLICY
    entry_id, _ = add_entry(bot.store, policy, group, text, bot.deps.salt, bot.clock.now())
    return entry_id


async def test_an_allowed_sentence_warns_no_more_in_its_group_only(
    bot: Bot, line: FakeLinePlatform
) -> None:
    entry = _add(bot, PUBLIC_LINE)
    [stored] = bot.store.allow_entries(GROUP)
    assert stored.id == entry and "0912" not in stored.label and "王小明" not in stored.label
    assert await bot.send(line.text_event(ALICE, ASKED, chat=GROUP)) == 200
    await bot.flush()
    assert line.messages_to(GROUP) == [] and bot.store.list_incidents() == []
    assert bot.store.activity(GROUP)["scanned"] == 1
    # The same sentence in a group without the entry is warned about.
    assert await bot.send(line.text_event(ALICE, ASKED, chat=OTHER)) == 200
    await line.wait_for_messages(OTHER, kind="reply")
    [inc] = bot.store.list_incidents()
    assert inc.group_id == OTHER and "phone_number" in inc.types
    # A leak beside the allowed sentence still warns, about the leak alone.
    await bot.send(line.text_event(ALICE, f"{ASKED}。{LEAK_1}", chat=GROUP))
    await line.wait_for_messages(GROUP, kind="reply")
    inc = next(i for i in bot.store.list_incidents() if i.group_id == GROUP)
    assert inc.types == ["tw_national_id"]


async def test_a_keyword_sentence_is_allowed_word_for_word_not_by_its_keyword(
    bot: Bot, line: FakeLinePlatform
) -> None:
    _add(bot, TENDER)
    await bot.send(line.text_event(ALICE, "明天開標！底價 250000 元", chat=GROUP))
    await bot.flush()
    assert line.messages_to(GROUP) == []
    await bot.send(line.text_event(ALICE, "明天開標，底價260,000元", chat=GROUP))
    await line.wait_for_messages(GROUP, kind="reply")
    [inc] = bot.store.list_incidents()
    assert inc.types == ["procurement_secret"]


def test_the_test_box_explains_what_the_list_let_pass(bot: Bot) -> None:
    entry = _add(bot, PUBLIC_LINE)
    policy = bot.deps.policy or DEFAULT_POLICY
    result, used = try_sentence(bot.store, policy, GROUP, ASKED, bot.deps.salt)
    assert result.verdict == "allow" and used == [entry]
    why = [step for f in result.suppressed for step in f.why]
    assert f"allow-listed in this group (entry {entry})" in why
    other, used = try_sentence(bot.store, policy, OTHER, ASKED, bot.deps.salt)
    assert other.verdict == "warn" and used == []


async def test_monitor_only_records_and_tells_nobody(bot: Bot, line: FakeLinePlatform) -> None:
    bot.store.set_group_settings(GROUP, bot.clock.now(), mode="monitor")
    event = line.text_event(ALICE, LEAK_1, chat=GROUP)
    assert await bot.send(event) == 200
    await bot.flush()
    [inc] = bot.store.list_incidents()
    assert (inc.status, inc.verdict, inc.escalate_at) == ("open", "block", None)
    assert await bot.escalate(3600) == 0
    await bot.send(line.unsend_event(ALICE, event["message"]["id"], chat=GROUP))
    await bot.flush()
    assert line.sent == []  # no warning, note, alert, escalation, nor thanks for unsending
    assert bot.store.list_incidents()[0].status == "retracted"  # still recorded
    bot.store.set_group_settings(GROUP, bot.clock.now(), mode="enforce")
    await bot.send(line.text_event(BOB, LEAK_1.replace("查一下", "看一下"), chat=GROUP))
    await line.wait_for_messages(GROUP, kind="reply")


async def test_a_groups_grace_period_times_its_escalation(bot: Bot, line: FakeLinePlatform) -> None:
    bot.store.set_group_settings(GROUP, bot.clock.now(), grace_seconds=60)
    await bot.send(line.text_event(BOB, LEAK_1, chat=GROUP))
    await line.wait_for_messages(ADMIN, kind="push")
    assert await bot.escalate(55) == 0
    assert await bot.escalate(10) == 1


async def test_ethics_code_in_a_private_chat_joins_the_ethics_unit_once(
    bot: Bot, line: FakeLinePlatform
) -> None:
    code = bot.store.create_invite_code("ethics", None, bot.clock.now())
    await bot.send(line.text_event(ALICE, f"/ethics {code}"))
    [ok] = await line.wait_for_messages(ALICE, kind="reply")
    assert "已加入政風單位" in ok.texts[0] and bot.store.is_ethics(ALICE)
    await bot.send(line.text_event(BOB, f"/政風 {code.lower()}"))
    [bad] = await line.wait_for_messages(BOB, kind="reply")
    assert "代碼無效" in bad.texts[0] and not bot.store.is_ethics(BOB)
    # In a group it is no command: nobody answers, nobody becomes a member.
    other = bot.store.create_invite_code("ethics", None, bot.clock.now())
    await bot.send(line.text_event(BOB, f"/ethics {other}", chat=GROUP))
    await bot.flush()
    assert line.messages_to(GROUP) == [] and not bot.store.is_ethics(BOB)


@pytest.fixture
async def ocr_hook() -> AsyncIterator[str]:
    """An OCR engine at the network boundary that reads the unit's contact line in any photo."""

    async def handle(request: web.Request) -> web.StreamResponse:
        await request.read()
        box = [[10, 10], [600, 10], [600, 50], [10, 50]]
        return web.json_response({"lines": [{"text": ASKED, "box": box, "score": 0.98}]})

    app = web.Application()
    app.router.add_post("/ocr", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/ocr"
    await runner.cleanup()


async def test_an_allowed_sentence_in_a_photo_warns_no_more_in_its_group(
    line: FakeLinePlatform,
    tmp_path: Path,
    ordinary_jpeg: bytes,
    ocr_hook: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BOT_OCR_ENGINE", "http")
    monkeypatch.setenv("BOT_OCR_URL", ocr_hook)
    bot = await start_bot(line, tmp_path, contexts=[ocr_ctx], ocr_engine="http", ocr_url=ocr_hook)
    try:
        _add(bot, PUBLIC_LINE)
        assert await bot.send(line.image_event(ALICE, chat=OTHER, content=ordinary_jpeg)) == 200
        await line.wait_for_messages(OTHER, timeout=60)  # warned where nothing is allowed
        assert await bot.send(line.image_event(ALICE, chat=GROUP, content=ordinary_jpeg)) == 200
        await bot.idle()
        await media_idle(bot.deps)
        await bot.flush()
        incidents = bot.store.list_incidents()
        scanned = bot.store.activity(GROUP).get("scanned", 0)
    finally:
        await bot.stop()
    assert scanned == 1  # the photo was read in GROUP too, and let pass
    assert [(i.group_id, i.source) for i in incidents] == [(OTHER, "ocr")]
    assert line.messages_to(GROUP) == []


async def test_a_leak_edited_into_an_allowed_sentence_is_retracted(
    bot: Bot, line: FakeLinePlatform
) -> None:
    _add(bot, PUBLIC_LINE)
    leak = line.text_event(BOB, LEAK_1, chat=GROUP)
    await bot.send(leak)
    await line.wait_for_messages(ADMIN, kind="push")
    edited = json.loads(json.dumps(leak))
    edited["type"] = "messageEdited"
    edited["message"]["text"] = ASKED  # now only the unit's allowed contact line
    edited["webhookEventId"] = leak["webhookEventId"][:-4] + "EDIT"
    edited["timestamp"] = leak["timestamp"] + 1000
    await bot.send(edited)
    await bot.flush()
    [inc] = bot.store.list_incidents()
    assert inc.status == "retracted" and inc.masked == []
