"""`tw_national_id`: the ROC national identification number (國民身分證統一編號).

One letter (the household-registration area) + 1/2 (sex) + 7 digits + a check
digit. Found even when written full-width, lower-case, spaced, dashed or split by
emoji / zero-width characters. An ID-shaped string with a wrong check digit is
never reported (an order number, a typo).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate

import regex

from detectors.base import Detector, Finding, mask_middle
from detectors.doc import Doc
from detectors.normalize import SEP_LOOSE as SEP
from detectors.normalize import digits_of

# The second character may be an I or l typed for the 1, a later one an o, i or l
# typed for a digit (PI287741O4, HIO6932643, P2985O334O; between two digits the
# normaliser has already made them digits). Seven real digits at least.
PATTERN = regex.compile(rf"(?<![a-z0-9])[a-z]{SEP}[12ilz](?:{SEP}[0-9oilzsb]){{8}}(?![a-z0-9])")
# "IDA123456789": the label glued to the value (searched only when "id" is in the text).
GLUED = regex.compile(rf"(?<=(?<![a-z])id)[a-z]{SEP}[12ilz](?:{SEP}[0-9oilzsb]){{8}}(?![a-z0-9])")
MIN_REAL_DIGITS = 7
# ... or 6 when every other character is an o, i or l (the letters that look like 0 and
# 1: UlIO530148), or 5 beside an ID word (身分證 S11lll0237).
MIN_LOOKALIKE_DIGITS = 6
MIN_DIGITS_NAMED = 5
_WORD4 = re.compile("[a-z]{4}")  # every NATO word has four letters in a row
# Where a GLOSSED match can start: one `re` search that nearly every message fails.
_GLOSS_FAST = re.compile(r"[a-z](?<![a-z0-9][a-z])(?:\s?\([a-z]|\sas in\s)")
_PIPE_ONE = re.compile(r"(?<=[0-9a-z])[|!](?=[0-9a-z])")
# The letter spelled out after it (Q(queen)280732525, F as in Frank 123456784): the word
# starts with the letter.
# The NATO spelling alphabet, as police radio reads a letter (Echo 兩兩洞么…).
NATO: dict[str, str] = {
    w: w[0]
    for w in (
        *("alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"),
        *("india", "juliet", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa"),
        *("quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray"),
        *("x-ray", "yankee", "zulu"),
    )
}
_NATO_WORD = "|".join(sorted(NATO, key=len, reverse=True))
_NATO_FAST = re.compile(rf"(?<![a-z0-9])(?:{_NATO_WORD})[^a-z0-9]{{0,3}}[12il]")
# An ID whose letter is read in the NATO alphabet: Echo 220193843.
NATO_ID = regex.compile(
    rf"(?<![a-z0-9])({_NATO_WORD})((?:{SEP}[12ilz])(?:{SEP}[0-9oilzsb]){{8}})(?![a-z0-9])"
)
GLOSSED = regex.compile(
    rf"(?<![a-z0-9])([a-z])(?:\s?\(\1[a-z]{{1,11}}\)|\sas in\s\1[a-z]{{1,11}})"
    rf"((?:{SEP}[12ilz])(?:{SEP}[0-9oilzsb]){{8}})(?![a-z0-9])"
)
_LETTER_DIGITS = str.maketrans("OILZSB", "011258")


def head_pattern(second: str) -> regex.Pattern[str]:
    """The first piece of an ID written in pieces: the letter, then optionally the
    second character (from `second`) and up to 7 digits."""
    return regex.compile(
        rf"(?<![a-z0-9])[a-z](?:{SEP}[{second}](?:{SEP}[0-9]){{0,7}})?(?![a-z0-9])"
    )


HEAD = head_pattern("12il")
MAX_GAP = 20
# A later piece: up to MAX_GAP characters with no letter or digit, then digits (the gap
# as normalised: an ellipsis …… is six dots there). A count of
# digits in the gap (後6碼是219124) is part of the gap, never a piece.
TAIL = regex.compile(
    rf"(?:[^a-z0-9]|[0-9](?=碼|位|\s?[:：]))"
    rf"{{1,{MAX_GAP}}}?([0-9](?:{SEP}[0-9]){{0,8}})(?![a-z0-9])(?!碼|位|\s?[:：])"
)
MIN_HEAD = 4
MAX_PIECES = 3
# Words between the pieces that say "the rest of the number is": 後五碼、接著、剩下.
SPLIT_CUE = frozenset("後碼尾接續剩再其另下然還最數段")
# Words that say the second number is something else.
SPLIT_VETO = ("分機", "轉", "#", "ext", "號", "室", "樓", "元", "電話", "手機", "第")


def split_cued(gap: str) -> bool:
    """The gap between two pieces holds a word for "the rest is" (SPLIT_CUE)."""
    return any(c in gap for c in SPLIT_CUE)


class Covered:
    """Spans already read (the whole-number matches): whether a place lies inside one,
    by one bisect over the spans sorted by start and the furthest end up to each,
    where a scan of every span per place made a digit soup quadratic."""

    __slots__ = ("_reach", "_spans", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts: list[int] | None = None  # built on the first look past _FEW spans
        self._reach: list[int] = []

    def __contains__(self, pos: int) -> bool:
        """any(s <= pos < e for s, e in spans)"""
        starts = self._starts
        if starts is None:
            spans = self._spans
            if len(spans) <= _FEW:  # ordinary messages: a scan costs less than sorting
                return any(s <= pos < e for s, e in spans)
            spans = sorted(spans)
            starts = self._starts = [s for s, _ in spans]
            self._reach = list(accumulate((e for _, e in spans), max))
        i = bisect.bisect_right(starts, pos)
        return i > 0 and self._reach[i - 1] > pos


_FEW = 8


def later_pieces(
    text: str,
    pos: int,
    digits: str,
    *,
    tails: int,
    enough: int,
    veto: tuple[str, ...] = SPLIT_VETO,
    cued: Callable[[str], bool] = split_cued,
) -> tuple[str, int]:
    """A number told in pieces, its first piece ending at `pos` with `digits` read so far:
    each later piece (TAIL) after a gap that `cued` accepts (by default one with a word for
    "the rest is", SPLIT_CUE) and with no word for "something else" (`veto`) is added, up
    to `tails` pieces or `enough` digits.
    Returns the digits and where the last piece ends (`pos` when none was added)."""
    for _ in range(tails):
        t = TAIL.match(text, pos)
        if t is None:
            break
        gap = text[pos : t.start(1)]
        if any(w in gap for w in veto) or not cued(gap):
            break
        digits += digits_of(t.group(1))
        pos = t.end(1)
        if len(digits) >= enough:
            break
    return digits, pos


# A part of the number named (第二段, 第2部分): not 第 as in a room or a document.
_PART = re.compile(r"第.{1,2}?(?:段|部分|部份|截)")
# A masked number (X29****993, A12○○○○789): the mask hides digits, so the pieces on either
# side of it are never one number, and a phone after it (0972-...) is no ID's tail.
_MASK_GAP = re.compile(r"[*＊○●◯〇xX]{2,}")
# "英文T，數字19301……": the letter named as the ID's letter (before it), or "T開頭"
# (after it): a head of one letter needs one, or an ID word.
LETTER_CUE = ("英文", "字母", "開頭", "第一碼", "第1碼", "第一個字", "首碼", "頭一個")
_LETTER_AFTER = re.compile(r"\s?(?:開頭|字頭|打頭|起頭)")
_HAN = re.compile("[\u4e00-\u9fff]")
# Where a head of MIN_HEAD characters can start (a lone letter, then 1/2 and a digit):
# one `re` search that most messages fail; shorter heads need an ID word anyway.
_HEAD_FAST = re.compile(r"[a-z](?<![a-z0-9][a-z])[^a-z0-9]{0,3}[12il][^a-z0-9]{0,3}[0-9]")

CONTEXT: tuple[str, ...] = (
    "身分證",
    "身份證",
    "身分證字號",
    "身分證號",
    "統號",
    "統一編號",
    "證號",
    "字號",
    "id",
    "id no",
    "national id",
)
CONTEXT_BEFORE = 15  # characters
CONTEXT_AFTER = 8

# Letter -> area code used by the checksum (I, O, W, Z and X, Y are out of order).
LETTER_CODES: dict[str, int] = {c: i + 10 for i, c in enumerate("ABCDEFGHJKLMNPQRSTUVXYWZIO")}
WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)

_CONTEXT = frozenset(CONTEXT)
# A letter with no letter or digit before it, where every PATTERN match starts:
# most messages with enough digits have none (Chinese text, dates, numbers), and
# this one `re` search is cheaper than the `regex` scan.
_WORD_LETTER = re.compile(r"[a-z](?<![a-z0-9][a-z])")
_NOT_ALNUM = re.compile("[^0-9a-z]")
# Where a PATTERN match can be (every SEP character is a non-alphanumeric one, at
# most three): one `re` search, several times cheaper than the `regex` scan, which
# most messages with letters and digits fail.
_ID_FAST = re.compile(
    r"[a-z](?<![a-z0-9][a-z])[^a-z0-9]{0,3}[12ilz](?:[^a-z0-9]{0,3}[0-9oilzsb]){8}"
)


def checksum_ok(letter_code: int, second: int, digits: str) -> bool:
    """The shared ID checksum: area code (2 digits), then 9 digits, weights 1,9,8..1,1."""
    if len(digits) == 8:  # always, from validate(): the weighted sum spelled out
        d = digits
        total = letter_code // 10 + letter_code % 10 * 9 + second * 8 + int(d[0]) * 7
        total += int(d[1]) * 6 + int(d[2]) * 5 + int(d[3]) * 4 + int(d[4]) * 3
        total += int(d[5]) * 2 + int(d[6]) + int(d[7])
        return total % 10 == 0
    vals = (letter_code // 10, letter_code % 10, second, *(int(c) for c in digits))
    return sum(v * w for v, w in zip(vals, WEIGHTS, strict=True)) % 10 == 0


def validate(value: str) -> bool | None:
    """Presidio-style: True = valid ID, False = not an ID."""
    v = as_id(value)
    if len(v) != 10 or v[0] not in LETTER_CODES or v[1] not in "12" or not v[1:].isdigit():
        return False
    return checksum_ok(LETTER_CODES[v[0]], int(v[1]), v[2:])


def as_id(value: str) -> str:
    """Upper case, and the O / I / L / Z / S / B after the letter read as the digits
    they stand for."""
    v = value.upper()
    return v[:1] + v[1:].translate(_LETTER_DIGITS)


def _enough_digits(doc: Doc, span: tuple[int, int, str, str]) -> bool:
    """Whether a reading has enough real digits for the letters read as digits in it."""
    start, end, raw, _ = span
    real = sum(c.isdigit() for c in raw)
    if real >= MIN_REAL_DIGITS:
        return True
    if real >= MIN_LOOKALIKE_DIGITS and all(c in "oil" for c in raw[1:] if not c.isdigit()):
        return True
    return (
        real >= MIN_DIGITS_NAMED and doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, 0) is not None
    )


# Fewer than MIN_REAL_DIGITS digits can be an ID only with look-alikes beside them.
_LOOKALIKE_BY_DIGIT = re.compile(r"[0-9][oil|!]|[oil|!][0-9]")


def _has_lookalike(text: str) -> bool:
    """Any o, i, l, | or ! at all (a few memchr scans; most Chinese chat has none)."""
    return "o" in text or "i" in text or "l" in text or "|" in text or "!" in text


def find(doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    text = doc.text
    if doc.digits < MIN_REAL_DIGITS and (
        not _has_lookalike(text) or _LOOKALIKE_BY_DIGIT.search(text) is None
    ):
        return out
    # PATTERN needs a word letter; GLUED ("IDA123456789") needs "id" before its letter.
    matches = list(PATTERN.finditer(text)) if _ID_FAST.search(text) is not None else []
    if "id" in text:
        matches += GLUED.finditer(text)
    if "|" in text or "!" in text:
        # a | or ! typed for a 1 (J123S|5Z18): read once more with them as ones (the
        # same length, so the same spans); the checksum decides which reading holds
        ones = _PIPE_ONE.sub("1", text)
        matches += (
            m
            for m in PATTERN.finditer(ones)
            if ones[m.start() : m.end()] != text[m.start() : m.end()]
        )
    spans = [(m.start(), m.end(), _NOT_ALNUM.sub("", m.group()), "checksum") for m in matches]
    spans = [s for s in spans if _enough_digits(doc, s)]
    if _WORD4.search(text) is not None and _NATO_FAST.search(text) is not None:
        spans += [
            (m.start(), m.end(), NATO[m.group(1)] + _NOT_ALNUM.sub("", m.group(2)), "spelled")
            for m in NATO_ID.finditer(text)
        ]
    if _GLOSS_FAST.search(text) is not None:
        spans += [
            (m.start(), m.end(), m.group(1) + _NOT_ALNUM.sub("", m.group(2)), "glossed")
            for m in GLOSSED.finditer(text)
        ]
    if _HEAD_FAST.search(text) is not None or doc.has(_CONTEXT) or doc.has(_LETTER_CUE):
        spans += split_readings(doc, HEAD, "12", _CONTEXT, [m.span() for m in matches])
    spans += reversed_readings(doc, _CONTEXT)
    for start, end, raw, how in spans:
        value = as_id(raw)
        if not validate(value):
            continue
        ctx = doc.near(_CONTEXT, start, end, CONTEXT_BEFORE, CONTEXT_AFTER)
        if (
            ctx is None
            and not raw[1:].isdigit()
            and DOC_NUMBER.search(text, max(0, start - CONTEXT_BEFORE), start) is not None
        ):
            continue  # 發票號碼SL-05703931: a document number, its L only looks like a 1
        if (
            how == "reversed_bare"
            and DOC_NUMBER.search(text, max(0, start - CONTEXT_BEFORE), start) is not None
        ):
            continue  # 訂單編號 348391022E: the order's number, labelled so
        if ctx is None and _case_number(text, start, end):
            continue  # 違建案A114-661076, 個案編號A113-536976: a case's number by year
        out.append(
            doc.finding(
                "tw_national_id",
                start,
                end,
                masked=mask_middle(value),
                score=1.0 if ctx else BARE_REVERSED_SCORE if how == "reversed_bare" else 0.95,
                rule=f"tw_national_id.{how}",
                value=value,
                checksum=True,
                context=ctx,
            )
        )
    return out


# A case or tender number: a letter, an ROC year (100-119), a dash and a serial
# (A113-224131), labelled as a case's just before (案, 編號) or a tender's after (招標).
_YEAR_SERIAL = re.compile(r"[a-z]1[01][0-9]\s?[-‐‑–—]\s?[0-9]{6}")
_CASE_BEFORE = re.compile(r"(?:案|編號|案號|文號|單號|序號|標號)[\s:：]?$")
_CASE_AFTER = re.compile(r"\s?(?:招標|公告|決標|開標|標案|號)")


def _case_number(text: str, start: int, end: int) -> bool:
    return _YEAR_SERIAL.fullmatch(text, start, end) is not None and (
        _CASE_BEFORE.search(text, max(0, start - 3), start) is not None
        or _CASE_AFTER.match(text, end) is not None
    )


# Labels of document and order numbers: after one, a "number" whose digits needed a
# letter read as a digit (l for 1, o for 0) is that document's number, not an ID.
DOC_NUMBER = re.compile(
    r"發票|單號|訂單|編號|文號|案號|收據|序號|批號|型號|料號|貨號|追蹤碼|條碼|車次|班次|航班|字號|票號"
)
_MAX_HEADS = 200  # a hostile message of lone letters: the heads looked at, at most
_LETTER_CUE = frozenset(LETTER_CUE)


def split_readings(
    doc: Doc,
    head_rx: regex.Pattern[str],
    second: str,
    context: frozenset[str],
    taken: list[tuple[int, int]],
) -> list[tuple[int, int, str, str]]:
    """IDs written in pieces: a head (`head_rx`), then up to two more pieces of
    digits, each after a short gap, until the letter has its nine characters.
    Returns (start, end, letter + characters, rule); validated by the caller.

    「王志明 E2201。後五碼是93843」, 「英文T，數字19301……剩下2891」. A gap with a
    word for "the number is something else" (分機, 號, 元...) ends the reading; a gap
    with Chinese in it needs a word for "the rest is" (後, 剩下, 接...) or an ID word
    before the head; a head shorter than MIN_HEAD needs an ID word, or the letter
    named as one (英文T).
    """
    out: list[tuple[int, int, str, str]] = []
    text = doc.text
    covered = Covered(taken)
    for n, h in enumerate(head_rx.finditer(text)):
        if n >= _MAX_HEADS:
            break
        head = _NOT_ALNUM.sub("", h.group())
        if len(head) == 10 or h.start() in covered:
            continue
        near = doc.near(context, h.start(), h.end(), 15, 0) is not None
        if len(head) < MIN_HEAD and not near:
            named = text[max(0, h.start() - 6) : h.start()]
            if (
                not any(w in named for w in LETTER_CUE)
                and _LETTER_AFTER.match(text, h.end()) is None
            ):
                continue
            near = True  # the letter named as an ID's: what follows is its number
        value, pos = head, h.end()
        for _ in range(MAX_PIECES - 1):
            t = TAIL.match(text, pos)
            if t is None:
                break
            gap = text[pos : t.start(1)]
            if any(w in _PART.sub("", gap) for w in SPLIT_VETO):
                break  # B1203 會議室，分機 12345: a room and an extension
            if _MASK_GAP.search(gap):
                break  # X29****993: a masked number, not a split one
            # No "the rest is" between the pieces and no ID word before them: only
            # punctuation between, after a head of 5 or more.
            if (
                not near
                and not any(c in gap for c in SPLIT_CUE)
                and (_HAN.search(gap) is not None or len(value) < 5)
            ):
                break
            value += _NOT_ALNUM.sub("", t.group(1))
            pos = t.end(1)
            if len(value) >= 10:
                break
        if len(value) < 10 and pos == h.end():
            back = _piece_before(text, h.start(), 10 - len(value))
            if back is not None:
                start, digits = back
                if (value + digits)[1:2] in (*second, "i", "l"):
                    out.append((start, h.end(), value + digits, "split"))
            continue
        if len(value) != 10 or pos == h.end() or value[1] not in second + "il":
            continue
        out.append((h.start(), pos, value, "split"))
    return out


# The last digits told first (後四碼 6784，前面是 F12345): a piece labelled as the end
# (後, 末, 尾) shortly before a head labelled as the start (前).
_BACK_PIECE = regex.compile(
    rf"(?:後|末|尾)[^a-z0-9]{{0,4}}?(?:[0-9](?=碼|位)[碼位])?[^a-z0-9]{{0,3}}?"
    rf"([0-9](?:{SEP}[0-9]){{0,8}})(?![a-z0-9])(?!碼|位)"
)
_FRONT = re.compile("前|開頭|頭")


def _piece_before(text: str, head_start: int, need: int) -> tuple[int, str] | None:
    """(start, digits) of the piece told before a head, when it has the `need` digits
    the head lacks; or None."""
    lo = max(0, head_start - 12 - MAX_GAP)
    last = None
    for m in _BACK_PIECE.finditer(text, lo, head_start):
        last = m
    if last is None:
        return None
    digits = _NOT_ALNUM.sub("", last.group(1))
    between = text[last.end(1) : head_start]
    if len(digits) != need or _FRONT.search(between) is None or len(between) > 12:
        return None
    if any(w in between for w in SPLIT_VETO):
        return None
    return last.start(), digits


# An ID written backwards, digits first and the letter last (反著打 282958121M, 字號倒過來念：
# 026383642N): read only with a word that says so, or an ID word just before it; the
# reading must then pass the checksum like any other. Nine digits (or eight and an ARC's
# second letter) then a letter.
REVERSED = regex.compile(
    rf"(?<![a-z0-9])[0-9](?:{SEP}[0-9]){{7}}{SEP}[0-9a-d]{SEP}[a-z](?![a-z0-9])"
)
_REVERSED_FAST = re.compile(r"[0-9][^a-z0-9]{0,3}(?:[a-d][^a-z0-9]{0,3})?[a-z](?![a-z0-9])")
REVERSE_CUE: tuple[str, ...] = (
    "反著",
    "反過來",
    "倒過來",
    "倒著",
    "倒序",
    "反序",
    "逆序",
    "顛倒",
    "倒念",
    "倒唸",
    "倒讀",
    "從後面",
    "從最後",
    "reversed",
    "backwards",
)


_REVERSE_CHARS = "倒反顛逆從"  # every Chinese cue holds one


def reverse_cue(text: str) -> bool:
    for c in _REVERSE_CHARS:
        if c in text:
            return any(w in text for w in REVERSE_CUE)
    return "revers" in text or "backward" in text


def reversed_readings(doc: Doc, context: frozenset[str]) -> list[tuple[int, int, str, str]]:
    """IDs written backwards: (start, end, the value read forwards, rule), for the
    caller to validate. Read when the text says it is reversed or an ID word stands
    within CONTEXT_BEFORE characters before the number; or, as `reversed_bare`, when
    written compact: nine digits and a letter, a shape nothing else in office chat has
    (the caller scores it lower)."""
    text = doc.text
    cued = reverse_cue(text)
    if not cued and not doc.has(context):
        # most messages with digits: no cue, no ID word; only the compact shape is read
        # (it ends in a letter: a text without one is not searched)
        if _LATIN.search(text) is None:
            return []
        return [
            (m.start(), m.end(), m.group()[::-1], "reversed_bare")
            for m in _BARE_REVERSED.finditer(text)
        ]
    out: list[tuple[int, int, str, str]] = []
    if cued:
        out += _letter_apart(text)
    if _REVERSED_FAST.search(text) is None:
        return out
    for m in REVERSED.finditer(text):
        if _LETTER_THING.match(text, m.end()) is not None:
            continue  # 倒過來排 301897441，B棟: the letter names a building, not the ID's
        how = "reversed"
        if not cued and doc.near(context, m.start(), m.end(), CONTEXT_BEFORE, 0) is None:
            if _BARE_REVERSED.fullmatch(m.group()) is None:
                continue
            how = "reversed_bare"
        out.append((m.start(), m.end(), _NOT_ALNUM.sub("", m.group())[::-1], how))
    return out


# The digits written backwards and the letter told apart, before or after them (反著打
# 301897441，字母 B; 英文 B，數字倒過來 301897441; 倒著念 301897441 再加 B): read only
# where the text says it is reversed (the caller), nine digits standing alone and one
# letter standing alone a few characters away, with only punctuation between them or a
# word naming it a letter (字母, 英文, 開頭 ...); what names it something else (B棟, B區,
# 分機, 號) ends the reading. The checksum decides, like any other reading.
_NINE_DIGITS = regex.compile(rf"(?<![a-z0-9])[0-9](?:{SEP}[0-9]){{8}}(?![a-z0-9])")
_NINE_FAST = re.compile(r"[0-9](?:[^a-z0-9]{0,2}[0-9]){8}")
_LONE_LETTER = re.compile(r"(?<![a-z0-9])[a-z](?![a-z0-9])")
LETTER_APART_GAP = 12
# What a lone letter names when it is no ID's letter: a building, a zone, a grade, a form.
_LETTER_THING = re.compile(
    r"\s?(?:棟|樓|區|館|座|組|級|班|廳|段|場|案|版|款|型|罩|卷|牌|咖|等|計畫|方案)"
)
_LETTER_APART_CUE = (*LETTER_CUE, "加", "字頭", "letter")


def _letter_apart(text: str) -> list[tuple[int, int, str, str]]:
    if _NINE_FAST.search(text) is None:
        return []
    out: list[tuple[int, int, str, str]] = []
    for m in _NINE_DIGITS.finditer(text):
        digits = _NOT_ALNUM.sub("", m.group())[::-1]
        after = text[m.end() : m.end() + LETTER_APART_GAP]
        before_lo = max(0, m.start() - LETTER_APART_GAP)
        before = text[before_lo : m.start()]
        found = None
        a = _LONE_LETTER.search(after)
        if a is not None and _apart_ok(after[: a.start()], text, m.end() + a.end()):
            found = (m.start(), m.end() + a.end(), a.group())
        if found is None:
            for b in _LONE_LETTER.finditer(before):
                gap = before[b.end() :]
                if _apart_ok(gap, text, before_lo + b.end()):
                    found = (before_lo + b.start(), m.end(), b.group())
        if found is not None:
            start, end, letter = found
            out.append((start, end, letter + digits, "reversed_apart"))
    return out


def _apart_ok(gap: str, text: str, letter_end: int) -> bool:
    """Whether a letter LETTER_APART_GAP characters from the digits is told as their ID's
    letter: a gap of punctuation only, or one naming a letter; nothing naming it else."""
    if _LETTER_THING.match(text, letter_end) is not None:
        return False
    if any(c.isalnum() and c.isascii() for c in gap):
        return False
    if any(w in gap for w in SPLIT_VETO):
        return False
    return (
        _HAN.search(gap) is None or any(w in gap for w in _LETTER_APART_CUE) or (reverse_cue(gap))
    )


# Nine digits then a letter, standing alone (084573001Q): an ID written backwards.
_BARE_REVERSED = re.compile(r"[0-9](?<![a-z0-9][0-9])[0-9]{7}[0-9a-d][a-z](?![a-z0-9])")
_LATIN = re.compile("[a-z]")
# The score of a bare reversed reading: a warning, never a block on the shape alone.
BARE_REVERSED_SCORE = 0.75


# 5 digits: o, i and l typed for digits (HIO6932643, S11lll0237) leave fewer than nine.
DETECTOR = Detector(
    name="tw_national_id",
    find=find,
    words=CONTEXT + LETTER_CUE,
    needs_digit=True,
    min_digits=MIN_DIGITS_NAMED,
)
