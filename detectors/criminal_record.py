"""`criminal_record`: a person's criminal record (前科, 犯罪紀錄, 案底), looked up or
passed on. The police certificate (良民證) application and talk about the rules
are not leaks."""

from __future__ import annotations

from detectors import matter, respell
from detectors.base import Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES
from detectors.matter import starts_with

# A named offence with a record word (有兩筆傷害紀錄, 竊盜前科): the record looked up, no
# record word of its own (not 職業傷害紀錄: an injury at work).
OFFENCES: tuple[str, ...] = (
    "傷害",
    "詐欺",
    "竊盜",
    "酒駕",
    "家暴",
    "毒品",
    "妨害",
    "恐嚇",
    "侵占",
    "背信",
)
OFFENCE_RECORDS: tuple[str, ...] = tuple(
    f"{o}{r}" for o in OFFENCES for r in ("紀錄", "記錄", "前科", "案底", "的紀錄", "的前科")
)
TRIGGERS: tuple[str, ...] = (
    *OFFENCE_RECORDS,
    "前科",
    "犯罪紀錄",
    "犯罪記錄",
    "刑案紀錄",
    "刑案資料",
    "素行",
    "案底",
    "前案",
    "判刑",
    "坐過牢",
    "坐牢",
    "服刑",
    "假釋",
    "出獄",
    "吸毒",
    "緩刑",
    "有罪",
    "犯罪資料",
    "通緝紀錄",
    "關過",
    "保護管束",
    "家暴",
    "保護令",
    "竊盜",
    "性侵",
    "強盜",
    "毒品",
    "酒駕",
    "dui",
    "肇事逃逸",
    "妨害性自主",
    "登記有案",
    "被判",
    "入監",
    "販毒",
    "更生人",
    "幫派",
    "妨害自由",
    "黑道",
    "被關",
    "詐欺",
    "前案紀錄",
    "criminal record",
    "convicted",
    "prior conviction",
    "served time",
    "jail",
    "prison",
    "record for",
    "入獄",
    "有案在身",
    "傷害罪",
    "殺人",
    "賭博",
    "公共危險",
    "安非他命",
    "k他命",
    "海洛因",
    "大麻",
    "驗尿",
    "尿檢",
    "限制出境",
    "出境管制",
    "限制出海",
    "限制住居",
    "案子在身上",
    "出獄",
    "更生人",
    # the same told in everyday words (剛從監獄出來, 吃過官司, 蹲過, 勒戒); not 被抓過 alone
    # (a keyword the shipped stage 2 reads: its check vector would move)
    "監獄出來",
    "在監獄",
    "關在監獄",
    "吃過官司",
    "吃官司",
    "蹲過",
    "蹲苦窯",
    "勒戒",
)
CONTEXT: tuple[str, ...] = (
    "查",
    "查到",
    "查出",
    "幫我查",
    "幫忙查",
    "給你",
    "傳給",
    "他",
    "她",
    "這個人",
)
DAMPEN: tuple[str, ...] = ("良民證", "警察刑事紀錄證明", "申請", "規定", "法條")
_ROLE_ALT = "|".join(sorted(PERSON_ROLES, key=len, reverse=True))
# Written for `regex`, run by `re` (respell.as_re: same matches, several times faster).
# Only whether it matches is used.
STRONG = starts_with(
    f"bchkmstw一之以刑在好幫於曾有查留背他她這那安海大嗎古毒驗尿被遭已限出是假{matter.ROLE_FIRSTS}",
    respell.as_re(
        r"(?:有|查到|查出|查了|一堆|好幾)(?:[^，。,\s]{0,4})(?:前科|案底|犯罪紀錄|前案)"
        r"|(?:前科|案底|犯罪紀錄|刑案資料)(?:資料)?(?:給|傳|拍|是|有|:|截圖)"
        r"|幫(?:我|忙)?查.{0,10}(?:前科|案底|犯罪|刑案)"
        r"|(?<![a-z])(?:he|she|they|who)\s(?:has|have|had)\s(?:a\s)?(?:criminal record|record for|prior)"
        r"|convicted of|served time|(?:was|been) (?:in|to) (?:jail|prison)"
        r"|(?:他|她|這個人|那個人)(?:以前)?(?:有|曾|坐過|吸過|被判)"
        r"|(?:他|她|這個人|那個人)?(?:之前|以前|曾經).{0,8}(?:被關|坐過牢|關過|判刑|判過刑|被判過|服刑|服過刑|入監|吃過牢飯)"
        rf"|(?:{_ROLE_ALT})\s?(?:以前|之前|曾經)?\s?(?:坐過牢|被關|關過|有前科|有案底|吸毒|販毒|被判)"
        # A named offence with a record word (有詐欺紀錄, 竊盜前科兩次), at home or abroad.
        r"|(?:有|查到|查出|留有|背|背了)(?:過)?[^，。,\n]{0,2}"
        r"(?:詐欺|竊盜|毒品|吸毒|販毒|酒駕|家暴|性侵|強盜|搶奪|傷害|殺人|賭博|公共危險|妨害|洗錢|走私)"
        r"(?:罪)?(?:的)?(?:紀錄|記錄|前科|案底|前案)"
        # A drug test result (驗尿 安非他命陽性) or a court's restriction (被限制出境, 出境管制中).
        r"|(?:安非他命|k他命|海洛因|大麻|嗎啡|古柯鹼|毒品|mdma)[^，。,\n]{0,4}(?:陽性|反應)"
        r"|(?:驗尿|尿檢|尿液)(?:結果)?[^。\n]{0,16}陽性"
        # Someone said to be an ex-offender or on parole (X是更生人, 還在假釋中, 出獄半年)
        r"|是(?:更生人|受刑人|通緝犯|假釋犯|毒犯|慣竊|累犯)|假釋(?:中|期間)|出獄[0-9一二兩三四五六七八九十半]{1,3}(?:年|個月|天)"
        r"|(?:被|遭|已經?被?)(?:限制出境|限制出海|限制住居)|(?:限制出境|出境管制|限制出海)中"
        r"|(?:在|於)(?:國外|海外|大陸|中國|日本|美國|越南|泰國|菲律賓|印尼|馬來西亞|柬埔寨|香港|澳門|韓國|新加坡)"
        r"[^，。,\n]{0,8}(?:被抓|被捕|被逮|被判|判刑|坐牢|坐過牢|服刑|被關|關過|犯案|有案|入獄)"
    ),
)
WINDOW = 30

