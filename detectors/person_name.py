"""`person_name`: names of people, Chinese (no spaces) and Latin-letter foreign names.

A Chinese name is a surname (single, or compound: 歐陽, 諸葛, 皇甫...) and one or
two given-name characters. Without spaces, a name is only taken where something
says "a person here":
- a role before it: 關係人, 民眾, 嫌疑人, 檢舉人... (a citizen);
- a title after it: 先生, 小姐, 女士 (a citizen), or 科長, 隊員... (staff: harmless);
- personal data right after it: 的身分證, 民國..年生, 電話, 住...;
- a compound surname, which rarely starts an ordinary word.
Latin-letter names (LAN ANH VO, Maria Santos) are taken near 看護, 移工, 居留證, 護照.

A name alone is not a leak (score below the warn threshold); the policy makes it
one when it is tied to personal data or a case matter.
"""

from __future__ import annotations

import re

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.lexicon import (
    BENIGN,
    GIVEN_CHARS,
    GIVEN_STOPWORDS,
    NAME_STOPWORDS,
    NOT_NAME_CHARS,
    PERSON_ROLES,
    RULE_TALK,
    STAFF_TITLES,
    SURNAMES_1,
    SURNAMES_2,
    TRAINING,
)

CITIZEN_ROLES: tuple[str, ...] = tuple(
    r for r in PERSON_ROLES if r not in ("先生", "小姐", "女士", "太太", "對象", "本人")
)
CITIZEN_TITLES: tuple[str, ...] = (
    "先生",
    "小姐",
    "女士",
    "太太",
    "阿姨",
    "伯伯",
    "老先生",
    "老太太",
)
# Personal data words that follow a name: 王小明的身分證, 王小明 民國…生, 王小明電話.
PII_CUES: tuple[str, ...] = (
    "身分證",
    "身份證",
    "居留證",
    "護照",
    "電話",
    "手機",
    "生日",
    "出生",
    "住",
    "住在",
    "住址",
    "戶籍",
    "帳號",
    "帳戶",
    "病歷",
    "前科",
    "入出境",
    "出入境",
)
FOREIGN_CUES: tuple[str, ...] = (
    "看護",
    "移工",
    "外勞",
    "外籍",
    "居留證",
    "護照",
    "申請人",
    "仲介",
    "雇主",
    "caregiver",
    "passport",
    "arc",
    "mr.",
    "ms.",
    "name",
    "email",
    "e-mail",
    "信箱",
    "逾期停留",
    "applicant",
    "passport no",
    "holder",
    "cardholder",
    "持卡人",
    "漁工",
    "外勞",
    "入境",
    "出境",
    "停留許可",
    "國籍",
    "nationality",
)
STAFF_BEFORE: tuple[str, ...] = ("承辦人", "承辦", "同事", "同仁", "聯絡人", "窗口")
# Looking a citizen up for someone (seed case 10): "幫你查了 王小明 …", "查到了 …".
LOOKUP: tuple[str, ...] = (
    "幫你查了",
    "幫你查",
    "我查過",
    "系統查到",
    "系統顯示",
    "查詢結果",
    "調出來",
)
LOOKUP_SCORE = 0.6
# Case context that makes a named citizen's message a leak on its own (social
# welfare, family, victims): "個案 林小妹 受虐，目前安置中".
CASE_CONTEXT: tuple[str, ...] = (
    "受虐",
    "安置",
    "離婚",
    "監護權",
    "家暴",
    "性侵",
    "性騷",
    "自殺",
    "中輟",
    "低收入",
    "中低收入",
    "寄養",
    "收養",
    "外遇",
    "欠債",
    "破產",
    "被害",
    "失業",
    "庇護所",
    "保護令",
    # a named citizen's property and tax affairs (名下有3筆土地, 被補稅, 欠稅二十萬)
    "名下",
    "補稅",
    "欠稅",
    "漏稅",
    "逃漏稅",
    "欠繳",
    "存款",
)
CASE_SCORE = 0.6
# The case word as what someone applies for or asks about (低收入戶申請, 中低收入戶的審核
# 進度, 低收入戶證明怎麼申請): a service asked for, not a case told. A person named only
# by surname and title (陳小姐, 王先生) is then not lifted by it.
_CASE_INQUIRY = re.compile(
    r"戶?(?:的)?(?:申請|資格|證明|補助|津貼|審核|進度|怎麼|如何|要帶|要準備|要填|需要|相關規定)"
)

