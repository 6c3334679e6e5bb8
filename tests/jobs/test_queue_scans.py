"""Image scans on the job queue: the real webhook (`create_app` on loopback, BOT_DATABASE_URL
set) puts a job on PostgreSQL; `bot.py worker` processes (real subprocesses) fetch the
content from the local LINE platform by message id, OCR it, and warn.

The replica and the workers share one PostgreSQL database, made for the test: the store
(incidents, outbox, scan-job rows) and the queue (procrastinate's tables).
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from pathlib import Path

from devtools.fakeline import FakeLinePlatform
from handlers.media import media_idle
from storage.scan_jobs import ScanJobs
from tests.support.cluster import Workers, pg_rows, start_replica
from tests.support.harness import ALICE, BOB, GROUP, Bot


def _scan_jobs(pg_url: str) -> list[tuple[str, int, dict[str, object]]]:
    rows = pg_rows(
        pg_url,
        "SELECT status, attempts, args FROM procrastinate_jobs WHERE task_name = 'scan_media' "
        "ORDER BY id",
    )
    return [(r[0], r[1], r[2]) for r in rows]


async def _wait_running(bot: Bot, timeout: float) -> None:
    """Until a worker has taken the scan job (its row marked running)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ScanJobs(bot.store).counts().get("running"):
            return
        await asyncio.sleep(0.02)
    raise TimeoutError("the scan job was never taken")


async def test_an_image_is_scanned_by_a_worker_process_and_warned_once(
    line: FakeLinePlatform, tmp_path: Path, pg_url: str, workers: Workers, small_id_jpeg: bytes
) -> None:
    bot = await start_replica(line, tmp_path, pg_url)
    try:
        assert bot.deps.ocr is None  # the replica runs no OCR
        workers.start(line, bot.config, "w1")
        event = line.image_event(BOB, chat=GROUP, content=small_id_jpeg)
        t0 = time.monotonic()
        assert await bot.send(event) == 200
        (warning,) = await line.wait_for_messages(GROUP, timeout=240)
        warned_after = time.monotonic() - t0
        await asyncio.wait_for(media_idle(bot.deps), 30)
        outcomes = ScanJobs(bot.store).outcomes()
        incidents = bot.store.list_incidents(group_id=GROUP)
    finally:
        await bot.stop()
    assert workers.stop("w1") == 0, workers.log("w1")  # SIGTERM: a clean stop
    jobs = _scan_jobs(pg_url)
    message_id = str(event["message"]["id"])
    assert outcomes[message_id] == "scanned:block"
    assert [i.message_id for i in incidents] == [message_id]
    assert f"@{BOB}" in "\n".join(warning.texts)
    await asyncio.sleep(0.5)
    assert len(line.messages_to(GROUP)) == 1
    # The job carried the message id and the content-free event, never the content.
    ((status, attempts, args),) = jobs
    assert (status, attempts) == ("succeeded", 1)  # one run
    assert set(args) == {"message_id", "event", "request_id", "ocr_failures"}
    assert args["message_id"] == message_id
    raw = json.dumps(args)
    assert base64.b64encode(small_id_jpeg[:48]).decode()[:40] not in raw
    assert "contentProvider" in raw and "replyToken" in raw and "fileName" not in raw
    print(f"image warned {warned_after:.1f} s after the webhook (worker start included)")


