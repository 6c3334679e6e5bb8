"""OCR lines drawn from rows of text, for the image tests' page tables."""

from __future__ import annotations

from ocr.base import OcrLine


def rows_to_lines(rows: list[list[str]]) -> list[OcrLine]:
    """OCR lines laid out as rows of boxes, 40 px high, left-aligned at x=10."""
    out = []
    for r, row in enumerate(rows):
        x = 10.0
        for text in row:
            w = 30.0 * len(text)
            y = 20.0 + r * 60
            out.append(OcrLine(text, ((x, y), (x + w, y), (x + w, y + 40), (x, y + 40)), 0.95))
            x += w + 20
    return out
