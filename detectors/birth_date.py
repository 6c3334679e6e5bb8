"""`birth_date`: a person's date of birth, in ROC (民國75年3月2日, 75.03.02, 750302)
or Gregorian form.

A date is only a birth date next to a birth word (生, 出生, 生日, DOB) or when
it is an old date right beside a name or an ID; the policy makes it a leak when
it is tied to a person. Meeting dates and deadlines are not birth dates.
"""

from __future__ import annotations

import datetime as _dt
import time as _time

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.normalize import cn_number, parse_date, to_gregorian, valid_date

# Starts at a digit so the engine can skip ahead; a 民國 before it is added back.
PATTERN = regex.compile(
    r"(?<![0-9])(?<![0-9]\.)[0-9]{2,4}(?:"
    r"\s?年\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日?"
    r"|[./\-][0-9]{1,2}[./\-][0-9]{1,2}"
    r"| [0-9]{1,2} [0-9]{1,2}"
    r"|[0-9]{2,4}"
    r")(?![0-9])"
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


_year_cache: list[tuple[float, int]] = []


def _this_year() -> int:
    now = _time.monotonic()
    if not _year_cache or now - _year_cache[0][0] > 3600:
        _year_cache[:] = [(now, _dt.date.today().year)]
    return _year_cache[0][1]


# Someone else's birth date (他的生日是…, 對方出生…): personal data about a person.
_THIRD = regex.compile(
    r"(?:他|她|對方|當事人|關係人|嫌犯|嫌疑人|民眾|個案|案主|病患|申請人)(?:的)?(?:生日|出生)"
)


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    text = doc.text
    if doc.digits < 4:  # no numeric date: only 民國六十八年… can be here
        return _cn_dates(doc) if "年" in text and "月" in text else out
    this_year = _this_year()
    for m in PATTERN.finditer(text):
        raw = m.group()
        s, e = m.start(), m.end()
        if raw.isdigit() and not 6 <= len(raw) <= 8:
            continue
        parsed = parse_date(raw)
        if parsed is None:
            continue
        pre = ROC_PREFIX.search(text, max(0, s - 3), s)
        if pre is not None:
            s = pre.start()
            raw = text[s:e]
        ctx = doc.near(_CONTEXT, s, e, CONTEXT_BEFORE, CONTEXT_AFTER)
        if ctx is None and text.startswith("生", e):
            ctx = "生"
        if ctx is None and BORN_ABBREV.search(text, max(0, s - 3), s) is not None:
            ctx = "b."
        compact = _COMPACT.fullmatch(raw) is not None
        if " " in raw and not ctx:
            continue  # "76 05 09" is a date only next to a birth word
        if ctx and _THIRD.search(text, max(0, s - 12), s) is not None:
            score, rule = 0.55, "birth_date.third_party"  # 他生日是 84年11月21日
        elif ctx:
            score, rule = 0.45, "birth_date.context"
        elif parsed[0] <= this_year - MIN_AGE_YEARS:
            # An old date with no birth word: a birth date only if it sits right
            # beside a person (the policy ties compact ones only at close range).
            score, rule = 0.3, "birth_date.compact" if compact else "birth_date.old_date"
        else:
            continue
        masked = regex.sub(r"[0-9]", "*", raw.strip())
        out.append(
            doc.finding(
                "birth_date",
                s,
                e,
                masked=masked,
                score=score,
                rule=rule,
                value="{:04d}-{:02d}-{:02d}".format(*parsed),
                context=ctx,
            )
        )
    if "年" in text and "月" in text:
        out.extend(_cn_dates(doc))
    return out


def _cn_dates(doc: Doc) -> list[Finding]:
    """Dates written in Chinese numerals: 民國六十八年十二月一日生."""
    out: list[Finding] = []
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


DETECTOR = Detector(name="birth_date", find=find, words=(*CONTEXT, "年"))
