"""Orientation: OCR a page upright, whichever way it was photographed or scanned.

    ocr_upright(engine, img) -> (lines, degrees)

The engine reads the image as it is; when the text stands on its side (90°/270°) or reads
poorly (180°: an upside-down page whose small lines the engine could not flip), the image is
turned and read again, and the better reading is kept. A page the engine read upside down
line by line (each line right, the rows bottom to top) has its rows put back in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from images.layout import rows_in_reading_order
from ocr.base import OcrEngine, OcrLine


def _readable_chars(lines: Sequence[OcrLine]) -> float:
    return sum(len(ln.text) * ln.score for ln in lines if ln.score >= 0.5)


LOW_CONFIDENCE = 0.85  # below this mean (per character), an upright reading is worth doubting


def _mean_confidence(lines: Sequence[OcrLine]) -> float:
    """Mean recognition score per character; 1.0 when nothing was read (nothing to doubt)."""
    chars = sum(len(ln.text) for ln in lines)
    return sum(len(ln.text) * ln.score for ln in lines) / chars if chars >= 12 else 1.0


def _sideways_share(lines: Sequence[OcrLine]) -> float:
    long_lines = [ln for ln in lines if len(ln.text) >= 2 and ln.score >= 0.5]
    if not long_lines:
        return 0.0
    total = sum(len(ln.text) for ln in long_lines)
    return sum(len(ln.text) for ln in long_lines if not ln.upright) / total


def _edge_cluster(edges: list[float], tol: float) -> int:
    """How many of `edges` lie within `tol` of the best-supported one."""
    return max(sum(1 for e in edges if abs(e - x) <= tol) for x in edges)


def _row_height(row: Sequence[OcrLine]) -> float:
    return sorted(ln.height for ln in row)[len(row) // 2]


def _upside_down(lines: Sequence[OcrLine]) -> bool:
    """A page read upside down whose lines the engine's classifier turned one by one: the text
    is right but the rows come bottom to top. Votes: the page's left margin stands on the right
    (rows end on one edge, start ragged); the title (the tallest row) is at the bottom; labels
    ("發文日期：") close their rows instead of opening them."""
    rows = [
        r
        for r in rows_in_reading_order([ln for ln in lines if ln.score >= 0.8 and ln.upright])
        if sum(len(ln.text) for ln in r) >= 4
    ]
    if len(rows) < 5:
        return False
    flip = upright = 0
    tol = sorted(_row_height(r) for r in rows)[len(rows) // 2] * 0.5
    lefts = [min(p[0] for ln in r for p in ln.box) for r in rows]
    rights = [max(p[0] for ln in r for p in ln.box) for r in rows]
    right, left = _edge_cluster(rights, tol), _edge_cluster(lefts, tol)
    if right >= 0.6 * len(rows) and left < 0.8 * right:
        flip += 2
    elif left >= 0.6 * len(rows) and right < 0.8 * left:
        upright += 2
    heights = [_row_height(r) for r in rows]
    top, bottom = max(heights[:2]), max(heights[-2:])
    if bottom >= 1.15 * top:
        flip += 2
    elif top >= 1.15 * bottom:
        upright += 2
    for r in rows:
        if len(r) < 2:
            continue
        first, last = (
            r[0].text.rstrip().endswith((":", "：")),
            r[-1].text.rstrip().endswith((":", "：")),
        )
        flip += last and not first
        upright += first and not last
    return flip >= 2 and flip > upright


def _turned_half(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """The same lines with their boxes turned 180° about the page (reading order restored)."""
    xs = [p[0] for ln in lines for p in ln.box]
    ys = [p[1] for ln in lines for p in ln.box]
    w, h = max(xs) + min(xs), max(ys) + min(ys)
    out = []
    for ln in lines:
        a, b, c, d = ((w - x, h - y) for x, y in ln.box)
        out.append(OcrLine(ln.text, (c, d, a, b), ln.score))
    return out


def ocr_upright(engine: OcrEngine, img: Image.Image) -> tuple[list[OcrLine], int]:
    """OCR `img` upright (see `_ocr_turned`), with the rows of a page the engine read upside
    down line by line put back in order."""
    lines, degrees = _ocr_turned(engine, img)
    if _upside_down(lines):
        return _turned_half(lines), (degrees + 180) % 360
    return lines, degrees


def _ocr_turned(engine: OcrEngine, img: Image.Image) -> tuple[list[OcrLine], int]:
    """OCR `img`, turning it when the text stands on its side (90°/270°) or reads poorly
    (180°: an upside-down page whose small lines the engine could not flip); returns
    (lines, degrees)."""
    lines = engine.recognize(img)
    sideways = _sideways_share(lines)
    if sideways < 0.5:
        if _mean_confidence(lines) >= LOW_CONFIDENCE:
            return lines, 0
        flipped = engine.recognize(img.rotate(180))
        if _readable_chars(flipped) > _readable_chars(lines) * 1.3:
            return flipped, 180
        return lines, 0
    best = (_readable_chars(lines) * (1 - sideways), 0, lines)
    for degrees in (90, 270):
        turned = engine.recognize(img.rotate(degrees, expand=True))
        side = _sideways_share(turned)
        quality = _readable_chars(turned) * (1 - side)
        if quality > best[0]:
            best = (quality, degrees, turned)
        if side < 0.3 and quality > 0:
            break
    return best[2], best[1]
