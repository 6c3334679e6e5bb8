"""`tw_national_id`: the ROC national identification number (國民身分證統一編號).

One letter (the household-registration area) + 1/2 (sex) + 7 digits + a check
digit. Found even when written full-width, lower-case, spaced, dashed or split by
emoji / zero-width characters. An ID-shaped string with a wrong check digit is
never reported (an order number, a typo).
"""

from __future__ import annotations

import regex

from detectors.base import Detector, Finding, mask_middle
from detectors.doc import Doc
from detectors.normalize import SEP, alnum_of

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


def checksum_ok(letter_code: int, second: int, digits: str) -> bool:
    """The shared ID checksum: area code (2 digits), then 9 digits, weights 1,9,8..1,1."""
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
    matches = list(PATTERN.finditer(doc.text))
    if "id" in doc.text:
        matches += GLUED.finditer(doc.text)
    for m in matches:
        value = alnum_of(m.group())
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
