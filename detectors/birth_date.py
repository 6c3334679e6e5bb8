"""`birth_date`: a person's date of birth, in ROC (民國75年3月2日, 75.03.02, 750302)
or Gregorian form.

A date is only a birth date next to a birth word (生, 出生, 生日, DOB) or when
it is an old date right beside a name or an ID; the policy makes it a leak when
it is tied to a person. Meeting dates and deadlines are not birth dates.
"""

from __future__ import annotations

import datetime as _dt
import re
import time as _time

import regex

from detectors.base import Detector, Finding
from detectors.doc import MAX_FINDINGS_PER_DETECTOR, Doc
from detectors.normalize import cn_number, parse_date, to_gregorian, valid_date
from detectors.respell import as_re

# Starts at a digit so the engine can skip ahead; a 民國 before it is added back.
PATTERN = regex.compile(
    r"(?<![0-9])(?<![0-9]\.)[0-9]{2,4}(?:"
    r"\s?年\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日?"
    r"|[./\-][0-9]{1,2}[./\-][0-9]{1,2}"
    r"| [0-9]{1,2} [0-9]{1,2}"
    r"|[0-9]{2,4}"
    r")(?![0-9])"
)
_HEAD = r"(?<![0-9])(?<![0-9]\.)[0-9]{2,4}"
assert PATTERN.pattern.startswith(_HEAD) and PATTERN.pattern.count(r"|[0-9]{2,4}") == 1
# PATTERN for the hot loop, under the standard `re` (the same dates, about twice
# as fast). It starts with a plain digit class, so the engine jumps from digit to
# digit instead of trying the lookbehinds at every character; the lookbehinds
# follow the first digit and test the same characters. A bare digit run matches
# only at 6-8 digits (the lookbehind `(?<=[0-9]{6})`): PATTERN also matches runs
# of 4-5 (amounts, extensions: most of its matches on ordinary chat), which
# find() then dropped. Such a run is a whole maximal run and no date can start
# inside it, so skipping it changes no other match.
_FAST = re.compile(
    as_re(
        r"[0-9](?<![0-9][0-9])(?<![0-9]\.[0-9])[0-9]{1,3}"
        + PATTERN.pattern[len(_HEAD) :].replace(r"|[0-9]{2,4}", r"|[0-9]{2,4}(?<=[0-9]{6})"),
        sampled=False,
    )
)
ROC_PREFIX = regex.compile(r"(?:民國|民)\s?$")
# The shorthand "b." (born) written straight before a date: 王小明 b.68/2/24.
BORN_ABBREV = regex.compile(r"(?<![a-z])b\.\s?$")
_CN = "〇零一二兩三四五六七八九十百"
CN_DATE = regex.compile(
    rf"(?:民國)?\s?([{_CN}]{{1,4}})\s?年\s?([{_CN}]{{1,3}})\s?月\s?([{_CN}]{{1,3}})\s?[日號]"
)

CONTEXT: tuple[str, ...] = (
    "出生",
    "出生日期",
    "出生年月日",
    "生日",
    "生於",
    "dob",
    "birth",
    "born",
    "date of birth",
)
# A birth word must be this close (characters); "生" must follow the date directly.
CONTEXT_BEFORE = 10
CONTEXT_AFTER = 3
# A date with no birth word counts as a possible birth date only when it is this old.
MIN_AGE_YEARS = 15

_CONTEXT = frozenset(CONTEXT)
_COMPACT = regex.compile(r"[0-9]{6,8}")
# A label for a code or a number just before a bare digit run: it is that code.
_CODE_LABEL = re.compile(
    r"(?:代碼|代號|編號|序號|單號|案號|文號|字號|批號|學號|工號|員編|碼|號)\s?[:：]?\s?$"
)


_year_cache: list[tuple[float, int]] = []


def _this_year() -> int:
    now = _time.monotonic()
    if not _year_cache or now - _year_cache[0][0] > 3600:
        _year_cache[:] = [(now, _dt.date.today().year)]
    return _year_cache[0][1]


_MASK_DIGITS = str.maketrans("0123456789", "**********")

# Someone else's birth date (他的生日是…, 對方出生…): personal data about a person.
_THIRD = re.compile(
    r"(?:他|她|對方|當事人|關係人|嫌犯|嫌疑人|民眾|個案|案主|病患|申請人)(?:的)?(?:生日|出生)"
)


