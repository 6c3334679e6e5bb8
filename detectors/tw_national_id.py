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
from detectors.normalize import SEP_LOOSE as SEP

# The second character may be an I or l typed for the 1 (PI287741O4; an o or l
# between digits is already a digit once normalised).
PATTERN = regex.compile(rf"(?<![a-z0-9])[a-z]{SEP}[12il](?:{SEP}[0-9]){{8}}(?![a-z0-9])")
# "IDA123456789": the label glued to the value (searched only when "id" is in the text).
GLUED = regex.compile(rf"(?<=(?<![a-z])id)[a-z]{SEP}[12il](?:{SEP}[0-9]){{8}}(?![a-z0-9])")
# An ID written in two pieces: 「王志明 E2201。後五碼是93843」. The head is the letter,
# the 1/2 and some digits; the rest follows within SPLIT_GAP characters that hold no
# letter or digit, as exactly the missing digits. A head shorter than MIN_HEAD
# characters (a lone letter, "A1") also needs an ID word nearby.
HEAD = regex.compile(rf"(?<![a-z0-9])[a-z](?:{SEP}[12il](?:{SEP}[0-9]){{0,7}})?(?![a-z0-9])")
TAIL = regex.compile(rf"[^a-z0-9]{{1,15}}?([0-9](?:{SEP}[0-9]){{0,8}})(?![a-z0-9])")
MIN_HEAD = 4
# Words between the pieces that say "the rest of the number is": 後五碼、接著、剩下.
SPLIT_CUE = frozenset("後碼尾接續剩再其另下")
# Words that say the second number is something else.
SPLIT_VETO = ("分機", "轉", "#", "ext", "號", "室", "樓", "元", "電話", "手機", "第")
_HAN = re.compile("[\u4e00-\u9fff]")
# Where a head of MIN_HEAD characters can start (a lone letter, then 1/2 and a digit):
# one `re` search that most messages fail; shorter heads need an ID word anyway.
_HEAD_FAST = re.compile(r"[a-z](?<![a-z0-9][a-z])[^a-z0-9]{0,2}[12il][^a-z0-9]{0,2}[0-9]")

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
    if v[1:2] in ("I", "L"):
        v = v[0] + "1" + v[2:]
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
    spans = [(m.start(), m.end(), "tw_national_id.checksum") for m in matches]
    if _HEAD_FAST.search(text) is not None or doc.has(_CONTEXT):
        spans += _split_readings(doc, [m.span() for m in matches])
    for start, end, rule in spans:
        value = _NOT_ALNUM.sub("", text[start:end]).upper()  # normalize.alnum_of, under `re`
        if not validate(value):
            continue
        value = value[0] + value[1].replace("I", "1").replace("L", "1") + value[2:]
        ctx = doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER)
        out.append(
            doc.finding(
                "tw_national_id",
                start,
                end,
                masked=mask_middle(value),
                score=1.0 if ctx else 0.95,
                rule=rule,
                value=value,
                checksum=True,
                context=ctx,
            )
        )
    return out


_MAX_HEADS = 200  # a hostile message of lone letters: the heads looked at, at most


def _split_readings(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Spans of IDs written in two pieces (HEAD, a short gap, the missing digits),
    from the head's start to the tail's end; validated by the caller."""
    out: list[tuple[int, int, str]] = []
    text = doc.text
    near_word: bool | None = None
    for n, h in enumerate(HEAD.finditer(text)):
        if n >= _MAX_HEADS:
            break
        head = _NOT_ALNUM.sub("", h.group())
        if len(head) == 10 or any(s <= h.start() < e for s, e in taken):
            continue
        if len(head) < MIN_HEAD:
            if near_word is None:
                near_word = doc.has(_CONTEXT)
            if not near_word or doc.near(_CONTEXT, h.start(), h.end(), 15, 0) is None:
                continue
        t = TAIL.match(text, h.end())
        if t is None or len(_NOT_ALNUM.sub("", t.group(1))) != 10 - len(head):
            continue
        if len(head) == 1 and t.group(1)[0] not in "12":
            continue
        gap = text[h.end() : t.start(1)]
        if any(w in gap for w in SPLIT_VETO):
            continue  # B1203 會議室，分機 12345: a room and an extension
        if not any(c in gap for c in SPLIT_CUE) and (
            doc.near(_CONTEXT, h.start(), h.end(), 15, 0) is None
        ):
            # no "the rest is" between the pieces and no ID word before them: only
            # punctuation between, after a head of 5 or more
            if _HAN.search(gap) is not None or len(head) < 5:
                continue
        out.append((h.start(), t.end(1), "tw_national_id.split"))
    return out


# 8 digits: the I typed for the 1 (PI28774104) leaves eight.
DETECTOR = Detector(name="tw_national_id", find=find, words=CONTEXT, needs_digit=True, min_digits=8)
