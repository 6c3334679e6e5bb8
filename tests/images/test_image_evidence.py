"""Document evidence (images/evidence.py) on OCR-line fixtures: the page decides what the text
engine's findings mean. Each row is a page as rows of boxes; no pixels, no OCR."""

from __future__ import annotations

import pytest

from detectors.policy import DEFAULT_POLICY
from images.orient import _turned_half, _upside_down
from images.page_kinds import read_page
from images.scan import analyse_lines
from tests.support.ocr_rows import rows_to_lines

_lines = rows_to_lines


ALLOWED: list[tuple[str, str, list[list[str]]]] = [
    (
        "specimen_card",
        "specimen",
        [
            ["中華民國國民身分證"],
            ["姓名", "陳筱玲"],
            ["出生", "民國56年5月20日"],
            ["樣本"],
            ["統一編號", "A123456789"],
        ],
    ),
    (
        "filled_example",
        "specimen",
        [
            ["戶籍謄本申請書"],
            ["填寫範例"],
            ["申請人姓名：王小明"],
            ["出生日期：民國70年1月1日"],
            ["住址：臺北市中正區重慶南路一段122號"],
            ["聯絡電話：0912-345-678"],
        ],
    ),
    (
        "public_notice",
        "public_notice",
        [
            ["新北市政府公告"],
            ["主旨：公告本府113年度內部稽核計畫及稽核結果。"],
            ["二、稽核小組召集人:副秘書長林志明。"],
            ["三、承辦人：主計處王美華專員"],
            ["電話：(02)2720-1063分機224"],
            ["四、市民當家熱線1999。"],
        ],
    ),
    (
        "letter_officials",
        "official",
        [
            ["臺北市政府主計處函"],
            ["受文者：本府各一級機關"],
            ["主旨：檢送本處114年度內部稽核作業計畫，請查照。"],
            ["說明："],
            ["一、稽核小組由本處黃國華科長擔任召集人。"],
            ["二、聯絡人：林佳穎專員，電話(02)2720-5531分機312。"],
            ["三、民眾陳情請洽市民當家熱線1999。"],
        ],
    ),
    (
        "menu",
        "shop",
        [
            ["好味道便當 菜單"],
            ["排骨便當", "$100"],
            ["雞腿便當", "$110"],
            ["鯖魚便當", "$90"],
            ["訂購專線0984-474-562 李老闆"],
            ["地址：臺中市北區三民路三段85號"],
        ],
    ),
    (
        "directory",
        "list_row",
        [
            ["桃園市政府消防局各單位分機表"],
            ["總機：(03)337-9119 傳真：(03)337-9178 地址：桃園市桃園區縣府路1號"],
            ["單位 職稱 姓名 分機"],
            ["企劃科 股長 鄭俊偉 3076"],
            ["企劃科 科長 游靜琪 2915"],
            ["人事室 專員 潘安誠 2388"],
            ["人事室 科員 洪詩子 3562"],
            ["資訊室 科長 詹筱筱 4928"],
        ],
    ),
    (
        "lunch_order",
        "shop",
        [
            ["企劃科午餐訂購統計12/19"],
            ["姓名 品項 金額 付款"],
            ["許安育 素食 90 已付"],
            ["潘柏芬 滷肉飯 120 已付"],
            ["鍾維英 滷肉飯 80 未付"],
            ["陳英宇 素食 100 已付"],
            ["詹佩家 雞腿飯 80 未付"],
            ["店家電話：0988-365-320（好味道便當）"],
        ],
    ),
    (
        "blank_form",
        "blank_form",
        [
            ["個人資料調閱申請單"],
            ["編號：", "收件日期：", "日"],
            ["申請人 (單位/職稱)"],
            ["調閱對象"],
            ["調閱目的"],
            ["填表說明：本表蒐集之個人資料，僅供本案處理之用，並依個人資料保護法規定保管。"],
        ],
    ),
    (
        "event_poster",
        "public_notice",
        [
            ["捐血活動"],
            ["日期：113年6月1日（日）"],
            ["地點：大安森林公園"],
            ["活動洽詢：(03)337-9119"],
            ["主辦：新北市政府衛生局"],
        ],
    ),
    (
        "meeting_notice_audit",
        "letter_subject",
        [
            ["內政部移民署 開會通知單"],
            ["受文者：", "如正副本"],
            ["發文日期：", "中華民國113年9月3日"],
            ["密等及解密條件或保密期限："],
            ["開會事由：", "研商本局113年度資通安全稽核缺失改善事宜"],
            ["開會時間：", "113年8月25日（星期四）上午9時30分"],
            ["開會地點：", "臺北市中正區廣州街15號12樓第3會議室"],
            ["主持人：", "局長簡翰建"],
            ["聯絡人及電話：", "行政科劉誠豪(02)2388-9393 分機5620"],
        ],
    ),
    (
        "specimen_number_only",
        "specimen",
        [
            ["全民健康保險 NHI"],
            ["王小明"],
            ["A123456789"],
            ["SPECL 070/01/01"],
            ["0000 1234 5678"],
        ],
    ),
    (
        "specimen_resident_certificate",
        "specimen",
        [
            ["中華民國居留證"],
            ["Republic of China (Taiwan) Resident Certificate"],
            ["姓名 Name"],
            ["NGUYEN, VAN A"],
            ["國籍 Nationality"],
            ["1990/01/01"],
            ["統一證號 UI No. A800000014"],
        ],
    ),
    (
        "sign_in_sheet_units",
        "agency_place",
        [
            ["公文線上簽核說明會簽到表"],
            ["日期：113年1月5日 地點：桃園市政府消防局2樓大禮堂"],
            ["編號 單位 職稱 姓名 簽名"],
            ["1 會計室 專員 賴安庭"],
            ["2 資訊室 技士 邱妤雅"],
            ["3 稽查科 視察 潘維秀"],
            ["4 秘書室 科員 張俊建"],
            ["5 稽查科 科員 周慧冠"],
        ],
    ),
    (
        "calendar",
        "digit_grid",
        [
            ["2025年2月 行事曆"],
            ["日 一 二 三 四 五 六"],
            ["1 2 3 4"],
            ["5 6 7 8 9 10 11"],
            ["12 13 14 15 16 17 18"],
            ["19 20 21 22 23 24 25"],
        ],
    ),
    (
        "chat_sender_above_a_rules_question",
        "chat_message",
        [
            ["戶政事務所同仁(21)"],
            ["邱雅琪"],
            ["陳情案回信時，陳情人的手機要不要遮"],
            ["？", "下午2:41"],
            ["下午2:43", "要，寫成0933-***-***"],
            ["輸入訊息"],
        ],
    ),
    (
        "results_published_under_foi",
        "public_notice",
        [
            ["臺南市政府衛生局114年度餐飲衛生稽查結果"],
            ["(本表依政府資訊公開法主動公開)"],
            ["業者名稱 地址 日期 結果"],
            ["1 好味小吃店 臺南市東區大學路二段18號 7/3 合格"],
            ["2 小王子小吃店 桃園市龜山區仁愛路二段12號 5/26 限期改正"],
            ["3 正興超市 高雄市前鎮區三民路二段293 7/1 合格"],
            ["查詢專線：(06)290-2580分機6224；市民熱線1999"],
        ],
    ),
    (
        # the signer at the foot ties the letter's own address to the 陳情 of its last line
        "letter_header_address_and_1999",
        "office_address",
        [
            ["經濟部水利署函"],
            ["地址：臺中市南屯區黎明路二段501號"],
            ["承辦人：周文彬技正"],
            ["電話：(04)703-7222分機4650"],
            ["受文者：各河川分署"],
            ["發文日期：中華民國114年3月2日"],
            ["主旨：有關114年度工程採購稽核結果暨缺失改善一案，"],
            ["請查照。"],
            ["說明："],
            ["一、聯絡窗口：本案請逕洽周文彬技正，電話(04)273-3377分機3525；"],
            ["民眾陳情請轉1999專線。"],
            ["主任 江思穎"],
        ],
    ),
    (
        "blank_register_application",
        "blank_form",
        [
            ["戶籍謄本申請書"],
            ["申請人姓名"],
            ["身分證統一編號"],
            ["出生日期", "年", "月", "日"],
            ["戶籍地址"],
            ["本表所蒐集之個人資料僅供本案使用。"],
        ],
    ),
    (
        "shop_flyer_contact_person",
        "shop",
        [
            ["大順文具行"],
            ["★公家機關可月結"],
            ["★統編收據現場開立 新春優惠"],
            ["洽詢：柯小姐0934-461-427"],
            ["店址：臺中市南屯區三民路二段205號"],
            ["營業：週一至週六09:00-18:00"],
        ],
    ),
    (
        "specimen_stamp_spread_over_boxes",
        "specimen",
        [
            ["中華民國國民身分證"],
            ["姓名", "林美麗"],
            ["出生", "民國61年"],
            ["性別", "女", "樣"],
            ["發證日期", "民國113年2月27日", "張"],
            ["統一編號", "A234567890"],
            ["父", "章振", "母", "趙彥承"],
            ["住址", "臺北市大安區仁愛路一段111號12樓"],
        ],
    ),
    (
        "letter_field_label_read_as_a_name",
        "field_label",
        [
            ["經濟部標準檢驗局 函"],
            ["地址：桃園市龜山區長春路147號"],
            ["承辦人：施祥君科長"],
            ["傅真：(03)787-1360"],
            ["受文者：如正副本"],
            ["主旨：有關本局114年度公務機密維護稽核作業，請查照。"],
            ["說明：民眾陳情請轉1999專線。"],
            ["主任 侯瑋珍"],
        ],
    ),
    (
        "letter_address_township_read_as_a_name",
        "office_address",
        [
            ["內政部移民署函"],
            ["地址：宜蘭縣羅東鎮文化路227號"],
            ["承辦人：沈瑞瑞稽查員"],
            ["受文者：各區公所"],
            ["主旨：有關114年度各機關採購稽核結果暨缺失改善一案，請查照。"],
            ["說明：民眾陳情請轉1999專線。"],
            ["主任 王梅秀"],
        ],
    ),
    (
        "invoice_number_read_as_an_id",
        "invoice_number",
        [
            ["福記文具"],
            ["電子發票證明聯"],
            ["115年07-08月"],
            ["XZ-85334659"],
            ["隨機碼5106 總計4858"],
        ],
    ),
    (
        # a sideways poster read with its rows reversed: the bureau above the event's date
        "event_poster_places_limited",
        "public_notice",
        [
            ["桃園市政府勞動局關心您"],
            ["名額200人，額滿為止"],
            ["洽詢：(04)207-1749 分機7733"],
            ["報名：各單位庶務"],
            ["地點：彩虹河濱公園"],
            ["8月12日（六）上午8時"],
            ["家庭日"],
        ],
    ),
    (
        "personnel_order_in_effect",
        "public_notice",
        [
            ["臺南市政府消防局 人事命令"],
            ["已核定"],
            ["生效日期：114年6月1日"],
            ["下列人員陞遷案業經核定，自生效日起生效。"],
            ["姓名 原職稱 新職稱 新單位 生效日"],
            ["簡志遠 股長 視察 稽查科 114.12.1"],
            ["潘怡如 技士 科長 第二科 114.10.1"],
            ["馮建宏 科員 專員 企劃科 114.11.1"],
        ],
    ),
    (
        "shop_flyer_copy_read_as_a_tipoff",
        "shop",
        [
            ["好味汽車保養"],
            ["★團購10份以上送1份 新春優惠"],
            ["★LINE預約優先處理"],
            ["洽詢：曹師傅0931-873-442"],
            ["店址：臺南市東區光復路三段330號"],
            ["營業：週一至週六09:00-21:00"],
        ],
    ),
    (
        "training_slide_lists_what_not_to_do",
        "training",
        [
            ["公務機密維護 常見洩密態樣"],
            ["將民眾身分證、健保卡照片傳到LINE群組"],
            ["拘票搜索票執行前告知當事人或親友"],
            ["開標前透露投標廠商家數或名單"],
        ],
    ),
    (
        "specimen_card_mark_unread_example_number",
        "specimen",
        [
            ["中華民國國民身分證"],
            ["姓名", "陳筱玲"],
            ["出生", "民國61年4月11日"],
            ["性別女", "本"],
            ["統一編號", "A234567890"],
        ],
    ),
    (
        # a page turned half-way, its rows read bottom to top: the fax row misread as a name
        "letter_fax_row_read_reversed",
        "field_label",
        [
            ["署長金文強"],
            ["民眾陳情請轉1999專線"],
            ["主旨:為辦理115年度防火管理業務檢查，請貴單位指派人員出席說明會。"],
            ["受文者：本署各單位"],
            ["傅真：(03)238-9727"],
            ["電話：(03)818-9977分機7224"],
            ["承辦人：阮珍嬌視察"],
            ["桃園市政府勞動局函"],
        ],
    ),
]

