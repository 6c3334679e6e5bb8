"""`credit_card`: payment card numbers, Luhn-checked, with a plausible issuer prefix."""

from __future__ import annotations

import re

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.normalize import SEP, digits_of

PATTERN = regex.compile(rf"(?<![0-9a-z])[1-9](?:{SEP}[0-9]){{12,18}}?(?![0-9])")

# 13 digits with at most two other characters between each (where PATTERN can
# match; its SEP characters are not digits), checked first with one `re` search
# (possessive gaps: no backtracking): messages with 13+ digits in amounts,
# dates and document numbers mostly have no such run.
_RUN13 = re.compile(r"[1-9](?<![0-9a-z][1-9])(?:[^0-9]{0,2}+[0-9]){12}")

CONTEXT: tuple[str, ...] = (
    "信用卡",
    "卡號",
    "金融卡",
    "簽帳卡",
    "刷卡",
    "card",
    "visa",
    "master",
    "jcb",
    "amex",
    "有效期限",
    "cvv",
    "安全碼",
    "張卡",
    "的卡",
    "卡片",
    "掛失",
    "刷不過",
    "刷卡",
    "到期",
    "有效期",
)
CONTEXT_BEFORE = 20
CONTEXT_AFTER = 15

_CONTEXT = frozenset(CONTEXT)
# An expiry date (MM/YY) next to the number says "card" as clearly as a word.
EXPIRY = regex.compile(r"(?<![0-9/])(?:0[1-9]|1[0-2])\s?/\s?[0-9]{2}(?![0-9/])")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def issuer_ok(d: str) -> bool:
    n = len(d)
    if d[0] == "4":
        return n in (13, 16, 19)
    if d[:2] in ("51", "52", "53", "54", "55") or 2221 <= int(d[:4]) <= 2720:
        return n == 16
    if d[:2] in ("34", "37"):
        return n == 15
    if d[:2] == "35" or d[:2] == "62" or d[:4] == "6011" or d[:2] == "65":
        return 16 <= n <= 19
    return False


def validate(value: str, *, context: bool = False) -> bool | None:
    """Luhn-valid; without a card word nearby, the issuer prefix must fit too."""
    d = digits_of(value)
    return 13 <= len(d) <= 19 and (context or issuer_ok(d)) and luhn_ok(d)


# The lazy PATTERN stops at 13 digits when every digit is spaced out (3 5 2 8 …):
# a longer reading is tried when that one is no card number (issuer length, checksum).
_LONGER = [regex.compile(rf"[0-9](?:{SEP}[0-9]){{{n - 1}}}(?![0-9])") for n in range(14, 20)]


def _spaced_reading(text: str, m: regex.Match[str]) -> regex.Match[str]:
    if m.group().isdigit() or validate(digits_of(m.group())):
        return m
    for rx in _LONGER:
        x = rx.match(text, m.start())
        if x is not None and validate(digits_of(x.group())):
            return x
    return m


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    end = -1
    if _RUN13.search(doc.text) is None:
        return out
    # Overlapping candidates: a number glued to the card by a space must not hide it.
    for m in PATTERN.finditer(doc.text, overlapped=True):
        if m.start() < end:
            continue
        m = _spaced_reading(doc.text, m)
        digits = digits_of(m.group())
        ctx = doc.near(_CONTEXT, m.start(), m.end(), CONTEXT_BEFORE, CONTEXT_AFTER)
        if ctx is None:
            exp = EXPIRY.search(
                doc.text, max(0, m.start() - CONTEXT_BEFORE), m.end() + CONTEXT_AFTER
            )
            ctx = "MM/YY" if exp is not None else None
        if not validate(digits, context=ctx is not None):
            continue
        end = m.end()
        out.append(
            doc.finding(
                "credit_card",
                m.start(),
                m.end(),
                masked=f"{digits[:4]}-****-****-{digits[-4:]}",
                # A bare Luhn-valid number is as often an order or mail number.
                score=0.95 if ctx else 0.7,
                rule="credit_card.luhn",
                value=digits,
                checksum=True,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(name="credit_card", find=find, words=CONTEXT, needs_digit=True, min_digits=13)