async def test_a_worker_killed_mid_scan_its_job_is_retried_by_another_and_warned_once(
    line: FakeLinePlatform, tmp_path: Path, pg_url: str, workers: Workers, small_id_jpeg: bytes
) -> None:
    bot = await start_replica(line, tmp_path, pg_url)
    try:
        workers.start(line, bot.config, "a", stalled_after=2.0)
        # Worker A up and listening before the image arrives (it takes the job at once).
        await _wait_for_workers(pg_url, 1, timeout=180)
        event = line.image_event(ALICE, chat=GROUP, content=small_id_jpeg)
        message_id = str(event["message"]["id"])
        assert await bot.send(event) == 200
        await _wait_running(bot, timeout=60)
        workers.kill("a")  # SIGKILL, OCR processes included: mid-scan
        # Nothing was committed by A: no incident, no warning, the job still running.
        assert bot.store.incident_by_message(message_id) is None
        assert _scan_jobs(pg_url)[0][0] == "doing"
        assert line.messages_to(GROUP) == []
        workers.start(line, bot.config, "b", stalled_after=2.0)
        (warning,) = await line.wait_for_messages(GROUP, timeout=240)
        await asyncio.wait_for(media_idle(bot.deps), 30)
        await asyncio.sleep(1.0)  # room for a second warning, were there one
        warnings = line.messages_to(GROUP)
        outcomes = ScanJobs(bot.store).outcomes()
        incidents = bot.store.list_incidents(group_id=GROUP)
    finally:
        await bot.stop()
    workers.stop("b")
    jobs = _scan_jobs(pg_url)
    assert len(warnings) == 1
    assert f"@{ALICE}" in "\n".join(warning.texts)
    assert outcomes[message_id] == "scanned:block"
    assert [i.message_id for i in incidents] == [message_id]
    ((status, attempts, _),) = jobs  # one job, run twice: by A (killed), then by B
    assert (status, attempts) == ("succeeded", 2)
    assert "job of a stopped worker retried" in workers.log("b")


async def _wait_for_workers(pg_url: str, count: int, timeout: float) -> None:
    """Until `count` workers have registered in procrastinate's worker table."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            (row,) = pg_rows(pg_url, "SELECT count(*) FROM procrastinate_workers")
            if row[0] >= count:
                return
        except Exception:  # the schema not applied yet
            pass
        await asyncio.sleep(0.1)
    raise TimeoutError(f"{count} worker(s) never registered")


async def test_line_unreachable_the_job_is_retried_later_by_procrastinate(
    line: FakeLinePlatform, tmp_path: Path, pg_url: str, workers: Workers, small_id_jpeg: bytes
) -> None:
    bot = await start_replica(line, tmp_path, pg_url)
    try:
        workers.start(line, bot.config, "w1")
        await _wait_for_workers(pg_url, 1, timeout=180)
        # Every try of the first run fails (3 fetches with backoff): LINE is having a bad
        # minute. The job is retried after 2 s, when the content is served.
        line.fail_next(3, 503, "/v2/bot/message/*/content")
        event = line.image_event(BOB, chat=GROUP, content=small_id_jpeg)
        message_id = str(event["message"]["id"])
        assert await bot.send(event) == 200
        (warning,) = await line.wait_for_messages(GROUP, timeout=120)
        await asyncio.wait_for(media_idle(bot.deps), 30)
        outcomes = ScanJobs(bot.store).outcomes()
    finally:
        await bot.stop()
    workers.stop("w1")
    assert outcomes[message_id] == "scanned:block"
    assert f"@{BOB}" in "\n".join(warning.texts)
    ((status, attempts, _),) = _scan_jobs(pg_url)
    assert (status, attempts) == ("succeeded", 2)  # postponed once, then scanned
    assert "scan job postponed message=" in workers.log("w1")
    assert len(line.messages_to(GROUP)) == 1


async def test_a_scan_job_without_its_queue_job_is_queued_again_by_a_worker(
    line: FakeLinePlatform, tmp_path: Path, pg_url: str, workers: Workers, small_id_jpeg: bytes
) -> None:
    # A replica whose defer never happened (PostgreSQL away just after the webhook's
    # commit; or a SQLite set-up moved to PostgreSQL): the row waits, no job exists.
    bot = await start_replica(line, tmp_path, pg_url, queue=False)
    try:
        bot.clock.advance(-120)  # the photo came two minutes ago
        event = line.image_event(BOB, chat=GROUP, content=small_id_jpeg)
        message_id = str(event["message"]["id"])
        assert await bot.send(event) == 200
        await bot.flush()
        assert ScanJobs(bot.store).counts() == {"pending": 1}
        workers.start(line, bot.config, "w1")
        (warning,) = await line.wait_for_messages(GROUP, timeout=240)
        outcomes = ScanJobs(bot.store).outcomes()
    finally:
        await bot.stop()
    workers.stop("w1")
    assert outcomes[message_id] == "scanned:block"
    assert f"@{BOB}" in "\n".join(warning.texts)
    assert "scan jobs queued again count=1" in workers.log("w1")
    assert [s for s, _, _ in _scan_jobs(pg_url)] == ["succeeded"]
