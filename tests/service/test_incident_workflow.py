"""The incident workflow of #13 end to end: signed webhooks into the real server, the bot's
messages read back from the local LINE platform, the buttons it sent pressed as postbacks,
state and timeline from the real SQLite file, and `bot.py incidents show` as a process.

The three cases of the issue's "Why", and one incident's timeline from warning to unsend.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from devtools.fakeline import FakeLinePlatform, SentMessage, user_id
from tests.support.cli import bot_env, run_bot_async
from tests.support.harness import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    GROUP_NAME,
    LEAK_1,
    NID_1,
    Bot,
    start_bot,
)

ETHICS = user_id("ethics-officer")
# A whistleblower's identity read out to the accused (block: a name tied to a complaint).
WHISTLEBLOWER = "檢舉你們工廠的是 李曉雯，就住你們隔壁"
# A name and a street address: a warning, not a block.
ADDRESS = "王大明住在台北市中正區重慶南路一段122號"


def _has(text: str) -> Callable[[SentMessage], bool]:
    def match(s: SentMessage) -> bool:
        return any(text in t for t in s.texts)

    return match


def _buttons(sent: SentMessage) -> dict[str, str]:
    """label -> postback data of every button (buttons template or carousel) in one send."""
    out: dict[str, str] = {}
    for m in sent.messages:
        template = m.get("template") or {}
        for col in [template, *template.get("columns", [])]:
            for a in col.get("actions", []):
                out.setdefault(a["label"], a["data"])
    return out


def _ethics(bot: Bot, line: FakeLinePlatform) -> None:
    line.add_friend(ETHICS, "政風室王專員")
    bot.store.add_role(ETHICS, "ethics", None, bot.clock.now())


async def test_whistleblower_leak_in_a_group_with_an_admin_reaches_the_ethics_unit(
    bot: Bot, line: FakeLinePlatform
) -> None:
    _ethics(bot, line)
    await bot.send(line.text_event(ALICE, WHISTLEBLOWER, chat=GROUP))
    [to_admin] = await line.wait_for_messages(ADMIN, match=_has("保密通報"))
    [to_ethics] = await line.wait_for_messages(ETHICS, match=_has("保密通報"))
    assert GROUP_NAME in to_ethics.texts[0] and "李曉雯" not in to_ethics.texts[0]
    assert list(_buttons(to_ethics)) == list(_buttons(to_admin)) == ["已確認處理", "誤判，撤銷"]
    # the escalation too
    await bot.flush()
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 1
    await line.wait_for_messages(ADMIN, match=_has("逾時未收回"))
    await line.wait_for_messages(ETHICS, match=_has("逾時未收回"))
    [inc] = bot.store.list_incidents()
    rows = {e.kind: e.detail for e in bot.store.incident_events(inc.id)}
    assert rows["alerted"] == rows["escalated"] == "admin=1,ethics=1"
    # A national ID alone is not an ethics type: that alert stays with the group's admin.
    await bot.send(line.text_event(BOB, f"身分證 {NID_1} 的那位今天會來陳情", chat=GROUP))
    await line.wait_for_messages(ADMIN, count=2, match=_has("保密通報"))
    await bot.flush()
    # (the escalation is the first alert's format with one line more: count first alerts)
    firsts = [s for s in line.messages_to(ETHICS) if _has("保密通報")(s) and not _has("逾時")(s)]
    assert len(firsts) == 1


async def test_routing_in_the_policy_file_decides_what_the_ethics_unit_gets(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('[routing]\nethics_types = ["tw_national_id"]\n', encoding="utf-8")
    b = await start_bot(line, tmp_path, policy_path=policy)
    try:
        _ethics(b, line)
        await b.send(line.text_event(ALICE, WHISTLEBLOWER, chat=GROUP))  # no longer copied
        await b.send(line.text_event(ALICE, LEAK_1, chat=GROUP))  # now copied
        await line.wait_for_messages(ADMIN, count=2, match=_has("保密通報"))
        [copy] = await line.wait_for_messages(ETHICS, match=_has("保密通報"))
        await b.flush()
        assert "K2******86" in copy.texts[0]
        assert len([s for s in line.messages_to(ETHICS) if _has("保密通報")(s)]) == 1
    finally:
        await b.stop()


async def test_a_senders_false_positive_on_a_block_stays_provisional_until_the_admin_decides(
    bot: Bot, line: FakeLinePlatform
) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    [note] = await line.wait_for_messages(ALICE, match=_has("收回"))
    await line.wait_for_messages(ADMIN)
    [inc] = bot.store.list_incidents()
    await bot.send(line.postback_event(ALICE, _buttons(note)["誤判（說明原因）"] + "&r=public"))
    await line.wait_for_messages(ALICE, match=_has("請管理者確認"))
    [ask] = await line.wait_for_messages(ADMIN, match=_has("誤判須由管理者或政風單位確認"))
    buttons = _buttons(ask)
    assert list(buttons) == ["確認是誤判", "不是誤判"]
    assert bot.store.incident(inc.id).status == "dismissed_provisional"  # type: ignore[union-attr]
    # Not cancelled: the escalation still comes, with the same pair of buttons.
    await bot.flush()
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 1
    [esc] = await line.wait_for_messages(ADMIN, match=_has("逾時未收回"))
    assert "待確認" in esc.texts[0] and list(_buttons(esc)) == ["確認是誤判", "不是誤判"]
    assert bot.store.incident(inc.id).status == "dismissed_provisional"  # type: ignore[union-attr]
    # The sender cannot press the reviewers' buttons; the admin confirms.
    await bot.send(line.postback_event(ALICE, buttons["確認是誤判"]))
    await line.wait_for_messages(ALICE, match=_has("只有這個群組的管理者"))
    await bot.send(line.postback_event(ADMIN, buttons["確認是誤判"]))
    await line.wait_for_messages(ADMIN, match=_has("已確認誤判"))
    after = bot.store.incident(inc.id)
    assert after is not None and (after.status, after.resolved_by) == ("dismissed", ADMIN)
    # Pressed again: nothing changes.
    await bot.send(line.postback_event(ADMIN, buttons["確認是誤判"]))
    await line.wait_for_messages(ADMIN, match=_has("不需要再處理"))
    kinds = [(e.kind, e.actor_role) for e in bot.store.incident_events(inc.id)]
    assert ("dismissed", "sender") in kinds and ("dismissal_confirmed", "admin") in kinds


async def test_an_overrule_by_the_admin_asks_the_sender_again(
    bot: Bot, line: FakeLinePlatform
) -> None:
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await line.wait_for_messages(ADMIN)
    [inc] = bot.store.list_incidents()
    await bot.send(line.postback_event(ALICE, f"inc:fp&id={inc.id}&r=not_sensitive"))
    [ask] = await line.wait_for_messages(ADMIN, match=_has("誤判須由管理者或政風單位確認"))
    await bot.send(line.postback_event(ADMIN, _buttons(ask)["不是誤判"]))
    await line.wait_for_messages(ADMIN, match=_has("已駁回誤判"))
    await line.wait_for_messages(ALICE, match=_has("不是誤判"))
    after = bot.store.incident(inc.id)
    assert after is not None and after.status == "acknowledged"
    await bot.flush()
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 0


async def test_an_admin_named_later_gets_the_groups_open_incidents_in_one_message(
    bot: Bot, line: FakeLinePlatform
) -> None:
    bot.store.remove_role(ADMIN, "admin", GROUP)  # a group with no admin and no ethics unit
    line.add_friend(BOB, "陳美玲")
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await bot.send(line.text_event(ALICE, WHISTLEBLOWER, chat=GROUP))
    await bot.send(line.text_event(ALICE, ADDRESS, chat=GROUP))
    await line.wait_for_messages(GROUP, count=3)
    await bot.flush()
    first, second, third = bot.store.list_incidents()
    await bot.send(line.postback_event(ALICE, f"inc:fp&id={first.id}&r=own_data"))
    await bot.send(line.unsend_event(ALICE, third.message_id, chat=GROUP))  # closed: not listed
    await bot.flush()
    code = bot.store.create_admin_code(GROUP, bot.clock.now())
    await bot.send(line.text_event(BOB, f"/admin {code}", chat=GROUP))
    await line.wait_for_messages(GROUP, match=_has("已設定為本群組的管理者"))
    [summary] = await line.wait_for_messages(BOB, match=_has("待處理的保密事件"))
    await bot.flush()
    assert len(line.messages_to(BOB)) == 1  # one push, not one per incident
    text = summary.texts[0]
    assert first.id in text and second.id in text and third.id not in text
    assert "誤判待確認" in text and "李曉雯" not in text and NID_1 not in text
    columns = summary.messages[1]["template"]["columns"]
    data = [[a["data"].split("&")[0] for a in c["actions"]] for c in columns]
    assert data == [["inc:confirm", "inc:overrule"], ["inc:ack", "inc:dis"]]
    # the buttons work for the new admin
    await bot.send(line.postback_event(BOB, columns[1]["actions"][0]["data"]))
    await line.wait_for_messages(BOB, match=_has(f"事件 {second.id} 標記為"))
    assert bot.store.incident(second.id).status == "acknowledged"  # type: ignore[union-attr]
    for inc in (first, second):
        assert "handed_over" in [e.kind for e in bot.store.incident_events(inc.id)]


async def test_an_admin_named_from_the_command_line_gets_the_open_incidents_too(
    bot: Bot, line: FakeLinePlatform, tmp_path: Path
) -> None:
    """`bot.py admin add --group` hands over like `/admin CODE`: the command queues the push
    (in the new admin's language) and the running service delivers it."""
    line.add_friend(BOB, "陳美玲")
    await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP))
    await bot.send(line.text_event(ALICE, ADDRESS, chat=GROUP))
    await line.wait_for_messages(GROUP, count=2)
    await bot.flush()
    first, second = bot.store.list_incidents()
    env = bot_env({"BOT_HASH_KEY": bot.config.hash_salt or ""}, drop_prefixes=("LINE_", "BOT_"))
    db = str(bot.config.database)
    code, out, err = await run_bot_async(
        "admin", "add", BOB, "--group", GROUP, "--db", db, cwd=tmp_path, env=env
    )
    assert code == 0, err
    assert "added to" in out and "2 open incident(s) queued" in out
    await bot.flush()
    [summary] = await line.wait_for_messages(BOB, match=_has("待處理的保密事件"))
    text = summary.texts[0]
    assert first.id in text and second.id in text and NID_1 not in text
    assert len(summary.messages[1]["template"]["columns"]) == 2
    for inc in (first, second):
        kinds = [e.kind for e in bot.store.incident_events(inc.id)]
        assert kinds.count("handed_over") == 1
    # Named again: nothing new is sent (as a used code hands over nothing twice).
    code, out, _ = await run_bot_async(
        "admin", "add", BOB, "--group", GROUP, "--db", db, cwd=tmp_path, env=env
    )
    assert code == 0 and "was already in" in out and "queued" not in out


