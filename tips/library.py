"""The tip library: loading `locales/tips.<locale>.json` and a tip's text (tips/messages.py
makes the LINE messages).

A tip is one of four kinds:

- ``case``: a real leak case from the source documents: what went wrong, the law, the habit;
- ``scenario``: one of the ten scenarios of the leak-prevention sheet;
- ``rule``: a short everyday rule;
- ``quiz``: a situation with two or three answers (quick-reply buttons) and an explanation.

The JSON files hold ``tips`` (tip id -> fields); the area's message strings are in `locales/<locale>.json` with the rest (`locales.t`).
Tip ids are the same in every locale; zh-TW is the reference order.
"""

from __future__ import annotations

import string
import textwrap
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from locales import DEFAULT_LOCALE, messages, normalise_locale, t

KINDS: tuple[str, ...] = ("case", "scenario", "rule", "quiz")

# One phone screen. A LINE text bubble on a 360 dp wide phone is about 250 dp wide: at the
# default font size that is ~15 CJK characters, or ~32 Latin characters, a line. A chat screen
# shows ~22 such lines between the header bar and the input box. We keep a whole tip (header,
# text, law, habit, footer) within SCREEN_LINES lines of SCREEN_COLUMNS half-width columns,
# CJK counting double, so a tip can be read without scrolling in either language.
SCREEN_COLUMNS = 32
SCREEN_LINES = 22
# LINE limits: quick-reply labels (20 characters), postback display text (300 characters).
QUICK_REPLY_LABEL_MAX = 20
CHOICE_LETTERS = "ABC"


@dataclass(frozen=True)
class Tip:
    id: str
    kind: str
    title: str
    body: str = ""
    law: str | None = None
    habit: str | None = None
    question: str | None = None
    choices: tuple[str, ...] = ()
    answer: int | None = None
    explain: str | None = None

    @property
    def is_quiz(self) -> bool:
        return self.kind == "quiz"

    @classmethod
    def from_json(cls, tip_id: str, data: Mapping[str, Any]) -> Tip:
        kind = str(data.get("kind", ""))
        if kind not in KINDS:
            raise ValueError(f"tip {tip_id}: unknown kind {kind!r}")
        answer = data.get("answer")
        return cls(
            id=tip_id,
            kind=kind,
            title=str(data["title"]),
            body=str(data.get("body", "")),
            law=data.get("law"),
            habit=data.get("habit"),
            question=data.get("question"),
            choices=tuple(str(c) for c in data.get("choices", ())),
            answer=int(answer) if answer is not None else None,
            explain=data.get("explain"),
        )


def load_library(locale: str | None = None) -> dict[str, Tip]:
    """Every tip of `locale` (ordered as in the file); tips missing there come from zh-TW."""
    loc = normalise_locale(locale)
    ref = messages(DEFAULT_LOCALE, "tips").get("tips", {})
    local = messages(loc, "tips").get("tips", {})
    return {tip_id: Tip.from_json(tip_id, local.get(tip_id, data)) for tip_id, data in ref.items()}


def tip_ids() -> list[str]:
    """The ids of the library, in reference (zh-TW) order."""
    return list(messages(DEFAULT_LOCALE, "tips").get("tips", {}))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# -- rendering -----------------------------------------------------------------------------


def tip_text(tip: Tip, locale: str | None = None, *, footer: bool = True) -> str:
    """The text of the tip message as the group sees it."""
    kind = t(f"tip.kind.{tip.kind}", locale)
    lines = [t("tip.header", locale, kind=kind), f"【{tip.title}】"]
    if tip.is_quiz:
        lines.append(tip.question or "")
        lines += [f"{CHOICE_LETTERS[i]}. {c}" for i, c in enumerate(tip.choices)]
        lines.append(t("quiz.prompt", locale))
    else:
        lines.append(tip.body)
        if tip.law:
            lines.append(t("tip.law", locale, law=tip.law))
        if tip.habit:
            lines.append(t("tip.habit", locale, habit=tip.habit))
        if footer:
            lines.append(t("tip.footer", locale))
    return "\n".join(line for line in lines if line)


def quiz_explanation(tip: Tip, locale: str | None = None, *, chosen: int | None = None) -> str:
    """The answer and why. `chosen` (1:1 chats only) adds right/wrong for that person."""
    assert tip.answer is not None
    right = f"{CHOICE_LETTERS[tip.answer]}. {tip.choices[tip.answer]}"
    lines = []
    if chosen is not None:
        lines.append(
            t("quiz.correct", locale)
            if chosen == tip.answer
            else t("quiz.wrong", locale, answer=right)
        )
    lines.append(t("quiz.answer", locale, answer=right))
    lines.append(tip.explain or "")
    if tip.law:
        lines.append(t("tip.law", locale, law=tip.law))
    return "\n".join(line for line in lines if line)


# -- fitting on a screen -------------------------------------------------------------------


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def screen_lines(text: str, columns: int = SCREEN_COLUMNS) -> int:
    """How many lines `text` takes in a chat bubble `columns` half-width columns wide.

    Latin text wraps at word boundaries (textwrap); CJK text wraps anywhere, at double width.
    """
    total = 0
    for para in text.split("\n"):
        if not para:
            total += 1
            continue
        if all(_width(c) == 1 for c in para):
            total += len(textwrap.wrap(para, columns)) or 1
            continue
        used, lines = 0, 1
        for ch in para:
            w = _width(ch)
            if used + w > columns:
                lines += 1
                used = 0
            used += w
        total += lines
    return total
