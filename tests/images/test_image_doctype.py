"""Document-type recognition on OCR-line fixtures (what an engine returns), no pixels.

Rows: documents written the way real ones print (not copied from devtools/synth), the same
documents read badly (labels and values merged, simplified characters, lost lines), and the
ordinary images that share their words (posters, notices, receipts, badges).
"""

from __future__ import annotations

import pytest

from images.doctype import Signals, normalise, recognise
from images.scan import analyse_lines
from tests.support.ocr_rows import rows_to_lines

DOCUMENTS: list[tuple[str, str, list[str]]] = [
    (
        "id_front",
        "id_card",
        [
            "中華民國國民身分證",
            "姓名",
            "林志玲",
            "出生",
            "民國63年11月29日",
            "性別 女",
            "發證日期 民國108年7月1日（北市）換發",
            "統一編號",
            "K257491186",
        ],
    ),
    (
        "id_front_merged",
        "id_card",
        ["中華民國國民身份證", "姓名林志玲", "出生民國63年11月29日性別女", "統一編號K257491186"],
    ),
    (
        "id_front_no_title",
        "id_card",
        [
            "姓名 王大同",
            "出生 民國70年1月2日",
            "發證日期 民國105年3月4日 補發",
            "統一編號 H274121547",
        ],
    ),
    (
        "id_back",
        "id_card",
        [
            "父 王建國",
            "母 李美惠",
            "配偶",
            "役別 常備役",
            "出生地 臺灣省彰化縣",
            "住址 彰化縣員林市中正路100號",
        ],
    ),
    (
        "id_back_partial",
        "id_card",
        ["配偶 陳小華", "役別", "出生地 臺北市", "住址 臺北市大安區和平東路二段5號3樓"],
    ),
    (
        "nhi",
        "health_insurance_card",
        ["全民健康保險", "姓名 陳美玲", "H274121547", "64/03/02", "0000 1234 5678"],
    ),
    (
        "nhi_en",
        "health_insurance_card",
        ["NATIONAL HEALTH INSURANCE", "健保IC卡", "身分證號 A141269060", "出生日期 077/05/06"],
    ),
    (
        "driver",
        "driver_license",
        [
            "中華民國機車駕駛執照",
            "姓名 張三",
            "出生日期 70年5月6日",
            "類別 普通重型機車",
            "住址 新北市板橋區文化路1號",
            "管轄編號 40",
        ],
    ),
    (
        "arc",
        "resident_certificate",
        [
            "中華民國居留證",
            "ALIEN RESIDENT CERTIFICATE",
            "姓名 Name NGUYEN THI LAN",
            "國籍 Nationality VIETNAM",
            "統一證號 UI No. A800000014",
            "居留期限 Expiry Date 2027/05/01",
        ],
    ),
    (
        "arc_en_only",
        "resident_certificate",
        [
            "RESIDENT CERTIFICATE",
            "NAME SANTOS MARIA",
            "NATIONALITY PHILIPPINES",
            "DATE OF BIRTH 1990/01/02",
            "EXPIRY DATE 2028/01/01",
        ],
    ),
    (
        "passport_mrz",
        "passport",
        [
            "P<TWNCHEN<<MEI<LING<<<<<<<<<<<<<<<<<<<<<<<<<",
            "3123456785TWN8503024F3203020A223456781<<<<48",
        ],
    ),
    (
        "passport_page",
        "passport",
        [
            "中華民國護照",
            "PASSPORT",
            "Surname CHEN",
            "Given names MEI-LING",
            "Date of birth 02 MAR 1985",
            "Date of expiry 02 MAR 2032",
        ],
    ),
    (
        "arrest",
        "warrant_document",
        [
            "臺灣士林地方檢察署拘票",
            "被告 吳○○",
            "案由 詐欺",
            "應到處所 本署第5偵查庭",
            "檢察官 李○○",
        ],
    ),
    (
        "search",
        "warrant_document",
        [
            "臺灣臺中地方法院搜索票",
            "113年度聲搜字第1234號",
            "受搜索人 黃○○",
            "搜索處所 臺中市西屯區文心路1號",
            "應扣押之物 帳冊",
            "有效期間 至113年5月1日",
        ],
    ),
    (
        "nia_query",
        "record_screenshot",
        [
            "入出國紀錄查詢",
            "查詢結果",
            "姓名：趙○○",
            "身分證號：K257491186",
            "2024/03/01 出境 BR192",
            "2024/03/09 入境 BR191",
        ],
    ),
    (
        "household_query",
        "record_screenshot",
        [
            "戶役政資訊系統",
            "統一編號 H274121547",
            "姓名 周杰",
            "出生日期 民國68年1月18日",
            "戶籍地址 新北市林口區文化一路5號",
            "查詢人員 戶政03",
        ],
    ),
    (
        "register",
        "household_register",
        [
            "戶口名簿",
            "戶號 F1234567",
            "稱謂 戶長",
            "姓名 李國華",
            "出生日期 民國50年1月1日",
            "出生地 臺南縣",
            "稱謂 配偶",
            "姓名 王秀英",
        ],
    ),
    (
        "transcript",
        "household_register",
        [
            "戶籍謄本",
            "現戶全戶",
            "戶長 陳○○",
            "父 陳○○ 母 林○○",
            "統一編號 A141269060",
            "住址 高雄市苓雅區四維三路2號",
        ],
    ),
    (
        "classified_stamp",
        "classified",
        [
            "密",
            "內政部移民署 函",
            "受文者：各專勤隊",
            "主旨：專案查察對象名冊，請查照。",
            "說明：",
            "一、本案預定於9月7日執行。",
            "正本：各專勤隊",
        ],
    ),
    (
        "classified_field",
        "classified",
        [
            "法務部調查局 簽",
            "密等及解密條件或保密期限：機密（本案結束後解密）",
            "主旨：偵辦進度報告",
            "說明：",
            "一、已鎖定涉案人。",
        ],
    ),
    (
        "restricted",
        "classified",
        [
            "限閱",
            "會議紀錄",
            "主旨：考績委員會評議結果",
            "說明：",
            "一、評議結果如附件。",
            "附件：名冊一份",
        ],
    ),
]

