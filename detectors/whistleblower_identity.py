"""`whistleblower_identity`: who reported, petitioned or complained (檢舉人, 陳情人),
told to anyone, above all to the accused. "有民眾檢舉違規停車" names nobody and
is ordinary work; "檢舉的人就是X" or the reporter's phone is a leak."""

from __future__ import annotations

import re

from detectors import matter, respell
from detectors.base import Finding
from detectors.doc import Doc
from detectors.matter import Gated, starts_with

# Who went and told, said without a reporting word: X就是那個去政風室講的人, 投書的是….
BARE_WORDS: tuple[str, ...] = (
    "去講",
    "講的人",
    "投書",
    "反映",
    "打電話去",
    "去說",
    "去告",
    "講你",
    "說你",
    "reported you",
)
# A letter or a mailbox note (寫信罵你的那封，署名寫X; 寫意見箱說陳醫師的是X): these words
# wake the detector only for LETTER.
LETTER_WORDS: tuple[str, ...] = ("寫信", "寄信", "意見箱")
TRIGGERS: tuple[str, ...] = (
    *BARE_WORDS,
    "檢舉人",
    "檢舉",
    "陳情人",
    "陳情",
    "舉發",
    "報案人",
    "報案",
    "告你",
    "告你們",
    "1999",
    "舉報人",
    "舉報",
    "投訴人",
    "投訴",
    "申訴人",
    "告密",
    "爆料",
    "吹哨",
    "線民",
    "客訴",
    "匿名信",
    "檢舉信",
    "申訴",
    "被檢舉人",
    "whistleblower",
    "complainant",
    "reported by",
    "informant",
    "線報",
    # (是誰 is a context word: the longer forms keep 誰報的 from being cut)
    *(f"{w}{v}的" for w in ("誰", "是誰") for v in ("報", "檢舉", "投訴", "去報")),
    "線報來源",
    "情資來源",
    "通報人",
    "通報者",
    "報料",
    "tipster",
    *LETTER_WORDS,
)
CONTEXT: tuple[str, ...] = (
    "被檢舉人",
    "告訴他",
    "告訴她",
    "跟他說",
    "跟她說",
    "給他看",
    "給他聽",
    "放給",
    "對方",
    "別說是我",
    "是誰",
    "身分",
    "名字",
)
# Only whether it matches is used. Every match holds one of the characters given to
# Gated (what the reporter "is", is "called", "gave"...; or English).
# Written for `regex`, run by `re` (respell.as_re: same matches, several times faster).
STRONG = Gated(
    "是叫為姓:給傳告電手住a-z",
    starts_with(
        "cirtw不別匿吹告報客就打投撥是檢爆申線舉陳誰情通",
        respell.as_re(
            # (not 被檢舉人是…: the one reported, not the one who reported)
            r"(?<!被)(?:檢舉|舉報|陳情|投訴|告密|爆料|申訴)(?:人|者)(?:就|其實)?(?:是|叫|為|:)(?!誰|否|不|要|需|應|會|可|匿名)"
            r"|(?:檢舉|舉報|舉發|投訴|告密|爆料|陳情|客訴|申訴|報案)[^。!?！？\n]{0,15}?的"
            r"(?!案|內容|事|地點|時間|車|項目|理由|原因|部分|問題|單位|流程|規定|方式|管道)"
            r"(?:人|那個人|那個民眾|那位|那個|民眾|就|[\p{Han}]{1,3}?)?\s?(?:就|其實)?\s?(?:是|叫|姓)(?!誰|否|不|什麼|啥|哪)"
            # Who the reporter is, told by where they live or their surname: 陳情的那位住5樓，姓吳.
            r"|(?:檢舉|陳情|投訴|舉報|報案|爆料)的(?:人|那位|那個人|民眾|那個)[^。!?！？\n]{0,12}?"
            r"(?:姓(?!什麼|啥|誰|名)[\p{Han}]|住在(?!哪)|住(?!哪|在哪)|叫(?!什麼|啥)[\p{Han}]|電話(?!是多少|幾號))"
            r"|誰(?:去)?(?:報|檢舉|投訴|告|陳情|爆料)的[^。\n]{0,16}(?:說是|就是|講是)"
            r"|(?:線民|告密者|爆料者|吹哨者|爆料的人|線報來源|情資來源|通報人|通報者|報料的人)\s?(?:就|其實)?\s?(?:是|為|:)(?!誰|否|不)"
            r"|(?:就是|是)[^，。,\s]{1,8}(?:檢舉|舉報|陳情|投訴|告密|爆料)的"
            r"|(?:別|不要|不能)說是我(?:講|說|告訴)的"
            r"|(?:告|檢舉|投訴|申訴|舉報|陳情)(?:你|你們|他|她|他們)[^，。,\n]{0,8}?的(?:人|那個|那位)?[，,\s]{0,2}(?:就|其實)?\s?"
            r"(?:是|電話|手機|住|姓|叫)(?!誰|什麼|啥|哪|否)"
            r"|(?<![a-z])(?:whistleblower|complainant|informant|reporter|tipster)\s(?:is|was)\s|reported by\s[a-z]"
            r"|(?:打|撥)\s?1999.{0,8}的(?:人)?\s?(?:就)?\s?是"
            r"|(?:檢舉信|陳情信|檢舉函|匿名信|檢舉電話)\s?(?:是|就是)"
            r"|(?:是|就是)(?!誰).{1,16}(?:寫的|寄的|打的|報的|講的)"
            r"|(?:檢舉|陳情|投訴)(?:人|者)的?(?:電話|手機|地址|名字|身分|資料)(?:是|給|傳給|告訴|:)"
            r"|(?:檢舉|陳情|投訴)[^，。,\s]{0,4}(?:書|信|內容|錄音|錄影)[^，。,\s]{0,3}(?:給|放給|傳給|拿給)(?:他|她|你|對方|被檢舉人)"
        ),
    ),
)
# Every match holds 的 or 是 (or w: who reported you): a 5,000-character message without
# them is answered by one character-class scan, not a try of every alternative per place.
BARE = Gated(
    "的是w",
    re.compile(
        r"(?:去|跑去|打電話去)[^，。,\n]{0,8}(?:講|說|反映|檢舉|告)的(?:人|那個|是)"
        r"|(?:投書|反映[^，。,\n]{0,10}|打電話去[^，。,\n]{0,6})的(?:那個人|人)?(?:就)?是"
        r"|是[^，。,\n]{1,6}去(?:講|說|告)的"
        # Who went and said something about YOU, told to you: 去政風室講你收紅包的是….
        # (not praise passed on: 說你們服務好的那位就是…, 講你們報告寫得好的是處長)
        r"|(?:(?:去|跑去|打電話)[^，。,\n]{0,8}說|講|告|反映|投訴|檢舉)你們?"
        r"(?:(?!好|認真|棒|辛苦|厲害|用心|專業|熱心|感謝|讚|不錯)[^，。,\n]){1,10}的(?:人|那個|那位)?"
        r"(?:(?<=[個位人])[，,\s]{1,2})?(?:就)?"
        r"是(?!誰|不是|對|錯|什麼|哪|啥|真|假)"
        r"|who reported you (?:is|was)"
        # ... the same opening a clause with 說 (說你虛報加班的是你們科的X)
        r"|(?:^|(?<=[，。,\s]))說你們?(?!們?(?:很|好|真|不錯|棒|厲害|認真|辛苦|人|可以))"
        r"(?:(?!好|認真|棒|辛苦|厲害|用心|專業|熱心|感謝|讚|不錯)[^，。,\n]){1,10}的(?:人|那個|那位)?"
        r"(?:(?<=[個位人])[，,\s]{1,2})?(?:就)?是"
        r"(?!誰|不是|對|錯|什麼|哪|啥|真|假)"
    ),
)
# Who wrote a letter or a mailbox note that complains about someone: 寫信罵陳醫師那位是X,
# 寄信罵你的那封，署名寫X, 寫信給署長信箱說你加班費的事是X. Not the sender's own letter
# (我寫信…), not a thanks (寫信說謝謝…), not what it is (是誤會, 是匿名的, 是上週的).
LETTER = re.compile(
    r"(?<!我)(?<!我們)(?:寫|寄|投)(?:信|email|e-mail|mail|意見箱|電子郵件)[^，。,\n]{0,12}?"
    r"(?:說(?!謝|感謝|多謝|稱讚|讚|表揚|肯定|很好|辛苦)|罵|告|投訴|抱怨|檢舉|反映)"
    r"[^，。\n]{0,12}?(?:的|那位|那個|那封)(?:事|人|那位|那個|那封|信)?[，,\s]{0,2}(?:就|其實)?"
    r"(?:是|叫|姓|(?:署名|具名|留名|落款)(?:寫|是|為)?)(?:的是)?"
    r"(?!誰|不是|對|錯|什麼|哪|啥|真|假|誤會|匿名|沒|因為|為了|在|要|可以|有|上|昨|今|前|去年|多|幾"
    r"|我|你|他|她|民眾|一|同|不|關於|針對|寄|寫|說|開玩笑)[\u4e00-\u9fff]"
)
_LETTER = frozenset(LETTER_WORDS)
WINDOW = 40
# An elected representative's request, made openly for the neighbourhood (里長反映的路燈,
# 議員服務處陳情): nobody's identity is hidden in it.
_OFFICE_ASKS = re.compile(
    r"(?:里長|村長|鄰長|議員|立委|代表)(?:服務處)?(?:有|也|曾|多次)?(?:反映|陳情)"
)
# The reporter's own contact data right after the reporter word: 檢舉人 email: …
CONTACT_TYPES = frozenset({"phone_number", "email", "address", "tw_national_id", "license_plate"})
CONTACT_AFTER = 25