FLAGGED: list[tuple[str, str, list[list[str]]]] = [
    (
        "promotion_scores",
        "personnel_roster",
        [
            ["科長職缺陞遷評分表"],
            ["排序姓名 年資積分 考績積分 總分"],
            ["1 羅祥豪 22 35 87"],
            ["2 蔡怡欣 17 34 81"],
            ["3 戴家建 17 23 70"],
        ],
    ),
    (
        "appraisal_list",
        "personnel_roster",
        [
            ["113年度公務人員考績評定清冊"],
            ["姓名 職稱 考績等次 分數"],
            ["盧俊詩 科員 甲等 85"],
            ["翁美玉 專員 乙等 78"],
        ],
    ),
    (
        # the grade column's header (考列等次) over bare grades in cells of their own
        "appraisal_bare_grades",
        "personnel_roster",
        [
            ["花蓮縣衛生局112年另予考績初核清冊"],
            ["序", "姓名", "職稱", "考列等次", "備註"],
            ["1", "賴志群", "技正", "乙", "曠職"],
            ["2", "邱美辰", "科員", "甲"],
            ["3", "鄭欣穎", "辦事員", "丙", "請假過多"],
        ],
    ),
    (
        "bidders",
        "bidders_roster",
        [
            ["投標廠商名單"],
            ["採購案名：市立圖書館資訊設備採購"],
            ["一、宏達資訊股份有限公司"],
            ["二、大同系統科技有限公司"],
        ],
    ),
    (
        "bid_price",
        "bid_price",
        [
            ["底價核定表"],
            ["採購案名：辦公大樓空調汰換工程"],
            ["底價：新臺幣4,516,000元整"],
            ["核定人：機關首長"],
        ],
    ),
]


