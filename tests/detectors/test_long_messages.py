"""Hostile and huge messages: every detector must finish (no catastrophic
backtracking, no regex retried at every digit) and still find what is there.
Behaviour only; timing lives in bench/bench_text.py (`long_messages`, 5 ms for
5,000 characters)."""

from __future__ import annotations

import pytest

from detectors import scan_text
from tests.support.idgen import luhn_card, national_id

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
    "dashed_pairs": "12-" * (SIZE // 3),
    "cn_numerals_commas": "零九三二，七七一，" * (SIZE // 9),
    "radio_numerals": "洞勾三兩 拐拐么 " * (SIZE // 9),
    "math_digits": "𝟎𝟏𝟐 " * (SIZE // 4),
    "circled_digits": "①②③ " * (SIZE // 4),
    "arabic_indic": "٠١٢ " * (SIZE // 4),
    "combining_marks": "1\u0301" * (SIZE // 2),
    "cyrillic_ids": "Е2201 " * (SIZE // 6),
    "lone_surrogates": "1\ud83d" * (SIZE // 2),
    "spaced_at": "a @ b . com " * (SIZE // 12),
    "spelled_at": "a at b dot com " * (SIZE // 15),
    "split_heads": "E2201。後五碼是 " * (SIZE // 12),
    "passport_roster": "護照 王志明 312345678、" * (SIZE // 17),
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


CARD = luhn_card("4")


@pytest.mark.parametrize(
    "filler", ["1 ", "12-", "0 9 ", "4 ", "🙂1", "零九", "𝟒 "], ids=lambda f: repr(f)
)
def test_a_card_after_a_long_digit_soup_is_found(filler: str) -> None:
    """The card reader walks a long stretch of digits once and still reads the card
    at its end (separated from the soup, as a writer would)."""
    text = filler * 2_400 + f"。卡號 {CARD}"
    cards = [f for f in scan_text(text).findings if f.type == "credit_card"]
    assert any(text[f.start : f.end] == CARD for f in cards)


def test_an_id_after_5000_characters_of_separators_and_heads() -> None:
    text = "E2201 - / . " * 400 + f"身分證 {NID}"
    found = [f for f in scan_text(text).findings if f.type == "tw_national_id"]
    assert [text[f.start : f.end] for f in found] == [NID]


def test_many_addresses_are_capped_and_flagged() -> None:
    text = "民眾信箱 chen88 @ gmail . com、" * 2_000
    result = scan_text(text)
    emails = [f for f in result.findings if f.type == "email"]
    assert 0 < len(emails) <= 50
    assert result.verdict in ("warn", "block")
