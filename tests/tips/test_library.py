"""The tip library keeps its promises in both locales: same tips, same placeholders, one
phone screen each, every case cites a law, quizzes are answerable with LINE's buttons."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from locales import LOCALES, messages, t
from tips.library import (
    QUICK_REPLY_LABEL_MAX,
    SCREEN_LINES,
    load_library,
    placeholders,
    quiz_explanation,
    screen_lines,
    tip_text,
)
from tips.messages import tip_messages

LAW = {
    "zh-TW": re.compile(r"(刑法|個人資料保護法|政府採購法|傳染病防治法|法|要點|手冊)第?\s*\d+"),
    "en": re.compile(r"\b(Art|Arts|point|points)\.?\s*\d+", re.IGNORECASE),
}


def _strings(value: object, path: str = "") -> dict[str, str]:
    """Every string in a JSON value, by path (lists indexed)."""
    out: dict[str, str] = {}
    if isinstance(value, str):
        out[path] = value
    elif isinstance(value, dict):
        for k, v in value.items():
            out.update(_strings(v, f"{path}/{k}"))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.update(_strings(v, f"{path}[{i}]"))
    return out


def test_same_keys_and_placeholders_in_every_locale() -> None:
    ref = _strings(messages("zh-TW", "tips"))
    assert ref, "tips.zh-TW.json is empty"
    for loc in LOCALES:
        other = _strings(messages(loc, "tips"))
        assert set(other) == set(ref), f"{loc}: keys differ: {set(ref) ^ set(other)}"
        for path, text in ref.items():
            assert placeholders(other[path]) == placeholders(text), f"{loc} {path}"


def test_structured_fields_agree_across_locales() -> None:
    ref = messages("zh-TW", "tips")["tips"]
    for loc in LOCALES:
        tips = messages(loc, "tips")["tips"]
        assert list(tips) == list(ref), f"{loc}: tip order differs"
        for tip_id, data in ref.items():
            assert tips[tip_id]["kind"] == data["kind"], tip_id
            assert tips[tip_id].get("answer") == data.get("answer"), tip_id
            assert len(tips[tip_id].get("choices", [])) == len(data.get("choices", [])), tip_id


def test_at_least_thirty_tips_of_every_kind() -> None:
    lib = load_library("zh-TW")
    kinds = Counter(t.kind for t in lib.values())
    assert len(lib) >= 30
    assert kinds["case"] >= 8  # every real case of the guide
    assert kinds["scenario"] == 10  # the ten scenarios of the tips sheet
    assert kinds["rule"] >= 4 and kinds["quiz"] >= 4


@pytest.mark.parametrize("locale", LOCALES)
def test_every_tip_fits_one_phone_screen(locale: str) -> None:
    for tip in load_library(locale).values():
        text = tip_text(tip, locale)
        assert screen_lines(text) <= SCREEN_LINES, f"{locale} {tip.id}: {screen_lines(text)} lines"
        if tip.is_quiz:
            expl = quiz_explanation(tip, locale, chosen=0)
            assert screen_lines(expl) <= SCREEN_LINES, f"{locale} {tip.id} explanation"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_case_and_scenario_cites_a_law_by_article(locale: str) -> None:
    for tip in load_library(locale).values():
        if tip.kind in ("case", "scenario"):
            assert tip.law and LAW[locale].search(tip.law), f"{locale} {tip.id}: {tip.law!r}"
            assert tip.habit, f"{locale} {tip.id}: no preventive habit"
            assert tip.body.count("。" if locale == "zh-TW" else ". ") <= 4, tip.id


def test_cases_cite_the_laws_of_the_sources() -> None:
    laws = " ".join(t.law or "" for t in load_library("zh-TW").values())
    for cited in (
        "刑法第132條",
        "個人資料保護法第15",
        "第16條",
        "第19條",
        "第20條",
        "第41條",
        "第44條",
        "政府採購法第34條",
        "傳染病防治法第10條",
    ):
        assert cited in laws, cited


@pytest.mark.parametrize("locale", LOCALES)
def test_quiz_messages_carry_answer_buttons_within_line_limits(locale: str) -> None:
    for tip in load_library(locale).values():
        if not tip.is_quiz:
            assert "quickReply" not in tip_messages(tip, locale)[0]
            continue
        assert tip.answer is not None and 0 <= tip.answer < len(tip.choices) <= 3
        assert tip.explain
        (msg,) = tip_messages(tip, locale, send_id=42)
        items = msg["quickReply"]["items"]
        assert len(items) == len(tip.choices)
        for i, item in enumerate(items):
            action = item["action"]
            assert action["data"] == f"quiz:42:{i}"
            assert len(action["label"]) <= QUICK_REPLY_LABEL_MAX
            assert len(action["displayText"]) <= 300
        assert len(msg["text"]) <= 5000


def test_quiz_without_send_id_is_refused() -> None:
    quiz = next(t for t in load_library("zh-TW").values() if t.is_quiz)
    with pytest.raises(ValueError):
        tip_messages(quiz, "zh-TW")


def test_explanation_tells_right_or_wrong_only_when_asked() -> None:
    quiz = next(t for t in load_library("en").values() if t.is_quiz)
    assert quiz.answer is not None
    plain = quiz_explanation(quiz, "en")
    assert "Correct" not in plain and quiz.choices[quiz.answer] in plain
    assert "Correct" in quiz_explanation(quiz, "en", chosen=quiz.answer)
    wrong = (quiz.answer + 1) % len(quiz.choices)
    assert "right answer" in quiz_explanation(quiz, "en", chosen=wrong)


def test_screen_lines_counts_cjk_double_and_wraps_words() -> None:
    assert screen_lines("一" * 16) == 1
    assert screen_lines("一" * 17) == 2
    assert screen_lines("word " * 12) == 2  # 60 columns of words in 32-column lines
    assert screen_lines("a\n\nb") == 3


def test_ui_falls_back_to_zh_tw_then_key() -> None:
    assert t("tip.kind.case", "fr") == t("tip.kind.case", "zh-TW")
    assert t("no.such.key", "en") == "no.such.key"
