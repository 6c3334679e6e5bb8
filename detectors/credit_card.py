"""`credit_card`: payment card numbers, Luhn-checked, with a plausible issuer prefix."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate, compress

import regex

from detectors.base import Detector, Finding
from detectors.discourse import number_label
from detectors.doc import Doc
from detectors.normalize import SEP, digits_of
from detectors.tw_national_id import later_pieces

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


# Digits joined by at most two separator characters (SEP): the stretches a card
# number can lie in. Possessive: a long stretch is read once.
# The lookahead (the next 12 characters are digits or separators) holds for every
# stretch of 13+ characters and fails early on the many short ones (dates, amounts,
# digit soups), which the loop below skips anyway: same long stretches, far fewer
# matches handed to Python.
assert SEP.endswith("{0,2}")
_ONE_SEP = SEP.removesuffix("{0,2}")
_STRETCH = regex.compile(rf"[0-9](?=(?:[0-9]|{_ONE_SEP}){{12}})(?:{SEP}[0-9])*+")
_DIGIT = re.compile("[0-9]")
COMMA_GROUPS = re.compile(
    r"(?<![0-9a-z,])[0-9]{4}(?:, ?[0-9]{4}){2,3}(?:, ?[0-9]{1,3})?(?![0-9a-z])"
)
GROUPED = re.compile(r"(?<![0-9a-z,.])[0-9]{2,4}(?:\s?[,.]\s?[0-9]{2,4}){3,9}(?![0-9a-z])")
# Groups split by slashes (4333/3333/3333/3339, 4/3/3/…, 43333333/33333339), read like
# GROUPED beside a card word: no date or fraction has 13 digits and a Luhn sum.
SLASHED = re.compile(r"(?<![0-9a-z/])[0-9]{1,8}(?:\s?/\s?[0-9]{1,8}){1,18}(?![0-9a-z/])")
_LETTER_OR_DIGIT = re.compile("[0-9a-z]")
_NOT_DIGIT = re.compile("[^0-9]")
# ASCII digit byte -> its value, and -> its Luhn contribution when doubled.
_VALUE = bytes.maketrans(b"0123456789", bytes(range(10)))
_DOUBLED = bytes.maketrans(b"0123456789", bytes((0, 2, 4, 6, 8, 1, 3, 5, 7, 9)))
_ISSUER_FIRST = frozenset({2, 3, 4, 5, 6})  # the first digits issuer_ok() accepts


def _readings(text: str, keep: Callable[[int, int, str], bool]) -> None:
    """Every Luhn-valid PATTERN reading (start, end, digits) handed to `keep`, as the
    overlapped lazy search and its longer retry used to give them, in one pass per
    stretch; a reading `keep` took hides the places that start inside it.

    For each place a number can start (a digit 1-9 after no letter or digit), the
    shortest reading of 13+ digits that ends before a non-digit; if it is spaced
    out and no issuer's valid number, the first longer one (up to 19) that is. The
    Luhn sums come from prefix sums, so a stretch of n digits costs O(n), where
    regex retries at every digit cost O(n) each (68 ms for 5,000 characters).
    """
    for st in _STRETCH.finditer(text):
        if st.end() - st.start() < 13:
            continue
        base = st.start()
        stretch = st.group()
        # gaps[k]: the separators before digit k (gaps[0] and gaps[n] are empty)
        gaps = _DIGIT.split(stretch)
        n = len(gaps) - 1
        if n < 13:
            continue
        # skipped[k]: separator characters before digit k, so digit k sits at
        # base + k + skipped[k]
        skipped = list(accumulate(map(len, gaps)))
        digits = _NOT_DIGIT.sub("", stretch)
        codes = digits.encode()
        vals = list(codes.translate(_VALUE))
        dbl = list(codes.translate(_DOUBLED))
        # s_even[x]: the Luhn sum of digits [0, x) for a reading whose last digit has
        # an even index (odd indexes doubled); s_odd: the same for an odd last index.
        w_even = vals[:]
        w_even[1::2] = dbl[1::2]
        w_odd = dbl
        w_odd[1::2] = vals[1::2]
        s_even = [0, *accumulate(w_even)]
        s_odd = [0, *accumulate(w_odd)]
        # A reading ends before a separator or the stretch's end, and starts after one.
        ends = [*compress(range(n - 1), gaps[1:n]), n - 1]
        starts = [e + 1 for e in ends[:-1] if e + 1 <= n - 13]
        before = text[base - 1 : base]
        if not (before and _LETTER_OR_DIGIT.match(before)):
            starts.insert(0, 0)
        taken = -1  # digit index up to which a reading was kept (readings do not overlap)
        for k in starts:
            if k <= taken or vals[k] == 0:
                continue
            i = bisect.bisect_left(ends, k + 12)
            if i == len(ends) or ends[i] > k + 18:
                continue
            e0 = ends[i]
            chosen = e0
            if (
                vals[k] in _ISSUER_FIRST
                and skipped[e0] != skipped[k]  # spaced out: a longer reading may be the card
                and not _valid(digits, s_even, s_odd, k, e0)
            ):
                for j in range(i + 1, len(ends)):  # not ends[i + 1 :]: a copy of the rest
                    e = ends[j]
                    if e > k + 18:
                        break
                    if _valid(digits, s_even, s_odd, k, e):
                        chosen = e
                        break
            s = s_odd if chosen & 1 else s_even
            if (s[chosen + 1] - s[k]) % 10:  # _luhn(s_even, s_odd, k, chosen), inlined
                continue  # never a card, whatever the context
            if keep(
                base + k + skipped[k], base + chosen + skipped[chosen] + 1, digits[k : chosen + 1]
            ):
                taken = chosen


def _luhn(s_even: list[int], s_odd: list[int], a: int, b: int) -> bool:
    s = s_odd if b & 1 else s_even
    return (s[b + 1] - s[a]) % 10 == 0


def _valid(digits: str, s_even: list[int], s_odd: list[int], a: int, b: int) -> bool:
    """validate() without context: Luhn and the issuer's prefix and length."""
    return _luhn(s_even, s_odd, a, b) and issuer_ok(digits[a : b + 1])