@pytest.mark.parametrize(("name", "why", "rows"), ALLOWED, ids=[a[0] for a in ALLOWED])
def test_page_evidence_explains_the_findings(name: str, why: str, rows: list[list[str]]) -> None:
    result = analyse_lines(_lines(rows))
    assert result.verdict == "allow", f"{name}: {result.types} {result.reasons}"
    assert result.doc_type is None and not result.findings
    if f"doc_evidence.{why}" not in result.reasons:
        # The text engine alone already lets this page pass (its own discourse signals):
        # nothing was left for the page evidence to explain, and nothing it set aside
        # could have been flagged.
        assert all(f.score < DEFAULT_POLICY.warn_threshold for f in result.suppressed), name
        return
    # what was set aside is kept for --explain, with the evidence in its rule (a specimen's
    # sample values may already be let pass by the text engine's own sample rule)
    assert why == "specimen" or any(
        f.rule.endswith(f"+doc_evidence.{why}") for f in result.suppressed
    )


@pytest.mark.parametrize(("name", "why", "rows"), FLAGGED, ids=[f[0] for f in FLAGGED])
def test_page_evidence_makes_a_finding(name: str, why: str, rows: list[list[str]]) -> None:
    result = analyse_lines(_lines(rows))
    assert result.verdict == "block", f"{name}: {result.types} {result.reasons}"
    assert f"doc_evidence.{why}" in result.reasons
    assert any(f.rule == f"doc_evidence.{why}" and f.source == "ocr" for f in result.findings)


