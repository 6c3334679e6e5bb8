"""Small pages that name an official and print numbers (images/page_kinds.py, evidence.py):
business cards, property tags, a specimen's caption, a training deck's footer, and a chat's
bubble whose sentence wraps over rows, with its clock on rows of its own; and the other way, a
schedule of unannounced inspections (its head, its target rows) that names who will be visited. Written for
these tests in wordings of their own (not taken from any image set), as rows of OCR boxes; no
pixels, no OCR. Each ordinary page passes with the page evidence that explains it, and its leak
twin (the same layout holding a citizen's data, an ID number, a seizure) still warns. Values are
made up (ID numbers with a valid checksum are invented, not anyone's)."""

from __future__ import annotations

import pytest

from images.scan import analyse_lines
from tests.support.ocr_rows import rows_to_lines

_lines = rows_to_lines


ORDINARY: list[tuple[str, list[list[str]], str]] = [
    (
        "card_title_row",
        [
            ["臺中市政府環境保護局"],
            ["空氣品質科"],
            ["鄭雅婷"],
            ["技正"],
            ["TEL (04)2228-9111 分機 31520"],
            ["FAX (04)2229-0321"],
            ["Mobile 0912-345-678"],
            ["E-mail yating@epb.taichung.gov.tw"],
            ["地址 臺中市西屯區文心路二段588號"],
        ],
        "business_card",
    ),
    (
        "card_no_title_no_fax",
        [
            ["嘉義縣衛生局"],
            ["疾病管制科"],
            ["黃建志"],
            ["電話 05-362-0600"],
            ["手機 0933-222-818"],
            ["Email chien@cyshb.gov.tw"],
        ],
        "business_card",
    ),
    (
        "asset_tag_labelled",
        [
            ["財產標籤"],
            ["財產編號：5010105-02-114-0007"],
            ["名稱：投影機"],
            ["序號：JPX8807123"],
            ["取得日期：108年4月2日", "保管人：許志豪"],
            ["使用單位：總務科"],
        ],
        "asset_tag",
    ),
    (
        "asset_tag_label_unread",
        [
            ["4010203-07-55-0912"],
            ["112年10月30日 保管人：葉淑芬"],
            ["會計室"],
        ],
        "asset_tag",
    ),
    (
        "id_specimen_caption",
        [
            ["中華民國國民身分證"],
            ["張家豪"],
            ["姓名"],
            ["民國79年11月2日"],
            ["出生年月日"],
            ["統一編號", "E224819375"],
            ["示意圖片，非真實證件"],
        ],
        "specimen",
    ),
    (
        # a chat whose clock stands on rows of its own, a rule's sentence wrapped in its bubble
        "chat_rule_wrapped",
        [
            ["09:12"],
            ["業務聯繫(12)"],
            ["俊宏(秘書)"],
            ["工程標案的底價開標前算密件，誰來問都不"],
            ["能說"],
            ["10:05"],
            ["佩珊科長"],
            ["檢舉人的資料一律不准貼到群組"],
            ["11:40"],
        ],
        "chat_message",
    ),
    (
        "training_footer_garbled",
        [
            ["公務機密：這些別傳"],
            ["搜索票、拘票：偵查中文件"],
            ["底價、投標廠商：開標前保密"],
            ["某某縣政府政風處 教商訓練簡報第12頁"],
        ],
        "training",
    ),
]