# The first piece of a card told in pieces (卡號前8碼 43333333，後8碼 33333339): 4 to 12
# digits beside a card word, not a count of digits (前8碼).
SPLIT_HEAD = re.compile(r"(?<![0-9a-z])[0-9](?:[ \-.]?[0-9]){3,11}(?![0-9a-z]|碼|位)")


def split_cards(doc: Doc) -> list[tuple[int, int, str]]:
    """Cards told in pieces beside a card word: each later piece after a gap with a
    word for "the rest is" (後面, 接...), none for "something else"; 13-19 digits in
    all, Luhn-valid."""
    text = doc.text
    out: list[tuple[int, int, str]] = []
    for h in SPLIT_HEAD.finditer(text):
        if doc.near(_CONTEXT, h.start(), h.end(), CONTEXT_BEFORE, 0) is None:
            continue
        digits, pos = later_pieces(text, h.end(), digits_of(h.group()), tails=3, enough=16)
        if pos != h.end() and 13 <= len(digits) <= 19 and luhn_ok(digits):
            out.append((h.start(), pos, digits))
    return out


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    run13 = _RUN13.search(doc.text) is not None
    grouped = (
        ("," in doc.text or " ." in doc.text or ". " in doc.text)
        and doc.has(_CONTEXT)
        and GROUPED.search(doc.text) is not None
    )
    slashed = "/" in doc.text and doc.has(_CONTEXT)
    split = doc.has(_CONTEXT)
    if not run13 and not grouped and not slashed and not split:
        return out

    def keep(start: int, end: int, digits: str) -> bool:
        ctx = doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER)
        if ctx is None:
            exp = EXPIRY.search(doc.text, max(0, start - CONTEXT_BEFORE), end + CONTEXT_AFTER)
            ctx = "MM/YY" if exp is not None else None
        if ctx is None and not issuer_ok(digits):
            return False  # Luhn-valid, but no issuer's number and no card word
        if ctx is None and (len(digits) == 13 or number_label(doc.text, start)):
            # 13 digits with no card word: an EAN-13 barcode (471…) far more often than
            # one of the Visa numbers of that length, out of issue for years; a number
            # labelled as what it is (條碼, 訂單編號, 追蹤碼) is that, not a card
            return False
        out.append(
            doc.finding(
                "credit_card",
                start,
                end,
                masked=f"{digits[:4]}-****-****-{digits[-4:]}",
                # A bare Luhn-valid number is as often an order or mail number.
                score=0.95 if ctx else 0.7,
                rule="credit_card.luhn",
                value=digits,
                checksum=True,
                context=ctx,
            )
        )
        return True

    if run13:
        _readings(doc.text, keep)
    # Groups of two to four digits split by commas or spaced dots (55,33,24,16…,
    # 35 . 49 . 47 …), or by slashes, beside a card word: a card read out to dodge a filter.
    for rx in [rx for rx, on in ((GROUPED, grouped), (SLASHED, slashed)) if on]:
        for m in rx.finditer(doc.text):
            digits = digits_of(m.group())
            if (
                13 <= len(digits) <= 19
                and luhn_ok(digits)
                and doc.near(_CONTEXT, m.start(), m.end(), CONTEXT_BEFORE, CONTEXT_AFTER)
                and not any(f.start < m.end() and m.start() < f.end for f in out)
            ):
                keep(m.start(), m.end(), digits)
    if split and not out:
        for s, e, digits in split_cards(doc):
            if not any(f.start < e and s < f.end for f in out):
                keep(s, e, digits)
    if run13 and "," in doc.text:
        # Four-digit groups joined by commas (五九八八，六六九七… read out): no amount
        # is grouped in fours, so the comma may stand between a card's groups.
        for m in COMMA_GROUPS.finditer(doc.text):
            digits = digits_of(m.group())
            if luhn_ok(digits) and not any(f.start < m.end() and m.start() < f.end for f in out):
                keep(m.start(), m.end(), digits)
    return out


DETECTOR = Detector(name="credit_card", find=find, words=CONTEXT, needs_digit=True, min_digits=13)
