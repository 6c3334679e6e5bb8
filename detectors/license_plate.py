"""`license_plate`: Taiwanese vehicle plates (ABC-1234, AB-1234, 1234-AB, 123-ABC).

Plates look like many product codes, so a plate is only reported next to a
vehicle word (車牌, 車號...). Looking a plate's owner up for someone (查車籍,
車主是誰) is the classic leak; an agency car (公務車) is not personal.
"""

from __future__ import annotations

import re

from detectors.base import Detector, Finding
from detectors.doc import Doc
from detectors.lexicon import PERSON_ROLES
from detectors.normalize import CN_DIGITS
from detectors.person_name import _staff_at, name_at, name_ending_at

PATTERN = re.compile(
    r"(?<![a-z0-9\-])(?:[a-z]{2,3}\s?[-‐–]\s?[0-9]{3,4}|[0-9]{3,4}\s?[-‐–]\s?[a-z]{2,3}|[a-z][0-9]\s?[-‐–]\s?[0-9]{4}"
    r"|[0-9][a-z]\s?[-‐–]\s?[0-9]{4}|[a-z]{3}\s?[0-9]{4})(?![a-z0-9])"
)
# PATTERN as the engine scans it fastest (same matches, ~3x faster): it starts
# with one character class, so the engine skips from letter/digit to letter/digit
# instead of trying every position; the lookbehinds after that first character
# test what PATTERN's lookbehind did and pick the letter-first or digit-first
# forms (in PATTERN's order: at one place only one kind can match).
_FAST = re.compile(
    r"[a-z0-9](?<![a-z0-9\-][a-z0-9])(?:"
    r"(?<=[a-z])(?:[a-z]{1,2}\s?[-‐–]\s?[0-9]{3,4}|[0-9]\s?[-‐–]\s?[0-9]{4}|[a-z]{2}\s?[0-9]{4})"
    r"|(?<=[0-9])(?:[0-9]{2,3}\s?[-‐–]\s?[a-z]{2,3}|[a-z]\s?[-‐–]\s?[0-9]{4})"
    r")(?![a-z0-9])"
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_LETTER = re.compile("[a-z]")
_HAS_ZH = re.compile(f"[{''.join(CN_DIGITS)}]")


def mask_plate(value: str) -> str:
    """ABC-1234 -> AB*-**34: the first two and last two characters, at most 4 shown
    (MASK_SHOWN_MAX); separators kept."""
    keep = {i for i, c in enumerate(value) if c.isalnum()}
    order = sorted(keep)
    shown = set(order[:2] + order[-2:]) if len(order) > 4 else set(order[:1])
    return "".join(c if i in shown or i not in keep else "*" for i, c in enumerate(value))


# Every character spaced out to dodge a filter: H C Z - 3 4 4 8 (only run beside a vehicle word).
SPACED = re.compile(
    r"(?<![a-z0-9])[a-z](?: [a-z]){1,2} ?[-‐–]? ?[0-9](?: [0-9]){2,3}(?![a-z0-9])"
    r"|(?<![a-z0-9])[0-9](?: [0-9]){3} ?[-‐–]? ?[a-z](?: [a-z]){1,2}(?![a-z0-9])"
)

# A plate read out to dodge a filter, beside a plate word: its digits in Chinese
# numerals (車牌 ABC 三五二七, 拐拐洞-TT), its dash said as 槓, other separators
# (ABC·1234, ABC/1234), every character spaced or dashed (B-F-K 8302), the two
# groups named (英文ABC 數字1234). The letters (2-3) and digits (3-4) of a plate,
# in either order; each group may have one separator between its characters.
_ZH = "".join(CN_DIGITS)
_D = f"[0-9{_ZH}]"
_IN = r"(?:\s?[\-‐‑–—_.·・‧/\\|]?\s?)"
_BETWEEN = (
    r"(?:\s{0,2}(?:[\-‐‑–—_.·・‧/\\|~]|槓|杠|dash)?\s{0,2}"
    r"|\s{0,2}(?:數字|號碼)\s?(?:是|為)?\s?)"
)
_LETTERS = rf"[a-z](?:{_IN}[a-z]){{1,2}}"
_DIGITS = rf"{_D}(?:{_IN}{_D}){{2,3}}"
LOOSE = re.compile(
    rf"(?<![a-z0-9{_ZH}])(?:(?:英文|字母)\s?(?:是|為)?\s?)?"
    rf"(?:{_LETTERS}{_BETWEEN}{_DIGITS}|{_DIGITS}{_BETWEEN}{_LETTERS})(?![a-z0-9{_ZH}])"
)
_ZH_TABLE = str.maketrans(CN_DIGITS)
_LOOSE_WORDS = re.compile("英文|字母|數字|號碼|是|為|dash|槓|杠")
_PLAIN_PLATE = re.compile(r"[a-z]{2,3}[ \-]?[0-9]{3,4}|[0-9]{3,4}[ \-]?[a-z]{2,3}")
# The score of a plate written to dodge a filter (as phone_number's, email's).
EVASIVE_SCORE = 0.55


def _loose_value(raw: str) -> str | None:
    """The plate a loose reading spells (letters and digits, upper case), or None when
    its groups do not have a plate's lengths."""
    value = _NOT_ALNUM.sub("", _LOOSE_WORDS.sub("", raw).translate(_ZH_TABLE)).upper()
    letters = sum(c.isalpha() for c in value)
    digits = len(value) - letters
    if not (2 <= letters <= 3 and 3 <= digits <= 4):
        return None
    return value


CONTEXT: tuple[str, ...] = (
    # traffic offences: what they name is a vehicle
    "酒駕",
    "酒測",
    "肇逃",
    "闖紅燈",
    "拖吊",
    "車牌",
    "車號",
    "車牌號碼",
    "牌照",
    "車籍",
    "車主",
    "機車",
    "汽車",
    "轎車",
    "車子",
    "開車",
    "違停",
    "那台",
    "這台",
    "的車",
    "名下",
    "車",
    "開",
    "plate",
    "駕駛",
    "車輛",
    "車款",
    "休旅車",
    "貨車",
    "卡車",
    "計程車",
    "重機",
    "賓士",
    "bmw",
    "toyota",
    "豐田",
    "本田",
    "福特",
    "特斯拉",
    "tesla",
    "保時捷",
    "三陽",
    "光陽",
    "山葉",
    "gogoro",
    "監視器",
)
QUERY: tuple[str, ...] = (
    "查車籍",
    "車主",
    "車籍資料",
    "是誰的車",
    "是誰的",
    "幫我查",
    "幫忙查",
    "查一下",
    "住哪",
    "撞了",
    "肇事",
    "車籍查詢",
    "登記人",
    "登記在",
    "所有人",
    "車主資料",
    "調車籍",
    # "X 的車主…" is read as 的車 + 主 unless the longer word is known
    "的車主",
    "的車主資料",
    "的車籍",
    "監視器",
    "行車紀錄",
    "車行紀錄",
    "進出紀錄",
    "belongs to",
    "registered to",
    "owner",
)
# Asking the group whose car blocks the exit is parking chat, not a lookup.
PARKING: tuple[str, ...] = ("擋到", "擋住", "移車", "挪車", "停車場", "車位", "停錯", "請移")
LOOKUP: tuple[str, ...] = (
    "查車籍",
    "車籍資料",
    "幫我查",
    "幫忙查",
    "查一下",
    "查到",
    "監視器",
    "駕駛",
    "行車紀錄",
)
AGENCY: tuple[str, ...] = ("公務車", "本署車", "公務機車", "巡邏車", "偵防車")
CONTEXT_BEFORE = 20
CONTEXT_AFTER = 12

_CONTEXT = frozenset(CONTEXT)
_QUERY = frozenset(QUERY)
_AGENCY = frozenset(AGENCY)
_PARKING = frozenset(PARKING)
_LOOKUP = frozenset(LOOKUP)
_PERSON = frozenset(PERSON_ROLES)
# The spaced-out form is searched only beside a plate or owner word.
_SPACED_CUES = frozenset(
    {
        "車牌",
        "車號",
        "車牌號碼",
        "車籍",
        "車主",
        "車籍資料",
        "查車籍",
        "plate",
        "幫我查",
        "幫忙查",
        "查一下",
        # "沈耀德的車牌V C M…": the index reads 的車 there, which hides 車牌
        "的車",
    }
)
# Words for a plate or its owner: a loose reading (LOOSE) is looked for only beside one.
_PLATE_WORDS = frozenset(
    {"車牌", "車號", "車牌號碼", "牌照", "車籍", "車主", "車籍資料", "查車籍", "plate", "的車"}
)
# Someone else's car: 他開的是 ALK-0093, 她的車 ABC-1234.
_THIRD_PARTY_CAR = re.compile(r"(?:他|她|對方|嫌犯)(?:的|開的|開|騎的|騎)")


# Whose the plate is, said beside it: after it (是廖慧君的, 登記在王小明名下, 車主是他), or
# before it (江素貞的車 382-NEK, 他開的 ALK-0093). A name must read as a citizen's (not
# 王科長); he, she or the other party stand for one, but not in car-park chat.
_OWNER_AFTER = re.compile(
    r"\s?[，,]?\s?(?:是|為|屬於|登記在|登記給|車主是|車主為|的車主是)\s?"
    r"(?:(他|她|對方|嫌犯)|(?=[\u4e00-\u9fff]{2,4}(?:的|名下|所有|在開|開的)))"
)
_OWNER_BEFORE = re.compile(
    r"(?:的車子?|的機車|的汽車|的轎車|開的|騎的)(?:是|車號|車牌|號碼|車牌號碼)?\s?(?:是|為)?[ :：]*$"
)
_PRONOUNS = ("他", "她", "對方", "嫌犯")
_PRONOUN = re.compile(r"(?:他|她|對方|嫌犯)$")
# The car to be moved: whose car blocks the exit is asked, not told.
_MOVE = frozenset(("擋到", "擋住", "移車", "挪車", "請移", "停錯"))


def _owner_named(text: str, start: int, end: int) -> str | None:
    m = _OWNER_AFTER.match(text, end)
    if m is not None:
        if m.group(1):
            return m.group(1)
        nm = name_at(text, m.end())
        if nm is not None and not nm[2]:
            return text[nm[0] : nm[1]]
    b = _OWNER_BEFORE.search(text, max(0, start - 14), start)
    if b is not None:
        p = _PRONOUN.search(text, max(0, b.start() - 2), b.start())
        if p is not None:
            return p.group()
        ending = name_ending_at(text, b.start())
        if ending is not None and not _staff_at(text, ending[0] + 1):
            return text[ending[0] : ending[1]]
    return None


def _readings(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """(start, end, plate, written to dodge a filter) of every plate-shaped span."""
    text = doc.text
    found = [(m.start(), m.end(), m.group(), False) for m in _FAST.finditer(text)]
    if not found and " " in text and doc.has(_SPACED_CUES):
        found = [(m.start(), m.end(), m.group(), True) for m in SPACED.finditer(text)]
    out = [(s, e, _NOT_ALNUM.sub("", g).upper(), spaced) for s, e, g, spaced in found]
    if not out and doc.has(_PLATE_WORDS) and _LETTER.search(text) is not None:
        for m in LOOSE.finditer(text):
            s, e = m.span()
            if any(s < fe and fs < e for fs, fe, _, _ in out):
                continue
            if doc.near(_PLATE_WORDS, s, e, CONTEXT_BEFORE, CONTEXT_AFTER) is None:
                continue  # read loosely only beside a word for a plate or its owner
            value = _loose_value(m.group())
            if value is None:
                continue
            evasive = _PLAIN_PLATE.fullmatch(m.group()) is None
            out.append((s, e, value, evasive))
    return out


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    if not doc.has_digit and (not doc.has(_PLATE_WORDS) or _HAS_ZH.search(doc.text) is None):
        return out  # no ASCII digit: only a plate word and Chinese numerals can make one
    for start, end, value, evasive in _readings(doc):
        ctx = doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER)
        if not ctx:
            continue
        if doc.near(_AGENCY, start, end, CONTEXT_BEFORE, CONTEXT_AFTER):
            score, rule = 0.1, "license_plate.agency_vehicle"
        elif (owner := _owner_named(doc.text, start, end)) is not None and not (
            doc.has(_MOVE) or (owner in _PRONOUNS and doc.has(_PARKING))
        ):
            # 車號 BED-6479 是廖慧君的, 他的車 ABC-1234: a person's plate, told of them;
            # in a car park too, unless the car is to be moved (whose car blocks the exit)
            score, rule, ctx = 0.55, "license_plate.owned", owner
        elif doc.has(_PARKING) and not doc.has(_LOOKUP):
            score, rule = 0.2, "license_plate.parking"
        elif q := doc.near(_QUERY, start, end, 30, 20):
            score, rule, ctx = 0.65, "license_plate.owner_query", q
        elif doc.near(_PERSON, start, end, 30, 15) or _THIRD_PARTY_CAR.search(
            doc.text, max(0, start - 12), start
        ):
            score, rule = 0.55, "license_plate.person"
        else:
            score, rule = 0.35, "license_plate.context"
        if evasive and score < EVASIVE_SCORE and rule == "license_plate.context":
            # read out or spaced beside a plate word: nobody disguises a plate they may share
            score, rule = EVASIVE_SCORE, "license_plate.evasive"
        masked = mask_plate(value)
        out.append(
            doc.finding(
                "license_plate",
                start,
                end,
                masked=masked,
                score=score,
                rule=rule,
                value=value,
                context=ctx,
            )
        )
    return out


DETECTOR = Detector(
    name="license_plate",
    find=find,
    words=CONTEXT + QUERY + AGENCY + PARKING + LOOKUP,
    triggers=frozenset(CONTEXT),
    # a plate may be read out in Chinese numerals: no ASCII digit needed (find checks)
    needs_digit=False,
)
