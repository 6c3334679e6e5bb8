"""`tw_resident_id`: the resident certificate number (居留證統一證號, UI number).

Two formats, both checksummed:
- new (from 2021): one letter + 8/9 (sex) + 7 digits + check digit, the national-ID
  checksum;
- old ARC: two letters (area, then A-D for sex/kind) + 8 digits; the second
  letter counts as the last digit of its area code.
"""

from __future__ import annotations

import re

import regex

from detectors.base import Detector, Finding, mask_middle
from detectors.doc import Doc
from detectors.normalize import SEP_LOOSE as SEP
from detectors.tw_national_id import (
    BARE_REVERSED_SCORE,
    DOC_NUMBER,
    LETTER_CODES,
    checksum_ok,
    head_pattern,
    reversed_readings,
    split_readings,
)

PATTERN = regex.compile(rf"(?<![a-z0-9])[a-z]{SEP}[89a-d](?:{SEP}[0-9]){{8}}(?![a-z0-9])")

CONTEXT: tuple[str, ...] = (
    "居留證",
    "居留",
    "統一證號",
    "證號",
    "arc",
    "移工",
    "外勞",
    "看護",
    "外籍",
    "resident",
    "resident certificate",
    "ui no",
)
CONTEXT_BEFORE = 20
CONTEXT_AFTER = 8
# A uniform invoice number (統一發票: two capitals + 8 digits) has the old ARC's
# shape and passes its checksum one time in ten; receipt words veto the ID reading.
INVOICE: tuple[str, ...] = (
    "發票",
    "統一發票",
    "電子發票",
    "發票號碼",
    "統一編號",
    "統編",
    "載具",
    "收據",
    "隨機碼",
    "對獎",
    "中獎",
    "invoice",
    "receipt",
    "賣方",
    "買方",
)
INVOICE_WINDOW = 40

_CONTEXT = frozenset(CONTEXT)
# A letter with no letter or digit before it, where every PATTERN match starts:
# most messages with enough digits have none (Chinese text, dates, numbers), and
# this one `re` search is cheaper than the `regex` scan.
_WORD_LETTER = re.compile(r"[a-z](?<![a-z0-9][a-z])")
_NOT_ALNUM = re.compile("[^0-9a-z]")
_INVOICE = frozenset(INVOICE)
# A new-format number in pieces (居留證 A8487 接 05796): see tw_national_id.split_readings.
HEAD = head_pattern("89")
# Where a head of 4+ characters can start (as tw_national_id._HEAD_FAST, with 8/9): a
# number in pieces with no word for a resident certificate (前面是L99654 / 後面2699).
_HEAD_FAST = re.compile(r"[a-z](?<![a-z0-9][a-z])[^a-z0-9]{0,3}[89][^a-z0-9]{0,3}[0-9]")


def validate(value: str) -> bool | None:
    v = value.upper()
    if len(v) != 10 or v[0] not in LETTER_CODES:
        return False
    if v[1] in "89" and v[1:].isdigit():
        return checksum_ok(LETTER_CODES[v[0]], int(v[1]), v[2:])
    if v[1] in "ABCD" and v[2:].isdigit():
        return checksum_ok(LETTER_CODES[v[0]], LETTER_CODES[v[1]] % 10, v[2:])
    return False


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    # 居留證倒過來 41897000A8: written backwards, read forwards (its letter ends it)
    spans = reversed_readings(doc, _CONTEXT)
    if _WORD_LETTER.search(doc.text) is None and not spans:
        return out
    matches = list(PATTERN.finditer(doc.text))
    spans += [(m.start(), m.end(), _NOT_ALNUM.sub("", m.group()), "") for m in matches]
    if doc.has(_CONTEXT) or _HEAD_FAST.search(doc.text) is not None:
        spans += split_readings(doc, HEAD, "89", _CONTEXT, [m.span() for m in matches])
    for start, end, raw, how in spans:
        value = raw.upper()
        if not validate(value):
            continue
        ctx = doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER)
        if (
            how == "reversed_bare"
            and DOC_NUMBER.search(doc.text, max(0, start - CONTEXT_BEFORE), start) is not None
        ):
            continue  # a labelled order or document number
        old = not value[1].isdigit()
        receipt = None
        if old and ctx is None:
            receipt = doc.near(_INVOICE, start, end, INVOICE_WINDOW, INVOICE_WINDOW)
        if receipt is not None:
            score, rule, ctx = 0.1, "tw_resident_id.invoice_number", receipt
        else:
            score = 1.0 if ctx else BARE_REVERSED_SCORE if how == "reversed_bare" else 0.95
            rule = "tw_resident_id.arc" if old else "tw_resident_id.new"
            if how:
                rule = f"tw_resident_id.{how}"
        out.append(
            doc.finding(
                "tw_resident_id",
                start,
                end,
                masked=mask_middle(value),
                score=score,
                rule=rule,
                value=value,
                checksum=True,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(
    name="tw_resident_id", find=find, words=CONTEXT + INVOICE, needs_digit=True, min_digits=8
)
