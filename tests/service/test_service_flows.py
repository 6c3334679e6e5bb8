"""Every service flow end to end: signed webhooks into the real server, the bot's answers
read back from the local LINE platform, state from the real SQLite file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from devtools.fakeline import FakeLinePlatform, SentMessage
from tests.support.harness import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    GROUP_NAME,
    LEAK_1,
    LEAK_2,
    NID_1,
    ORDINARY,
    Bot,
)


def _has(text: str) -> Callable[[SentMessage], bool]:
    def match(s: SentMessage) -> bool:
        return any(text in t for t in s.texts)

    return match


async def test_leak_warns_group_notes_sender_and_alerts_admin(
    bot: Bot, line: FakeLinePlatform
) -> None:
    event = line.text_event(ALICE, LEAK_1, chat=GROUP)
    assert await bot.send(event) == 200
    [warning] = await line.wait_for_messages(GROUP, kind="reply")
    msg = warning.messages[0]
    # textV2 with a mention of the sender, quoting the message; masked value, never raw.
    assert msg["type"] == "textV2"
    assert msg["substitution"]["sender"]["mentionee"]["userId"] == ALICE
    assert msg["quoteToken"] == event["message"]["quoteToken"]
    text = line.texts_to(GROUP)[-1]
    assert text.startswith("@王小明")
    assert "K2******86" in text and NID_1 not in text
    assert "收回" in text and "個人資料保護法第41條" in text and "意圖營利" not in text
    # Private note with the three postback buttons (Alice is a friend).
    [note] = await line.wait_for_messages(ALICE, kind="push")
    buttons = note.messages[1]["template"]["actions"]
    assert [b["data"].split("&")[0] for b in buttons] == ["inc:unsent", "inc:fp", "inc:need"]
    # Admin alert: group name, display name, types, masked snippet, buttons.
    [alert] = await line.wait_for_messages(ADMIN, kind="push")
    body = alert.texts[0]
    for part in (GROUP_NAME, "王小明", "身分證字號", "K2******86", "請幫忙查一下"):
        assert part in body
    assert NID_1 not in body
    assert [a["data"].split("&")[0] for a in alert.messages[1]["template"]["actions"]] == [
        "inc:ack",
        "inc:dis",
    ]
    [inc] = bot.store.list_incidents()
    assert (inc.status, inc.verdict, inc.types) == ("open", "block", ["tw_national_id"])
    assert inc.message_id == event["message"]["id"] and inc.sender_id == ALICE
    assert inc.masked == ["K2******86"] and len(inc.digests) == 1


async def test_ordinary_chat_gets_no_answer(bot: Bot, line: FakeLinePlatform) -> None:
    for text in (ORDINARY, "收到，謝謝", "Noted 👍"):
        assert await bot.send(line.text_event(BOB, text, chat=GROUP)) == 200
    await bot.flush()
    assert line.sent == []
    assert bot.store.list_incidents() == []
    assert bot.store.activity(GROUP)["scanned"] == 3


async def test_non_friend_sender_gets_no_private_push(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.send(line.text_event(BOB, LEAK_2, chat=GROUP))
    await line.wait_for_messages(ADMIN, kind="push")
    await bot.flush()
    assert line.messages_to(BOB) == []  # profile 404 -> not a friend -> no push at all
    assert line.texts_to(GROUP)[-1].startswith("@陳美玲")


async def test_unsend_closes_incident_and_forgets_values(bot: Bot, line: FakeLinePlatform) -> None:
    event = line.text_event(ALICE, LEAK_1, chat=GROUP)
    await bot.send(event)
    await line.wait_for_messages(ADMIN)
    await bot.send(line.unsend_event(ALICE, event["message"]["id"], chat=GROUP))
    await line.wait_for_messages(ALICE, match=_has("已收到你的收回"))
    await line.wait_for_messages(ADMIN, match=_has("已收回"))
    [inc] = bot.store.list_incidents()
    assert inc.status == "retracted"
    assert inc.masked == [] and inc.digests == [] and inc.resolved_at is not None
    # No escalation after an unsend, however long we wait.
    assert await bot.escalate(3600) == 0


async def test_unsend_before_message_is_processed(bot: Bot, line: FakeLinePlatform) -> None:
    """Events out of order: the unsend arrives first, the late message is not acted on."""
    event = line.text_event(ALICE, LEAK_1, chat=GROUP)
    unsend = line.unsend_event(ALICE, event["message"]["id"], chat=GROUP)
    await bot.send(unsend)
    await bot.send(event)
    await bot.flush()
    assert line.messages_to(GROUP) == []
    [inc] = bot.store.list_incidents()
    assert inc.status == "retracted" and inc.masked == []


async def test_escalates_once_after_grace(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await line.wait_for_messages(ADMIN, kind="push")  # the immediate alert (block)
    await bot.flush()
    assert await bot.escalate(bot.config.escalation_grace_seconds - 5) == 0
    assert await bot.escalate(10) == 1
    [esc] = await line.wait_for_messages(ADMIN, match=_has("逾時未收回"))
    assert "陳美玲" not in esc.texts[0] and "王小明" in esc.texts[0]
    assert await bot.escalate(3600) == 0  # once
    await bot.flush()
    assert len([s for s in line.messages_to(ADMIN) if _has("逾時未收回")(s)]) == 1
    [inc] = bot.store.list_incidents()
    assert inc.status == "escalated" and inc.escalated_at is not None


async def test_escalation_worker_wakes_by_itself(line: FakeLinePlatform, tmp_path) -> None:
    """The background worker (not a test call) escalates when the deadline passes."""
    from devtools.clock import ManualClock
    from tests.support.harness import make_config

    b = Bot(line, make_config(line, tmp_path / "b.db", escalation_grace_seconds=0), ManualClock())
    await b.start()
    try:
        b.store.add_role(ADMIN, "admin", GROUP, b.clock.now())
        await b.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
        await line.wait_for_messages(ADMIN, match=_has("逾時未收回"), timeout=5)
    finally:
        await b.stop()


async def test_redelivery_is_processed_once(bot: Bot, line: FakeLinePlatform) -> None:
    event = line.text_event(ALICE, LEAK_1, chat=GROUP)
    assert await bot.send(event) == 200
    assert await bot.send(event, redelivery=True) == 200
    assert await bot.send(event, redelivery=True) == 200
    await bot.flush()
    await line.wait_for_messages(ADMIN)
    assert len(line.messages_to(GROUP)) == 1
    assert len(line.messages_to(ADMIN)) == 1
    assert len(bot.store.list_incidents()) == 1


async def test_bad_requests_are_refused(bot: Bot, line: FakeLinePlatform) -> None:
    event = line.text_event(ALICE, LEAK_1, chat=GROUP)
    assert await line.deliver(bot.url, [event], signature="bm90IHRoZSBzaWduYXR1cmU=") == 400
    assert await line.deliver(bot.url, [event], signature=None) == 400
    body = b'{"events": [}'
    assert await line.deliver(bot.url, body=body) == 400  # signed, but not JSON
    assert await line.deliver(bot.url, body=b'{"destination": "x"}') == 400  # no events
    assert await line.deliver(bot.url, body=b"\xff\xfe") == 400
    assert await line.deliver(bot.url, []) == 200  # LINE's "verify" button
    await bot.flush()
    assert line.sent == [] and bot.store.list_incidents() == []


async def test_expired_reply_token_falls_back_to_push(bot: Bot, line: FakeLinePlatform) -> None:
    event = line.text_event(ALICE, LEAK_1, chat=GROUP)
    line.expire_reply_tokens()
    await bot.send(event)
    [warning] = await line.wait_for_messages(GROUP, kind="push")
    assert warning.retry_key  # pushes carry X-Line-Retry-Key
    assert "K2******86" in line.texts_to(GROUP)[-1]
    assert ("POST", "/v2/bot/message/reply", 400) in line.requests


async def test_line_500s_then_recovery(bot: Bot, line: FakeLinePlatform) -> None:
    line.fail_next(3, 500, "/v2/bot/message/reply")
    line.fail_next(2, 503, "/v2/bot/message/push")
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await line.wait_for_messages(GROUP, timeout=10)
    await line.wait_for_messages(ADMIN, timeout=10)
    await line.wait_for_messages(ALICE, timeout=10)
    await bot.flush()
    statuses = [s for m, p, s in line.requests if p == "/v2/bot/message/reply"]
    assert statuses[:3] == [500, 500, 500] and statuses[-1] == 200
    assert len(line.messages_to(GROUP)) == 1
    assert bot.store.outbox_counts().get("pending", 0) == 0


async def test_lost_push_response_is_not_sent_twice(bot: Bot, line: FakeLinePlatform) -> None:
    """LINE accepted the push but the answer was lost (500): the retry with the same
    X-Line-Retry-Key gets 409 and counts as delivered; the admin sees one alert."""
    line.fail_next(1, 500, "/v2/bot/message/push", accept=True)
    await bot.send(line.text_event(BOB, LEAK_2, chat=GROUP))
    await line.wait_for(lambda: ("POST", "/v2/bot/message/push", 409) in line.requests, timeout=10)
    await bot.flush()
    assert len(line.messages_to(ADMIN)) == 1
    rows = bot.store.outbox_rows()
    assert any(r.last_error and r.last_error.startswith("409") for r in rows)
    assert all(r.status == "sent" for r in rows)


async def test_rate_limit_honours_retry_after(bot: Bot, line: FakeLinePlatform) -> None:
    line.fail_next(1, 429, "/v2/bot/message/push", retry_after=1)
    await bot.send(line.text_event(BOB, LEAK_2, chat=GROUP))
    await line.wait_for_messages(ADMIN, timeout=10)
    pushes = [s for _m, p, s in line.requests if p == "/v2/bot/message/push"]
    assert pushes == [429, 200]


async def test_restart_delivers_pending_outbox_once(line: FakeLinePlatform, tmp_path) -> None:
    from devtools.clock import ManualClock
    from storage import open_store
    from tests.support.harness import make_config

    config = make_config(line, tmp_path / "bot.db")
    first = Bot(line, config, ManualClock())
    await first.start()
    first.store.add_role(ADMIN, "admin", GROUP, first.clock.now())
    line.set_down(True)  # LINE answers 503 to everything
    await first.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await first.idle()
    await line.wait_for(lambda: any(s == 503 for *_x, s in line.requests))
    await first.stop()  # the bot is stopped with messages still waiting
    store = open_store(config.database)
    # waiting, or cut short mid-send by the stop (resumed at the next start)
    pending = {r.kind for r in store.outbox_rows() if r.status in ("pending", "sending")}
    store.close()
    assert {"warning", "note", "alert"} <= pending
    assert line.sent == []

    line.set_down(False)
    second = Bot(line, config, ManualClock())
    await second.start()
    try:
        await line.wait_for_messages(GROUP, timeout=10)
        await line.wait_for_messages(ADMIN, timeout=10)
        await second.flush()
        assert len(line.messages_to(GROUP)) == 1  # the warning, as a push (token too old or used)
        await line.wait_for_messages(ALICE, timeout=10)
        assert len(line.messages_to(ADMIN)) == 1
        assert len(line.messages_to(ALICE)) == 1
        assert second.store.outbox_counts().get("pending", 0) == 0
    finally:
        await second.stop()


async def test_killed_mid_send_resends_with_same_retry_key(
    line: FakeLinePlatform, tmp_path
) -> None:
    """A row left `sending` by a killed process is retried after restart with its retry key."""
    from devtools.clock import ManualClock
    from storage import open_store
    from tests.support.harness import make_config

    config = make_config(line, tmp_path / "bot.db")
    store = open_store(config.database)
    store.outbox_add(
        kind="alert",
        messages=[{"type": "text", "text": "hello"}],
        now=0.0,
        to_id=ADMIN,
        retry_key="1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        priority=90,
    )
    store.outbox_claim_due(1.0)  # now `sending`, as if the process died here
    store.close()
    b = Bot(line, config, ManualClock())
    await b.start()
    try:
        [sent] = await line.wait_for_messages(ADMIN)
        assert sent.retry_key == "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    finally:
        await b.stop()


async def test_postbacks_sender_false_positive_and_admin_actions(
    bot: Bot, line: FakeLinePlatform
) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    [note] = await line.wait_for_messages(ALICE)
    await line.wait_for_messages(ADMIN)
    inc_id = bot.store.list_incidents()[0].id
    data = {a["label"]: a["data"] for a in note.messages[1]["template"]["actions"]}
    # "I have unsent it" before the unsend event: not yet.
    await bot.send(line.postback_event(ALICE, data["我已收回"]))
    await line.wait_for_messages(ALICE, match=_has("還沒收到收回"))
    # Someone else cannot answer for Alice.
    await bot.send(line.postback_event(BOB, data["誤判（說明原因）"]))
    await line.wait_for_messages(BOB, match=_has("只有傳送者本人"))
    # False positive: a quick reply with reason codes, then the chosen reason.
    await bot.send(line.postback_event(ALICE, data["誤判（說明原因）"]))
    [ask] = await line.wait_for_messages(ALICE, match=_has("請選擇誤判的原因"))
    quick = ask.messages[0]["quickReply"]["items"]
    own = next(q["action"]["data"] for q in quick if q["action"]["label"] == "是我自己的資料")
    await bot.send(line.postback_event(ALICE, own))
    await line.wait_for_messages(ALICE, match=_has("已記錄為誤判"))
    await line.wait_for_messages(ADMIN, match=_has("傳送者回報為誤判"))
    inc = bot.store.incident(inc_id)
    # LEAK_1 is a block: the sender's false positive is provisional until a reviewer decides.
    assert inc is not None and (inc.status, inc.reason) == (
        "dismissed_provisional",
        "reason:own_data",
    )
    # A non-admin cannot acknowledge; the admin can (overriding the sender's claim).
    await bot.send(line.postback_event(BOB, f"inc:ack&id={inc_id}"))
    await line.wait_for_messages(BOB, match=_has("只有這個群組的管理者"))
    await bot.send(line.postback_event(ADMIN, f"inc:ack&id={inc_id}"))
    await line.wait_for_messages(ADMIN, match=_has("已確認"))
    inc = bot.store.incident(inc_id)
    assert inc is not None and inc.status == "acknowledged" and inc.resolved_by == ADMIN
    assert await bot.escalate(3600) == 0


async def test_official_need_and_admin_dismiss(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await line.wait_for_messages(ADMIN)
    inc_id = bot.store.list_incidents()[0].id
    await bot.send(line.postback_event(ALICE, f"inc:need&id={inc_id}&r=case"))
    await line.wait_for_messages(ALICE, match=_has("已記錄為公務需要"))
    assert bot.store.incident(inc_id).status == "justified"  # type: ignore[union-attr]
    await bot.send(line.postback_event(ADMIN, f"inc:dis&id={inc_id}"))
    await line.wait_for_messages(ADMIN, match=_has("已撤銷"))
    assert bot.store.incident(inc_id).status == "dismissed"  # type: ignore[union-attr]
    await bot.send(line.postback_event(ADMIN, "inc:ack&id=doesnotexist"))
    await line.wait_for_messages(ADMIN, match=_has("找不到這個事件"))


async def test_group_commands(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.send(line.text_event(BOB, "/help", chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("/status"))
    # /lang by a non-admin is refused when the group has admins; the admin may.
    await bot.send(line.text_event(BOB, "/lang en", chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("只有本群組管理者"))
    await bot.send(line.text_event(ADMIN, "/lang en", chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("I will speak English"))
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("Please unsend"))
    await bot.send(line.text_event(ALICE, "/status", chat=GROUP))
    [status] = await line.wait_for_messages(GROUP, match=_has("Messages checked"))
    assert "Warnings: 1" in status.texts[0] and "Admins: 1" in status.texts[0]
    await bot.send(line.text_event(ADMIN, "/語言 zh-TW", chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("繁體中文"))


async def test_admin_code_claim(bot: Bot, line: FakeLinePlatform) -> None:
    code = bot.store.create_admin_code(GROUP, bot.clock.now())
    await bot.send(line.text_event(BOB, "/admin WRONGCODE", chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("代碼無效"))
    await bot.send(line.text_event(BOB, f"/admin {code}", chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("已設定為本群組的管理者"))
    assert BOB in bot.store.group_admins(GROUP)
    await bot.send(line.text_event(ALICE, f"/admin {code}", chat=GROUP))  # one-time
    await line.wait_for_messages(GROUP, count=2, match=_has("代碼無效"))
    assert ALICE not in bot.store.group_admins(GROUP)
    assert not any(code in t for t in line.texts_to(GROUP))


async def test_no_admins_falls_back_to_ethics_unit(bot: Bot, line: FakeLinePlatform) -> None:
    ethics = "U" + "e" * 32
    line.add_friend(ethics, "政風室")
    bot.store.remove_role(ADMIN, "admin", GROUP)
    bot.store.add_role(ethics, "ethics", None, bot.clock.now())
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    [alert] = await line.wait_for_messages(ethics)
    assert GROUP_NAME in alert.texts[0]


async def test_one_to_one_is_a_self_check(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1))
    [answer] = await line.wait_for_messages(ALICE, kind="reply")
    assert "K2******86" in answer.texts[0] and NID_1 not in answer.texts[0]
    await bot.send(line.text_event(ALICE, ORDINARY))
    await line.wait_for_messages(ALICE, match=_has("沒有發現"))
    assert bot.store.list_incidents() == []


async def test_join_follow_and_member_joined(bot: Bot, line: FakeLinePlatform) -> None:
    other = "C" + "1" * 32
    await bot.send(line.join_event(other))
    await line.wait_for_messages(other, match=_has("隱私承諾"))
    assert bot.store.group(other)["locale"] == "zh-TW"  # type: ignore[index]
    await bot.send(line.follow_event(BOB, "陳美玲"))
    await line.wait_for_messages(BOB, match=_has("謝謝加我為好友"))
    assert bot.store.user(BOB)["is_friend"] == 1  # type: ignore[index]
    await bot.send(line.member_joined_event(GROUP, {"U" + "2" * 32: "新人"}))
    await line.wait_for_messages(GROUP, match=_has("歡迎加入"))
    await bot.send(line.unfollow_event(BOB))
    await bot.idle()
    assert bot.store.user(BOB)["is_friend"] == 0  # type: ignore[index]


async def test_image_without_image_module_does_not_crash(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.send(line.image_event(BOB, chat=GROUP))
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await line.wait_for_messages(GROUP)  # the next event is still served


async def test_healthz(bot: Bot, line: FakeLinePlatform) -> None:
    import aiohttp

    async with (
        aiohttp.ClientSession() as s,
        s.get(f"http://127.0.0.1:{bot.port}/healthz") as resp,
    ):
        body = json.loads(await resp.text())
    assert resp.status == 200 and body["status"] == "alive" and body["storage_failures"] == 0


async def test_unsend_window_caps_the_grace_period(line: FakeLinePlatform, tmp_path: Path) -> None:
    """Once LINE no longer lets the sender unsend, waiting longer is pointless: escalate."""
    from devtools.clock import ManualClock
    from tests.support.harness import make_config

    config = make_config(line, tmp_path / "w.db", unsend_window_seconds=60)
    b = Bot(line, config, ManualClock())
    await b.start()
    try:
        b.store.add_role(ADMIN, "admin", GROUP, b.clock.now())
        # Sent at the bot's clock: the window is counted from the event's timestamp, and a
        # slow start-up on a loaded machine must not move it past the clock's 61 s below.
        ts = int(b.clock.now() * 1000)
        await b.send(line.text_event(ALICE, LEAK_1, chat=GROUP, timestamp_ms=ts))
        [note] = await line.wait_for_messages(ALICE)
        assert "前可以收回" in note.texts[0]
        await b.flush()
        assert await b.escalate(61) == 1
        # The window counts from the message's LINE timestamp, taken after the start (a
        # migration on PostgreSQL takes about a second): well past it, whatever the start took.
        b.clock.advance(30)
        inc_id = b.store.list_incidents()[0].id
        await b.send(line.postback_event(ALICE, f"inc:unsent&id={inc_id}"))
        await line.wait_for_messages(ALICE, match=_has("已超過 LINE 可收回的時間"))
    finally:
        await b.stop()


def _edited(event: dict[str, Any], text: str, line: FakeLinePlatform) -> dict[str, Any]:
    """LINE's messageEdited event for `event`'s message (same id, new text, new event id)."""
    edited = json.loads(json.dumps(event))
    edited["type"] = "messageEdited"
    edited["message"]["text"] = text
    edited["webhookEventId"] = event["webhookEventId"][:-4] + "EDIT"
    edited["timestamp"] = event["timestamp"] + 1000
    edited["replyToken"] = line.text_event(BOB, "x", chat=GROUP)["replyToken"]
    return edited


async def test_edits_are_rescanned(bot: Bot, line: FakeLinePlatform) -> None:
    clean = line.text_event(ALICE, ORDINARY, chat=GROUP)
    await bot.send(clean)
    await bot.send(_edited(clean, LEAK_1, line))  # edited into a leak: acted on
    await line.wait_for_messages(GROUP, match=_has("K2******86"))
    leak = line.text_event(BOB, LEAK_2, chat=GROUP)
    await bot.send(leak)
    await line.wait_for_messages(ADMIN, count=2)
    await bot.send(_edited(leak, "（已刪除）", line))  # edited clean: the data is gone
    await line.wait_for_messages(ADMIN, match=_has("已收回"))
    by_message = {i.message_id: i for i in bot.store.list_incidents()}
    assert by_message[clean["message"]["id"]].status == "open"
    assert by_message[leak["message"]["id"]].status == "retracted"


async def test_room_leak_is_handled_like_a_group(bot: Bot, line: FakeLinePlatform) -> None:
    from devtools.fakeline import room_id

    room = room_id("ad-hoc")
    line.add_room(room, {ALICE: "王小明", BOB: "陳美玲"})
    bot.store.add_role(ADMIN, "admin", room, bot.clock.now())
    await bot.send(line.text_event(ALICE, LEAK_1, chat=room))
    [warning] = await line.wait_for_messages(room)
    assert warning.messages[0]["substitution"]["sender"]["mentionee"]["userId"] == ALICE
    [alert] = await line.wait_for_messages(ADMIN)
    assert "多人聊天室" in alert.texts[0] and "王小明" in alert.texts[0]
    [inc] = bot.store.list_incidents()
    assert (inc.chat_type, inc.group_id) == ("room", room)


async def test_standby_unknown_and_odd_events_are_skipped(bot: Bot, line: FakeLinePlatform) -> None:
    standby = line.text_event(ALICE, LEAK_1, chat=GROUP)
    standby["mode"] = "standby"  # another channel is handling this chat
    unknown = {**line.text_event(BOB, ORDINARY, chat=GROUP), "type": "somethingNew"}
    body = line.webhook_body([standby, unknown])
    body = body.replace(b'"events":[', b'"events":[42,"x",')
    assert await line.deliver(bot.url, body=body) == 200
    await bot.send(line.text_event(BOB, LEAK_2, chat=GROUP))  # still served afterwards
    await line.wait_for_messages(GROUP)
    await bot.flush()
    assert len(line.messages_to(GROUP)) == 1
    assert [i.sender_id for i in bot.store.list_incidents()] == [BOB]


async def test_anonymous_sender_is_warned_without_mention(bot: Bot, line: FakeLinePlatform) -> None:
    """LINE leaves userId out for some senders (PC/Mac, no consent): warn without a mention,
    no private note, the alert says the sender is unknown."""
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP, anonymous=True))
    [warning] = await line.wait_for_messages(GROUP)
    assert warning.messages[0]["type"] == "text" and "K2******86" in warning.texts[0]
    assert "{sender}" not in warning.texts[0]
    [alert] = await line.wait_for_messages(ADMIN)
    assert "未知成員" in alert.texts[0]
    await bot.flush()
    assert line.messages_to(ALICE) == []
    [inc] = bot.store.list_incidents()
    assert inc.sender_id is None and inc.status == "open"


async def test_status_shows_a_provisional_false_positive_as_awaiting_review(
    bot: Bot, line: FakeLinePlatform
) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))  # a block
    await bot.flush()
    [inc] = bot.store.list_incidents()
    assert inc.verdict == "block"
    await bot.send(line.postback_event(ALICE, f"inc:fp&id={inc.id}&r=own_data"))
    await line.wait_for_messages(ADMIN, match=_has("傳送者回報為誤判"))
    assert bot.store.incident(inc.id).status == "dismissed_provisional"  # type: ignore[union-attr]
    await bot.send(line.text_event(BOB, "/status", chat=GROUP))
    [status] = await line.wait_for_messages(GROUP, match=_has("本群組狀態"))
    body = status.texts[0]
    assert "發出提醒：1" in body and "待處理：0" in body and "誤判待確認：1" in body
