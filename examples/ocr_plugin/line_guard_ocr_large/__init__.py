"""Example OCR plug-in: RapidOCR with its text detection run on a larger copy of the image.

The bot's built-in engine detects text on a copy whose long side is at most 960 px (fast, and
enough for a card photographed at 1600 px). This engine detects at up to 1920 px: about
twice as slow, but it finds smaller text (a scanned A4 page, a screenshot of a spreadsheet).
It is an example of the plug-in seam, not a recommendation:

    [project.entry-points."line_guard.ocr_engines"]
    rapidocr-large = "line_guard_ocr_large:create"

`create(threads)` returns an object with `name` and `recognize(image) -> list[OcrLine]`
(the protocol `ocr.base.OcrEngine` of the bot; the bot's package is where it runs).
"""

from __future__ import annotations

from ocr.base import OcrEngine
from ocr.rapid import RapidOcrEngine

DET_LONG_SIDE = 1920


class LargeRapidOcrEngine(RapidOcrEngine):
    name = "rapidocr-large"

    def __init__(self, *, threads: int | None = None) -> None:
        super().__init__(threads=threads, det_long_side=DET_LONG_SIDE)


def create(threads: int | None) -> OcrEngine:
    return LargeRapidOcrEngine(threads=threads)
