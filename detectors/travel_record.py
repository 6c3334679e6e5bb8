"""`travel_record`: a person's border-crossing record (入出境紀錄), looked up or
passed on. Entry/exit *permits* and the query system itself are ordinary work."""

from __future__ import annotations

from detectors import matter
from detectors.base import Finding
from detectors.doc import Doc
from detectors.matter import starts_with

TRIGGERS: tuple[str, ...] = (
    "入出境",
    "出入境",
    "入境紀錄",
    "出境紀錄",
    "入境記錄",
    "出境記錄",
    "出國紀錄",
    "入出國",
    "旅遊史",
    "航班紀錄",
    "出境",
    "入境",
    "出國",
    "回國",
    "回來",
    "班機",
    "航班",
    "限制出境",
    "趟",
    "回台",
    "travel record",
    "entry-exit",
    "entry record",
    "exit record",
    "trips to",
    "flew to",
    "left the country",
    "不在台灣",
    "不在臺灣",
    "不在國內",
    # a departure through an airport or a port (從小港出去, 桃園機場出境)
    "機場",
    "小港",
)
CONTEXT: tuple[str, ...] = (
    "紀錄",
    "記錄",
    "資料",
    "查",
    "幫我查",
    "幫忙查",
    "查一下",
    "給你",
    "傳給",
    "截圖",
    "他",
    "她",
    "這個人",
)
DAMPEN: tuple[str, ...] = (
    "許可",
    "申請",
    "系統",
    "維護",
    "簽證",
    "證照",
    "櫃檯",
    "規定",
    "流程",
    "旅客",
    "人次",
    "統計",
    "航廈",
    "機場",
    "出國旅遊",
    "出差",
    "請假",
)
# Abroad: where a trip is a border crossing.
PLACES: tuple[str, ...] = (
    "大陸",
    "國外",
    "越南",
    "日本",
    "香港",
    "澳門",
    "韓國",
    "泰國",
    "美國",
    "菲律賓",
    "印尼",
    "新加坡",
    "馬來西亞",
    "歐洲",
    "大阪",
    "東京",
    "上海",
    "北京",
    "深圳",
    "廈門",
    "曼谷",
    "胡志明市",
    "河內",
    "馬尼拉",
    "柬埔寨",
    "金邊",
    "緬甸",
    "寮國",
    "印度",
    "杜拜",
    "澳洲",
    "加拿大",
    "英國",
    "紐西蘭",
    "首爾",
    "沖繩",
    "福岡",
    "峇里島",
    "東南亞",
)
_PLACES = "|".join(PLACES)
# Someone else (not the sender) as the traveller.
_WHO = r"(?:他|她|對方|嫌犯|嫌疑人|當事人|關係人|此人|這個人|那個人|本人)"
_ABROAD = rf"(?:{_PLACES}|國外|海外)"
# The standard-library engine runs this alternation several times faster.
STRONG = starts_with(
    "0-9efl他偷入出到去坐她幫從搭替查跑這那限飛移外看嫌當關對被遭已機",
    r"(?:entry|exit)[- ](?:exit )?records?\s(?:show|of|for)|[0-9]+\s+trips? to|flew to|left the country|"
    r"(?:入出境|出入境|入境|出境|出國|入出國)(?:的)?(?:紀錄|記錄|資料|資訊|日期|時間)(?:給|傳|拍|是|有|:|顯示|截圖|查到|查出)"
    r"|(?:幫|替|偷偷)(?:我|忙)?查.{0,12}(?:入出境|出入境|出國|入境|出境)"
    r"|查(?:一下|看看)?(?:他|她|這個人|那個人)(?!自己|本人).{0,6}(?:入出境|出入境|出國|入境|出境)"
    r"|(?:他|她|這個人|那個人|移工|外勞|看護|嫌犯|當事人|關係人|對方)[\s0-9/月日號上下週個禮拜去年今年就已經早]{0,10}"
    r"(?:出境|入境|出國)(?:了|過|的紀錄)"
    r"|從[\u4e00-\u9fff]{1,4}(?:回來|回國|入境)|從[\u4e00-\u9fff]{0,4}(?:機場|港)(?:出去|出境|離境)"
    r"|從(?:小港|桃園|松山|桃機|清泉崗)(?:出去|出境|離境)"
    r"|機場(?:出去|出境|離境)|(?:出境|出國|飛)(?:去|到|往)[\u4e00-\u9fff]{2}|(?:搭|坐)\s?[a-z]{2}-?[0-9]{2,4}"
    r"|(?:去|跑|飛)了?\s?[0-9一二兩三四五六七八九十]+\s?趟|(?:被|遭|已經?被?)限制出境|限制出境中|"
    rf"(?:去|到|飛)(?:{_PLACES})[0-9一二兩三四五六七八九十]+\s?(?:次|趟)|"
    r"(?:搭|坐)[\u4e00-\u9fff]{0,4}\s?[a-z]{2}-?[0-9]{2,4}|(?:出境|出國|入境)\s?[0-9一二三四五六七八九十]+\s?次",
)
# A query-system row about a named person: X 入境 2024-03-02, 出境日期:113/05/01.
ROW = starts_with(
    "入出",
    r"(?:入境|出境|入國|出國)(?:日期|時間)?\s?:?\s?(?:[0-9]{4}|[0-9]{2,3})[-/.][0-9]{1,2}[-/.][0-9]{1,2}",
)
# Run only when a foreign place (or 不在台灣) is in the message.
ABROAD_STRONG = starts_with(
    "他坐她嫌對搭本此當簽護這那關",
    # A trip told without 入出境: 他去過柬埔寨, 搭長榮去曼谷, 在新加坡待了兩週才回來.
    rf"{_WHO}[^，。,\n]{{0,8}}(?:去過|到過|去了|飛去|飛到|跑去|跑到|溜去|逃到|逃去|偷渡到){_ABROAD}"
    rf"|{_WHO}[^，。,\n]{{0,8}}(?:在|待在|人在|住在){_ABROAD}[^。\n]{{0,10}}?"
    r"(?:待了|住了|停留|才回來|回來|沒回來|期間|[0-9一二兩三四五六七八九十]+\s?(?:天|週|個月|禮拜))"
    rf"|(?:搭|坐)[\u4e00-\u9fff]{{1,4}}(?:去|到|飛往|飛)(?:{_PLACES})"
    r"|(?:護照|簽證)[^，。,\n]{0,10}(?:蓋章|戳章|入境章|出境章)"
    rf"|{_WHO}[^，。,\n]{{0,6}}不在(?:台灣|臺灣|國內)",
)
WINDOW = 30