# 生 after a date that is not "born": the day something takes effect or is produced.
_NOT_BORN = ("生效", "生產")


def find(doc: Doc) -> list[Finding]:
    text = doc.text
    # No numeric date (most messages with digits: one search, no iterator): only
    # 民國六十八年… can be here.
    if doc.digits < 4 or _FAST.search(text) is None:
        return _cn_dates(doc) if "年" in text and "月" in text else []
    out: list[Finding] = []
    for m in _FAST.finditer(text):
        if len(out) >= 2 * MAX_FINDINGS_PER_DETECTOR:
            break  # a wall of dates (hostile input): the engine keeps 50 anyway; bounded work
        raw = m.group()  # (a bare digit run here has 6-8 digits: see _FAST)
        parsed = parse_date(raw)
        if parsed is None:
            continue
        s, e = m.span()
        pre = ROC_PREFIX.search(text, max(0, s - 3), s)
        if pre is not None:
            s = pre.start()
            raw = text[s:e]
        ctx = doc.near(_CONTEXT, s, e, CONTEXT_BEFORE, CONTEXT_AFTER)
        if ctx is None and text.startswith("生", e) and not text.startswith(_NOT_BORN, e):
            ctx = "生"  # 84年11月21日生; not 自113年8月1日生效 (the day it takes effect)
        if ctx is None and BORN_ABBREV.search(text, max(0, s - 3), s) is not None:
            ctx = "b."
        if " " in raw and not ctx:
            continue  # "76 05 09" is a date only next to a birth word
        if ctx and _THIRD.search(text, max(0, s - 12), s) is not None:
            score, rule = 0.55, "birth_date.third_party"  # 他生日是 84年11月21日
        elif ctx:
            score, rule = 0.45, "birth_date.context"
        elif parsed[0] <= _this_year() - MIN_AGE_YEARS:
            # An old date with no birth word: a birth date only if it sits right
            # beside a person (the policy ties compact ones only at close range).
            compact = _COMPACT.fullmatch(raw) is not None
            if compact and _CODE_LABEL.search(text, max(0, s - 8), s) is not None:
                continue  # 課程代碼 190731, 驗證碼 750302: a code, not a date
            score, rule = 0.3, "birth_date.compact" if compact else "birth_date.old_date"
        else:
            continue
        out.append(
            doc.finding(
                "birth_date",
                s,
                e,
                masked=raw.strip().translate(_MASK_DIGITS),
                score=score,
                rule=rule,
                value="{:04d}-{:02d}-{:02d}".format(*parsed),
                context=ctx,
            )
        )
    if "年" in text and "月" in text:
        out.extend(_cn_dates(doc))
    return out


# What CN_DATE needs before its 年: a Chinese numeral, perhaps one `\s` between.
_CN_CHARS = frozenset(_CN)
_WS_CHARS = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _numeral_year(text: str) -> bool:
    """A 年 after a Chinese numeral (六十八年, 六十八 年): else CN_DATE cannot match."""
    i = text.find("年")
    while i >= 0:
        if i > 0:
            c = text[i - 1]
            if c in _CN_CHARS or (c in _WS_CHARS and i > 1 and text[i - 2] in _CN_CHARS):
                return True
        i = text.find("年", i + 1)
    return False


def _cn_dates(doc: Doc) -> list[Finding]:
    """Dates written in Chinese numerals: 民國六十八年十二月一日生."""
    out: list[Finding] = []
    if not _numeral_year(doc.text):  # most texts with 年 and 月: 年度, 今年, 2024年
        return out
    for m in CN_DATE.finditer(doc.text):
        y, mo, d = (cn_number(g) for g in m.groups())
        if y is None or mo is None or d is None:
            continue
        year = to_gregorian(y)
        if not valid_date(year, mo, d):
            continue
        s, e = m.start(), m.end()
        ctx = doc.near(_CONTEXT, s, e, CONTEXT_BEFORE, CONTEXT_AFTER)
        if ctx is None and doc.text.startswith("生", e):
            ctx = "生"
        if not ctx:
            continue
        out.append(
            doc.finding(
                "birth_date",
                s,
                e,
                masked="民國**年**月**日",
                score=0.45,
                rule="birth_date.chinese_numerals",
                value=f"{year:04d}-{mo:02d}-{d:02d}",
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(name="birth_date", find=find, words=(*CONTEXT, "年"), wake_chars="年")