LEAKS: list[tuple[str, list[list[str]]]] = [
    (
        "card_with_id_number",
        [
            ["臺中市政府環境保護局"],
            ["空氣品質科"],
            ["鄭雅婷"],
            ["TEL (04)2228-9111"],
            ["Mobile 0912-345-678"],
            ["E-mail yating@epb.taichung.gov.tw"],
            ["H135062847"],
        ],
    ),
    (
        "complaint_in_card_layout",
        [
            ["嘉義縣衛生局"],
            ["陳情人 林美惠"],
            ["電話 05-222-1234"],
            ["手機 0955-111-222"],
            ["E-mail meihui88@gmail.com"],
            ["地址 嘉義縣民雄鄉中正路12號"],
        ],
    ),
    (
        "citizen_form_contact_rows",
        [
            ["民眾申請書"],
            ["姓名：吳佳玲"],
            ["手機：0922-876-543"],
            ["地址：高雄市三民區建工路100號"],
        ],
    ),
    (
        "asset_tag_with_id_number",
        [
            ["財產編號：5010105-02-114-0007"],
            ["保管人：許志豪 K207193564"],
            ["使用單位：總務科"],
        ],
    ),
    (
        "seized_goods_tag",
        [
            ["扣押物品標籤"],
            ["物品：手機一支 序號：IMEI35881234"],
            ["所有人：陳冠宇 0987-654-321"],
            ["保管人：證物室 李志明"],
        ],
    ),
    (
        "id_card_asked_if_real",
        [
            ["中華民國國民身分證"],
            ["張家豪"],
            ["姓名"],
            ["統一編號", "E224819375"],
            ["請確認是否為真實證件"],
        ],
    ),
    (
        "chat_tipoff_wrapped",
        [
            ["09:12"],
            ["朋友群(5)"],
            ["阿志"],
            ["王科長說下週三去大順食品突擊稽查，先別"],
            ["說出去"],
            ["10:05"],
            ["小美"],
            ["好喔"],
            ["11:40"],
        ],
    ),
    (
        "chat_citizen_id_wrapped",
        [
            ["09:12"],
            ["業務聯繫(12)"],
            ["俊宏"],
            ["民眾陳志明身分證H135062847，電話0912-"],
            ["345678"],
            ["10:05"],
        ],
    ),
    (
        "chat_bidders_wrapped",
        [
            ["09:12"],
            ["業務聯繫(12)"],
            ["俊宏"],
            ["明天開標，投標廠商有大成營造、永信工程，先"],
            ["別講"],
            ["10:05"],
        ],
    ),
    (
        "whiteboard_unannounced_targets",
        [
            ["後天4/9突擊檢查（請勿外流）"],
            ["10:00 福來食品行 臺南市東區林森路一段88號"],
            ["14:30 三和冷凍有限公司 臺南市安南區海佃路77號"],
            ["集合：8:40 停車場"],
        ],
    ),
    (
        "whiteboard_unannounced_addresses_only",
        [
            ["週五不預警稽查 勿外傳"],
            ["9:00 新北市板橋區文化路200號"],
            ["11:00 新北市三重區重新路55號"],
        ],
    ),
    (
        "training_footer_real_whistleblower",
        [
            ["案例研討"],
            ["檢舉人王志明 0912-888-777 住址台南市東區"],
            ["請勿外洩"],
            ["某某縣政府政風處 教育訓練簡報第3頁"],
        ],
    ),
]


# Near misses of the unannounced-inspection schedule: no target rows, or already published.
NEAR: list[tuple[str, list[list[str]]]] = [
    (
        "rule_slide_no_targets",
        [
            ["不預警稽查勿外傳"],
            ["稽查時間、地點一律當面交代"],
            ["不得以通訊軟體傳送"],
        ],
    ),
    (
        "published_results",
        [
            ["公告：113年度突擊檢查結果"],
            ["福來食品行 臺南市東區林森路一段88號 合格"],
            ["三和冷凍有限公司 臺南市安南區海佃路77號 限期改善"],
        ],
    ),
    (
        "weekly_plan_no_secret",
        [
            ["下週稽查行程"],
            ["週二 福來食品行"],
            ["週四 三和冷凍有限公司"],
        ],
    ),
]


@pytest.mark.parametrize(("name", "rows"), NEAR, ids=[n[0] for n in NEAR])
def test_near_miss_passes(name: str, rows: list[list[str]]) -> None:
    result = analyse_lines(_lines(rows))
    assert "doc_evidence.inspection_targets" not in result.reasons, f"{name}: {result.reasons}"


@pytest.mark.parametrize(("name", "rows", "why"), ORDINARY, ids=[o[0] for o in ORDINARY])
def test_small_page_explained(name: str, rows: list[list[str]], why: str) -> None:
    result = analyse_lines(_lines(rows))
    assert result.verdict == "allow", f"{name}: {result.types} {result.reasons}"
    # the page's evidence let it pass, or the text engine's own discourse did before it
    # (a rule, the office's own machine): either way nothing was told
    assert f"doc_evidence.{why}" in result.reasons or any(
        step.startswith("discourse:") for f in result.suppressed for step in f.why
    ), result.reasons


@pytest.mark.parametrize(("name", "rows"), LEAKS, ids=[f[0] for f in LEAKS])
def test_leak_twin_still_flags(name: str, rows: list[list[str]]) -> None:
    result = analyse_lines(_lines(rows))
    assert result.verdict != "allow", f"{name}: {result.reasons}"