# The people a whistleblower message is about (被檢舉人 is the accused: excluded above).
REPORTERS: tuple[str, ...] = (
    "檢舉人",
    "陳情人",
    "舉報人",
    "投訴人",
    "申訴人",
    "報案人",
    "線民",
    "告密者",
    "爆料者",
    "檢舉信",
    "檢舉電話",
    "檢舉函",
    "匿名信",
    "whistleblower",
    "complainant",
    "informant",
    "線報來源",
    "情資來源",
    "通報人",
    "通報者",
    "tipster",
)
RULE = matter.Rule(
    type="whistleblower_identity",
    triggers=frozenset(TRIGGERS),
    context=frozenset(CONTEXT),
    window=WINDOW,
    weights=(("named", 2), ("context", 1)),
    vetoes=frozenset({"not_reporter", "public_office"}),
)
_TRIGGERS = RULE.triggers
_REPORTERS = frozenset(REPORTERS)


def _reporter_contact(doc: Doc) -> bool:
    """A reporter word followed closely by a phone, mail or address (not 被檢舉人)."""
    if not doc.findings or not doc.has(_REPORTERS):
        return False
    contacts = [f for f in doc.findings if f.type in CONTACT_TYPES and f.score >= 0.3]
    if not contacts:
        return False
    for s, e, _ in doc.all(_REPORTERS):
        if s > 0 and doc.text.startswith("被", s - 1):
            continue
        if any(e <= f.start <= e + CONTACT_AFTER for f in contacts):
            return True
    return False