ORDINARY: list[tuple[str, list[str]]] = [
    (
        "poster_id",
        [
            "個資保護宣導",
            "請勿將民眾身分證拍照傳到群組",
            "健保卡、駕照、護照也一樣",
            "違者依個資法處罰",
        ],
    ),
    ("poster_fields", ["身分證上有姓名、出生日期、統一編號等個資", "請勿拍照上傳", "政風處關心您"]),
    (
        "poster_warrant",
        [
            "拘票、搜索票等偵查文件不可外傳",
            "查詢戶役政、入出國資料須有公務需要",
            "限閱文件閱畢請歸還",
            "機密公文請勿拍照",
        ],
    ),
    (
        "meeting",
        [
            "臺北市政府社會局 開會通知單",
            "受文者：如正副本",
            "發文日期：中華民國113年5月1日",
            "密等及解密條件或保密期限：普通",
            "主旨：召開個資保護說明會",
            "說明：",
            "一、時間：5月10日下午2時",
            "正本：各科室",
        ],
    ),
    ("receipt", ["電子發票證明聯", "113年05-06月", "AB-12345678", "統一編號 12345678", "總計 120"]),
    ("badge", ["臺中市政府", "王小明", "資訊處 科員", "員工編號 123456", "員工識別證"]),
    (
        "business_card",
        [
            "內政部移民署",
            "陳大文 科長",
            "電話：(02)2388-9393 分機 1234",
            "地址：臺北市中正區廣州街15號",
        ],
    ),
    ("library", ["臺北市立圖書館 借閱證", "No. 1234 5678 9012", "有效期限 2027/12"]),
    ("menu", ["好味道便當 菜單", "排骨便當 $90", "雞腿便當 $100", "訂購專線 (02)2345-6789"]),
    ("chart", ["各區受理案件數統計", "中正", "大安", "信義", "120", "88"]),
    ("chat", ["社會局第三科", "明天早上九點開會", "收到，謝謝", "公文已經送出去了"]),
    (
        "passport_howto",
        ["如何申請護照", "1. 填寫申請書", "2. 準備身分證正本", "3. 繳交照片", "外交部領事事務局"],
    ),
    ("nhi_news", ["健保卡換發公告", "即日起可至健保署各分區業務組申辦", "請攜帶身分證"]),
    ("driver_news", ["監理站公告", "駕照換發請攜帶身分證", "本週六照常上班"]),
]