# ASCII-only patterns under the standard `re` (same matches as `regex`, less
# overhead per call). LATIN_NAME starts with its capital so the engine hops from
# capital to capital; the lookbehind after it tests the character before.
# The words may be joined by an interpunct, as Taiwanese indigenous names are written
# (Buya·Nawi, Sayun‧Temu, Kolas・Piho).
LATIN_NAME = re.compile(
    r"[A-Z](?<![A-Za-z][A-Z])[A-Za-z'\-]{1,15}(?:(?:,?[ .]|[·‧・•])[A-Z][A-Za-z'\-]{0,15}){1,3}"
    r"(?![A-Za-z])"
)
_INTERPUNCT = re.compile("[·‧・•]")
LATIN_GIVEN = re.compile(r"[A-Z][a-z]{2,15}(?: [A-Z][a-z]{1,15}){0,2}(?![A-Za-z])")
# Capitalised words that start a sentence or label rather than a name.
NOT_LATIN_NAMES = frozenset(
    [
        "LINE",
        "ID",
        "ARC",
        "OK",
        "PDF",
        "URL",
        "HTTP",
        "HTTPS",
        "COVID",
        "NIA",
        "FYI",
        "APPLICANT",
        "SEARCH",
        "PASSPORT",
        "EMAIL",
        "THE",
        "PLEASE",
        "DEAR",
        "HI",
        "THANKS",
        "NAME",
        "MR",
        "MS",
        "MRS",
        "MISS",
        "WARRANT",
        "NO",
        "TEL",
    ]
)
COMPOUND = re.compile("|".join(sorted(SURNAMES_2)))
# A single surname then two common given-name characters, anywhere: 王志明說…
# A clause opening (the message start, punctuation, or 叫/跟/是/說) and three Han
# characters, then a word that tells something about a person.
_SUBJECT = re.compile(
    # led by the first characters of the openings (same matches): elsewhere a place
    # is rejected in one test, not one attempt per opening
    r"(?:^|(?=[，。,：:；;、！!？?\s（(「叫跟是說讓找請到給問聽同病學老家收隔那]))"
    r"(?:^|[，。,：:；;、！!？?\s（(「]|叫|跟|是|說|讓|找|請|到|給|問|聽說|同事|病人|學生|老師|家長|收件人|隔壁|那個)"
    r"([\u4e00-\u9fff]{3})"
    r"(?=的|是|在|以前|之前|因為|申請|今年|這次|這週|那邊|那個|一直|半年|懷孕|有|搬家|自己|說|被|要|會|已經"
    r"|最近|去年|上次|住院|罹患|得了|家|，|,|\s|老師|先生|小姐|太太|阿公|阿嬤|小朋友|涉嫌|名下|欠|酒精|割|入境|出境"
    r"|這幾天|明天|你|他|她|[0-9]"
    # ... or the matter told of them right after the name (蔡國棟癌症復發, 問蔡國棟請病假是不是…,
    # 徐素貞詐欺判過刑): what a person's name is followed by, not an ordinary word's
    r"|請病假|請假|癌|罹|化療|洗腎|中風|失智|確診|開刀|精神科|身心科|憂鬱|躁鬱|吸毒|酒駕|詐欺|竊盜"
    r"|判刑|被判|坐牢|前科|出獄|假釋|家暴|離婚|欠債|破產|自殺|剛從監獄|去勒戒|吃過官司|蹲過|被抓過)"
)
_HAN3 = re.compile("[\u4e00-\u9fff]{3}")  # what _SUBJECT's group holds
COMMON_NAME = re.compile(
    "[" + "".join(sorted(SURNAMES_1)) + "][" + "".join(sorted(GIVEN_CHARS)) + "]{2}"
)
# A run of 2-4 Han characters standing alone between spaces / punctuation: "申請人 吳佳樺 有…".
TOKEN = re.compile("(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff])")
# The TOKENs find() can take: those starting with a surname's first character
# (any other is skipped there). Same matches as TOKEN otherwise (a TOKEN is a
# whole run of Han characters); the lookbehind follows the first character.
_SURNAME_FIRSTS = "".join(sorted(set(SURNAMES_1) | {w[0] for w in SURNAMES_2}))
_NAME_TOKEN = re.compile(
    f"[{_SURNAME_FIRSTS}](?<![\u4e00-\u9fff][{_SURNAME_FIRSTS}])[\u4e00-\u9fff]{{1,3}}"
    "(?![\u4e00-\u9fff])"
)
# Surname + 君 then what they did: the usual way to name someone withheld (民眾吳君反映).
_JUN = re.compile(
    r"君(?=反映|要求|表示|陳情|來電|指出|稱|說|詢問|提出|投訴|檢舉|申請|希望|[，,。、：:\s（(]|$)"
)
# What a colleague does right after their name: the office's work, on a day.
_STAFF_ACTION = re.compile(
    r"\s?(?:明天|今天|今日|下午|上午|晚點|等等|稍後|下週[一二三四五六日]?)?\s?(?:會|要|再|先|負責)?(?:去|來|過去)?"
    r"(?:量測|勘查|會勘|現勘|稽查|採樣|處理|回覆|回電|聯繫|承辦|簽辦|陪同|支援|值班|代理|主持|簡報|列席|出席|負責)"
)
# The office's contact, clerk or chair named by the notice itself, after a unit's name at
# most (請洽保育研究課曾信宏, 聯絡人：鍾冠宇, 紀錄：黃慧君　主席：高…).
_CONTACT_BEFORE = re.compile(
    r"(?:請洽|洽詢|洽|聯絡人|聯絡窗口|窗口|新聞聯絡人|紀錄|記錄|主席|承辦人)[:：\s]?"
    r"(?:[\u4e00-\u9fff]{1,8}?(?:科|課|組|股|室|處|中心|隊|所|站|館|局|署))?[:：\s]?$"
)
MAX_CANDIDATES = 100  # a hostile message full of names: the policy needs only a few
SKIP_BETWEEN = " :：「『（(、"  # between a role word and the name
SKIP_AFTER = " 的之，,"  # between a name and the personal data after it

