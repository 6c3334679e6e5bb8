"""`birth_date`: a person's date of birth, in ROC (民國75年3月2日, 75.03.02, 750302)
or Gregorian form.

A date is only a birth date next to a birth word (生, 出生, 生日, DOB) or when
it is an old date right beside a name or an ID; the policy makes it a leak when
it is tied to a person. Meeting dates and deadlines are not birth dates.
"""

from __future__ import annotations

import datetime as _dt

import regex

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.normalize import parse_date

# Starts at a digit so the engine can skip ahead; a 民國 before it is added back.
PATTERN = regex.compile(
    r"(?<![0-9.])[0-9]{2,4}(?:"
    r"\s?年\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日?"
    r"|[./\-][0-9]{1,2}[./\-][0-9]{1,2}"
    r"|[0-9]{2,4}"
    r")(?![0-9])"
)
ROC_PREFIX = regex.compile(r"(?:民國|民)\s?$")

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


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    text = doc.text
    this_year = _dt.date.today().year
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
        compact = _COMPACT.fullmatch(raw) is not None
        if ctx:
            score, rule = 0.45, "birth_date.context"
        elif (
            not compact
            and parsed[0] <= this_year - MIN_AGE_YEARS
            and ("年" in raw or len(raw) >= 8)
        ):
            score, rule = 0.3, "birth_date.old_date"
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
    return out


DETECTOR = Detector(name="birth_date", find=find, words=CONTEXT, needs_digit=True)