def test_published_results_and_not_yet_published() -> None:
    assert read_page(["113年度考績評定結果公告", "王小明 甲等 85", "李大華 乙等 78"]).public
    roster = read_page(["113年度考績評定清冊（尚未公告）", "王小明 甲等 85", "李大華 乙等 78"])
    assert not roster.public and roster.personnel_roster == 2


def test_letter_keeps_a_whistleblower_named_to_the_accused() -> None:
    rows = [
        ["縣政府環境保護局函"],
        ["受文者：大豐化工股份有限公司"],
        ["主旨：有關貴公司排放廢水遭檢舉一案，請說明。"],
        ["說明："],
        ["一、檢舉人施宗雯（電話0961-540-313）住於貴公司隔壁，"],
    ]
    assert analyse_lines(_lines(rows)).verdict != "allow"


def test_a_chat_message_that_names_the_whistleblower_still_flags() -> None:
    """Judging each chat message on its own keeps a message that leaks on its own."""
    rows = [
        ["稽查股(8)"],
        ["許志豪"],
        ["檢舉人是黃淑芬，她的電話0952-318-604", "上午9:12"],
        ["收到", "上午9:13"],
    ]
    result = analyse_lines(_lines(rows))
    assert result.verdict != "allow"
    assert "whistleblower_identity" in result.types