# Office titles the shared list lacks (賴督導, 張課員, 林書記官): a colleague, like 科長.
MORE_STAFF_TITLES: tuple[str, ...] = ("督導", "課員", "組員", "技佐", "幹事", "參事")
MORE_STAFF_TITLES += ("專委", "書記官", "社工師", "護理長", "站長", "館長")
_CITIZEN_ROLES = frozenset(CITIZEN_ROLES)
_CITIZEN_TITLES = frozenset(CITIZEN_TITLES)
_STAFF_TITLES = tuple(sorted(set(STAFF_TITLES) | set(MORE_STAFF_TITLES), key=len, reverse=True))
# Sentence-final particles are never a given name's characters (謝啦, 王啦, 好囉).
_PARTICLES = frozenset("啦囉欸嘛唷喲咧")
# A place's suffix right after a "name" makes it the place (胡志明市, 林森鄉): not a person,
# unless it opens the head's title (王大明市長, 陳小明縣議員).
_PLACE_AFTER = re.compile(r"[市縣鄉鎮](?!長|議員|議會|民代表)")
# Titles are plain words: "a title at pos" is `str.startswith` with a tuple.
_CITIZEN_AT = tuple(sorted(CITIZEN_TITLES, key=len, reverse=True))


def _staff_at(text: str, pos: int) -> bool:
    """A staff title at pos, or after one space (王大明 科長)."""
    if pos < len(text) and text[pos] == " ":
        pos += 1
    return text.startswith(_STAFF_TITLES, pos)


def _citizen_title_at(text: str, pos: int) -> bool:
    return text.startswith(_CITIZEN_AT, pos)


