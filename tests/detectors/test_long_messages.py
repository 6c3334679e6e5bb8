"""Hostile and huge messages: every detector must finish (no catastrophic
backtracking) and still find what is there. Behaviour only; timing lives in
bench/bench_text.py."""

from __future__ import annotations

import pytest
from idgen import national_id

from detectors import scan_text

NID = national_id("K", 2, "7654321")
SIZE = 100_000

HOSTILE = {
    "digits": "1" * SIZE,
    "digits_spaced": "1 " * (SIZE // 2),
    "letters_digits": "A1" * (SIZE // 2),
    "han": "王" * SIZE,
    "han_spaced": "王 " * (SIZE // 2),
    "address_prefix": "台北市中正區中山路" * (SIZE // 9),
    "roads": "路1號" * (SIZE // 3),
    "at_signs": "a@" * (SIZE // 2),
    "dots": "a." * (SIZE // 2),
    "keywords": "拘票底價確診檢舉人稽查" * (SIZE // 11),
    "brackets": "【密" * (SIZE // 2),
    "dates": "75.03.02 " * (SIZE // 9),
    "emoji_digits": "1🙂" * (SIZE // 2),
    "zero_width": "1\u200b" * (SIZE // 2),
    "cn_numerals": "零九一二" * (SIZE // 4),
    "ids_and_dates": "身分證 75.03.02 " * (SIZE // 13),
    "names": "關係人王志明 電話 " * (SIZE // 10),
    "mixed_chat": ("大家好，明天下午2點開會，請準時出席。" * (SIZE // 20)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_100kb_message_finishes(name: str) -> None:
    text = HOSTILE[name]
    assert len(text) >= SIZE * 0.9
    result = scan_text(text)
    assert result.verdict in ("allow", "warn", "block")
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)


def test_an_id_at_the_end_of_100kb_is_found() -> None:
    text = "大家好，明天下午2點開會。" * (SIZE // 13) + f"身分證 {NID}"
    result = scan_text(text)
    found = [f for f in result.findings if f.type == "tw_national_id"]
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == NID
    assert result.verdict == "block"
