"""End to end: a photo through the real webhook (create_app, the OCR worker process, fakeline)
with BOT_OCR_ENGINE=http and a hook on 127.0.0.1 that fails. A failing OCR service is not a
verdict: the scan job is tried again later; a hook that recovers gets the image scanned and
warned, one that keeps failing leaves it recorded as not scanned (ocr_failed), the admins told,
and nothing said to the group (never "allow", never "no text found")."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from PIL import Image

from app import make_ocr_ctx
from devtools.fakeline import FakeLinePlatform
from handlers.media import media_idle
from ocr import OcrEngine
from ocr.http import answer
from storage.scan_jobs import ScanJobs
from tests.support.harness import ADMIN, ALICE, GROUP, start_bot

RETRY_DELAYS = (0.2, 0.2)  # the service's 30, 120, 480 s, shortened


@dataclass
class FlakyHook:
    """Answers HTTP 500 to the first `failures` requests (all when None), then reads the
    image with the real engine, as `bot.py ocr serve` would."""

    engine: OcrEngine
    failures: int | None
    calls: int = 0
    sizes: list[int] = field(default_factory=list)
    url: str = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.calls += 1
        self.sizes.append(len(body))
        if self.failures is None or self.calls <= self.failures:
            return web.json_response({"error": "down"}, status=500)
        img = Image.open(io.BytesIO(body))
        lines = await asyncio.to_thread(self.engine.recognize, img)
        return web.json_response(answer(lines))


async def _serve(hook: FlakyHook) -> AsyncIterator[FlakyHook]:
    app = web.Application(client_max_size=30 * 1024 * 1024)
    app.router.add_post("/ocr", hook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    hook.url = f"http://127.0.0.1:{runner.addresses[0][1]}/ocr"
    yield hook
    await runner.cleanup()


@pytest.fixture
async def recovering_hook(engine: OcrEngine) -> AsyncIterator[FlakyHook]:
    # One scan's request and the engine's 2 retries fail: the job's first run fails.
    async for hook in _serve(FlakyHook(engine, failures=3)):
        yield hook


@pytest.fixture
async def dead_hook(engine: OcrEngine) -> AsyncIterator[FlakyHook]:
    async for hook in _serve(FlakyHook(engine, failures=None)):
        yield hook


async def test_hook_that_recovers_gets_the_image_scanned_and_warned(
    line: FakeLinePlatform, tmp_path: Path, id_card_jpeg: bytes, recovering_hook: FlakyHook
) -> None:
    hook = recovering_hook
    ctx = make_ocr_ctx(ocr_retry_delays=RETRY_DELAYS)
    bot = await start_bot(line, tmp_path, contexts=[ctx], ocr_engine="http", ocr_url=hook.url)
    try:
        event = line.image_event(ALICE, chat=GROUP, content=id_card_jpeg)
        assert await bot.send(event) == 200
        (warning,) = await line.wait_for_messages(GROUP, timeout=120)
        await bot.idle()
        await media_idle(bot.deps)
        await bot.flush()
        outcomes = ScanJobs(bot.store).outcomes()
        not_scanned = bot.store.activity(GROUP).get("media_not_scanned", 0)
        incidents = bot.store.list_incidents(group_id=GROUP)
    finally:
        await bot.stop()
    assert hook.calls > 3 and all(size > 0 for size in hook.sizes)  # failed, then read
    assert outcomes == {event["message"]["id"]: "scanned:block"}
    assert not_scanned == 0
    assert "身分證" in "\n".join(warning.texts)
    assert [(i.source, i.doc_type, i.verdict) for i in incidents] == [("ocr", "id_card", "block")]
    alerts = [s for s in line.sent if s.target == ADMIN and any("無法使用" in t for t in s.texts)]
    assert not alerts  # a failure that passed is not an alert


async def test_hook_that_keeps_failing_means_not_scanned_and_admins_told(
    line: FakeLinePlatform, tmp_path: Path, id_card_jpeg: bytes, dead_hook: FlakyHook
) -> None:
    hook = dead_hook
    ctx = make_ocr_ctx(ocr_retry_delays=RETRY_DELAYS)
    bot = await start_bot(line, tmp_path, contexts=[ctx], ocr_engine="http", ocr_url=hook.url)
    try:
        event = line.image_event(ALICE, chat=GROUP, content=id_card_jpeg)
        assert await bot.send(event) == 200
        (alert,) = await line.wait_for_messages(ADMIN, timeout=120)
        await bot.idle()
        await media_idle(bot.deps)
        await bot.flush()
        outcomes = ScanJobs(bot.store).outcomes()
        not_scanned = bot.store.activity(GROUP).get("media_not_scanned", 0)
        incidents = bot.store.list_incidents(group_id=GROUP)
    finally:
        await bot.stop()
    # The first run and one per retry delay, each with the engine's own 2 retries.
    assert hook.calls == (1 + len(RETRY_DELAYS)) * 3
    assert outcomes == {event["message"]["id"]: "not_scanned:ocr_failed"}
    assert not_scanned == 1 and incidents == []
    assert "圖片辨識程式無法使用" in "\n".join(alert.texts)  # media.reason.ocr_failed
    assert not line.messages_to(GROUP)  # no warning, and no "all clear" either