_PII = frozenset(PII_CUES)
_FOREIGN = frozenset(FOREIGN_CUES)
_STAFF_BEFORE = frozenset(STAFF_BEFORE)
_COMPOUNDS = frozenset(SURNAMES_2)
_LOOKUP = frozenset(LOOKUP)
_CASE = frozenset(CASE_CONTEXT)
_ALONE_CUES = _LOOKUP | _CASE
_BENIGN_HERE = frozenset(BENIGN + TRAINING + RULE_TALK)

# The highest score a name gets without a lookup or case word (role, title, data,
# token, common, compound, latin): below the default warn threshold.
ALONE_MAX = 0.45


# The reader addressed by surname and title, opening the message and spoken to (王小姐，
# 你上次問的…): the colleague who reads it, not someone the message is about.
_ADDRESSED_AFTER = re.compile(r"[，,:：]\s?(?:[^，。,\n]{0,3}?)?[你妳您]")


def _addressed(text: str, start: int, end: int) -> bool:
    """The name at start..end (surname and title) opens the message or a line and the
    next clause speaks to the reader (你, 妳, 您)."""
    if start > 0 and text[start - 1] != "\n":
        return False
    return _ADDRESSED_AFTER.match(text, end) is not None


def may_stand_alone(doc: Doc) -> bool:
    """Whether a name found here could be reported with nothing else found: only a
    lookup or case word lifts a name above ALONE_MAX, or a policy warns that low."""
    return doc.has(_ALONE_CUES) or doc.policy.warn_threshold <= ALONE_MAX


# Keyword gates: a loop over the message's keyword hits only when one can match.
_ROLE_BEFORE = _CITIZEN_ROLES | _STAFF_BEFORE
_ANCHOR_WORDS = _CITIZEN_TITLES | _PII
# Every cue word: the detector's keywords, and its trigger (any of them wakes it).
_CUE_WORDS = (
    CITIZEN_ROLES
    + CITIZEN_TITLES
    + PII_CUES
    + FOREIGN_CUES
    + STAFF_BEFORE
    + LOOKUP
    + CASE_CONTEXT
    + tuple(SURNAMES_2)
)
_ANY_CUE = frozenset(_CUE_WORDS)


