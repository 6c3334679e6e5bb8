"""`passport_number`: passport numbers (ROC: 9 digits; foreign: letters + digits).

No checksum and the shapes collide with order numbers, so a passport number is
only reported next to a passport context word (護照, passport).
"""

from __future__ import annotations

import regex

from detectors.base import Detector, Finding, mask_middle
from detectors.doc import Doc
from detectors.normalize import SEP, SEP_LOOSE, alnum_of

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


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    last_end = -ROSTER_GAP - 1
    roster_ctx: str | None = None
    for m in PATTERN.finditer(doc.text):
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
