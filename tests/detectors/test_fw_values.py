"""The value detectors' own context readings (issue 9): an identifier labelled as another
kind of number, the office's own line said after the number, a placeholder street.
Each class has allow rows and leak rows that look alike.
"""

from __future__ import annotations

import pytest

from detectors import scan_text

ROWS: list[tuple[str, str, str]] = [
    # a number labelled as another kind of identifier, letters first (discourse.NUMBER_LABEL)
    ("id_label", "學生證號 B07801855，這是我自己的，幫我印一下在職進修的成績單", "allow"),
    ("id_label", "舉發通知單號碼A07813287554，民眾說已經繳了", "allow"),
    ("id_label", "民眾說他的電話是07-8132-8755", "flag"),
    ("id_label", "陳情人電話 07-813-2875，學號是B1234", "flag"),
    # the office's own line, said so right after the number (phone_number._OURS_AFTER)
    ("ours", "民眾打來問請轉02-2048-9894，那是我們的總機", "allow"),
    ("ours", "宜蓁（14:18）：民眾打來問請轉(07)2310-8604，那是我們的總機", "allow"),
    ("ours", "檢舉人的電話是02-2345-6789，不是我們的總機", "flag"),
    ("ours", "檢舉人住家電話02-2345-6789，那是我們的總機嗎", "flag"),
    ("ours", "陳情人王小明。電話02-2345-6789", "flag"),
    # a placeholder street (address._PLACEHOLDER_STREET); a real street with a masked city
    # is still an address
    ("placeholder", "範例：關係人甲，住址某市某路1號，電話請以○○○代替", "allow"),
    ("placeholder", "關係人王大明住址某市中山路1號", "flag"),
    ("placeholder", "關係人王大明住在中山路15號", "flag"),
]


@pytest.mark.parametrize(("kind", "text", "expect"), ROWS, ids=[r[0] for r in ROWS])
def test_value_class_rows(kind: str, text: str, expect: str) -> None:
    result = scan_text(text)
    assert (result.verdict != "allow") == (expect == "flag"), result
