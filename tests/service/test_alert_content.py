"""What alerts and answers say, end to end through the webhook and the local LINE platform:
masked snippets that carry no confidential clause, one alert format for the first alert
and the escalation, per-type legal lines, each admin's own language, 1:1 /help, /status
without a shell command."""

from __future__ import annotations

from collections.abc import Callable

from devtools.fakeline import FakeLinePlatform, SentMessage, group_id, user_id
from line import messages
from tests.support.harness import ADMIN, ALICE, BOB, GROUP, GROUP_NAME, LEAK_1, LEAK_2, NID_1, Bot

WARRANT = "搜索票下來了，明天早上六點去林志明家"
TENDER = "明天開標，底價1,250,000 元，投標廠商有大華營造和信義工程"


def _has(text: str) -> Callable[[SentMessage], bool]:
    def match(s: SentMessage) -> bool:
        return any(text in t for t in s.texts)

    return match


async def test_a_warrant_alert_masks_the_clause_and_the_warning_cites_its_laws(
    bot: Bot, line: FakeLinePlatform
) -> None:
    await bot.send(line.text_event(ALICE, WARRANT, chat=GROUP))
    [alert] = await line.wait_for_messages(ADMIN, kind="push")
    body = alert.texts[0]
    assert "〔拘票搜索執行事項，已遮蔽〕" in body
    for gone in ("林志明", "六點", "票下來了", "[搜索]", "["):
        assert gone not in body, gone
    await bot.flush()
    warning = line.texts_to(GROUP)[-1]
    for law in ("刑事訴訟法第245條", "偵查不公開", "刑法第132條", "第2項", "過失"):
        assert law in warning, law
    assert "政府採購法" not in warning and "[搜索]" not in warning
    assert "林志明" not in warning


async def test_a_procurement_leak_escalates_without_digits_or_bidders(
    bot: Bot, line: FakeLinePlatform
) -> None:
    """A `warn` (no immediate alert): the escalation is the admins' first word of it."""
    await bot.send(line.text_event(ALICE, TENDER, chat=GROUP))
    await bot.flush()
    warning = line.texts_to(GROUP)[-1]
    assert "政府採購法第34條" in warning and "刑法第132條" in warning
    assert "[開標]" not in warning and "250,000" not in warning
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 1
    [esc] = await line.wait_for_messages(ADMIN, match=_has("逾時未收回"))
    body = esc.texts[0]
    assert "採購底價／投標資訊" in body
    for gone in ("250", "大華", "信義工程", "[開標]"):
        assert gone not in body, gone


async def test_the_escalation_is_the_first_alert_with_one_line_more(
    bot: Bot, line: FakeLinePlatform
) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    [first] = await line.wait_for_messages(ADMIN, kind="push")
    await bot.flush()
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 1
    [esc] = await line.wait_for_messages(ADMIN, match=_has("逾時未收回"))
    first_lines, esc_lines = first.texts[0].splitlines(), esc.texts[0].splitlines()
    assert esc_lines[0].startswith("⏰ 逾時未收回") and len(esc_lines) == len(first_lines) + 1
    # The same lines in the same order: the heading, group, sender, time, types, id alike;
    # the content line holds the masked value (the message text itself is not kept).
    for a, b in zip(first_lines, esc_lines[1:], strict=True):
        if a.startswith("內容"):
            assert b.startswith("內容（已遮蔽）：") and "K2******86" in b
        else:
            assert a == b
    assert GROUP_NAME in esc.texts[0] and "王小明" in esc.texts[0] and NID_1 not in esc.texts[0]


async def test_alerts_follow_the_recipients_language_not_the_groups(
    bot: Bot, line: FakeLinePlatform
) -> None:
    ethics = user_id("ethics-en")
    line.add_friend(ethics, "政風室")
    bot.store.add_role(ethics, "ethics", None, bot.clock.now())
    # The admin chooses English in their 1:1 chat; the group stays in Chinese.
    await bot.send(line.text_event(ADMIN, "/lang en"))
    await line.wait_for_messages(ADMIN, match=_has("English with you"))
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    [alert] = await line.wait_for_messages(ADMIN, match=_has("Confidentiality alert"))
    body = alert.texts[0]
    assert "national ID number" in body
    assert "K2******86" in body and GROUP_NAME in body and "保密通報" not in body
    assert alert.messages[1]["template"]["actions"][0]["label"] == "Acknowledge"
    await bot.flush()
    assert "請立即收回" in line.texts_to(GROUP)[-1]  # the group's own language
    # The sender (Chinese) says false positive: the admin is asked in English, with
    # English buttons, and the answer to their tap is in English too.
    [inc] = bot.store.list_incidents()
    fp = messages.pb_data("inc:fp", id=inc.id, r="public")
    await bot.send(line.postback_event(ALICE, fp))
    [ask] = await line.wait_for_messages(ADMIN, match=_has("reports a false positive"))
    labels = [a["label"] for a in ask.messages[1]["template"]["actions"]]
    assert "Not a false positive" in labels and "already public" in ask.texts[0]
    assert "已公開的資訊" not in ask.texts[0]
    overrule = messages.pb_data("inc:overrule", id=inc.id)
    await bot.send(line.postback_event(ADMIN, overrule))
    await line.wait_for_messages(ADMIN, match=_has("Overruled: incident"))
    # Unsent: the closing notice reaches the admin in English too.
    await bot.send(line.unsend_event(ALICE, inc.message_id, chat=GROUP))
    await line.wait_for_messages(ADMIN, match=_has("Unsent"))


