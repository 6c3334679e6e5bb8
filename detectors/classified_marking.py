"""`classified_marking`: a classification marking (密, 機密, 極機密, 限閱) used as a
document marking, with the document's content in the message.

"【密】9/7 查察對象：…" is a marked document pasted in a chat; "機密文件不要傳
LINE" only talks about marked documents.
"""

from __future__ import annotations

import re
from dataclasses import replace

import regex

from detectors import discourse, matter
from detectors.base import Finding
from detectors.doc import Doc
from detectors.matter import Gated

MARKS = (
    r"(?:密|機密|極機密|絕對機密|限閱|密件|機密件|敏感|限制公開|不公開|內部資料"
    r"|confidential|secret|top secret|restricted)"
)
# A marking in brackets anywhere, or at the very start of the message. Every match
# holds a closing bracket, 等 (密等), a marking star or a verb (為, 屬, 是...).
PATTERN = Gated(
    "】\\]」』)）>〕》〉◀◄◁等*※★#◎■＊為屬是係列",
    regex.compile(
        rf"[【\[「『(（<〔《〈▶►▷]\s*(?:[a-z ]+/)?{MARKS}(?:/[a-z ]+)?\s*[】\]」』)）>〕》〉◀◄◁]"
        r"|(?:密\s?等|機密等級|保密等級|公文等級|文件等級)\s*[:：]\s*(?:密|機密|極機密|絕對機密|限閱)"
        rf"|([*※★#◎■＊])\s*{MARKS}\s*\1"
        r"|(?:以下|本件|本文|此件|這份|本份|附件)(?:內容|文件|資料|簽呈|公文|函|簽|報告|會議紀錄)?\s?"
        r"(?:為|屬|是|屬於|係|列)\s?(?:機密|密件|極機密|限閱|絕對機密|密等|「密」)"
    ),
)
LEADING = regex.compile(
    r"^\s*(?:top secret\s*)?(?:密件|機密件|機密|機\s密(?=\s*[:：|\-–—!])|極機密|絕對機密|限閱|confidential|top secret|secret|密(?=\s*(?:[:：|!]|主旨|說明|受文者)))"
    r"(?:文件|資料|公文|會議紀錄|會議記錄)?\s*(?:[:：|\-–—!]+|\s)"
)
# A mark at the start with a few words before the colon: 機密文件第2頁：…
LEADING_LOOSE = regex.compile(
    r"^\s*(?:密件|機密件|機密|極機密|絕對機密|限閱|confidential)[^\n:：|。，,!?]{1,8}[:：|]"
)
SOFT = Gated(
    "這列屬標蓋",
    regex.compile(
        r"這(?:份|個|件|些)?(?:是|屬於?)?(?:機密|密件|限閱)"
        r"|(?:列為|屬於?|標示為?|蓋了?)\s?「?(?:機密|密件|限閱|密)」?"
    ),
)
# A marked document handed on: 機密公文我拍給你, 密件截圖傳給他.
SHARED = Gated(
    "拍傳給寄截丟貼",
    regex.compile(
        r"(?:機密|密件|限閱|極機密|標密|蓋密)(?:公文|文件|資料|件|檔案|簽呈)?.{0,8}"
        r"(?:拍給|傳給|給你|寄給|翻拍|截圖|拍照|影印給|傳你|寄你|丟給你|丟你|拍上來|貼上來|傳上來)"
    ),
)
# A quoted mark naming this document's level, then its content posted (這份是「機密」
# 等級的情資分析，我截圖放這邊; 「機密」公文第三頁寫了…，我拍上來).
QUOTED_SHARED = regex.compile(
    r"[「『](?:機密|密|極機密|絕對機密|限閱)[」』](?:等級|件|公文|文件)?[^。\n]{0,20}?"
    r"(?:截圖|拍上來|貼上來|傳上來|拍給|傳給|寄給|丟給)"
)
# This very document declared marked (本電為「密」件，內容涉及…): a deictic, the level,
# then what it holds.
THIS_MARKED = regex.compile(
    r"(?:這份|這張|這件|本電|本件|本函|本簽|本文|此份|此件|該份|該件)(?:公文|文件|資料|簽呈|電報|函)?\s?"
    r"(?:是|為|屬於?|係|列為?)\s?[「『]?(?:密|機密|極機密|絕對機密|限閱)[」』]?(?:件|等級|文件)?"
    r"[，,、\s]*(?:內容|其內容|涉及|記載|寫|載明)"
)
# Marked, told to keep it quiet, then the content: 以下機密勿外流，縣長下月要改組局處.
HUSHED = Gated(
    "勿不別刪",
    regex.compile(
        r"(?:以下|這是|這些是|這份是)?(?:機密|密件|限閱|內部文件|內部資料)(?:文件|資料|內容)?[，,\s]*"
        r"(?:(?:請勿|勿|不要|不得|別)(?:外流|外傳|轉傳|流出|傳出去|說出去)|閱後即刪|看完刪掉|看完就刪)[，,：:\s]+"
    ),
)
# A document header copied out: 保密期限：… 主旨：….
HEADER = Gated("旨", regex.compile(r"(?:保密期限|解密條件)\s*[:：].{0,30}主旨\s*[:：]"))
LAW = regex.compile(r"違者|依法|刑法|究辦|規定|懲處|法條|第[0-9]+條|謝謝|感謝|配合")
QUESTION = regex.compile(r"請問|什麼|怎麼|如何|嗎|[?？]")
TRIGGERS: tuple[str, ...] = (
    "密",
    "限閱",
    "內部文件",
    "內部資料",
    "confidential",
    "secret",
    "restricted",
)
# Marking followed by at least this many characters of content.
MIN_CONTENT = 8

