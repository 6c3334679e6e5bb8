"""Request ids in the logs (#12): every line of one webhook request, of the work it starts
and of the deliveries it queued carries the same random id (`req=<id>`, JSON
`request_id`), also when the delivery happens after a restart; never a message text."""

from __future__ import annotations

import io
import json
import logging
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import make_ocr_ctx
from devtools import synth
from devtools.clock import ManualClock
from devtools.fakeline import FakeLinePlatform
from handlers.media import media_idle
from monitoring.logs import log_handler
from tests.support.harness import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    LEAK_1,
    LEAK_2,
    NID_1,
    NID_2,
    Bot,
    start_bot,
)

LINE = re.compile(
    r"^\S+ (?P<level>[A-Z]+) (?P<logger>\S+)(?: req=(?P<req>[0-9a-f]+))?: (?P<msg>.*)$"
)


@pytest.fixture
def logs() -> Iterator[io.StringIO]:
    """The bot's log lines as `bot.py serve` writes them (text format), on the real logger."""
    buf = io.StringIO()
    handler = log_handler("text", "Asia/Taipei", stream=buf)
    logger = logging.getLogger("bot")
    saved = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield buf
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved)


def parsed(buf: io.StringIO) -> list[dict[str, str | None]]:
    out = []
    for line in buf.getvalue().splitlines():
        m = LINE.match(line)
        assert m, f"not a log line: {line[:80]}"
        out.append(m.groupdict())
    return out


def req_of(lines: list[dict[str, str | None]], logger: str, msg_start: str) -> list[str | None]:
    return [
        ln["req"]
        for ln in lines
        if ln["logger"] == logger and (ln["msg"] or "").startswith(msg_start)
    ]


async def test_one_leak_is_followed_from_the_webhook_to_its_deliveries(
    bot: Bot, line: FakeLinePlatform, logs: io.StringIO
) -> None:
    assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
    await bot.flush()
    await line.wait_for_messages(ADMIN, count=1)
    await bot.flush()
    lines = parsed(logs)
    [rid] = req_of(lines, "bot.webhook", "webhook received")
    assert rid and re.fullmatch(r"[0-9a-f]{8}", rid)
    assert req_of(lines, "bot.actions", "incident opened") == [rid]
    sent = [ln for ln in lines if (ln["msg"] or "").startswith("outbox sent")]
    kinds = {re.search(r"kind=(\w+)", ln["msg"] or "")[1] for ln in sent}  # type: ignore[index]
    assert {"warning", "alert"} <= kinds
    assert all(ln["req"] == rid for ln in sent)  # queued by the request, delivered outside it
    # Every line written while the request was handled carries it; none carries another id.
    assert {ln["req"] for ln in lines} <= {rid, None}
    assert NID_1 not in logs.getvalue() and LEAK_1 not in logs.getvalue()


async def test_two_webhooks_get_different_ids(
    bot: Bot, line: FakeLinePlatform, logs: io.StringIO
) -> None:
    assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
    assert await bot.send(line.text_event(BOB, LEAK_2, chat=GROUP)) == 200
    await bot.flush()
    lines = parsed(logs)
    first, second = req_of(lines, "bot.webhook", "webhook received")
    assert first and second and first != second
    assert req_of(lines, "bot.actions", "incident opened") == [first, second]
    text = logs.getvalue()
    for secret in (NID_1, NID_2, LEAK_1, LEAK_2):
        assert secret not in text


async def test_the_id_is_not_taken_from_the_client(
    bot: Bot, line: FakeLinePlatform, logs: io.StringIO
) -> None:
    """A client's X-Request-Id is not ours: our id is random, whatever the headers say."""
    import aiohttp

    body = line.webhook_body([line.text_event(ALICE, "早安", chat=GROUP)])
    headers = {"X-Line-Signature": line.sign(body), "X-Request-Id": "feedbeef"}
    async with aiohttp.ClientSession() as s, s.post(bot.url, data=body, headers=headers) as r:
        assert r.status == 200
    await bot.idle()
    [rid] = req_of(parsed(logs), "bot.webhook", "webhook received")
    assert rid and rid != "feedbeef"


