"""Hostile and tricky files, checked without the service: the PDF structure check, sniffing by
content (polyglots), every page's text layer, the first frames of animations, and the worker
pool's time limit."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from images import ImageRefused, OcrPool, scan_image
from images.decode import frame_count
from images.pdf import check_structure
from ocr import OcrEngine
from tests.support.hostile import form_bomb, text_pages_pdf, write_pdf

NID = "K257491186"
FILLER = ["Meeting notice", "Time: Friday 14:30", "Place: Room 2", "Agenda: budget review"]


def test_form_bomb_is_refused_in_milliseconds() -> None:
    bomb = form_bomb(levels=10, fan_out=10)
    t0 = time.perf_counter()
    with pytest.raises(ImageRefused) as info:
        check_structure(bomb)
    assert info.value.reason == "pdf_too_complex"
    assert time.perf_counter() - t0 < 0.5


@pytest.mark.parametrize("levels", [2, 3])
def test_ordinary_nesting_passes(levels: int) -> None:
    check_structure(form_bomb(levels=levels, fan_out=3))  # 3**3 drawings: a normal page


def test_a_form_that_draws_itself_is_refused() -> None:
    loop = write_pdf(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]/Resources<</XObject<</A 5 0 R>>>>"
            b"/Contents 4 0 R>>",
            b"<</Length 6>>stream\n/A Do\nendstream",
            b"<</Subtype/Form/BBox[0 0 1 1]/Resources<</XObject<</A 5 0 R>>>>/Length 6>>stream\n"
            b"/A Do\nendstream",
        ]
    )
    with pytest.raises(ImageRefused, match="draws itself"):
        check_structure(loop)


def test_a_page_tree_that_loops_is_refused() -> None:
    loop = write_pdf(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Pages/Kids[2 0 R]/Count 1>>",
        ]
    )
    with pytest.raises(ImageRefused, match="loops"):
        check_structure(loop)


def test_a_leak_on_page_six_is_found_through_the_text_layer(engine: OcrEngine) -> None:
    data = text_pages_pdf([FILLER] * 5 + [[f"Applicant ID No. {NID}"]])
    result = scan_image(data, engine=engine)
    assert result.verdict == "block" and "tw_national_id" in result.types
    assert not any(r.startswith("partial.") for r in result.reasons)


def test_scanned_pages_past_the_ocr_limit_are_said_not_read(engine: OcrEngine) -> None:
    buf = io.BytesIO()
    blank = Image.new("RGB", (200, 280), "white")
    blank.save(buf, "PDF", save_all=True, append_images=[blank] * 6)  # 7 pages, no text layer
    result = scan_image(buf.getvalue(), engine=engine)
    assert "partial.pdf:2 of 7 pages not read" in result.reasons


def test_a_jpeg_with_a_pdf_appended_is_scanned_as_both(engine: OcrEngine) -> None:
    photo = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 220, 240)).save(photo, "JPEG")
    polyglot = photo.getvalue() + text_pages_pdf([[f"Applicant ID No. {NID}"]])
    assert Image.open(io.BytesIO(polyglot)).format == "JPEG"  # opens as a photo
    result = scan_image(polyglot, engine=engine)
    assert result.verdict == "block" and "tw_national_id" in result.types


def test_a_leak_on_frame_two_of_a_gif_is_found(engine: OcrEngine, id_card_jpeg: bytes) -> None:
    card = Image.open(io.BytesIO(id_card_jpeg)).convert("RGB")
    gif = io.BytesIO()
    Image.new("RGB", card.size, "white").save(
        gif, "GIF", save_all=True, append_images=[card], duration=500, loop=0
    )
    assert frame_count(gif.getvalue()) == 2
    result = scan_image(gif.getvalue(), engine=engine)
    assert result.doc_type == "id_card" and result.verdict == "block"


def test_mpo_and_still_images_count_one_frame() -> None:
    still = io.BytesIO()
    Image.new("RGB", (20, 20)).save(still, "PNG")
    assert frame_count(still.getvalue()) == 1


@pytest.mark.parametrize(
    ("scan_seconds", "memory_mb", "reasons"),
    [
        (5.0, 0, {"time_limit"}),  # no memory cap: the clock stops it
        (120.0, 300, {"memory_limit", "worker_died"}),  # the address-space cap stops it
    ],
    ids=["time", "memory"],
)
async def test_the_pool_stops_a_scan_over_its_limit_and_carries_on(
    id_card_jpeg: bytes, scan_seconds: float, memory_mb: int, reasons: set[str]
) -> None:
    # Passes the structure check (hex-encoded forms) and costs PDFium about 9 s and 1.7 GB.
    slow = form_bomb(levels=7, fan_out=10, hex_forms=True)
    pool = OcrPool(workers=1, queue_size=0, scan_seconds=scan_seconds, memory_mb=memory_mb)
    await pool.start()
    try:
        t0 = time.monotonic()
        with pytest.raises(ImageRefused) as info:
            await pool.scan(slow)
        stopped = time.monotonic() - t0
        # The next scan gets a fresh worker with room for the engine to work (OCR itself needs
        # a few hundred MB) and time for a loaded machine.
        pool.scan_seconds, pool.memory_mb = 120.0, 1536
        result = await pool.scan(id_card_jpeg)  # a new worker took the dead one's place
    finally:
        await pool.close()
    assert info.value.reason in reasons
    assert stopped < scan_seconds + 5
    assert pool.replaced == 1
    assert result.doc_type == "id_card"