RULE = matter.Rule(
    type="classified_marking",
    triggers=frozenset(TRIGGERS),
    base=0.3,
    weights=(("marking", 1), ("operational", 1), ("time", 1), ("named", 1)),
)
_TRIGGERS = RULE.triggers


# What LEADING and LEADING_LOOSE can start with after spaces: a message opening with
# any other Chinese character, letter or digit is not tried.
_LEAD_FIRST = frozenset("密機極絕限tcs")


# A short address before a leading mark (學長，密件：…): the mark still opens the content.
_ADDRESS = re.compile(r"\s*(?:學長|學姊|學姐|科長|組長|股長|主任|老大|大家|各位|報告)[，,]")


def _may_lead(text: str) -> bool:
    c = text[:1]
    return c in _LEAD_FIRST or not ("\u4e00" <= c <= "\u9fff" or "a" <= c <= "z" or "0" <= c <= "9")


_MARK_WORD = regex.compile(MARKS)
# A quoted mark after these is named, not applied: 標「密」, 蓋「機密」, 稱為「限閱」.
_NAMING = frozenset("標蓋寫為稱叫是註印")
_SPACED_PHRASE = regex.compile(rf"^\s*{MARKS}\s+(?:文件|公文|資料|檔案|等級|件)")


def _mark_word(matched: str) -> str:
    """Only the marking itself (機密, 限閱...) is shown, never the words around it."""
    w = _MARK_WORD.search(matched)
    return w.group() if w else "密"


# Any character one of the gated patterns needs: without one (and without a mark
# at the start), nothing below can match.
_ANY_NEEDED = re.compile(
    "[" + "".join(g.needs for g in (PATTERN, HUSHED, HEADER, SHARED, SOFT)) + "]"
)


def find(doc: Doc) -> list[Finding]:
    return _marked(doc) or _line_marked(doc) or _told_secret(doc)


# A later line of a forwarded or quoted message that opens with a mark (回覆 X：那份什麼時候交？
# / 密件內容：9/17行動分兩隊…): the mark leads its own line as it would lead a message.
_LINE_LEAD = re.compile(r"\n[ \t　]*(?=[密機極絕限])")
_MAX_LINES = 16