def _is_given(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in NOT_NAME_CHARS and ch not in _PARTICLES


def _after_number(text: str, pos: int) -> bool:
    """720 萬左右, 3 千元: a unit after a number, not a surname."""
    p = pos - 1
    if p >= 0 and text[p] == " ":
        p -= 1
    return p >= 0 and text[p].isdigit()


def surname_at(text: str, pos: int) -> int:
    """Length of the surname starting at pos (2 compound, 1 single, 0 none)."""
    if text[pos : pos + 2] in SURNAMES_2:
        return 2
    if pos < len(text) and text[pos] in SURNAMES_1:
        return 1
    return 0


def name_at(text: str, pos: int) -> tuple[int, int, bool] | None:
    """A name starting at pos: (start, end, is_staff). Staff = followed by a staff title."""
    sl = surname_at(text, pos)
    if not sl:
        return None
    g = pos + sl
    if text.startswith(_STAFF_TITLES, g):
        return pos, g, True
    if text.startswith(_CITIZEN_AT, g):
        return pos, g, False
    n = 0
    while n < 2 and g + n < len(text) and _is_given(text[g + n]):
        # stop before a title: 王明先生 -> 王明
        if _citizen_title_at(text, g + n) or _staff_at(text, g + n):
            break
        n += 1
    if n == 0:
        return None
    end = g + n
    staff = _staff_at(text, end)
    return pos, end, staff


def name_ending_at(text: str, end: int) -> tuple[int, int] | None:
    """The longest plausible name that ends exactly at `end`."""
    for length in (4, 3, 2):
        s = end - length
        if s < 0:
            continue
        sl = surname_at(text, s)
        if not sl or length - sl < 1 or length - sl > 2:
            continue
        for c in text[s + sl : end]:
            if not _is_given(c):
                break
        else:
            if s > 0 and _is_given(text[s - 1]) and length - sl == 1 and sl == 1:
                continue  # "…X王明" inside a longer word: too weak
            return s, end
    return None


def mask_name(name: str) -> str:
    if name.isascii():
        return " ".join(w[0] + "*" * (len(w) - 1) for w in name.split())
    sl = 2 if name[:2] in SURNAMES_2 else 1
    given = name[sl:]
    if len(given) <= 1:
        return name[:sl] + "○"
    return name[:sl] + "○" * (len(given) - 1) + given[-1]


def find(doc: Doc) -> list[Finding]:
    text = doc.text
    found: dict[tuple[int, int], tuple[float, str, str | None]] = {}

    def add(s: int, e: int, score: float, rule: str, ctx: str | None) -> None:
        old = found.get((s, e))
        if old is None or (score > old[0] and old[0] != 0.1):
            found[(s, e)] = (score, rule, ctx)

    # 1. a role before the name: 關係人王小明, 民眾 林○○, 承辦人 端木隊員 (staff)
    for _hs, he, w in doc.hits if doc.has(_ROLE_BEFORE) else ():
        if w not in _ROLE_BEFORE:
            continue
        citizen = w in _CITIZEN_ROLES
        p = he
        while p < len(text) and p - he < 2 and text[p] in SKIP_BETWEEN:
            p += 1
        nm = name_at(text, p)
        if nm is None:
            if citizen:  # 移工 Lina, 看護 Maria: a Latin given name after a role
                lm = LATIN_GIVEN.match(doc.original, p) if doc.norm._index is None else None
                if lm is not None and lm.group().upper() not in NOT_LATIN_NAMES:
                    add(lm.start(), lm.end(), 0.45, "person_name.role", w)
            continue
        s, e, staff = nm
        if text[s:e] in NAME_STOPWORDS or text[s : s + 2] in NAME_STOPWORDS:
            continue  # 民眾陳情的個資: a word after the role, not a name
        sl = surname_at(text, s)
        if citizen and _JUN.match(text, s + sl) is not None:
            # 民眾吳君反映: a surname and 君, the given name withheld (like 林小姐)
            add(s, s + sl + 1, 0.45, "person_name.title", w)
            continue
        if staff or not citizen:
            add(s, e, 0.1, "person_name.staff", w)
        else:
            add(s, e, 0.45, "person_name.role", w)

    # 2. a title after the name: 林小姐, 陳先生 / 王科長 (staff)
    # 3. personal data right after the name: 皇甫崴睿 的身分證, 歐陽岳翔 民國56年…生
    anchors: list[tuple[int, str, bool]] = []
    for hs, _he, w in doc.hits if doc.has(_ANCHOR_WORDS) else ():
        if w in _CITIZEN_TITLES:
            anchors.append((hs, w, True))
        elif w in _PII:
            anchors.append((hs, w, False))
    for f in doc.findings:
        if f.type != "person_name" and f.score >= 0.3:
            ns, _ = doc.norm_span(f)
            anchors.append((ns, f.type, False))
    for pos, w, title in anchors:
        p = pos
        if not title:
            while p > 0 and pos - p < 3 and text[p - 1] in SKIP_AFTER:
                p -= 1
        nm2 = name_ending_at(text, p)
        if nm2 is None:
            if title and pos > 1 and text[pos - 2 : pos] in _COMPOUNDS:
                add(pos - 2, pos, 0.45, "person_name.title", w)  # 百里太太, 尉遲先生
            elif title and pos > 0 and text[pos - 1] in SURNAMES_1:
                if _addressed(text, pos - 1, pos + len(w)):
                    add(pos - 1, pos, 0.1, "person_name.staff", "addressee")
                else:
                    add(pos - 1, pos, 0.45, "person_name.title", w)
            continue
        s, e = nm2
        if text[s : s + 2] in NAME_STOPWORDS or text[s:e] in NAME_STOPWORDS:
            continue  # 陳情人電話: a role word before the data, not a name
        if _staff_at(text, e) or _staff_at(text, s + surname_at(text, s)):
            add(s, e, 0.1, "person_name.staff", w)
        else:
            add(
                s,
                e,
                0.45,
                "person_name.title" if title else "person_name.data",
                w,
            )

    # 4. a stand-alone token that reads as a name: "申請人 吳佳樺 有…", "是 賴宏哲 的車"
    if " " in text or "\n" in text:
        for m in _NAME_TOKEN.finditer(text):
            tok = m.group()
            # 陳情人：顏*恩: a role word or a word that opens with one is not a name
            if (
                tok in NAME_STOPWORDS
                or tok[:2] in NAME_STOPWORDS
                or tok in _ROLE_BEFORE
                or _after_number(text, m.start())
            ):
                continue
            sl = surname_at(text, m.start())
            if not sl or len(tok) - sl > 2 or len(tok) == sl:
                continue
            given = tok[sl:]
            if _staff_at(given, 0) or tok.endswith(_STAFF_TITLES):
                add(m.start(), m.start() + sl, 0.1, "person_name.staff", None)
                continue
            if _citizen_title_at(given, 0):
                continue
            if all(_is_given(c) for c in given) and given != tok[:sl] * len(given):
                if _staff_at(text, m.end()):
                    add(m.start(), m.end(), 0.1, "person_name.staff", None)
                else:
                    add(m.start(), m.end(), 0.4, "person_name.token", None)

    # 5b. a surname and two given-name characters opening a clause, followed by what
    # is told about them: 沈寶琴以前因為家暴被判過, 叫白正雄這幾天不要回家.
    # (every match holds three Han characters in a row: a text without them, a digit
    # soup, is one character-class scan instead of each opening tried at every place)
    for m in _SUBJECT.finditer(text) if _HAN3.search(text) is not None else ():
        s = m.start(1)
        tok = text[s : s + 3]
        sl = surname_at(text, s)
        if (
            sl != 1
            or tok in NAME_STOPWORDS
            or tok[:2] in NAME_STOPWORDS
            or tok[1:] in GIVEN_STOPWORDS
            or tok[1] == tok[0]
            or not (_is_given(tok[1]) and _is_given(tok[2]))
            or _staff_at(text, s + 1)
            or _staff_at(text, s + 3)
        ):
            continue
        add(s, s + 3, 0.4, "person_name.subject", None)

    # 5. a surname and two common given-name characters in running text
    for m in COMMON_NAME.finditer(text):
        tok = m.group()
        if _after_number(text, m.start()):
            continue
        if (
            tok in NAME_STOPWORDS
            or tok[:2] in NAME_STOPWORDS
            or tok[1:] in GIVEN_STOPWORDS
            or tok[1] == tok[0]
        ):
            continue
        if _staff_at(text, m.start() + 1):
            continue
        if _staff_at(text, m.end()):
            add(m.start(), m.end(), 0.1, "person_name.staff", None)
        else:
            add(m.start(), m.end(), 0.4, "person_name.common", None)

    # 6. a compound surname anywhere: 東方妍蘋家 (not an ordinal: 第五庭, 第五組)
    for m in COMPOUND.finditer(text) if doc.has(_COMPOUNDS) else ():
        if m.group().startswith("第"):
            continue
        nm = name_at(text, m.start())
        if nm is None:
            continue
        s, e, staff = nm
        if (
            (e - s < 3 and not staff)
            or text[s:e] in NAME_STOPWORDS
            or text[s : s + 3] in NAME_STOPWORDS
        ):
            continue
        add(
            s,
            e,
            0.1 if staff else 0.4,
            "person_name.staff" if staff else "person_name.compound",
            None,
        )

    # A name that does the office's work next (程國強明天會去量測, 林怡君負責回覆), or
    # the office's contact, clerk or chair (有問題請洽安養組謝玉珍，分機3689; 紀錄：黃慧君):
    # a colleague. A place's suffix after it (駐胡志明市辦事處): a place's name, nobody's.
    for (s, e), (score, _rule, _ctx) in list(found.items()) if found else ():
        if score >= 0.4 and (
            _STAFF_ACTION.match(text, e) is not None
            or _CONTACT_BEFORE.search(text, max(0, s - 14), s) is not None
        ):
            found[(s, e)] = (0.1, "person_name.staff", "staff action")
        elif _PLACE_AFTER.match(text, e) is not None and _rule != "person_name.staff":
            del found[(s, e)]

    out: list[Finding] = []
    if found:
        _rank(doc, found, out)

    # 7. Latin-letter names near a foreign-worker / document cue (original text: case matters)
    if doc.norm._index is not None:  # offsets equal only without deletions
        return out
    data_spans = (
        [doc.norm_span(f) for f in doc.findings if f.type != "person_name" and f.score >= 0.3]
        if doc.findings
        else []
    )
    if doc.has(_FOREIGN) or data_spans:
        for m in LATIN_NAME.finditer(doc.original):
            words = _INTERPUNCT.sub(" ", m.group().replace(",", " ")).split()
            first = 0
            while first < len(words) and words[first].strip(".").upper() in NOT_LATIN_NAMES:
                first += 1
            words = [w.strip(".") for w in words[first:]]
            if len(words) < 2 or any(w.upper() in NOT_LATIN_NAMES for w in words):
                continue
            s = m.start() + m.group().index(words[0])
            e = m.end()
            ctx = doc.near(_FOREIGN, s, e, 25, 25)
            if ctx is None and any(ds - 25 <= e and s - 25 <= de for ds, de in data_spans):
                ctx = "personal data"
            if ctx:
                out.append(
                    doc.finding(
                        "person_name",
                        s,
                        e,
                        masked=mask_name(" ".join(words)),
                        score=0.45,
                        rule="person_name.latin",
                        value=" ".join(words),
                        context=ctx,
                    )
                )
    return out


def _rank(
    doc: Doc, found: dict[tuple[int, int], tuple[float, str, str | None]], out: list[Finding]
) -> None:
    """The candidates as findings: best score first, overlapping ones dropped."""
    taken: list[tuple[int, int]] = []
    lookup = doc.first(_LOOKUP) if doc.has(_LOOKUP) else None
    if lookup is not None:
        for key, (score, rule, _ctx) in list(found.items()):
            if score >= 0.4 and rule != "person_name.staff":
                found[key] = (LOOKUP_SCORE, "person_name.lookup", lookup[2])
    case = doc.first(_CASE) if doc.has(_CASE) else None
    if case is not None and not doc.has(_BENIGN_HERE):
        # (陳小姐來問低收入戶申請要帶什麼: a surname and a title asking about a service)
        inquiry = _CASE_INQUIRY.match(doc.text, case[1]) is not None
        for key, (score, rule, _ctx) in list(found.items()):
            if inquiry and rule == "person_name.title":
                continue
            if score >= 0.4 and rule != "person_name.staff":
                found[key] = (max(score, CASE_SCORE), "person_name.case_context", case[2])
    if len(found) == 1:
        ranked = list(found.items())
    else:
        ranked = sorted(found.items(), key=_rank_key)[:MAX_CANDIDATES]
    for (s, e), (score, rule, ctx) in ranked:
        for ts, te in taken:
            if s < te and ts < e:
                break
        else:
            taken.append((s, e))
            os_, oe = doc.norm.span(s, e)
            name = doc.original[os_:oe]
            out.append(
                doc.finding(
                    "person_name",
                    s,
                    e,
                    masked=mask_name(name),
                    score=score,
                    rule=rule,
                    value=name,
                    context=ctx,
                )
            )


def _rank_key(kv: tuple[tuple[int, int], tuple[float, str, str | None]]) -> tuple[float, int, int]:
    (s, e), (score, _rule, _ctx) = kv
    return -score, s, e


def at_turn(doc: Doc) -> list[Finding]:
    """The name detector's turn in DETECTORS: names are found (`Doc.names()`, which
    adds them to the findings) when personal data was found that they may be tied
    to; otherwise later, if someone asks."""
    for f in doc.findings:
        if f.score >= 0.2:
            doc.names()
            break
    return []


def may_count(doc: Doc) -> bool:
    """Whether names could change the verdict: something else was found that a name
    ties to, or a name may stand alone (`may_stand_alone`)."""
    if doc.has(_ALONE_CUES) or doc.policy.warn_threshold <= ALONE_MAX:
        return True
    for f in doc.findings:  # noqa: SIM110
        if f.score >= 0.2:
            return True
    return False


DETECTOR = Detector(
    name="person_name",
    find=at_turn,
    triggers=_ANY_CUE,
    after_findings=True,
    words=_CUE_WORDS,
)
