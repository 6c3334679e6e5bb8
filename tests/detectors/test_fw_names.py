"""The name finder reading a surname out of ordinary words (issue 9): a particle after a
surname's character, an office title the shared list lacks, a place's name, an ordinal.
Each class has allow rows and leak rows that look alike.
"""

from __future__ import annotations

import pytest

from detectors import scan_text

ROWS: list[tuple[str, str, str]] = [
    # a sentence-final particle is no given name (謝啦 = thanks)
    ("particle", "門診的叫號系統今天當機一小時 謝啦", "allow"),
    ("particle", "急診的候診螢幕壞了 謝啦", "allow"),
    ("particle", "個案 謝佳蓉 的病歷我調出來了，確診憂鬱症", "flag"),
    # an office title after a surname: a colleague (賴督導, 張課員, 林書記官)
    ("title", "值班聯絡\n王科長\t學籍\t分機6788\n賴督導\t成績\t分機5875", "allow"),
    ("title", "林專員：我這週在外面支援，櫃台的事請找賴督導", "allow"),
    ("title", "個案賴美玲的病歷，督導說先別給家屬看", "flag"),
    # a place's suffix after a name: the place (駐胡志明市辦事處)
    ("place", "駐胡志明市辦事處 函\n主旨：有關採購案件之辦理時程，請查照", "allow"),
    ("place", "駐胡志明市辦事處月報重點：請提醒國人留意官網旅遊警示", "allow"),
    ("place", "嫌疑人王大明住在台北市，明天去搜索", "flag"),
    ("place", "王大明市長今天來視察，請各科準備簡報", "allow"),
    # an ordinal is no compound surname (第五庭, 第五組)
    ("ordinal", "跟你說偵查庭第三庭冷氣壞了，今天改到第五庭，謝謝", "allow"),
    ("ordinal", "第五美玲的病歷調出來了，確診乳癌", "flag"),
]


@pytest.mark.parametrize(("kind", "text", "expect"), ROWS, ids=[r[0] for r in ROWS])
def test_name_class_rows(kind: str, text: str, expect: str) -> None:
    result = scan_text(text)
    assert (result.verdict != "allow") == (expect == "flag"), result