async def test_help_in_a_one_to_one_chat_lists_what_works_there(
    bot: Bot, line: FakeLinePlatform
) -> None:
    await bot.send(line.text_event(ALICE, "/help"))
    [answer] = await line.wait_for_messages(ALICE, match=_has("/help"))
    text = answer.texts[0]
    for group_only in ("/status", "/admin", "/broadcast"):
        assert group_only not in text, group_only
    assert "/lang" in text and "/tip" in text
    assert "再轉傳" not in text and "不會轉傳" in text
    # The ethics unit also sees /broadcast, which works for it in 1:1.
    ethics = user_id("ethics-help")
    line.add_friend(ethics, "政風室")
    bot.store.add_role(ethics, "ethics", None, bot.clock.now())
    await bot.send(line.text_event(ethics, "/help"))
    [answer] = await line.wait_for_messages(ethics, match=_has("/help"))
    assert "/broadcast" in answer.texts[0] and "/status" not in answer.texts[0]
    # The group's /help still lists the group commands, without "forwarding" anything.
    await bot.send(line.text_event(BOB, "/help", chat=GROUP))
    [group_help] = await line.wait_for_messages(GROUP, match=_has("/status"))
    assert "再轉傳" not in group_help.texts[0] and "/admin" in group_help.texts[0]


async def test_status_and_admin_usage_show_members_no_shell_command(
    bot: Bot, line: FakeLinePlatform
) -> None:
    other = group_id("no-admin-yet")
    line.add_group(other, "新成立專案組", {BOB: "陳美玲"})
    await bot.send(line.text_event(BOB, "/status", chat=other))
    [status] = await line.wait_for_messages(other, match=_has("尚未設定管理者"))
    await bot.send(line.text_event(BOB, "/admin", chat=other))
    [usage] = await line.wait_for_messages(other, match=_has("/admin 代碼"))
    for text in (status.texts[0], usage.texts[0]):
        for shell in ("python", "bot.py", "--group", "`"):
            assert shell not in text, (shell, text)


async def test_the_escalation_of_a_warn_shows_its_masked_snippet_until_the_incident_goes(
    bot: Bot, line: FakeLinePlatform
) -> None:
    """The escalation is a `warn`'s first alert: it shows the masked snippet kept with the
    incident (the message text is not), each admin in their language; retention deletes it
    with the incident."""
    await bot.send(line.text_event(ALICE, TENDER, chat=GROUP))
    await bot.flush()
    [inc] = bot.store.list_incidents()
    assert inc.snippet and "〔採購保密事項，已遮蔽〕" in inc.snippet
    for raw in ("250", "大華", "開標", TENDER):
        assert raw not in inc.snippet, raw
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 1
    [esc] = await line.wait_for_messages(ADMIN, match=_has("逾時未收回"))
    body = esc.texts[0]
    assert "內容（已遮蔽）：" in body and "〔採購保密事項，已遮蔽〕" in body
    assert "不保存訊息內容" not in body and "250" not in body
    bot.clock.advance((bot.config.retention_days + 1) * 86400)
    purged = bot.store.purge(bot.clock.now(), bot.config.retention_days)
    assert purged["incidents"] == 1
    rows = bot.store.db.query("SELECT COUNT(*) AS n FROM incidents WHERE snippet IS NOT NULL")
    assert next(iter(rows))["n"] == 0


async def test_an_unsent_message_leaves_no_snippet(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.send(line.text_event(ALICE, TENDER, chat=GROUP))
    await bot.flush()
    [inc] = bot.store.list_incidents()
    await bot.send(line.unsend_event(ALICE, inc.message_id, chat=GROUP))
    await bot.flush()
    after = bot.store.incident(inc.id)
    assert after is not None and after.status == "retracted" and after.snippet is None
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 0


async def test_the_private_note_follows_the_senders_language_not_the_groups(
    bot: Bot, line: FakeLinePlatform
) -> None:
    """The sender chose English in their 1:1 chat; the group stays in Chinese: the group's
    warning is in Chinese, the note to the sender (text and buttons) in English."""
    await bot.send(line.text_event(ALICE, "/lang en"))
    await line.wait_for_messages(ALICE, match=_has("English with you"))
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    [note] = await line.wait_for_messages(ALICE, match=_has("Confidentiality notice"))
    body = note.texts[0]
    assert "national ID number" in body and "K2******86" in body and GROUP_NAME in body
    assert "LINE lets you unsend until" in body and "保密提醒" not in body
    assert "身分證" not in body and NID_1 not in body
    assert "After unsending" in str(note.messages[1])
    await bot.flush()
    assert "請立即收回" in line.texts_to(GROUP)[-1]
    # A Chinese-speaking sender still gets it in Chinese.
    await bot.send(line.text_event(ADMIN, LEAK_2, chat=GROUP))
    await line.wait_for_messages(ADMIN, match=_has("保密提醒"))
