"""Classes of false warnings found on sets the rules were never tuned on (issue 9), read
in the shared discourse layer; each class has allow rows and the leaks that look alike.

Rows: (class, text, expect); `flag` rows must still warn or block.
"""

from __future__ import annotations

import pytest

from detectors import scan_text
from detectors.discourse import forbidden_kind

ROWS: list[tuple[str, str, str]] = [
    # A rule against telling a kind of data (discourse.forbidden_kind): the category is
    # named, then the prohibition of telling it; nothing of the kind is told.
    (
        "forbidden_kind",
        "本週陳情案件統計：收到27件，已結案9件。回覆時請記得，陳情人的姓名、電話、地址都不可以寫在給被陳情單位的函裡",
        "allow",
    ),
    ("forbidden_kind", "考績會討論內容請勿外流，結果以正式通知為準", "allow"),
    ("forbidden_kind", "再次提醒，開標前有廠商問家數一律說不知道，不要被套話", "allow"),
    # ... not when a value or a person is told beside it
    ("forbidden_kind", "陳情人是王小明，電話都不可以寫在函裡", "flag"),
    ("forbidden_kind", "底價是850萬，這個資料不要外流", "flag"),
    ("forbidden_kind", "開標前投標家數是3家，這個資料不要外流", "flag"),
    ("forbidden_kind", "檢舉人的電話0912345678，姓名不要外流", "flag"),
    ("forbidden_kind", "陳情人的姓名電話一律不要轉給被陳情的單位，切記", "allow"),
    ("forbidden_kind", "提醒承辦：廠商來問投標家數一律回答開標前無法告知", "allow"),
    ("forbidden_kind", "廠商來問投標家數是3家，一律回答開標前無法告知", "flag"),
    # ... in a chat line: its clock time is no number told, its label ends a clause
    (
        "forbidden_kind",
        "09:04\t朱Kevin\t再次提醒，開標前有廠商問家數一律說不知道，不要被套話",
        "allow",
    ),
    ("forbidden_kind", "小芳（13:24）：提醒承辦：廠商來問投標家數一律回答開標前無法告知", "allow"),
    ("forbidden_kind", "09:04 阿明 開標前投標家數是3家，這個資料一律不要外流", "flag"),
    ("forbidden_kind", "投標家數:3家，一律回答開標前無法告知", "flag"),
    # A reported who-question that ends the message (discourse._asked): a quoted line
    # answered in the reply; nobody is told who it was.
    ("asked_who", ">那家店問是誰檢舉\n跟他說依法不能透露，我們是例行巡查。", "allow"),
    ("asked_who", ">案家問通報人是誰\n我說依法保密，他就沒再問了", "allow"),
    # ... not when the answer follows
    ("asked_who", "老闆問是誰檢舉的，我跟他說是隔壁的王小明", "flag"),
    ("asked_who", "老闆問是誰檢舉的，跟他說是隔壁賣麵的", "flag"),
    # A drill's staged scenario (discourse.QUIZ): the case is made up for the exercise.
    (
        "drill",
        "明天法警訓練模擬情境：假設拘票對象為「王大明」，住址「某市某路1號」，請各組演練執行流程",
        "allow",
    ),
    ("drill", "情境模擬：檢舉人來電說要撤回，承辦應如何回應", "allow"),
    ("drill", "明天要搜索王大明家，不是演練，別說出去", "flag"),
    ("drill", "明天清晨要去搜索王大明家，地址中山路15號，大家準時集合", "flag"),
]


@pytest.mark.parametrize(("kind", "text", "expect"), ROWS, ids=[r[0] for r in ROWS])
def test_false_warning_class_rows(kind: str, text: str, expect: str) -> None:
    result = scan_text(text)
    assert (result.verdict != "allow") == (expect == "flag"), result


def test_a_prohibition_in_another_clause_keeps_nothing() -> None:
    # the trigger must stand in the prohibition's own clause, with no digit in it
    triggers = frozenset({"底價"})
    assert forbidden_kind("底價資料請勿外流", triggers) is not None
    assert forbidden_kind("底價是850萬，這個資料不要外流", triggers) is None
    assert forbidden_kind("底價850萬資料請勿外流", triggers) is None
