"""One normalisation pass before matching, with a map back to the original offsets.

What it does, in order:

1. Lower case, then each character outside ASCII and the common CJK ranges goes
   through `_char_map` once (cached): Unicode NFKC (full width, circled ①,
   mathematical 𝟐, ligatures, the ideographic space), decimal digits of any script
   to ASCII (Arabic-Indic ٣), Cyrillic and Greek look-alikes of Latin letters to
   those letters (Е, Ρ), combining marks and format characters (zero width, bidi,
   variation selectors, keycaps) deleted, a lone surrogate replaced by U+FFFD.
   NFKC can change lengths (⑩ -> 10, … -> ...): the text is rebuilt per character
   with the original offset of every resulting one (`Normalized.span`), so spans
   always point into the original text. Most messages change 1:1 or not at all
   and keep no index.
2. An o, i or l typed for a digit between digits becomes that digit (44o-215).
3. Runs of Chinese numerals read out as a number (零九一七二八…, 〇/洞/幺, the
   police-radio 么/兩/拐/勾), with spaces, commas, dots, slashes or 、 between the
   groups, become ASCII digits, 1:1, so `零九三二，七七一，四零五` is matched as a
   phone number. Only long runs are converted: a lone 一 or 三 stays a word.

Separators *inside* numbers (spaces, dashes, dots, emoji) are not deleted here:
deleting them would glue neighbouring numbers together ("0912345678 2樓").
Every numeric pattern instead allows `SEP` between its digits, and the matched
value is compacted with `digits_of()` / `alnum_of()`.

ROC (Minguo) dates are parsed by `parse_date()` below: 民國75年3月2日, 75.03.02,
750302, 1986/3/2 all become a `(year, month, day)` in the Gregorian calendar.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

import regex

from detectors.speech import respell_speech

# Between two digits of a number a writer may put a space, a line break, a dash,
# a dot, an underscore, a middle dot or an emoji; at most two of them in a row.
SEP = r"(?:[ \t\r\n\-‐‑–—_.·・‧~*]|\p{Extended_Pictographic}){0,2}"
# SEP plus slashes, commas and 、, up to three (0932/771/405, 09 . 88 . 05): for
# identifiers whose shape or checksum tells them from amounts and dates (mobiles,
# IDs), not for bare digit runs (accounts, cards), where 1,234,567 would glue.
SEP_LOOSE = r"(?:[ \t\r\n\-‐‑–—_.·・‧~*/\\|,、]|\p{Extended_Pictographic}){0,3}"

# Deleted before matching (the Cf/Mn characters most often typed into numbers);
# every other format character or combining mark goes too, see `_char_map`.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f\u180e\u200e\u200f"


def _build_fold() -> dict[int, int]:
    table: dict[int, int] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ! .. ~
        table[cp] = cp - 0xFEE0
    table[0x3000] = 0x20  # ideographic space
    table[0x00A0] = 0x20
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = cp + 32
    for cp in range(0xFF21, 0xFF3B):  # full-width A..Z -> a..z
        table[cp] = cp - 0xFEE0 + 32
    table[ord("－")] = ord("-")
    return table


FOLD = _build_fold()


# Letters that look like Latin ones (an ID's first letter typed in Cyrillic or Greek),
# in lower case: `normalize` lower-cases first. Greek ν is a capital Ν lowered.
LOOKALIKES: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "з": "3",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ү": "y",
    "һ": "h",
    "ӏ": "l",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "ζ": "z",
    "η": "h",
    "ι": "i",
    "κ": "k",
    "μ": "m",
    "ν": "n",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "y",
    "χ": "x",
    "ϲ": "c",
    "ϳ": "j",
}


CN_DIGITS = {
    "零": "0",
    "〇": "0",
    "洞": "0",
    "一": "1",
    "幺": "1",
    "么": "1",
    "壹": "1",
    "二": "2",
    "兩": "2",
    "貳": "2",
    "三": "3",
    "參": "3",
    "四": "4",
    "肆": "4",
    "五": "5",
    "伍": "5",
    "六": "6",
    "陸": "6",
    "七": "7",
    "拐": "7",
    "柒": "7",
    "八": "8",
    "捌": "8",
    "九": "9",
    "勾": "9",
    "玖": "9",
}
_CN_TABLE = str.maketrans(CN_DIGITS)
_CN_CLASS = "".join(CN_DIGITS)
# Between the numerals of a number read out: a space, a dash, a comma, a dot, a
# slash or 、, at most two (零九三二，七七一，四零五 -> 0932,771,405 once folded).
_CN_SEP = r"[ \-,./、]{0,2}"
# A run of at least 7 digit characters (Chinese or ASCII, optionally separated)
# with at least 4 Chinese numerals in it: a number read out, not a sentence.
_CN_RUN = regex.compile(rf"(?:[{_CN_CLASS}0-9]{_CN_SEP}){{6,}}[{_CN_CLASS}0-9]")
# Deletes the Chinese numerals: a run's length minus its translation's is how many it
# has (a third of the time of listing them with a pattern).
_CN_DROP = dict.fromkeys(map(ord, _CN_CLASS))


class Normalized:
    """The normalised text and the way back to original offsets."""

    __slots__ = ("_index", "original", "text")

    def __init__(self, original: str, text: str, index: list[int] | None) -> None:
        self.original = original
        self.text = text
        # None: identity. Otherwise the original offset of each normalised character:
        # non-decreasing; a character NFKC spelled as several (⑩ -> 10) repeats it.
        self._index = index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        idx = self._index
        if idx is None:
            return start, end
        if end <= start:
            o = idx[start] if start < len(idx) else len(self.original)
            return o, o
        return idx[start], idx[end - 1] + 1


def _convert_cn_runs(text: str) -> str:
    def repl(m: regex.Match[str]) -> str:
        run = m.group()
        cn = len(run) - len(run.translate(_CN_DROP))
        if cn < _MIN_CN_IN_RUN and not (cn and _mixed(run, cn)):
            return run
        return run.translate(_CN_TABLE)

    # _CN_RUN_FAST: the same runs (the maximal chain from the leftmost start either
    # way), about twice as fast under `re` on a 5,000-character soup of numerals.
    return _CN_RUN_FAST.sub(repl, text)


# The letter o typed for a zero, or i / l for a one, inside a number: 0937-44o-215,
# P1287741O4, 09l2-345-678. One or two of them between digits (0o0, 1ll2).
_O_IN_NUMBER = regex.compile(r"(?<=[0-9][ \-.]?)[oil]{1,2}(?=[ \-.]?[0-9])")
_O_DIGIT = str.maketrans("oil", "011")


# A necessary condition of _O_IN_NUMBER, checked with the faster `re` first.
_O_AFTER_DIGIT = re.compile(r"[0-9][ \-.]?[oil]")


# z for 2, s for 5, b for 8 inside a longer number (09Z2980750, J19ZS69Z31): after two
# digits and before one, so that 3s or b2 alone stay letters.
_ZSB_IN_NUMBER = regex.compile(r"(?<=[0-9]{2}[ \-.]?)[zsboil]{1,2}(?=[ \-.]?[0-9])")
_ZSB_DIGIT = str.maketrans("zsboil", "258011")
_ZSB_AFTER_DIGITS = re.compile(r"[0-9]{2}[ \-.]?[oil]?[zsb]")


# ... or one ending a long number (o91682045I, N85595437l, Z93698669S): after seven
# digits in a row, at the end of the word. No unit or word ends seven digits that way.
# Nine digits alone then the letter is an ID written backwards (237910061Z): kept.
_ZSB_AT_END = re.compile(r"(?<![0-9])([a-z]?)([0-9]{7,})([zsboil])(?![a-z0-9])")


def _end_digit(m: re.Match[str]) -> str:
    head, digits, letter = m.groups()
    if not head and len(digits) == 9:
        return m.group()
    return head + digits + letter.translate(_ZSB_DIGIT)


# Every look-alike above is one of these letters: one scan rules both out (most chat).
_LOOK_ALIKE_LETTER = re.compile("[zsboil]")


def _o_to_zero(folded: str) -> str:
    if _LOOK_ALIKE_LETTER.search(folded) is None:
        return folded
    o_after = _O_AFTER_DIGIT.search(folded) is not None
    if o_after and _O_IN_NUMBER.search(folded) is not None:
        folded = _O_IN_NUMBER.sub(lambda m: m.group().translate(_O_DIGIT), folded)
    zsb_after = _ZSB_AFTER_DIGITS.search(folded) is not None
    if zsb_after:
        folded = _ZSB_IN_NUMBER.sub(lambda m: m.group().translate(_ZSB_DIGIT), folded)
    # a letter ending a number follows a digit: one of the two searches above saw it
    if (o_after or zsb_after) and _ZSB_AT_END.search(folded) is not None:
        folded = _ZSB_AT_END.sub(_end_digit, folded)
    return folded


# The same runs as _CN_RUN, under `re` and starting with a character class (so the
# engine jumps between candidate characters): the check before the sub.
_CN_RUN_FAST = re.compile(rf"[{_CN_CLASS}0-9](?:{_CN_SEP}[{_CN_CLASS}0-9]){{6,}}")
# A run of Chinese numerals is converted only with 4 of them in it (`_convert_cn_runs`),
# or when it mixes both kinds in one number (０９６７四五一227, E220一九3843): at least
# _MIN_MIXED_ASCII ASCII digits and _MIN_MIXED_RUN numerals in all, as long as an ID
# or a mobile. Nobody types a date or an amount that way.
_MIN_CN_IN_RUN = 4
_MIN_MIXED_ASCII = 3
_MIN_MIXED_RUN = 8
_ASCII_DIGIT = re.compile("[0-9]")


def _mixed(run: str, cn: int) -> bool:
    ascii_digits = len(_ASCII_DIGIT.findall(run))
    return ascii_digits >= _MIN_MIXED_ASCII and ascii_digits + cn >= _MIN_MIXED_RUN


# Characters that may need more than lower-casing: everything outside ASCII, the
# common CJK ideographs and the CJK punctuation NFKC leaves alone. One `findall`
# lists them; most messages have a few (full-width punctuation, emoji), each looked
# up once in `_CHAR_MAP`. The Chinese numerals are listed too (left as they are
# here): their count says whether a run of them can be a number.
_CN_SET = frozenset(_CN_CLASS)


def _plain_class() -> str:
    """ASCII, the CJK ideographs but the Chinese numerals, CJK punctuation NFKC keeps:
    the characters `_ODD` skips, as one class of ranges (one class is much faster
    for `re` than a class or a second one)."""
    ranges = [(0x00, 0x7F), (0x3001, 0x3002), (0x3008, 0x3011), (0x3014, 0x301F)]
    start = 0x4E00
    for cp in sorted(ord(c) for c in _CN_SET if 0x4E00 <= ord(c) <= 0x9FFF):
        if cp > start:
            ranges.append((start, cp - 1))
        start = cp + 1
    ranges.append((start, 0x9FFF))
    return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in sorted(ranges))


_ODD = re.compile(f"[^{_plain_class()}]")
_LONG = 256  # a text this long lists its odd characters by its distinct ones
_UPPER = re.compile("[A-Z]+")
_CHAR_MAP: dict[str, str] = {}
_MAX_CHAR_MAP = 65536


def _char_map(c: str) -> str:
    """What one character becomes: '' (deleted), itself, or its lower-cased NFKC
    form with look-alikes and decimal digits of any script made ASCII."""
    low = c.lower()
    if low != c:
        return "".join(_char_map(x) for x in low)
    cat = unicodedata.category(c)
    if cat == "Cs":  # a lone surrogate (half an emoji): a replacement character
        return "\ufffd"
    if cat in ("Mn", "Me", "Cf"):  # combining marks, zero width, bidi controls
        return ""
    hit = LOOKALIKES.get(c)
    if hit is not None:
        return hit
    d = unicodedata.decimal(c, None)  # Arabic-Indic, Devanagari, mathematical bold...
    if d is not None:
        return str(d)
    k = unicodedata.normalize("NFKC", c)
    if k == c:
        return c
    return "".join(x if x.isascii() or x == c else _char_map(x) for x in k)


def _mapped(c: str) -> str:
    m = _CHAR_MAP.get(c)
    if m is None:
        m = _char_map(c)
        if len(_CHAR_MAP) < _MAX_CHAR_MAP:
            _CHAR_MAP[c] = m
    return m


# A number spelled out in English words (zero nine one two, three four five, six seven
# eight): seven or more digit words in a row, separated by spaces, commas or dashes, are
# written as their digits, each group's digits together and a group's separator kept,
# then padded with spaces to the run's length (offsets outside the run do not move; a
# finding inside it maps to the run's first characters). Nobody writes a date or an
# amount that way; words of a sentence (one of the two) are never seven in a row.
_NUM_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_NUM_WORD = "(?:zero|one|two|three|four|five|six|seven|eight|nine)"
_NUM_WORD_RUN = re.compile(rf"(?<![a-z]){_NUM_WORD}(?:[ ,\-]{{1,3}}{_NUM_WORD}){{6,}}(?![a-z])")
_NUM_WORD_SPLIT = re.compile(rf"({_NUM_WORD})|([ ,\-]+)")


def _spelled_digits(m: re.Match[str]) -> str:
    out: list[str] = []
    for w, sep in _NUM_WORD_SPLIT.findall(m.group()):
        if w:
            out.append(_NUM_WORDS[w])
        elif "," in sep or "-" in sep:
            out.append(sep.strip() or sep)  # a group's separator kept, spaces dropped
    run = "".join(out)
    return run + " " * (len(m.group()) - len(run))


def _number_words(folded: str) -> str:
    if ("e" not in folded and "o" not in folded) or _NUM_WORD_RUN.search(folded) is None:
        return folded
    return _NUM_WORD_RUN.sub(_spelled_digits, folded)


def normalize(text: str) -> Normalized:
    """Lower case, NFKC per character (full width, circled, mathematical digits),
    digits of any script and look-alike letters to ASCII, marks and format characters
    deleted, lone surrogates replaced; then o/i/l inside numbers and Chinese numeral
    runs made digits. Every step but the per-character one keeps the length; that one
    keeps an index back to the original offsets."""
    if text.isascii():
        return Normalized(text, _number_words(_o_to_zero(text.lower())), None)
    folded = text.lower()
    if len(folded) != len(text):  # a rare letter whose lower case is longer (İ)
        folded = _UPPER.sub(lambda m: m.group().lower(), text)
    if len(folded) < _LONG:
        odd = _ODD.findall(folded)
        distinct = set(odd)
    else:
        # A long text: the odd characters of its distinct ones, not a list of every
        # odd character (5,000 of them in a soup of digits of another script).
        odd = None
        distinct = set(_ODD.findall("".join(set(folded))))
    if not distinct:
        return Normalized(text, _number_words(respell_speech(_o_to_zero(folded))), None)
    index: list[int] | None = None
    lowered = folded  # before any character is replaced: where `odd` was listed
    changed: dict[str, str] = {}
    for c in distinct:
        m = _CHAR_MAP.get(c) or _mapped(c)
        if m != c:
            changed[c] = m
    if changed:
        if all(len(m) == 1 for m in changed.values()):
            # A `str.replace` per distinct character (a few), not `translate`,
            # which looks every character of the text up in a table.
            for c, m in changed.items():
                folded = folded.replace(c, m)
        else:
            folded, index = _rebuild(folded, changed)
    folded = _o_to_zero(folded)
    if (
        not _CN_SET.isdisjoint(distinct)
        and (
            (
                sum(map(_CN_SET.__contains__, odd))
                if odd is not None
                else sum(lowered.count(c) for c in _CN_SET.intersection(distinct))
            )
            >= _MIN_CN_IN_RUN
            or _ASCII_DIGIT.search(folded) is not None  # a mixed run: `_mixed` decides
        )
        and _CN_RUN_FAST.search(folded) is not None
    ):
        folded = _convert_cn_runs(folded)
    # dictated homophones of the matter words (機查 -> 稽查), same length
    folded = respell_speech(folded)
    return Normalized(text, _number_words(folded), index)


def _rebuild(folded: str, changed: dict[str, str]) -> tuple[str, list[int]]:
    """The text with each changed character replaced by its (0..n character) form,
    and the original offset of every resulting character."""
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for mt in _ODD.finditer(folded):
        i = mt.start()
        m = changed.get(folded[i])
        if m is None:
            continue
        parts.append(folded[pos:i])
        index.extend(range(pos, i))
        parts.append(m)
        index.extend([i] * len(m))
        pos = i + 1
    parts.append(folded[pos:])
    index.extend(range(pos, len(folded)))
    return "".join(parts), index


# ASCII, full width, the spaces, dashes and dots keyboards here type in numbers, and
# Chinese numerals (formal letters write numbers in them: not a disguise by itself).
_PLAIN = re.compile(
    "[\x00-\x7f\uff01-\uff5e\u3000\u00a0\u2010-\u2015\u00b7\u30fb\u2027、。" + _CN_CLASS + "]*"
)


def evasive(original: str) -> bool:
    """Whether a value as written (its span of the original text) was disguised:
    anything but ASCII, full width, Chinese numerals and ordinary dashes, dots and
    spaces in it (digits of other scripts, look-alike letters, marks, zero-width
    characters, emoji): chosen to dodge a filter, not typed."""
    return _PLAIN.fullmatch(original) is None


_NOT_DIGIT = re.compile(r"[^0-9]")  # plain classes: the stdlib `re` is faster
_NOT_ALNUM = re.compile(r"[^0-9a-z]")


def digits_of(s: str) -> str:
    return _NOT_DIGIT.sub("", s)


def alnum_of(s: str) -> str:
    """Letters and digits of a normalised match, upper-cased: `a 12-34` -> `A1234`."""
    return _NOT_ALNUM.sub("", s).upper()


# ---------------------------------------------------------------- dates

ROC_OFFSET = 1911


def to_gregorian(year: int, *, roc: bool | None = None) -> int:
    """A year as written -> Gregorian. `roc=None`: guess (< 200 is a ROC year)."""
    if roc or (roc is None and year < 200):
        return year + ROC_OFFSET
    return year


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


_CN_VALUES = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_number(s: str) -> int | None:
    """七十 -> 70, 六十八 -> 68, 十二 -> 12, 一九八六 -> 1986, 一〇二 -> 102."""
    if not s:
        return None
    if "十" not in s and "百" not in s:
        digits = [_CN_VALUES.get(c) for c in s]
        if any(d is None for d in digits):
            return None
        return int("".join(str(d) for d in digits))
    total, cur = 0, 0
    for c in s:
        if c in _CN_VALUES:
            cur = _CN_VALUES[c]
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


_DATE_PARTS = regex.compile(r"(\d{2,4})\s*[年./\-\s]\s*(\d{1,2})\s*[月./\-\s]\s*(\d{1,2})\s*日?")


def parse_date(value: str) -> tuple[int, int, int] | None:
    """Parse a normalised date string into (Gregorian year, month, day), or None.

    Accepts 民國75年3月2日 / 75年3月2日 / 1986年3月2日, 75.03.02 / 75-3-2 / 75/3/2,
    1986-03-02, and the compact 750302 (ROC, 6 digits) / 0750302 (7) / 19860302 (8).
    """
    v = value.replace("民國", "").replace("民", "").strip()
    m = _DATE_PARTS.fullmatch(v)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        digits = digits_of(v)
        if len(digits) != len(v):
            return None
        if len(digits) == 8 and digits[:2] in ("19", "20"):
            y, mo, d = int(digits[:4]), int(digits[4:6]), int(digits[6:])
        elif len(digits) == 7:
            y, mo, d = int(digits[:3]), int(digits[3:5]), int(digits[5:])
        elif len(digits) == 6:
            y, mo, d = int(digits[:2]), int(digits[2:4]), int(digits[4:])
        else:
            return None
    y = to_gregorian(y)
    if not 1900 <= y <= 2100 or not valid_date(y, mo, d):
        return None
    return y, mo, d
