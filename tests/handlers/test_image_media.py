"""End to end: image messages through the real bot (create_app on loopback, the OCR worker pool
in a spawned process, the real engine) against the local LINE platform (fakeline)."""

from __future__ import annotations

import re
from pathlib import Path

from app import METRICS, ocr_ctx
from devtools.fakeline import FakeLinePlatform
from handlers.media import media_idle
from tests.support.harness import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    start_bot,
)


async def test_id_card_photo_is_warned_alerted_and_recorded_masked(
    line: FakeLinePlatform, tmp_path: Path, id_card_jpeg: bytes, ordinary_jpeg: bytes
) -> None:
    bot = await start_bot(line, tmp_path, contexts=[ocr_ctx])
    try:
        assert bot.deps.ocr is not None  # the pool started with the engine loaded
        ordinary = line.image_event(BOB, chat=GROUP, content=ordinary_jpeg)
        leak = line.image_event(ALICE, chat=GROUP, content=id_card_jpeg)
        private = line.image_event(ALICE, content=id_card_jpeg)  # a 1:1 self-check
        assert await bot.send(ordinary, leak, private) == 200
        (warning,) = await line.wait_for_messages(GROUP, timeout=60)
        await line.wait_for_messages(ADMIN, timeout=10)
        (selfcheck,) = await line.wait_for_messages(ALICE, kind="reply", timeout=60)
        await bot.idle()
        await media_idle(bot.deps)
        await bot.flush()
        incidents = bot.store.list_incidents(group_id=GROUP)
        scanned = bot.store.activity(GROUP).get("scanned", 0)
        metrics = bot.app[METRICS].render().decode()
    finally:
        await bot.stop()
    # /metrics: image scans timed and counted by verdict, the backlog empty again
    assert 'line_guard_scan_seconds_count{source="ocr"} 3.0' in metrics
    assert 'finding_type="tw_national_id",verdict="block"' in metrics
    assert "line_guard_scan_backlog_age_seconds 0.0" in metrics
    text = "\n".join(warning.texts)
    assert f"@{ALICE}" in text  # the sender is mentioned
    assert "身分證" in text  # says what kind of data it is
    assert "身分證" in "\n".join(selfcheck.texts)  # the sender's own check answers privately
    assert len(incidents) == 1  # the menu photo made none, the 1:1 check is not recorded
    inc = incidents[0]
    assert inc.message_id == leak["message"]["id"]
    assert (inc.source, inc.doc_type, inc.verdict) == ("ocr", "id_card", "block")
    assert inc.masked
    # Nothing raw anywhere the bot keeps or says: no full ID number in the database or messages.
    raw_db = (tmp_path / "bot.db").read_bytes()
    sent = "\n".join(t for s in line.sent for t in s.texts)
    assert not re.search(rb"[A-Z][12][0-9]{8}", raw_db)
    assert not re.search(r"[A-Z][12][0-9]{8}", sent)
    assert scanned >= 2


async def test_no_waiting_room_in_the_pool_still_scans_every_image(
    line: FakeLinePlatform, tmp_path: Path, id_card_jpeg: bytes
) -> None:
    # The pool has one worker and no queue: the scan jobs wait in the database instead.
    bot = await start_bot(line, tmp_path, contexts=[ocr_ctx], ocr_workers=1, ocr_queue_size=0)
    try:
        events = [line.image_event(ALICE, chat=GROUP, content=id_card_jpeg) for _ in range(3)]
        assert await bot.send(*events) == 200
        await line.wait_for_messages(GROUP, count=3, timeout=120)
        await bot.idle()
        await media_idle(bot.deps)
        await bot.flush()
        not_scanned = bot.store.activity(GROUP).get("media_not_scanned", 0)
        incidents = bot.store.list_incidents(group_id=GROUP)
    finally:
        await bot.stop()
    busy = [s for s in line.sent if s.target == ADMIN and any("佇列已滿" in t for t in s.texts)]
    assert not busy
    assert not_scanned == 0
    assert len(incidents) == 3


async def test_unsent_content_and_non_images_are_not_scanned(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    bot = await start_bot(line, tmp_path, contexts=[ocr_ctx])
    try:
        gone = line.image_event(ALICE, chat=GROUP)  # no content: LINE answers 404
        not_image = line.image_event(ALICE, chat=GROUP, content=b"%PDF-1.4 definitely not a JPEG")
        assert await bot.send(gone, not_image) == 200
        await bot.idle()
        await media_idle(bot.deps)
        await bot.flush()
        not_scanned = bot.store.activity(GROUP).get("media_not_scanned", 0)
    finally:
        await bot.stop()
    assert not_scanned == 2
    assert not line.messages_to(GROUP)


async def test_pdf_file_message_with_a_passport_page_is_flagged(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    from devtools.synth import passport_mrz
    from tests.images.test_image_pdf import text_pdf

    l1, l2 = passport_mrz("LIN", "YA-TING", "312345678", "900101", "F", "300101", "")
    pdf = text_pdf(
        ["REPUBLIC OF CHINA (TAIWAN) PASSPORT", "Surname LIN", "Given names YA-TING", l1, l2]
    )
    bot = await start_bot(line, tmp_path, contexts=[ocr_ctx])
    try:
        event = line.file_event(ALICE, "scan.pdf", pdf, chat=GROUP, content_type="application/pdf")
        other = line.file_event(ALICE, "notes.docx", b"PK\x03\x04 not read", chat=GROUP)
        assert await bot.send(event, other) == 200
        await line.wait_for_messages(GROUP, timeout=60)
        await bot.idle()
        await media_idle(bot.deps)
        incidents = bot.store.list_incidents(group_id=GROUP)
    finally:
        await bot.stop()
    assert [(i.doc_type, i.source) for i in incidents] == [("passport", "ocr")]