@pytest.mark.parametrize(("name", "doc_type", "lines"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_documents_are_recognised(name: str, doc_type: str, lines: list[str]) -> None:
    signals = Signals(national_id=any(c.isdigit() for c in "".join(lines)))
    match = recognise(lines, signals)
    assert match is not None, f"{name}: not recognised"
    assert match.doc_type == doc_type, f"{name}: {match}"
    assert match.evidence  # explains itself with label names


@pytest.mark.parametrize(("name", "lines"), ORDINARY, ids=[o[0] for o in ORDINARY])
def test_ordinary_images_are_not_documents(name: str, lines: list[str]) -> None:
    assert recognise(lines, Signals(date=True)) is None


def test_normalise_folds_width_case_and_script() -> None:
    assert normalise("中华民国国民身份证") == normalise("中華民國國民身分證")
    assert normalise("ＰＡＳＳＰＯＲＴ  No.") == "PASSPORTNO"


# --- the whole line analysis: joined text, text detectors, doc type, verdict -----------------


_lines = rows_to_lines


def test_id_split_over_boxes_is_found_and_masked() -> None:
    result = analyse_lines(_lines([["請查", "K2574", "91186", "的資料"]]))
    ids = [f for f in result.findings if f.type == "tw_national_id"]
    assert ids and ids[0].source == "ocr" and "K257491186" not in ids[0].masked
    assert result.verdict != "allow"


def test_id_split_over_lines_is_found() -> None:
    result = analyse_lines(_lines([["統一編號 H27412"], ["1547"]]))
    assert "tw_national_id" in result.types


def test_id_card_back_blocks_without_any_number() -> None:
    rows = [
        ["父", "王建國"],
        ["母", "李美惠"],
        ["配偶"],
        ["役別", "常備役"],
        ["出生地", "臺灣省彰化縣"],
        ["住址", "彰化縣員林市中正路100號"],
    ]
    result = analyse_lines(_lines(rows))
    assert result.doc_type == "id_card"
    assert result.verdict == "block"
    assert "doc_type.id_card" in result.reasons


def test_poster_about_id_cards_is_allowed() -> None:
    rows = [
        ["個資保護宣導"],
        ["請勿將民眾身分證、健保卡拍照傳到群組"],
        ["拘票、搜索票等偵查文件不可外傳"],
    ]
    result = analyse_lines(_lines(rows))
    assert result.doc_type is None
    assert result.verdict == "allow"


def test_warrant_photo_gets_a_warrant_finding() -> None:
    rows = [
        ["臺灣士林地方檢察署"],
        ["拘票"],
        ["被告", "吳明德"],
        ["案由", "詐欺"],
        ["應到處所", "本署第5偵查庭"],
    ]
    result = analyse_lines(_lines(rows))
    assert result.doc_type == "warrant_document"
    assert "warrant" in result.types
    assert result.to_contract("x")["doc_type"] == "warrant_document"
    assert all(f.source == "ocr" for f in result.findings)


def test_passport_zone_gives_a_masked_passport_number() -> None:
    rows = [
        ["P<TWNCHEN<<MEI<LING<<<<<<<<<<<<<<<<<<<<<<<<<"],
        ["3123456785TWN8503024F3203020A223456781<<<<48"],
    ]
    result = analyse_lines(_lines(rows))
    assert result.doc_type == "passport"
    numbers = [f for f in result.findings if f.type == "passport_number"]
    assert numbers and all("312345678" not in f.masked for f in numbers)