RULE = matter.Rule(
    type="criminal_record",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    base=0.2,
    weights=(("named", 2), ("role", 1), ("context", 1)),
)
_TRIGGERS = RULE.triggers
_DAMPEN = frozenset(DAMPEN)
_OFFENCE_RECORDS = frozenset(OFFENCE_RECORDS)


# An injury at work, at sport, a worker's own: not an offence.
_NOT_OFFENCE = ("職業", "職災", "工作", "運動", "意外", "身體")


def find(doc: Doc) -> list[Finding]:
    hit = doc.first(_TRIGGERS)
    if hit is None:
        return []
    if doc.has(_OFFENCE_RECORDS):
        hits = [
            h
            for h in doc.all(_TRIGGERS)
            if h[2] not in _OFFENCE_RECORDS or doc.text[max(0, h[0] - 2) : h[0]] not in _NOT_OFFENCE
        ]
        if not hits:
            return []  # 職業傷害紀錄: an injury at work
        hit = hits[0]
    strong = STRONG.search(doc.text)
    named = matter.person_named(doc)
    if strong is None:
        strong = matter.own_matter(doc, _TRIGGERS)  # a named person's own record
    person = "person" if named else matter.role_word(doc)  # = matter.person_mentioned
    ctx = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    damp = matter.rule_talk(doc) or matter.first_word(doc, _DAMPEN)
    score = matter.weigh(
        doc,
        RULE,
        strong=strong is not None,
        cues={"named": named, "role": not named and person, "context": ctx},
        dampen=damp,
    )
    rule = "criminal_record.disclosure" if strong else "criminal_record.person"
    return matter.matter_finding(doc, "criminal_record", hit, score, rule, ctx or person or damp)


DETECTOR = matter.detector(RULE, find, DAMPEN)