def test_filled_register_application_is_not_blank() -> None:
    rows = [
        ["戶籍謄本申請書"],
        ["申請人姓名", "蔡明哲"],
        ["身分證統一編號", "K257491186"],
        ["出生日期", "72年", "4月", "9日"],
    ]
    assert not read_page([" ".join(r) for r in rows]).blank_form
    assert analyse_lines(_lines(rows)).verdict != "allow"


def test_a_shop_page_does_not_hide_an_id_number() -> None:
    rows = [
        ["大順文具行 新春優惠 第二件半價"],
        ["營業：週一至週六09:00-18:00"],
        ["訂購人：蔡明哲 身分證K257491186"],
    ]
    assert read_page([" ".join(r) for r in rows]).shop
    assert analyse_lines(_lines(rows)).verdict == "block"


def test_one_specimen_character_alone_is_no_stamp() -> None:
    """A single 樣 box (a word cut by OCR) does not make a real card a specimen."""
    card = [
        ["中華民國國民身分證"],
        ["姓名", "林志玲"],
        ["出生", "民國63年11月29日", "樣"],
        ["統一編號", "K257491186"],
    ]
    result = analyse_lines(_lines(card))
    assert result.verdict == "block" and result.doc_type == "id_card"


def test_training_title_does_not_hide_a_named_case() -> None:
    rows = [
        ["公務機密維護 宣導"],
        ["檢舉人是黃淑芬，她的電話0952-318-604，明天去稽查大豐化工"],
    ]
    assert analyse_lines(_lines(rows)).verdict != "allow"


def test_personnel_list_not_yet_approved_still_flags() -> None:
    rows = [
        ["科長職缺陞遷評分表（尚未核定）"],
        ["排序姓名 年資積分 考績積分 總分"],
        ["1 羅祥豪 22 35 87"],
        ["2 蔡怡欣 17 34 81"],
    ]
    assert analyse_lines(_lines(rows)).verdict == "block"


def test_real_id_card_and_classified_letter_still_block() -> None:
    card = [
        ["中華民國國民身分證"],
        ["姓名", "林志玲"],
        ["出生", "民國63年11月29日"],
        ["統一編號", "K257491186"],
    ]
    assert analyse_lines(_lines(card)).doc_type == "id_card"
    letter = [
        ["密"],
        ["內政部移民署 函"],
        ["受文者：各專勤隊"],
        ["主旨：專案查察對象名冊，請查照。"],
        ["說明："],
        ["一、本案預定於9月7日執行，聯絡人王大明科長。"],
    ]
    result = analyse_lines(_lines(letter))
    assert result.doc_type == "classified" and result.verdict == "block"


def test_page_read_upside_down_is_put_back_in_order() -> None:
    rows = [["底價核定表"], ["採購案號：113A585"], ["採購案名：辦公大樓空調汰換工程"]]
    rows += [["預算金額：新臺幣733萬元"], ["底價：新臺幣4,516,000元整"], ["核定人：機關首長"]]
    upright = _lines(rows)
    assert not _upside_down(upright)
    flipped = _turned_half(upright)  # as the engine returns an upside-down page
    assert _upside_down(flipped)
    assert [ln.text for ln in _turned_half(flipped)] == [ln.text for ln in upright]


