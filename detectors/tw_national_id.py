"""`tw_national_id`: the ROC national identification number (國民身分證統一編號).

One letter (the household-registration area) + 1/2 (sex) + 7 digits + a check
digit. Found even when written full-width, lower-case, spaced, dashed or split by
emoji / zero-width characters. An ID-shaped string with a wrong check digit is
never reported (an order number, a typo).
"""

from __future__ import annotations

import re

import regex

from detectors.base import Detector, Finding, mask_middle
from detectors.doc import Doc
from detectors.normalize import SEP

PATTERN = regex.compile(rf"(?<![a-z0-9])[a-z]{SEP}[12](?:{SEP}[0-9]){{8}}(?![a-z0-9])")
# "IDA123456789": the label glued to the value (searched only when "id" is in the text).
GLUED = regex.compile(rf"(?<=(?<![a-z])id)[a-z]{SEP}[12](?:{SEP}[0-9]){{8}}(?![a-z0-9])")

CONTEXT: tuple[str, ...] = (
    "身分證",
    "身份證",
    "身分證字號",
    "身分證號",
    "統號",
    "統一編號",
    "證號",
    "字號",
    "id",
    "id no",
    "national id",
)
CONTEXT_BEFORE = 15  # characters
CONTEXT_AFTER = 8

# Letter -> area code used by the checksum (I, O, W, Z and X, Y are out of order).
LETTER_CODES: dict[str, int] = {c: i + 10 for i, c in enumerate("ABCDEFGHJKLMNPQRSTUVXYWZIO")}
WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)

_CONTEXT = frozenset(CONTEXT)
# A letter with no letter or digit before it, where every PATTERN match starts:
# most messages with enough digits have none (Chinese text, dates, numbers), and
# this one `re` search is cheaper than the `regex` scan.
_WORD_LETTER = re.compile(r"[a-z](?<![a-z0-9][a-z])")
_NOT_ALNUM = re.compile("[^0-9a-z]")


def checksum_ok(letter_code: int, second: int, digits: str) -> bool:
    """The shared ID checksum: area code (2 digits), then 9 digits, weights 1,9,8..1,1."""
    if len(digits) == 8:  # always, from validate(): the weighted sum spelled out
        d = digits
        total = letter_code // 10 + letter_code % 10 * 9 + second * 8 + int(d[0]) * 7
        total += int(d[1]) * 6 + int(d[2]) * 5 + int(d[3]) * 4 + int(d[4]) * 3
        total += int(d[5]) * 2 + int(d[6]) + int(d[7])
        return total % 10 == 0
    vals = (letter_code // 10, letter_code % 10, second, *(int(c) for c in digits))
    return sum(v * w for v, w in zip(vals, WEIGHTS, strict=True)) % 10 == 0


def validate(value: str) -> bool | None:
    """Presidio-style: True = valid ID, False = not an ID."""
    v = value.upper()
    if len(v) != 10 or v[0] not in LETTER_CODES or v[1] not in "12" or not v[1:].isdigit():
        return False
    return checksum_ok(LETTER_CODES[v[0]], int(v[1]), v[2:])


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    text = doc.text
    # PATTERN needs a word letter; GLUED ("IDA123456789") needs "id" before its letter.
    matches = list(PATTERN.finditer(text)) if _WORD_LETTER.search(text) is not None else []
    if "id" in text:
        matches += GLUED.finditer(text)
    for m in matches:
        value = _NOT_ALNUM.sub("", m.group()).upper()  # normalize.alnum_of, under `re`
        if not validate(value):
            continue
        ctx = doc.near(_CONTEXT, m.start(), m.end(), CONTEXT_BEFORE, CONTEXT_AFTER)
        out.append(
            doc.finding(
                "tw_national_id",
                m.start(),
                m.end(),
                masked=mask_middle(value),
                score=1.0 if ctx else 0.95,
                rule="tw_national_id.checksum",
                value=value,
                checksum=True,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(name="tw_national_id", find=find, words=CONTEXT, needs_digit=True, min_digits=9)
