"""Recognise the kind of document in an image from its layout words and fields.

A document is recognised by its ANCHOR (the title words: 國民身分證, 拘票, 戶口名簿...) together
with its FIELD LABELS as a form prints them: at the start of an OCR line ("姓名 陳美麗",
"役別 常備役"), not inside a sentence. That is what separates a photographed ID card from a
poster that says "請勿將身分證拍照上傳": the poster has the anchor word but no form around it.
Some documents need no anchor: the back of an ID card is its fields (配偶, 役別, 出生地, 住址);
a passport is its machine-readable zone when the check digits hold.

Each rule reads top to bottom as data; `recognise()` scores them all and returns the best one
that passes, with the labels it saw (labels only, never values).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from images.mrz import find_mrz

# OCR models trained on both scripts sometimes answer in simplified characters.
_S2T = str.maketrans(
    "国华证护驾驶执户戸发号统编码险别询结检阅长谓书记录务资讯纸类库宪审简读单达邮项亲军机际侦办关页",
    "國華證護駕駛執戶戶發號統編碼險別詢結檢閱長謂書記錄務資訊紙類庫憲審簡讀單達郵項親軍機際偵辦關頁",
)
_VARIANTS = str.maketrans(
    {"份": "分", "臺": "台", "証": "證", "編": "編", "：": ":", "﹕": ":"}
    # the 一 of 統一編號 read as a dash or a katakana long mark
    | {"—": "一", "–": "一", "ー": "一", "─": "一"}
)
_DROP = re.compile(r"[\s\u3000·•●○◎■□◆▲★\-_|｜()（）\[\]【】「」『』〔〕《》<>.,，、;；'\"`~]+")


def normalise(text: str) -> str:
    """Compare-ready: NFKC (full-width to half-width), upper case, one script, no spacing or brackets."""
    s = unicodedata.normalize("NFKC", text).upper().translate(_S2T).translate(_VARIANTS)
    return _DROP.sub("", s)


@dataclass(frozen=True)
class Signals:
    """What the rest of the pipeline knows about the image, beyond its words."""

    national_id: bool = False  # a checksummed national ID number was read
    resident_id: bool = False
    # a passport's zone (TD3, valid check digits); None: not looked for yet, `recognise` reads
    # the lines' zone itself (images/scan.py has read it already and says True or False)
    mrz_passport: bool | None = None
    mrz_other: bool = False  # a TD1/TD2 zone with valid check digits
    date: bool = False  # a full date (birth, issue) was read
    # Some personal value is on the page (a finding, a number, two dates, a label with a value after
    # it). A blank form template prints every label of a card but holds nobody's data: not a leak.
    filled: bool = True
    personal: bool = False  # the text detectors found personal or confidential data in the words


@dataclass
class Page:
    lines: list[str]  # normalised OCR lines
    flat: str  # all lines joined, normalised
    signals: Signals
    light: list[str] = field(default_factory=list)  # NFKC, no spaces, punctuation kept
    # normalised lines that are not prose: where a form's field labels can stand
    form_lines: list[str] = field(default_factory=list)

    def anywhere(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.flat) is not None

    def whole_line(self, pattern: re.Pattern[str]) -> bool:
        return any(pattern.fullmatch(ln) for ln in self.lines)


def _p(s: str) -> re.Pattern[str]:
    return re.compile(s)


@dataclass(frozen=True)
class Field:
    name: str
    pattern: re.Pattern[str]
    where: str = "start"  # "start": the label opens a line (or follows a colon); "any": anywhere
    weight: float = 1.0


@dataclass(frozen=True)
class Rule:
    doc_type: str
    anchors: tuple[re.Pattern[str], ...]
    fields: tuple[Field, ...]
    need_with_anchor: float  # field weight needed when an anchor is seen
    need_without_anchor: float | None = None  # None: the anchor is required
    signal_bonus: dict[str, float] = field(default_factory=dict)
    excluded_by: tuple[re.Pattern[str], ...] = ()  # words that say it is another document
    bonus_cap: float = 1.0  # how much of the field weight the signals may stand in for


def _field_seen(page: Page, f: Field) -> bool:
    if f.where == "any":
        return page.anywhere(f.pattern)
    if any(f.pattern.match(ln) for ln in page.form_lines):
        return True
    # "稱謂:戶長 姓名:陳美麗" - a label right after a field separator inside a table row
    return any(re.search(r":" + f.pattern.pattern, ln) for ln in page.form_lines)


# A sentence, not a form row: a full stop, or a comma between Chinese words ("檢察官表示，本案被告
# ..." in a news story, "身分證統一編號、住址皆屬個人資料。" on a poster). Form labels open rows of a
# card or a table; they do not open sentences.
_PROSE = re.compile(r"[。！？]|[\u4e00-\u9fff][,，][\u4e00-\u9fff]")


NAME = Field("name", _p(r"姓名|NAME"))
BIRTH = Field("birth", _p(r"出生(日期|年月日)?(?!地)|DATEOFBIRTH|BIRTH"))
ADDRESS = Field("address", _p(r"(戶籍)?([住往佳]址|地址|住居所)"))
ID_NO = Field(
    "id_number", _p(r"(身分證)?(統一?編號|統號|身分證號|身分證字號|統一?證號)|IDNO|PERSONALID")
)

RULES: tuple[Rule, ...] = (
    Rule(
        "passport",
        anchors=(_p(r"護照|PASSPORT"),),
        fields=(
            Field("surname", _p(r"SURNAME|姓氏"), "any"),
            Field("given_names", _p(r"GIVENNAMES?"), "any"),
            Field("passport_no", _p(r"PASSPORTNO|護照號碼"), "any"),
            Field("nationality", _p(r"NATIONALITY|國籍"), "any"),
            Field("birth", _p(r"DATEOFBIRTH|出生日期"), "any"),
            Field("expiry", _p(r"DATEOFEXPIRY|效期"), "any"),
            Field("authority", _p(r"AUTHORITY|發照機關"), "any"),
            Field("type_code", _p(r"TYPE.{0,3}P|國碼|CODE.{0,3}TWN"), "any"),
            Field("personal_id", _p(r"PERSONALIDNO|身分證統一?編號"), "any"),
        ),
        need_with_anchor=3,
        signal_bonus={"mrz_passport": 10},
    ),
    Rule(
        "resident_certificate",
        anchors=(_p(r"居留證|RESIDENTCERTIFICATE|ALIENRESIDENT|RESIDENCECERTIFICATE|居留許可"),),
        fields=(
            Field("nationality", _p(r"國籍|NATIONALITY"), "any"),
            Field("ui_number", _p(r"統一?證號|UINO|IDNO|ARCNO"), "any"),
            Field("expiry", _p(r"居留期限|EXPIRY|有效期"), "any"),
            Field("purpose", _p(r"居留事由|PURPOSE"), "any"),
            Field("birth", _p(r"出生日期|DATEOFBIRTH"), "any"),
            Field("issue", _p(r"發證日期|DATEOFISSUE"), "any"),
            NAME,
        ),
        need_with_anchor=2,
        need_without_anchor=4,
        signal_bonus={"resident_id": 1.5, "mrz_other": 1},
    ),
    Rule(
        "health_insurance_card",
        anchors=(_p(r"全民健康保險|健保卡|健康保險(IC)?卡|NATIONALHEALTHINSURANCE|^NHI"),),
        fields=(NAME, ID_NO, BIRTH, Field("card_no", _p(r"卡號|0000\d{8}"), "any")),
        need_with_anchor=2,
        # the card prints its values without labels: the title, an ID number and a birth date
        signal_bonus={"national_id": 1.5, "date": 0.5},
        bonus_cap=2.0,
    ),
    Rule(
        "driver_license",
        anchors=(_p(r"駕駛執照|駕照(?!考)|DRIVER'?S?LICEN[CS]E"),),
        fields=(
            NAME,
            BIRTH,
            ADDRESS,
            Field("jurisdiction", _p(r"管轄編號|監理"), "any"),
            Field("valid_until", _p(r"有效日期|有效期限|審驗日期"), "any"),
            Field("class", _p(r"類別|普通小型車|普通重型機車|職業[小大]型車|大型重型機車"), "any"),
            Field("licence_no", _p(r"駕照號碼|證號"), "any"),
            Field("issue", _p(r"發照日期"), "any"),
        ),
        need_with_anchor=2,
        signal_bonus={"national_id": 1},
    ),
    Rule(
        "warrant_document",
        anchors=(_p(r"拘票|搜索票|押票|通緝書|鑑定留置票"),),
        fields=(
            Field(
                "defendant", _p(r"(應拘提之|應羈押之)?(被告|受搜索人|被拘提人|被通緝人)|應受搜索人")
            ),
            Field("search_place", _p(r"(應受)?搜索之?處所|應扣押之?物|扣押")),
            Field("cause", _p(r"案由|拘提之?理由|犯罪事實|所犯法條")),
            Field("appear_at", _p(r"應到處所|應解送處所")),
            Field("valid_until", _p(r"有效期間")),
            Field("executor", _p(r"執行(拘提|搜索)?(人員)?|司法警察")),
            Field("signer", _p(r"檢察官|法官")),
            Field("court", _p(r"地方檢察署|地方法院|高等法院|檢察署"), "any", 0.5),
            Field("case_no", _p(r"\d{2,3}年度\S{1,4}字第\d+號"), "any", 0.5),
        ),
        need_with_anchor=2,
        signal_bonus={"national_id": 0.5},
    ),
    Rule(
        "household_register",
        anchors=(_p(r"戶口名簿|戶籍謄本|戶籍登記簿|現戶全戶|除戶全戶"),),
        fields=(
            Field("head", _p(r"戶長"), "any"),
            Field("relation", _p(r"稱謂"), "any"),
            Field("household_no", _p(r"戶號"), "any"),
            Field("birthplace", _p(r"出生地")),
            Field("spouse", _p(r"配偶")),
            Field("parents", _p(r"父|母")),
            NAME,
            BIRTH,
            ID_NO,
            ADDRESS,
            Field("moved_in", _p(r"遷入"), "any"),
        ),
        need_with_anchor=2,
        need_without_anchor=5,
        signal_bonus={"national_id": 0.5},
    ),
    Rule(
        "record_screenshot",
        anchors=(
            _p(
                r"入出國|入出境|出入(國|境)|戶役政|查詢結果|查詢系統|資料查詢|刑案資料|刑案資訊|(資料|資訊|紀錄)查詢|前科|通緝資料|車籍資料|在監|移民資料|個人資料查詢"
            ),
        ),
        fields=(
            NAME,
            ID_NO,
            BIRTH,
            Field("address", _p(r"戶籍(地址)?|住址|地址")),
            Field("movement", _p(r"出境|入境|出國日期|入國日期"), "any"),
            Field("flight", _p(r"航班|班機"), "any"),
            Field("query", _p(r"查詢(人員|日期|時間|者|單位)"), "any"),
            Field("parents", _p(r"(父|母)親?姓名")),
            Field("moved_in", _p(r"遷入日期"), "any"),
            Field("crime", _p(r"罪名|判決|犯罪日期|案號|刑期"), "any"),
        ),
        need_with_anchor=3,
        signal_bonus={"national_id": 1, "date": 0.5},
        excluded_by=(_p(r"戶口名簿|戶籍謄本"),),
    ),
    Rule(
        "id_card",
        anchors=(_p(r"國民身分證|REPUBLICOFCHINA.{0,6}IDENTITY|NATIONALIDCARD"),),
        fields=(
            # front
            NAME,
            BIRTH,
            Field("sex", _p(r"性別")),
            Field("issue", _p(r"發證日期|(初|換|補)發"), "any"),
            Field("id_number", _p(r"統一?編號")),
            # back
            Field("spouse", _p(r"配偶")),
            Field("service", _p(r"役別|常備役|替代役|免役|國民兵|補充兵|禁役"), "any"),
            Field("birthplace", _p(r"出生地")),
            Field("address", _p(r"[住往佳]址")),
            Field("parents", _p(r"父|母"), "start", 0.5),
        ),
        need_with_anchor=2,
        need_without_anchor=3.5,
        signal_bonus={"national_id": 1},
        excluded_by=(_p(r"戶口名簿|戶籍謄本|稱謂"),),
    ),
)

# Classified markings: a line that is only the marking (a stamp or header), or the 密等 field
# with a value other than 普通; plus the structure of an official document around it.
_MARKING_LINE = _p(
    r"(密件?|機密|極機密|絕對機密|限閱|密等:?(密|機密|極機密|絕對機密)|(機密|密件|限閱)文件)"
)
# "密等及解密條件或保密期限：機密" with a value other than 普通; the label tolerates OCR noise.
_MARKING_FIELD = _p(
    r"(密等[^:]{0,12}:[^:普]{0,3}|密等(及解密條件)?(或保密期限)?)(密|機密|極機密|絕對機密|限閱)(?!碼)"
)
_MARKING_GARBLED = _p(r".{0,2}(密|限閱).?")
_DOC_FIELDS = (
    _p(r"^主旨"),
    _p(r"^說明"),
    _p(r"^受文者"),
    _p(r"^發文日期"),
    _p(r"^發文字號"),
    _p(r"^速別"),
    _p(r"^附件"),
    _p(r"^正本"),
    _p(r"^副本"),
    _p(r"^(簽|函|簽呈|公告|會議紀錄)$|[署局處部院府會](簽|函)$"),
    _p(r"^[一二三四五六][、,.·]"),
)


_VALUE = re.compile(r"[0-9A-Z\u4e00-\u9fff]")
# What a blank form prints where the value goes: the date's 年 月 日, boxes, a form's title.
_SKELETON = re.compile(r"[年月日□☐]|(申請|登記|報名)?(書|表|單)$")


# A value masked where it stands (王○○, A1********, ＊＊＊): shown, but nobody's.
_MASKED_VALUE = re.compile(r"[○◯●＊*Ｘ×]{2,}|[○◯＊]")


def _start_labels() -> list[re.Pattern[str]]:
    return [f.pattern for rule in RULES for f in rule.fields if f.where == "start"]


def label_list(row: str) -> bool:
    """A row that lists field labels ("案由、應搜索之被告", "姓名、住址、電話"): what a form
    asks for, as a slide or a rule states it, not a label with its value."""
    parts = [normalise(p) for p in re.split(r"[、,，及和與]", row) if p.strip()]
    if len(parts) < 2 or "、" not in row:
        return False
    return any(pat.fullmatch(parts[0]) for pat in _start_labels())


def filled_rows(rows: Sequence[str]) -> int:
    """How many rows open with a form's field label and carry a value after it ("姓名 陳美麗",
    "住址:臺北市..."), as opposed to the bare labels of a blank template ("姓名", "住址"), a
    list of labels ("案由、被告") or a masked value ("姓名：王○○")."""
    labels = _start_labels()
    count = 0
    for row in rows:
        if label_list(row) or _MASKED_VALUE.search(row):
            continue
        norm = normalise(row)
        for pat in labels:
            m = pat.match(norm)
            if m is not None and len(_VALUE.findall(_SKELETON.sub("", norm[m.end() :]))) >= 2:
                count += 1
                break
    return count


@dataclass(frozen=True)
class DocMatch:
    doc_type: str
    score: float
    evidence: tuple[str, ...]  # label names, never values


def _classified(page: Page) -> DocMatch | None:
    marks = []
    if page.whole_line(_MARKING_LINE):
        marks.append("marking_line")
    if page.anywhere(_MARKING_FIELD):
        marks.append("marking_field")
    structure = sum(1 for p in _DOC_FIELDS if any(p.match(ln) for ln in page.light))
    if not marks and structure >= 3 and page.whole_line(_MARKING_GARBLED):
        # A stamp read badly ("桃情密"): a very short line holding a marking character, accepted
        # only on a page that is plainly an official document.
        marks.append("marking_stamp")
    # Official-letter structure around the mark, or a marking stamp over a page the text detectors
    # already found personal or confidential data on (a 限閱 roster, a 機密 list of names).
    if not marks or (structure < 2 and not ("marking_line" in marks and page.signals.personal)):
        return None
    return DocMatch(
        "classified",
        2.0 + len(marks) + structure * 0.5,
        (*marks, f"doc_fields={structure}"),
    )


def recognise(lines: Sequence[str], signals: Signals | None = None) -> DocMatch | None:
    """The document type the OCR lines show, or None for an ordinary image."""
    signals = signals or Signals()
    if signals.mrz_passport is None:
        mrz = find_mrz(lines)
        signals = dataclasses.replace(signals, mrz_passport=mrz is not None and mrz.passport)
    norm = [n for n in (normalise(t) for t in lines) if n]
    light = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", t)).translate(_S2T) for t in lines]
    form_lines = [
        n
        for n, t in ((normalise(t), t) for t in lines)
        if n and not _PROSE.search(t) and not label_list(t)
    ]
    page = Page(lines=norm, flat="".join(norm), signals=signals, light=light, form_lines=form_lines)
    best: DocMatch | None = None
    for rule in RULES:
        if any(page.anywhere(p) for p in rule.excluded_by):
            continue
        if not signals.filled and not (rule.doc_type == "passport" and signals.mrz_passport):
            continue
        anchored = any(page.anywhere(p) for p in rule.anchors)
        seen = [f for f in rule.fields if _field_seen(page, f)]
        weight = sum(f.weight for f in seen)
        bonus = sum(v for k, v in rule.signal_bonus.items() if getattr(signals, k))
        if rule.doc_type == "passport" and signals.mrz_passport:
            ok = True
        elif anchored:
            ok = weight + min(bonus, rule.bonus_cap) >= rule.need_with_anchor
        else:
            ok = (
                rule.need_without_anchor is not None
                and weight + min(bonus, rule.bonus_cap) >= rule.need_without_anchor
            )
        if not ok:
            continue
        score = weight + bonus + (2.0 if anchored else 0.0)
        evidence = (
            (("anchor",) if anchored else ())
            + (("mrz",) if rule.doc_type == "passport" and signals.mrz_passport else ())
            + tuple(f.name for f in seen)
        )
        if best is None or score > best.score:
            best = DocMatch(rule.doc_type, score, evidence)
    cls = _classified(page)
    if cls is not None and (best is None or cls.score > best.score):
        best = cls
    return best