_STAMPED_FILE = [
    ["偵查不公"],  # the stamp as the engine read it, cut short
    ["專案偵辦進度報告"],
    ["案號：", "113年度他字第2924號"],
    ["涉嫌人：", "柯正宗（立信企業社負責人）"],
    ["涉嫌罪名：", "妨害自由"],
    # (with 清晨, a day ahead, the text engine blocks the page alone since matter._discourse
    # no longer lets 已完成 cover a plan against a named target; this file keeps the case
    # the stamp is needed for)
    ["偵辦進度：", "已完成通訊監察，預定113年3月15日執行搜索"],
    ["搜索地點：", "臺中市西屯區和平東路112巷38號"],
    ["備註：", "勿使涉嫌人知悉，以免湮滅證據"],
]


def test_secrecy_stamp_keeps_a_named_file_flagged() -> None:
    # The text engine alone lets it pass (已完成 reads as done, 勿 as a reminder); the stamp over
    # a page naming someone says it is an investigation file.
    result = analyse_lines(_lines(_STAMPED_FILE))
    assert result.verdict == "block", f"{result.types} {result.reasons}"
    assert "doc_evidence.secrecy_stamp" in result.reasons
    restored = [f for f in result.findings if f.rule.endswith("+doc_evidence.secrecy_stamp")]
    assert restored and restored[0].type in ("investigation_secret", "warrant")
    assert any("doc_evidence.secrecy_stamp" in why for why in restored[0].why)


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "rule_slide",  # the principle's name as a title, no stamp row, nobody named
            [
                ["偵查不公開原則教育訓練"],
                ["一、偵查不公開，依法不得公開偵查中之搜索、拘提時間。"],
                ["二、違反者依法懲處。"],
            ],
        ),
        (
            "stamp_without_a_name",  # a stamped page that names nobody
            [["不公開"], ["勤務規劃說明"], ["一、已完成裝備檢查，勿延誤執行搜索演練。"]],
        ),
    ],
)
def test_secrecy_stamp_needs_a_stamp_and_a_name(name: str, rows: list[list[str]]) -> None:
    result = analyse_lines(_lines(rows))
    assert "doc_evidence.secrecy_stamp" not in result.reasons, name
    assert result.verdict == "allow", f"{name}: {result.types} {result.reasons}"


def test_secrecy_stamp_is_read_as_a_page_mark() -> None:
    assert read_page(["偵查不公開", "專案偵辦進度報告"]).stamped
    assert read_page(["  偵查不公  ", "涉嫌人：柯正宗"]).stamped
    assert not read_page(["偵查不公開原則教育訓練", "一、偵查不公開。"]).stamped
    assert not read_page(
        ["第一頁", "第二頁", "第三頁", "第四頁", "第五頁", "第六頁", "不公開"]
    ).stamped


def test_bare_grade_needs_a_grade_column() -> None:
    """A lone 甲/乙 cell is a grade only under a grade column's header (等次, 等第...)."""
    rows = [
        ["112年度績效獎金分組名單"],
        ["序", "姓名", "職稱", "組別"],
        ["1", "賴志群", "技正", "甲"],
        ["2", "邱美辰", "科員", "乙"],
    ]
    assert read_page([" ".join(r) for r in rows]).personnel_roster == 0
    graded = [rows[0], ["序", "姓名", "職稱", "考核等第"], *rows[2:]]
    assert read_page([" ".join(r) for r in graded]).personnel_roster == 2


def test_masked_list_is_not_rejoined_into_an_id() -> None:
    """A list already masked (X29****993 next to a masked phone): the digits on either side
    of the mask are not one split ID number, whatever the checksum says."""
    rows = [
        ["補助核定名單（已遮蔽）"],
        ["序號", "姓名", "身分證字號", "電話"],
        ["1", "陳妤", "X29****993", "0972-", "******"],
        ["2", "潘美", "J16****676", "0916-***-***"],
        ["個人資料已依個資法遮蔽處理"],
    ]
    result = analyse_lines(_lines(rows))
    assert not [f for f in result.findings if f.type == "tw_national_id"]