def _line_marked(doc: Doc) -> list[Finding]:
    text = doc.text
    if "\n" not in text:
        return []
    for n, nl in enumerate(_LINE_LEAD.finditer(text)):
        if n >= _MAX_LINES:
            break
        start = nl.end()
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        lead = LEADING.match(line)
        if lead is not None and lead.group().rstrip()[-1:] not in ":：|-–—!":
            lead = None  # a mark and a space only: a phrase (機密 文件…) as often as a label
        if lead is None:
            lead = LEADING_LOOSE.match(line)
        if (
            lead is None
            or len(line) - lead.end() < MIN_CONTENT
            or LAW.search(line) is not None
            or QUESTION.search(line) is not None
        ):
            continue
        word = _mark_word(lead.group())
        span = (start + lead.start(), start + lead.end(), word)
        return matter.matter_finding(
            doc, "classified_marking", span, 0.85, "classified_marking.leading", word
        )
    return []


def _marked(doc: Doc) -> list[Finding]:
    text = doc.text
    may_lead = _may_lead(text)
    if not may_lead and _ANY_NEEDED.search(text) is None and _ADDRESS.match(text) is None:
        return []  # 公務機密 in a course title: no marking, no pattern to try
    m = PATTERN.search(text)
    if (
        m is not None
        and m.group()[:1] in "「『"
        and text[m.end() : m.end() + 1] in ("字", "的", "等", "標", "、", "章", "按", "用")
    ):
        m = None  # 「密」字: the mark quoted in a rule, not a marked document
    elif (
        m is not None
        and m.group()[:1] in "「『"
        and text[max(0, m.start() - 1) : m.start()] in _NAMING
    ):
        m = None  # 公務機密標「密」: the rule names the mark, nothing is marked
    elif (
        m is not None
        and m.group()[:1] in "「『"
        and text.startswith(("公文", "文件", "件", "資料", "檔案", "卷"), m.end())
        and (QUESTION.search(text) is not None or matter.rule_talk(doc) is not None)
    ):
        m = None  # 請問「限閱」公文怎麼收文: asking about marked mail, not pasting one
    elif (
        m is not None
        and m.group()[:1] in "「『"
        and text[: m.start()].strip(" 　") != ""
        and text[m.end() : m.end() + 1] not in (":", "：")
    ):
        m = None  # 「機密」標示的用法, 公文系統的「密件」按鈕: the mark named mid-sentence
    if m is not None:
        content = len(text) - (m.end() - m.start())
        if content >= MIN_CONTENT:
            word = _mark_word(m.group())
            span = (m.start(), m.end(), word)
            return matter.matter_finding(
                doc, "classified_marking", span, 0.85, "classified_marking.marking", word
            )
    lead = LEADING.match(text) if may_lead else None
    off = 0  # where the leading mark's reading starts: after a short address (學長，密件：…)
    if lead is None:
        address = _ADDRESS.match(text)
        if address is not None:
            off = address.end()
            lead = LEADING.match(text[off:])
            if lead is not None and lead.group().rstrip()[-1:] not in ":：":
                lead = None  # after an address, only a labelled mark (密件：) leads
    if lead is not None and len(text) - off - lead.end() >= MIN_CONTENT:
        talk = matter.rule_talk(doc)
        sep = lead.group().rstrip()[-1:]
        if sep not in ":：|-–—!" and _SPACED_PHRASE.match(text):
            lead = None  # "機密 文件 請 放 保險櫃": the phrase 機密文件, spaced out
        if lead is not None and (
            sep in ":：|-–—!"
            or talk is None
            or matter.DIGIT.search(text)
            or matter.person_named(doc)
        ):
            word = _mark_word(lead.group())
            span = (off + lead.start(), off + lead.end(), word)
            return matter.matter_finding(
                doc, "classified_marking", span, 0.85, "classified_marking.leading", word
            )
    for rx in (HUSHED, HEADER):
        h = rx.search(text)
        if h is not None and len(text) - h.end() >= MIN_CONTENT and LAW.search(text) is None:
            word = _mark_word(h.group())
            return matter.matter_finding(
                doc,
                "classified_marking",
                (h.start(), h.end(), word),
                0.8,
                "classified_marking.hushed",
                None,
            )
    shared = SHARED.search(text)
    if shared is None and QUESTION.search(text) is None:
        shared = QUOTED_SHARED.search(text) or THIS_MARKED.search(text)
    if shared is not None and matter.rule_talk(doc) is None:
        span = (shared.start(), shared.end(), "機密")
        return matter.matter_finding(
            doc, "classified_marking", span, 0.8, "classified_marking.shared", None
        )
    loose = LEADING_LOOSE.match(text) if may_lead else None
    if (
        loose is not None
        and len(text) - loose.end() >= MIN_CONTENT
        and matter.rule_talk(doc) is None
    ):
        word = _mark_word(loose.group())
        span = (loose.start(), loose.end(), word)
        return matter.matter_finding(
            doc, "classified_marking", span, 0.85, "classified_marking.leading", word
        )
    s = SOFT.search(text)
    if s is not None and len(text) - (s.end() - s.start()) >= MIN_CONTENT:
        op = matter.operational(doc)
        score = matter.weigh(
            doc,
            RULE,
            strong=False,
            cues={
                "marking": "機密",
                "operational": op,
                "time": matter.has_time(doc),
                "named": matter.person_named(doc),
            },
            dampen=matter.rule_talk(doc),
        )
        return matter.matter_finding(
            doc,
            "classified_marking",
            (s.start(), s.end(), "機密"),
            score,
            "classified_marking.soft",
            op,
        )
    return []