async def test_one_incidents_timeline_from_warning_to_unsend(
    bot: Bot, line: FakeLinePlatform, tmp_path: Path
) -> None:
    event = line.text_event(ALICE, ADDRESS, chat=GROUP)
    await bot.send(event)
    [note] = await line.wait_for_messages(ALICE, match=_has("收回"))
    await bot.flush()
    [inc] = bot.store.list_incidents()
    assert inc.verdict == "warn"
    # (The outbox keeps real time, for its back-off; the people below answer minutes later.)
    bot.clock.advance(120)
    # The sender: false positive (final for a warning); the admin gets an overrule button.
    await bot.send(line.postback_event(ALICE, _buttons(note)["誤判（說明原因）"] + "&r=public"))
    [told] = await line.wait_for_messages(ADMIN, match=_has("傳送者回報為誤判"))
    assert bot.store.incident(inc.id).status == "dismissed"  # type: ignore[union-attr]
    bot.clock.advance(300)
    await bot.send(line.postback_event(ADMIN, _buttons(told)["不是誤判"]))
    await line.wait_for_messages(ALICE, match=_has("不是誤判"))
    # The sender unsends it after all.
    bot.clock.advance(60)
    await bot.send(line.unsend_event(ALICE, event["message"]["id"], chat=GROUP))
    await line.wait_for_messages(ALICE, match=_has("謝謝"))
    rows = bot.store.incident_events(inc.id)
    assert [(e.kind, e.actor_role, e.detail) for e in rows] == [
        ("opened", "system", "warn"),
        ("warned", "system", "warn"),
        ("note_delivered", "system", None),
        ("dismissed", "sender", "reason:public"),
        ("dismissal_overruled", "admin", None),
        ("unsent", "sender", "how:unsent"),
    ]
    sender_refs = {e.actor for e in rows if e.actor_role == "sender"}
    assert len(sender_refs) == 1 and rows[4].actor not in sender_refs  # one person, another
    for e in rows:
        assert ALICE not in str(e.actor) and ADMIN not in str(e.actor)
    # The same timeline from the command line, in both languages, Taiwan time.
    env = bot_env({"BOT_HASH_KEY": bot.config.hash_salt or ""}, drop_prefixes=("LINE_", "BOT_"))
    db = str(bot.config.database)
    code, out, err = await run_bot_async(
        "incidents", "show", inc.id, "--db", db, cwd=tmp_path, env=env
    )
    assert code == 0, err
    for part in ("事件成立", "已在群組提醒", "私訊提醒已送達", "回報為誤判", "已公開的資訊"):
        assert part in out
    assert "誤判不成立" in out and "訊息已收回" in out and "Asia/Taipei" in out
    sender_ref = str(rows[3].actor)[2:10]
    assert f"傳送者 ({sender_ref})" in out  # resolved_by as its role and the timeline's ref
    assert ALICE not in out and ADMIN not in out and "重慶南路" not in out
    code, out, _ = await run_bot_async(
        "incidents", "show", inc.id, "--db", db, "--lang", "en", cwd=tmp_path, env=env
    )
    assert code == 0 and "false positive overruled" in out and "message unsent" in out
    assert "by sender (" in out  # resolved_by: the role and the timeline's short hash
