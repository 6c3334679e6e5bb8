"""End to end: signed webhooks from the fake LINE platform into the real app (create_app with
the tips context), answers read back from the platform. /tip, quizzes, /broadcast, charts."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from app import DEPS, OUTBOX, STORE, TIPS, WEBHOOK, AppOptions, create_app, start_server, tips_ctx
from config import Config
from devtools.clock import ManualClock
from devtools.fakeline import FakeLinePlatform, group_id, user_id
from storage import Store
from tests.support.tipkit import ETHICS, MEMBER, SECRET, TOKEN, taipei
from tips import library
from tips.service import TipsService

G1 = group_id("tips-flow-1")
G2 = group_id("tips-flow-2")
PEOPLE = [user_id(f"p{i}") for i in range(4)]


@dataclass
class Bot:
    line: FakeLinePlatform
    app: web.Application
    runner: web.AppRunner
    port: int
    clock: ManualClock

    @property
    def store(self) -> Store:
        return self.app[STORE]

    @property
    def tips(self) -> TipsService:
        return self.app[TIPS]

    async def send(self, event: dict) -> int:
        return await self.line.deliver(f"http://127.0.0.1:{self.port}/callback", [event])

    async def flush(self) -> None:
        await self.app[WEBHOOK].idle()
        await self.app[OUTBOX].deliver_pending()

    def texts(self, chat: str) -> list[str]:
        return self.line.texts_to(chat)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    async with FakeLinePlatform(SECRET, TOKEN, monthly_limit=1000) as line:
        line.add_friend(ETHICS, "政風 王")
        line.add_friend(MEMBER, "Member")
        line.add_group(G1, "稽查組", {u: f"p{i}" for i, u in enumerate(PEOPLE)})
        line.add_group(G2, "戶政課", {u: f"p{i}" for i, u in enumerate(PEOPLE[:2])})
        config = Config(
            channel_secret=SECRET,
            channel_access_token=TOKEN,
            line_api_base_url=line.base_url,
            db_path=tmp_path / "bot.db",
            public_url="https://bot.example.gov.tw",
            hash_salt="salt",
        )
        clock = ManualClock(taipei(2026, 11, 3, 10, 0))  # a Tuesday morning
        app = create_app(
            config,
            options=AppOptions(clock=clock, outbox_base_delay=0.05, outbox_max_delay=0.5),
            contexts=[tips_ctx],
        )
        runner, port = await start_server(app)
        try:
            store = app[STORE]
            for gid, name in ((G1, "稽查組"), (G2, "戶政課")):
                store.upsert_group(
                    gid, clock.now(), chat_type="group", joined_at=clock.now(), name=name
                )
            store.add_role(ETHICS, "ethics", None, clock.now())
            assert app[DEPS].tips is app[TIPS]
            yield Bot(line, app, runner, port, clock)
        finally:
            await runner.cleanup()


async def test_tip_command_replies_with_a_tip_then_cools_down(bot: Bot) -> None:
    assert await bot.send(bot.line.text_event(PEOPLE[0], "/tip", chat=G1)) == 200
    await bot.flush()
    (tip,) = bot.texts(G1)
    assert tip.startswith("🔒 保密小叮嚀")
    (sent,) = bot.line.messages_to(G1)
    assert sent.kind == "reply"  # free: a reply, not a push
    await bot.send(bot.line.text_event(PEOPLE[1], "/小叮嚀", chat=G1))
    await bot.flush()
    assert "分鐘後再試" in bot.texts(G1)[-1]
    bot.clock.advance(31 * 60)
    await bot.send(bot.line.text_event(PEOPLE[1], "/tip", chat=G1))
    await bot.flush()
    assert bot.texts(G1)[-1].startswith("🔒 保密小叮嚀") and bot.texts(G1)[-1] != tip


async def test_tip_command_in_a_one_to_one_chat_replies_with_a_tip(bot: Bot) -> None:
    assert await bot.send(bot.line.text_event(MEMBER, "/tip")) == 200
    await bot.flush()
    (tip,) = bot.texts(MEMBER)
    assert tip.startswith("🔒 保密小叮嚀")


async def test_quiz_answers_are_counted_per_group_once_per_person(bot: Bot) -> None:
    quiz_id = next(t.id for t in library.load_library().values() if t.is_quiz)
    state = bot.tips.tips.state(G1)
    assert state is None
    from storage.tips import TipState

    bot.tips.tips.save_state(
        TipState(
            G1, last_slot=bot.clock.now(), sent_ids=[i for i in library.tip_ids() if i != quiz_id]
        )
    )
    await bot.send(bot.line.text_event(PEOPLE[0], "/tip", chat=G1))
    await bot.flush()
    (msg,) = bot.line.messages_to(G1)[-1].messages
    items = msg["quickReply"]["items"]
    quiz = library.load_library()[quiz_id]
    assert quiz.answer is not None
    right = items[quiz.answer]["action"]["data"]
    wrong = items[(quiz.answer + 1) % len(items)]["action"]["data"]
    for person, data in (
        (PEOPLE[0], right),
        (PEOPLE[1], wrong),
        (PEOPLE[2], right),
        (PEOPLE[0], wrong),
    ):
        assert await bot.send(bot.line.postback_event(person, data, chat=G1)) == 200
    await bot.flush()
    explanations = [t for t in bot.texts(G1) if t.startswith("💡")]
    assert len(explanations) == 1 and quiz.choices[quiz.answer] in explanations[0]
    rows = bot.tips.tips.quiz_counts()
    assert {(r["group_id"], r["choice"], r["correct"], r["count"]) for r in rows} == {
        (G1, quiz.answer, 1, 2),
        (G1, (quiz.answer + 1) % len(items), 0, 1),
    }
    # Only counts are kept: no user id anywhere in the quiz tables.
    dump = json.dumps(rows) + json.dumps(
        bot.store.db.execute("SELECT * FROM quiz_voters").fetchall()
    )
    assert not any(p in dump for p in PEOPLE)
    # An answer from another group to this quiz does not count.
    await bot.send(bot.line.postback_event(PEOPLE[3], right, chat=G2))
    await bot.flush()
    assert sum(r["count"] for r in bot.tips.tips.quiz_counts()) == 3


async def test_broadcast_is_for_the_ethics_unit_only(bot: Bot) -> None:
    await bot.send(bot.line.text_event(MEMBER, "/broadcast 請勿在群組傳身分證照片"))
    await bot.flush()
    assert "只能由政風單位成員發送" in bot.texts(MEMBER)[-1]
    await bot.send(bot.line.text_event(ETHICS, "/broadcast 請勿在群組傳身分證照片", chat=G1))
    await bot.flush()
    # In a group `/broadcast` is not a command (handlers/commands.py): nothing is proposed
    # and the text is never echoed back.
    assert not any("身分證照片" in t for t in bot.texts(G1))
    assert not bot.store.db.execute("SELECT * FROM broadcasts").fetchall()


async def test_broadcast_shows_estimate_and_sends_after_confirmation(bot: Bot) -> None:
    await bot.send(bot.line.text_event(ETHICS, "/broadcast 本週起請勿在群組傳身分證照片"))
    await bot.flush()
    sent = bot.line.messages_to(ETHICS)[-1]
    preview, confirm = sent.messages
    assert preview["text"].endswith("本週起請勿在群組傳身分證照片")
    assert "2 個群組" in confirm["template"]["text"] and "預估 6 則" in confirm["template"]["text"]
    ok, cancel = (a["data"] for a in confirm["template"]["actions"])
    assert ok.startswith("broadcast:confirm:") and cancel.startswith("broadcast:cancel:")
    assert not bot.texts(G1)  # nothing before the confirmation
    # Someone else cannot confirm it, even if forwarded the button data.
    await bot.send(bot.line.postback_event(MEMBER, ok))
    await bot.flush()
    assert not bot.texts(G1)
    await bot.send(bot.line.postback_event(ETHICS, ok))
    await bot.flush()
    for gid in (G1, G2):
        (text,) = bot.texts(gid)
        assert text.startswith("📢 政風室提醒") and text.endswith("身分證照片")
    assert "已排入發送：2 個群組" in bot.texts(ETHICS)[-1]
    await bot.send(bot.line.postback_event(ETHICS, ok))  # a double tap
    await bot.flush()
    # The second tap answers in words, not with an internal code.
    again = bot.texts(ETHICS)[-1]
    assert len(bot.texts(G1)) == 1 and "已經送出" in again and "不會重複" in again
    assert "done_already" not in again and "sending" not in again


async def test_broadcast_cancel_and_expiry(bot: Bot) -> None:
    for _ in range(2):
        await bot.send(bot.line.text_event(ETHICS, "/broadcast 提醒"))
        await bot.flush()
    first, second = (
        m.messages[1]["template"]["actions"] for m in bot.line.messages_to(ETHICS)[-2:]
    )
    await bot.send(bot.line.postback_event(ETHICS, first[1]["data"]))  # cancel the first
    await bot.flush()
    assert "已取消" in bot.texts(ETHICS)[-1]
    await bot.send(bot.line.postback_event(ETHICS, first[0]["data"]))  # confirm it after all
    await bot.flush()
    assert (
        "已經取消，沒有發送" in bot.texts(ETHICS)[-1] and "cancelled" not in bot.texts(ETHICS)[-1]
    )
    bot.clock.advance(16 * 60)
    await bot.send(bot.line.postback_event(ETHICS, second[0]["data"]))
    await bot.flush()
    assert "逾時" in bot.texts(ETHICS)[-1]
    assert not bot.texts(G1) and not bot.texts(G2)


async def test_broadcast_over_quota_sends_what_fits(bot: Bot) -> None:
    bot.line.set_monthly_limit(1000, usage=995)  # 5 left: G2 (2 members) fits, G1 (4) not
    await bot.send(bot.line.text_event(ETHICS, "/broadcast 提醒"))
    await bot.flush()
    confirm = bot.line.messages_to(ETHICS)[-1].messages[1]
    assert "額度不足" in confirm["template"]["text"]
    await bot.send(bot.line.postback_event(ETHICS, confirm["template"]["actions"][0]["data"]))
    await bot.flush()
    assert bot.texts(G2) and not bot.texts(G1)
    assert "其餘 1 個群組將略過" in bot.texts(ETHICS)[-1]


async def test_weekly_report_pushes_text_and_chart_url_served_by_the_bot(bot: Bot) -> None:
    bot.clock.t = taipei(2026, 11, 9, 9, 0)  # Monday 09:00
    result = await bot.tips.tick()
    assert result.report_sent
    await bot.flush()
    sent = bot.line.messages_to(ETHICS)[-1]
    text, image = sent.messages
    assert text["text"].startswith("📊")
    url = image["originalContentUrl"]
    assert url.startswith("https://bot.example.gov.tw/charts/") and url.endswith(".png")
    path = url.removeprefix("https://bot.example.gov.tw")
    async with aiohttp.ClientSession() as http:
        base = f"http://127.0.0.1:{bot.port}"
        async with http.get(base + path) as resp:
            assert resp.status == 200 and resp.content_type == "image/png"
            assert (await resp.read()).startswith(b"\x89PNG")
        async with http.get(base + "/charts/" + "A" * 43 + ".png") as resp:
            assert resp.status == 404
        bot.clock.advance(8 * 86400)
        async with http.get(base + path) as resp:
            assert resp.status == 404  # expired
    assert (await bot.tips.tick()).report_sent is False  # once a week


async def test_broadcast_that_itself_leaks_is_not_queued(bot: Bot) -> None:
    await bot.send(bot.line.text_event(ETHICS, "/broadcast 請協助查 K257491186 這位民眾的戶籍"))
    await bot.flush()
    answer = bot.texts(ETHICS)[-1]
    assert "本身含有個人資料" in answer and "K257491186" not in answer
    assert not bot.store.db.execute("SELECT * FROM broadcasts").fetchall()
    assert not bot.texts(G1) and not bot.texts(G2)


async def test_the_tips_router_takes_tips_commands_and_buttons_only(bot: Bot) -> None:
    from linebot.v3.webhooks import Event

    from handlers import tips as tips_handlers

    def event(raw: dict) -> Event:
        return Event.from_dict(raw)

    router = tips_handlers.router
    tip = event(bot.line.text_event(PEOPLE[0], "/tip", chat=G1))
    assert router.match(tip) is tips_handlers.on_tips_command
    assert router.match(event(bot.line.text_event(ETHICS, "/廣播 提醒"))) is not None
    # `/broadcast` is not a group command; /help and plain text belong to other routers.
    assert router.match(event(bot.line.text_event(ETHICS, "/broadcast 提醒", chat=G1))) is None
    assert router.match(event(bot.line.text_event(PEOPLE[0], "/help", chat=G1))) is None
    assert router.match(event(bot.line.text_event(PEOPLE[0], "tip", chat=G1))) is None
    quiz = event(bot.line.postback_event(PEOPLE[0], "quiz:1:0", chat=G1))
    assert router.match(quiz) is tips_handlers.on_tips_postback
    assert router.match(event(bot.line.postback_event(PEOPLE[0], "inc:ack&id=x"))) is None
    # Its handler answers as the commands router does today: the next tip, as a reply.
    handler = router.match(tip)
    assert handler is not None
    await handler(bot.app[DEPS], tip)
    await bot.flush()
    (sent,) = bot.line.messages_to(G1)
    assert sent.kind == "reply" and sent.texts[0].startswith("🔒 保密小叮嚀")