RULE = matter.Rule(
    type="travel_record",
    triggers=frozenset(TRIGGERS + PLACES),
    context=frozenset(CONTEXT),
    window=WINDOW,
    base=0.1,
    weights=(("named", 2), ("role", 1), ("context", 1)),
    vetoes=frozenset({"self", "errand"}),
)
_TRIGGERS = RULE.triggers
_ABROAD_WORDS = frozenset((*PLACES, "不在台灣", "不在臺灣", "不在國內"))
_DAMPEN = frozenset(DAMPEN)
# 回來 / 一趟 alone is any trip (出差到臺中明天回來): a border crossing needs more.
_WEAK = frozenset({"回來", "趟"})


def find(doc: Doc) -> list[Finding]:
    # 越南籍 is a nationality, not a trip.
    # ...and 廈門街, 上海路 are streets here; 繳回國庫 is the treasury.
    hits = [
        h for h in doc.all(_TRIGGERS) if not doc.text.startswith(("籍", "街", "路", "庫"), h[1])
    ]
    if not hits:
        return []
    hit = hits[0]
    strong = STRONG.search(doc.text)
    if strong is None and doc.has(_ABROAD_WORDS):
        strong = ABROAD_STRONG.search(doc.text)
    named = matter.person_named(doc)
    if strong is None and named:
        strong = ROW.search(doc.text)
    person = "person" if named else matter.role_word(doc)  # = matter.person_mentioned
    ctx = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    damp = matter.rule_talk(doc) or matter.first_word(doc, _DAMPEN)
    score = matter.weigh(
        doc,
        RULE,
        strong=strong is not None,
        cues={"named": named, "role": not named and person, "context": ctx},
        dampen=damp,
        vetoes={
            "self": strong is not None and matter.self_disclosure(doc, strong.start()),
            "errand": strong is None and all(h[2] in _WEAK for h in hits),
        },
    )
    rule = "travel_record.disclosure" if strong else "travel_record.person"
    return matter.matter_finding(doc, "travel_record", hit, score, rule, ctx or person or damp)


DETECTOR = matter.detector(RULE, find, DAMPEN)