def _reporter_named(doc: Doc) -> bool:
    """A reporter word that is not 被檢舉人 (被 right before it, unless at the start)."""
    if not doc.has(_REPORTERS):
        return False
    return any(
        not doc.text.startswith("被", max(0, h[0] - 1)) or h[0] == 0 for h in doc.all(_REPORTERS)
    )


def find(doc: Doc) -> list[Finding]:
    hit = doc.first(_TRIGGERS)
    if hit is None:
        return []
    letter = doc.has(_LETTER) and LETTER.search(doc.text) is not None
    if not letter and all(h[2] in _LETTER for h in doc.all(_TRIGGERS)):
        return []  # 等下寫信給廠商: a letter, nobody's complaint
    strong = letter or STRONG.found(doc.text) or _reporter_contact(doc) or BARE.found(doc.text)
    named = matter.person_named(doc)
    ctx = doc.near(RULE.context, hit[0], hit[1], WINDOW, WINDOW)
    damp = matter.rule_talk(doc)
    score = matter.weigh(
        doc,
        RULE,
        strong=strong,
        cues={"named": named, "context": ctx},
        dampen=damp,
        vetoes={
            # 檢舉 of a car, 被陳情人, 已報案: not who reported; the data is reported anyway
            "not_reporter": not strong
            and any(f.type != "person_name" and f.score >= 0.5 for f in doc.findings)
            and not _reporter_named(doc),
            # 里長反映的…, 議員陳情: a representative asks in public, for the public
            "public_office": not strong and _OFFICE_ASKS.search(doc.text) is not None,
        },
    )
    rule = "whistleblower_identity.disclosure" if strong else "whistleblower_identity.context"
    return matter.matter_finding(doc, "whistleblower_identity", hit, score, rule, ctx or damp)


DETECTOR = matter.detector(RULE, find, REPORTERS)