# Told as a secret with no marking and no matter word (discourse.hushed): the sender's
# own hush (先別說出去, 你懂的), or a named person's matter not public yet (還沒公布,
# 偵辦中). Talk (a rule, a question, a reminder, a masked value) is not; the type is
# read from what the message is about (discourse.topic).
_HUSH_WORDS = frozenset(discourse.HUSH_WORDS)
_NOT_YET_WORDS = frozenset(discourse.NOT_YET_WORDS)
TOLD_RULE = matter.Rule(type="classified_marking", triggers=_HUSH_WORDS | _NOT_YET_WORDS)


def _told_secret(doc: Doc) -> list[Finding]:
    hush = doc.has(_HUSH_WORDS)
    if not hush and not doc.has(_NOT_YET_WORDS):
        return []
    text = doc.text
    seen = discourse.hushed(text) if hush else None
    how = "told as a secret"
    kind = discourse.topic(text)
    if seen is None:
        # a named person's matter: the matter recognised (陳志明的公文還沒簽 is workflow)
        seen = discourse.not_yet(text) if doc.has(_NOT_YET_WORDS) else None
        if seen is None or kind == "classified_marking" or not matter.real_name(doc):
            return []
        if discourse.paper_status(text) is not None:
            return []  # 陳志明的退休案還沒核定: the paperwork's status, no result told
        how = "a named person's matter, not public yet"
    if doc.discourse().talk() is not None:
        return []
    hit = doc.first(TOLD_RULE.triggers)
    assert hit is not None
    score = matter.weigh(doc, TOLD_RULE, strong=True)
    score.steps.insert(0, f"{how} ({seen}), no trigger word: read as {kind}")
    return matter.matter_finding(doc, kind, hit, score, f"{kind}.told", hit[2])


DETECTOR = matter.detector(RULE, find, ())
# The told-secret words wake the detector too.
DETECTOR = replace(DETECTOR, triggers=DETECTOR.triggers | TOLD_RULE.triggers)
