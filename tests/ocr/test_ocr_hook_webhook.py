"""End to end: a photo through the real webhook (create_app, the OCR worker process, fakeline)
with BOT_OCR_ENGINE=http and a hook that answers outside the contract: the image is recorded
as not scanned (ocr_failed) and the admins are told; nothing is read as "no text found"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from app import ocr_ctx
from devtools.fakeline import FakeLinePlatform
from handlers.media import media_idle
from tests.support.harness import ADMIN, ALICE, GROUP, start_bot


@pytest.fixture
async def broken_hook() -> AsyncIterator[tuple[str, list[int]]]:
    calls: list[int] = []

    async def handle(request: web.Request) -> web.StreamResponse:
        calls.append(len(await request.read()))
        return web.json_response({"lines": [{"text": "x", "box": [[0, 0]], "score": 2}]})

    app = web.Application()
    app.router.add_post("/ocr", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/ocr", calls
    await runner.cleanup()


async def test_malformed_hook_answer_means_not_scanned_and_admins_told(
    line: FakeLinePlatform,
    tmp_path: Path,
    id_card_jpeg: bytes,
    broken_hook: tuple[str, list[int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, calls = broken_hook
    # The worker process gets the hook's settings from the bot's Config (not the environment).
    bot = await start_bot(line, tmp_path, contexts=[ocr_ctx], ocr_engine="http", ocr_url=url)
    try:
        assert await bot.send(line.image_event(ALICE, chat=GROUP, content=id_card_jpeg)) == 200
        (alert,) = await line.wait_for_messages(ADMIN, timeout=60)
        await bot.idle()
        await media_idle(bot.deps)
        await bot.flush()
        not_scanned = bot.store.activity(GROUP).get("media_not_scanned", 0)
        incidents = bot.store.list_incidents(group_id=GROUP)
    finally:
        await bot.stop()
    assert calls and all(size > 0 for size in calls)  # the image did reach the hook
    assert not_scanned == 1 and incidents == []
    assert "圖片辨識程式無法使用" in "\n".join(alert.texts)  # media.reason.ocr_failed
    assert not line.messages_to(GROUP)  # no warning, and no "all clear" either
