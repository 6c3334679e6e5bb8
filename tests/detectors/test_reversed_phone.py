"""A mobile written backwards with no word saying so, where a phone word labels it
(電話：9603766190): no Taiwanese phone starts that way, and read backwards it is a mobile.
Numbers labelled as something else, or with no phone word, stay ordinary. Made-up rows."""

from __future__ import annotations

import pytest

from detectors import scan_text

ROWS: list[tuple[str, str]] = [
    ("關懷戶陳阿嬤電話：8765432190，明天家訪前先打", "flag"),
    ("承包商負責人林志明手機 5544332190，你直接打", "flag"),
    ("回撥給申請人王美玲：1122334490", "flag"),
    ("倒過來寫：手機 6677889090", "flag"),
    ("電話費帳單編號 1234567890 已繳", "none"),
    ("公文文號 1130004590 請查照", "none"),
    ("今年補助總額 3456789090 元已撥付", "none"),
    ("電話 0223456790 是總機，分機 123", "none"),
]


@pytest.mark.parametrize(
    ("text", "expect"), ROWS, ids=[f"{e}-{i}" for i, (_, e) in enumerate(ROWS)]
)
def test_reversed_mobile_with_a_phone_label(text: str, expect: str) -> None:
    result = scan_text(text)
    phones = [f for f in result.findings if f.type == "phone_number"]
    if expect == "flag":
        assert result.verdict in ("warn", "block") and phones, result.verdict
    else:
        assert not phones, [f.rule for f in phones]


def test_every_label_match_holds_a_label_word() -> None:
    """phone_number.find searches for a reversed mobile only when the text holds a
    reverse cue or one of _LABEL_WORDS: every _REVERSED_LABEL match must hold one."""
    import random

    from detectors.phone_number import _LABEL_WORDS, _REVERSED_LABEL

    rng = random.Random(7)
    pieces = [
        "手機",
        "電話",
        "門號",
        "行動",
        "撥",
        "撥給",
        "打給",
        "打",
        "給",
        "手",
        "電",
        "：",
        " ",
        ":",
    ]
    pieces += ["號", "是", "1", "，", "王"]
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 8)))
        m = _REVERSED_LABEL.search(text)
        if m is not None:
            matched += 1
            assert any(w in m.group() for w in _LABEL_WORDS), text
    assert matched > 1000
