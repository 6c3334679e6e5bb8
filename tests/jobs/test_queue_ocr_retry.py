"""The OCR service failing, on the job queue: a `bot.py worker` process with
BOT_OCR_ENGINE=http and a hook on 127.0.0.1 that answers 500. Not a verdict: the scan is
tried again after each of `--ocr-retry-delays` (a new job carrying the failure count), then
recorded as not scanned (ocr_failed), the admins told once, nothing said to the group."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from devtools.fakeline import FakeLinePlatform
from handlers.media import media_idle
from storage.scan_jobs import ScanJobs
from tests.support.cluster import Workers, pg_rows, start_replica
from tests.support.harness import ADMIN, ALICE, GROUP


@pytest.fixture
async def dead_hook() -> AsyncIterator[tuple[str, list[int]]]:
    """An OCR hook that answers 500 to everything; its URL and the request sizes."""
    sizes: list[int] = []

    async def handle(request: web.Request) -> web.Response:
        sizes.append(len(await request.read()))
        return web.json_response({"error": "down"}, status=500)

    app = web.Application(client_max_size=30 * 1024 * 1024)
    app.router.add_post("/ocr", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/ocr", sizes
    await runner.cleanup()


async def test_ocr_service_down_retried_by_delays_then_not_scanned_and_admins_told(
    line: FakeLinePlatform,
    tmp_path: Path,
    pg_url: str,
    workers: Workers,
    small_id_jpeg: bytes,
    dead_hook: tuple[str, list[int]],
) -> None:
    url, sizes = dead_hook
    bot = await start_replica(line, tmp_path, pg_url)
    try:
        proc = workers.start(
            line,
            bot.config,
            "w1",
            env={"BOT_OCR_ENGINE": "http", "BOT_OCR_URL": url, "NO_PROXY": "127.0.0.1"},
            extra_args=["--ocr-retry-delays", "1,2"],
        )
        event = line.image_event(ALICE, chat=GROUP, content=small_id_jpeg)
        assert await bot.send(event) == 200
        (alert,) = await line.wait_for_messages(ADMIN, timeout=240)
        await asyncio.wait_for(media_idle(bot.deps), 30)
        await asyncio.sleep(0.5)
        outcomes = ScanJobs(bot.store).outcomes()
        incidents = bot.store.list_incidents(group_id=GROUP)
        assert proc.poll() is None
    finally:
        await bot.stop()
    workers.stop("w1")
    assert outcomes == {event["message"]["id"]: "not_scanned:ocr_failed"}
    assert incidents == []
    assert "圖片辨識程式無法使用" in "\n".join(alert.texts)  # media.reason.ocr_failed
    assert not line.messages_to(GROUP)  # no warning, and no "all clear" either
    # The first run and one per delay (each with the engine's own 2 retries).
    assert len(sizes) == 3 * 3 and all(size > 0 for size in sizes)
    jobs = pg_rows(
        pg_url,
        "SELECT status, (args->>'ocr_failures')::int FROM procrastinate_jobs "
        "WHERE task_name = 'scan_media' ORDER BY id",
    )
    assert jobs == [("succeeded", 0), ("succeeded", 1), ("succeeded", 2)]