async def test_a_delivery_after_a_restart_still_names_its_request(
    bot: Bot, line: FakeLinePlatform, logs: io.StringIO
) -> None:
    # LINE refuses the token for the warning's reply: the row is held (kept whole).
    line.fail_next(1, status=401, path="/v2/bot/message/reply")
    assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
    await bot.flush()
    lines = parsed(logs)
    [rid] = req_of(lines, "bot.webhook", "webhook received")
    held = req_of(lines, "bot.outbox", "outbox held")
    assert held == [rid]
    await bot.stop()

    # A new process on the same database releases and sends it: still the same request.
    again = Bot(line, bot.config, ManualClock(bot.clock.now()))
    await again.start()
    try:
        before = len(logs.getvalue().splitlines())
        assert again.store.outbox_release(again.clock.now()) == 1
        await again.flush()
        after = parsed(logs)[before:]
        sent = [ln for ln in after if "kind=warning" in (ln["msg"] or "")]
        assert sent and sent[-1]["msg"].startswith("outbox sent")  # type: ignore[union-attr]
        assert [ln["req"] for ln in sent] == [rid] * len(sent)
    finally:
        await again.stop()
        bot.runner = again.runner  # the fixture stops it again: a no-op
    assert NID_1 not in logs.getvalue() and LEAK_1 not in logs.getvalue()


async def test_json_logs_have_the_request_id_field(
    bot: Bot, line: FakeLinePlatform, caplog: pytest.LogCaptureFixture
) -> None:
    buf = io.StringIO()
    handler = log_handler("json", "Asia/Taipei", stream=buf)
    root = logging.getLogger()
    root.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
        await bot.flush()
        logging.getLogger("bot.test").info("outside any request")
    finally:
        root.removeHandler(handler)
    records = [json.loads(x) for x in buf.getvalue().splitlines()]
    mine = [r for r in records if r["logger"].startswith("bot.")]
    [received] = [r for r in mine if r["message"].startswith("webhook received")]
    rid = received["request_id"]
    assert [r["request_id"] for r in mine if r["message"].startswith("incident opened")] == [rid]
    assert [r for r in mine if r["message"].startswith("outbox sent")]
    assert all(r["request_id"] == rid for r in mine if r["message"].startswith("outbox sent"))
    assert "request_id" not in records[-1] and records[-1]["message"] == "outside any request"
    for text in (buf.getvalue(), caplog.text):  # what is logged never holds the message
        assert NID_1 not in text and LEAK_1 not in text


async def test_an_image_scan_after_the_answer_names_its_request(
    line: FakeLinePlatform, tmp_path: Path, logs: io.StringIO
) -> None:
    """The scan job runs in the OCR runner's task after the 200: it logs as its request."""
    if not synth.fonts_available():
        pytest.skip("CJK fonts missing")
    rng = random.Random(5)
    photo = synth.to_jpeg(synth.photograph(synth.id_card_front(rng), rng, 1100), 85)
    bot = await start_bot(line, tmp_path, contexts=[make_ocr_ctx()])
    try:
        assert await bot.send(line.image_event(ALICE, chat=GROUP, content=photo)) == 200
        await line.wait_for_messages(GROUP, count=1, timeout=300)
        await media_idle(bot.deps)
        await bot.flush()
    finally:
        await bot.stop()
    lines = parsed(logs)
    [rid] = req_of(lines, "bot.webhook", "webhook received")
    assert req_of(lines, "bot.actions", "incident opened") == [rid]
    sent = [ln for ln in lines if "kind=warning" in (ln["msg"] or "")]
    assert sent and all(ln["req"] == rid for ln in sent)
    assert {ln["req"] for ln in lines} <= {rid, None}
