"""The other side of tests/detectors/test_public_places.py: a line or an address said to be
a person's. A private line (私人手機) is a person's even beside an office word; a mailing
address with a person as recipient (收件人 王美玲) is where that person gets mail; a house
number read out in Chinese numerals (民生路二四〇號) is still an address when the rest of
it says so. The near misses stay ordinary. Every row is made up for this test."""

from __future__ import annotations

import pytest

from tests.support.type_rows import TypeRow, check_type_row, type_row_ids

# (text, type, expect): "flag" = warned or blocked with the type reported; "none" = the type
# is not reported and the message is allowed.
ROWS: list[TypeRow] = [
    ("承辦林育萱的私人手機 0912-345-678，你有問題直接打她", "phone_number", "flag"),
    ("社工的個人電話 (02)2345-6789 不要給案家", "phone_number", "flag"),
    ("有事打我私人手機 0911-222-333", "phone_number", "none"),
    ("值班表：林股長私人手機 0933-111-222、陳課員 0922-333-444", "phone_number", "none"),
    ("寄送地址改成：新北市汐止區文化路128號7樓，收件人柳阿水", "address", "flag"),
    ("寄到台中市西區民生路22號，收件人王美玲", "address", "flag"),
    ("資料請寄新北市板橋區中山路一段161號，收件人：人事室", "address", "none"),
    ("樣品寄台中市西區民生路22號，收件人寫總務就好", "address", "none"),
    ("黃志明的地址：新竹縣竹東鎮民生路二四〇號，去找他", "address", "flag"),
    ("王小明住民生路五巷二十號三樓", "address", "flag"),
    ("王小明說這條路三號出口塞車", "address", "none"),
    ("中山路一段一百二十號是市政府，公文寄這裡", "address", "none"),
]


@pytest.mark.parametrize(("text", "type_", "expect"), ROWS, ids=type_row_ids(ROWS))
def test_personal_lines_and_addresses(text: str, type_: str, expect: str) -> None:
    check_type_row(text, type_, expect)
