"""`passport_number`: passport numbers (ROC: 9 digits; foreign: letters + digits).

No checksum and the shapes collide with order numbers, so a passport number is
only reported next to a passport context word (護照, passport).
"""

from __future__ import annotations

import re

import regex

from detectors.base import Detector, Finding, mask_middle
from detectors.doc import Doc
from detectors.normalize import SEP, SEP_LOOSE, alnum_of, digits_of
from detectors.tw_national_id import Covered, later_pieces

# Digits may be split by slashes or commas too (312/345/678): a passport number is only
# read beside a passport word, and nine digits are no amount or date.
PATTERN = regex.compile(
    rf"(?<![a-z0-9])(?:[0-9](?:{SEP_LOOSE}[0-9]){{8}}|[a-z]{{1,2}}{SEP}[0-9](?:{SEP}[0-9]){{5,7}}[a-z]?)"
    r"(?![a-z0-9])"
)

CONTEXT: tuple[str, ...] = (
    "護照",
    "護照號碼",
    "護照號",
    "passport",
    "passport no",
    "passport number",
    "旅行證件",
)
CONTEXT_BEFORE = 20
CONTEXT_AFTER = 6
# A roster (護照名單：王志明 312345678、陳美玲 308765432…): a number within this many
# characters after a passport number already found is one too, however far the word.
ROSTER_GAP = 40

_CONTEXT = frozenset(CONTEXT)


# The first piece of a passport number told in pieces (護照前五碼31234，後四碼5678).
SPLIT_HEAD = re.compile(r"(?<![0-9a-z])[0-9](?:[ \-.]?[0-9]){2,7}(?![0-9a-z]|碼|位)")


def _split(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Nine digits told in pieces right after a passport word, a word for "the rest
    is" between the pieces."""
    text = doc.text
    out: list[tuple[int, int, str]] = []
    covered = Covered(taken)
    for h in SPLIT_HEAD.finditer(text):
        if h.start() in covered:
            continue
        if doc.near(_CONTEXT, h.start(), h.end(), CONTEXT_BEFORE, 0) is None:
            continue
        digits, pos = later_pieces(text, h.end(), digits_of(h.group()), tails=2, enough=9)
        if pos != h.end() and len(digits) == 9:
            out.append((h.start(), pos, digits))
    return out


class _Piece:
    """A split reading in PATTERN's match interface (start, end, group)."""

    __slots__ = ("_e", "_s", "_v")

    def __init__(self, s: int, e: int, v: str) -> None:
        self._s, self._e, self._v = s, e, v

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self) -> str:
        return self._v


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    last_end = -ROSTER_GAP - 1
    roster_ctx: str | None = None
    matches: list = list(PATTERN.finditer(doc.text))
    if doc.has(_CONTEXT):
        matches += [_Piece(*p) for p in _split(doc, [(m.start(), m.end()) for m in matches])]
        matches.sort(key=lambda m: m.start())
    for m in matches:
        ctx = doc.near(_CONTEXT, m.start(), m.end(), CONTEXT_BEFORE, CONTEXT_AFTER)
        if not ctx:
            if m.start() - last_end > ROSTER_GAP:
                continue
            ctx = roster_ctx
        value = alnum_of(m.group())
        if value[:1].isalpha() and value[1:2] in ("1", "2", "8", "9") and len(value) == 10:
            continue  # a national ID / resident number: their detectors decide
        last_end, roster_ctx = m.end(), ctx
        out.append(
            doc.finding(
                "passport_number",
                m.start(),
                m.end(),
                masked=mask_middle(value, 2, 3),
                score=0.9,
                rule="passport_number.context",
                value=value,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(
    name="passport_number",
    find=find,
    words=CONTEXT,
    triggers=frozenset(CONTEXT),
    needs_digit=True,
    min_digits=6,
)
