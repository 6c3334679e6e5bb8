"""A leak in one item of a long document is judged in its item (detectors/units_read.py).

A published word (公告), office workflow (會報), a roster or a dampening word (避免, 提醒)
in ANOTHER item of a 公文, minutes or a notice is no excuse for an item that tells a
matter itself (a leaking pattern, a named cue). The document's header (title line,
主旨) holds for every item when it speaks of the same kind of matter (決標公告 over a
bidder count), not when it speaks of another (a training plan's 【公告】).

Near-misses: the item's own words excuse it; an item whose matter is only a sum of weak
cues (a person, a time) under workflow elsewhere; a header that publishes the matter.
"""

from __future__ import annotations

import pytest

from detectors import scan_text

ROWS = [
    # ---- leaks: the excuse stands in another item
    (
        "bidders_under_training_notice",
        "【公告】主旨：檢送本局「114年度資通安全教育訓練」實施計畫1份，請查照。\n"
        "說明：一、依據本部函辦理。\n三、講習時間：10/25 09:30，地點：本局119會議室。\n"
        "總務報告：T11492537截至目前只有3家投標，含達晟農產行。\n"
        "四、上課人員請在1/28前至線上登錄。",
        "flag",
    ),
    (
        "base_price_in_notice_item",
        "【公告】\n▶ 本年度查核計畫經處務會議通過，依計畫執行\n"
        "▶ 受查機關NT114P405案尚未開標，簽核底價為7.6億，本組查核時已影印留存\n"
        "▶ 新進同仁職前訓練11/6（五）舉行，請各單位主管督促報名",
        "flag",
    ),
    (
        "diagnosis_in_gongwen_item",
        "臺大醫院雲林分院 函\n主旨：有關陳情案件處理情形，請查照\n說明：\n"
        "一、護理部排班表已公告於內部系統。\n二、醫療品質指標本季達標率90%。\n"
        "三、個案盧靜安，診斷為B型肝炎帶原，擬轉介安寧共照。",
        "flag",
    ),
    (
        "discipline_under_workflow",
        "本所114年第3次工作會議紀錄\n時間：3/2 09:00　主席：所長\n"
        "人事報告：陳建宏記大過一案尚待考績會審議，請先告知其主管。\n"
        "總務報告：冷氣更新工程已公告招標，下月開標。\n散會：上午11時。",
        "flag",
    ),
    # the matter's word first stood in another item (排班 let 住院 pass there); the item
    # that names someone tells a matter of that kind by a leaking pattern
    (
        "named_item_matter_word_elsewhere",
        "臺大醫院雲林分院 函\n主旨：有關陳情案件處理情形，請查照\n說明：\n"
        "一、護理部排班表已公告於內部系統，住院醫師值班請依規定。\n"
        "二、醫療品質指標本季達標率90%。\n"
        "三、個案盧靜安，診斷為B型肝炎帶原，擬轉介安寧共照。",
        "flag",
    ),
    # ---- near-misses
    # a contact line naming someone at a unit whose name holds a matter word (急診部)
    (
        "contact_line_in_notice",
        "急診部交班提醒：今晚15:00起4號診間冷氣維修，留觀區改用B區。\n"
        "請大家互相轉知未加入群組的同仁。\n下次會議時間另行通知。\n"
        "相關經費請依會計室規定期限核銷。有問題請洽急診部魏文彬，分機8800。",
        "allow",
    ),
    (
        "header_publishes_the_award",
        "本處115年度採購案決標公告\n一、案號：T11398765，廁所整修工程\n"
        "二、投標廠商共3家，含永豐水電行\n三、決標金額：2,350,000元，得標廠商：永豐水電行\n"
        "四、公告日期：115年3月2日",
        "allow",
    ),
    (
        "item_published_itself",
        "本所114年第3次工作會議紀錄\n時間：3/2 09:00　主席：所長\n"
        "人事報告：陳建宏記大過一案已經考績會審議通過，並已公告生效。\n"
        "總務報告：冷氣更新工程已公告招標，下月開標。\n散會：上午11時。",
        "allow",
    ),
    (
        "health_talk_in_item",
        "臺大醫院雲林分院 函\n主旨：有關衛教講座辦理情形，請查照\n說明：\n"
        "一、護理部排班表已公告於內部系統。\n二、醫療品質指標本季達標率90%。\n"
        "三、B型肝炎帶原者請定期追蹤肝功能，講座簡報已上網公告。",
        "allow",
    ),
    (
        "ordinary_minutes_published_items",
        "本處114年第4次工作會議紀錄\n時間：4/8 10:00　主席：處長\n"
        "業務報告：本月受理申請52件，皆依限完成。\n"
        "採購報告：冷氣更新工程已於4/1決標公告，共3家投標，由永豐水電行得標。\n"
        "人事報告：115年考績作業預計9/1開始，各單位依限送考評資料。\n散會：上午11時。",
        "allow",
    ),
]


@pytest.mark.parametrize(("case", "text", "expect"), ROWS, ids=[r[0] for r in ROWS])
def test_items_judged_in_their_own_scope(case: str, text: str, expect: str) -> None:
    result = scan_text(text)
    assert (result.verdict != "allow") == (expect == "flag"), (case, result.verdict)


def test_a_flagged_item_says_why() -> None:
    result = scan_text(ROWS[0][1])
    why = [step for f in result.findings for step in f.why]
    assert any("read in its own unit" in step for step in why), why


def test_the_item_flagged_is_the_one_that_tells() -> None:
    text = ROWS[2][1]
    result = scan_text(text)
    item = text.index("三、個案")
    assert all(f.start >= item for f in result.findings), result.findings
