"""From OCR lines to text: reading order, rows, and the joins that keep split numbers whole."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ocr.base import OcrLine

MIN_LINE_SCORE = 0.5


def rows_in_reading_order(lines: Sequence[OcrLine]) -> list[list[OcrLine]]:
    """Group lines into rows (vertical overlap), rows top to bottom, lines left to right."""
    kept = [ln for ln in lines if ln.score >= MIN_LINE_SCORE and ln.text.strip()]
    if not kept:
        return []
    heights = [max(p[1] for p in ln.box) - min(p[1] for p in ln.box) for ln in kept]
    typical = statistics.median(heights) or 1.0
    rows: list[tuple[float, list[OcrLine]]] = []
    for ln in sorted(kept, key=lambda ln: ln.center[1]):
        cy = ln.center[1]
        if rows and abs(cy - rows[-1][0]) <= typical * 0.5:
            center, members = rows[-1]
            members.append(ln)
            rows[-1] = ((center * (len(members) - 1) + cy) / len(members), members)
        else:
            rows.append((cy, [ln]))
    return [sorted(members, key=lambda ln: ln.center[0]) for _, members in rows]


@dataclass(frozen=True)
class Joined:
    text: str  # rows joined by "\n", lines in a row by " "
    compact: str  # the same with the breaks inside numbers removed (IDs split over lines/boxes)
    compact_to_text: list[int]  # offset in `compact` -> offset in `text`


# Rejoin only what looks like the halves of an identity number: a letter then digits, cut
# somewhere, continued by digits; the whole run at most 10 characters. Plain digit runs (chart
# values, amounts) are never glued together: that would manufacture card or phone numbers.
_ID_HEAD = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}[0-9]{0,8}$")
_ID_TAIL = re.compile(r"^[0-9]{1,9}(?![A-Za-z0-9])")


def join_lines(lines: Sequence[OcrLine]) -> Joined:
    rows = rows_in_reading_order(lines)
    pieces: list[str] = []
    for r, row in enumerate(rows):
        if r:
            pieces.append("\n")
        for i, ln in enumerate(row):
            if i:
                pieces.append(" ")
            pieces.append(ln.text.strip())
    text = "".join(pieces)
    compact_chars: list[str] = []
    mapping: list[int] = []
    pos = 0
    for k, piece in enumerate(pieces):
        if piece in (" ", "\n"):
            prev = pieces[k - 1] if k else ""
            nxt = pieces[k + 1] if k + 1 < len(pieces) else ""
            head, tail = _ID_HEAD.search(prev), _ID_TAIL.search(nxt)
            if head and tail and len(head.group()) + len(tail.group()) == 10:
                pos += len(piece)
                continue
        for ch in piece:
            compact_chars.append(ch)
            mapping.append(pos)
            pos += 1
    mapping.append(len(text))
    return Joined(text=text, compact="".join(compact_chars), compact_to_text=mapping)
