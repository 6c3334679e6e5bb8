"""Speech-to-text homophones of the matter words (detectors/speech.py): a dictated
message's misheard word is read as the word meant; the same characters inside a
real word (手機查詢, 以經費不足, 有機查驗) are left alone. Names are made up."""

from __future__ import annotations

import pytest

from detectors import scan_text
from detectors.normalize import normalize
from detectors.speech import HOMOPHONES, respell_speech

# (row id, dictated message, the finding type it must raise)
HEARD: list[tuple[str, str, str]] = [
    ("機查 for 稽查", "明天要機查大發工廠，先跟老闆說", "inspection_plan"),
    ("撿舉 for 檢舉", "撿舉人是王志明", "whistleblower_identity"),
    ("約淡 for 約談", "林志明明天被約淡，別說出去", "investigation_secret"),
    ("以經 for 已經", "組長缺以經給黃淑芬了", "personnel_secret"),
    ("開鏢 for 開標", "開鏢前只有3家來投", "procurement_secret"),
]

# Ordinary messages holding the same characters inside a real word.
ORDINARY: list[tuple[str, str]] = [
    ("手機查詢", "手機查詢請撥1999"),
    ("有機查驗", "有機查驗結果已公告"),
    ("以經費", "以經費不足為由退件"),
    ("飛機查驗", "飛機查驗行李要排很久"),
]


@pytest.mark.parametrize(("row", "text", "type_"), HEARD, ids=[r[0] for r in HEARD])
def test_a_misheard_matter_word_is_read_as_meant(row: str, text: str, type_: str) -> None:
    result = scan_text(text)
    assert result.verdict != "allow", row
    assert type_ in {f.type for f in result.findings}, result


@pytest.mark.parametrize(("row", "text"), ORDINARY, ids=[r[0] for r in ORDINARY])
def test_a_real_word_is_left_alone(row: str, text: str) -> None:
    assert respell_speech(text) == text, row
    assert scan_text(text).verdict == "allow", row


def test_every_spelling_keeps_the_length_and_offsets() -> None:
    assert all(len(k) == len(v) for k, v in HOMOPHONES.items())
    text = "公告：明天要機查大發工廠"
    norm = normalize(text)
    assert len(norm.text) == len(text)
    assert "稽查" in norm.text
    s = norm.text.index("稽查")
    assert norm.span(s, s + 2) == (s, s + 2)
