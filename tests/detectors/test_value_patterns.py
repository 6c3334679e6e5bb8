"""The fast twins of the value detectors' patterns find exactly what the originals find.

Several detectors scan with a standard-library `re` pattern (or a reshaped one
that starts with a plain character class) instead of their readable `regex`
PATTERN, for speed. Each twin must match the same spans: checked here on every
code point for the spelled-out classes, and on random strings built from the
characters that matter to each pattern.
"""

from __future__ import annotations

import random
import re

import regex

from detectors import (
    address,
    birth_date,
    credit_card,
    license_plate,
    person_name,
    phone_number,
    tw_national_id,
    tw_resident_id,
)
from detectors.lexicon import SURNAMES_1, SURNAMES_2

# Every code point but the surrogates, once.
ALL_CHARS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _spans(pattern: re.Pattern[str] | regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _strings(alphabet: list[str], n: int, seed: int, max_len: int = 24) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(alphabet, k=rng.randint(1, max_len))) for _ in range(n)]


def test_address_twin() -> None:
    alphabet = list("臺北市中正區廣州街路里村大道段巷弄號樓之鄰東1234567890 \u3000\x1c住在公文")
    alphabet += ["台北市", "新北市", "一段", "15號", "3樓"]
    for text in _strings(alphabet, 10000, 1, 30):
        assert _spans(address._FAST, text) == _spans(address.PATTERN, text), text
    city = regex.compile(rf"^(?:{address.CITIES})(?:[\p{{Han}}]{{1,3}}?[區鄉鎮市])?")
    alphabet = [*address.CITIES.split("|"), *"中正區鄉鎮市 \u3000街1"]
    for text in _strings(alphabet, 3000, 2, 8):
        assert _spans(address._CITY, text) == _spans(city, text), text


def test_birth_date_twin() -> None:
    """_FAST finds PATTERN's matches less the bare 4-5 digit runs find() dropped."""
    alphabet = list("0123456789" * 4) + list("年月日./- 民國生b\x1c\u3000\u2003\n\t號")

    def kept(text: str) -> list[tuple[int, int]]:
        return [
            m.span()
            for m in birth_date.PATTERN.finditer(text)
            if not (m.group().isdigit() and not 6 <= len(m.group()) <= 8)
        ]

    for text in _strings(alphabet, 20000, 3, 30):
        assert _spans(birth_date._FAST, text) == kept(text), text


def test_license_plate_twin() -> None:
    alphabet = [*"abcxyz0123456789-‐– \n\t\x1c車號", "abc", "ab", "1234", "123", "a1", "1a", "-"]
    for text in _strings(alphabet, 40000, 4, 20):
        assert _spans(license_plate._FAST, text) == _spans(license_plate.PATTERN, text), text


def test_person_name_twins() -> None:
    old_latin = regex.compile(
        r"(?<![A-Za-z])[A-Z][A-Za-z'\-]{1,15}(?:,?[ .][A-Z][A-Za-z'\-]{0,15}){1,3}(?![A-Za-z])"
    )
    alphabet = [*"ABCMNZabcxyz'-,. \né", "Lina", "Maria", "VO", "LAN", "王"]
    for text in _strings(alphabet, 20000, 5):
        assert _spans(person_name.LATIN_NAME, text) == _spans(old_latin, text), text
    # _NAME_TOKEN: the TOKENs that start with a surname (find() skips the others).
    han = sorted(SURNAMES_1)[:30] + sorted(w[0] for w in SURNAMES_2) + sorted(SURNAMES_2)[:10]
    alphabet = han + list("的了是在明華志 \n1a，㐀") + ["\u9fff", "\ua000"]
    for text in _strings(alphabet, 20000, 6, 20):
        want = [
            m.span()
            for m in person_name.TOKEN.finditer(text)
            if person_name.surname_at(text, m.start())
        ]
        got = [
            m.span()
            for m in person_name._NAME_TOKEN.finditer(text)
            if person_name.surname_at(text, m.start())
        ]
        assert got == want, text


def test_phone_start_is_needed_by_every_number() -> None:
    """A message with no _START position has no MOBILE or LANDLINE match."""
    alphabet = [*"0123456789+()886 -.,/o\u2014\U0001f600號", "09", "o9", "886", "(02)", "+886"]
    for text in _strings(alphabet, 20000, 7, 24):
        if phone_number._START.search(text) is None:
            assert not _spans(phone_number.MOBILE, text), text
            assert not _spans(phone_number.LANDLINE, text), text


def test_id_gate_is_needed_by_every_id() -> None:
    """A message with no _WORD_LETTER has no national or resident ID match."""
    rng = random.Random(8)
    seps = ["", "", "", " ", "-", ".", "\u2014", "\U0001f600", "  ", "號"]
    texts = _strings([*"0123456789" * 3, *"ab89z -_.統"], 5000, 8, 24)
    for _ in range(20000):  # ID-shaped strings after all kinds of characters
        head = rng.choice(["", "a", "1", " ", "-", "號", "\U0001f600", "é", "Z"])
        body = rng.choice("az") + rng.choice(seps) + rng.choice("1289abcd")
        body += "".join(rng.choice(seps) + rng.choice("0123456789") for _ in range(8))
        texts.append(head + body + rng.choice(["", "a", "1", " "]))
    found = 0
    for text in texts:
        ids = _spans(tw_national_id.PATTERN, text) + _spans(tw_resident_id.PATTERN, text)
        found += bool(ids)
        if tw_national_id._WORD_LETTER.search(text) is None:
            assert not ids, text
    assert found > 1000


def test_card_gate_is_needed_by_every_card() -> None:
    """A message with no _RUN13 has no credit-card PATTERN match."""
    alphabet = [*"0123456789" * 3, *"a1 -.,\u2014\U0001f600號", "4111", "1111 "]
    for text in _strings(alphabet, 20000, 9, 40):
        if credit_card._RUN13.search(text) is None:
            assert not list(credit_card.PATTERN.finditer(text, overlapped=True)), text


def test_numeral_year_is_needed_by_every_chinese_date() -> None:
    assert "".join(sorted(birth_date._WS_CHARS)) == "".join(regex.findall(r"\s", ALL_CHARS))
    rng = random.Random(10)
    ws = ["", "", " ", "\u3000", "\x1c", "\n"]
    nums = ["六十八", "一九八六", "十二", "一", "兩", "〇", "百", "1", "的", ""]
    found = 0
    for _ in range(20000):  # date-shaped strings, some pieces wrong or missing
        parts = [rng.choice(["", "民國", "今", "度"]), rng.choice(ws), rng.choice(nums)]
        parts += [rng.choice(ws), rng.choice(["年", "年", "月"]), rng.choice(ws), rng.choice(nums)]
        parts += [rng.choice(ws), rng.choice(["月", "月", "年"]), rng.choice(ws)]
        parts += [rng.choice(nums), rng.choice(ws), rng.choice(["日", "號", "生", ""])]
        text = "".join(parts)
        dates = _spans(birth_date.CN_DATE, text)
        found += bool(dates)
        if not birth_date._numeral_year(text):
            assert not dates, text
    assert found > 300


def test_id_checksum_matches_the_weighted_sum() -> None:
    rng = random.Random(11)
    weights = tw_national_id.WEIGHTS
    for _ in range(20000):
        code = rng.choice(list(tw_national_id.LETTER_CODES.values()))
        second = rng.randint(0, 9)
        digits = "".join(rng.choices("0123456789", k=8))
        vals = (code // 10, code % 10, second, *map(int, digits))
        want = sum(v * w for v, w in zip(vals, weights, strict=True)) % 10 == 0
        assert tw_national_id.checksum_ok(code, second, digits) == want


def _cards_by_regex(text: str, ctx: set[int]) -> list[tuple[int, int, str]]:
    """The card reading as it was: PATTERN at every place (overlapped, lazy), a
    longer reading tried when the shortest spaced one is no issuer's card."""
    longer = [
        regex.compile(rf"[0-9](?:{credit_card.SEP}[0-9]){{{n - 1}}}(?![0-9])")
        for n in range(14, 20)
    ]
    out: list[tuple[int, int, str]] = []
    end = -1
    for m in credit_card.PATTERN.finditer(text, overlapped=True):
        if m.start() < end:
            continue
        digits = re.sub("[^0-9]", "", m.group())
        if not (m.group().isdigit() or credit_card.validate(digits)):
            for rx in longer:
                x = rx.match(text, m.start())
                if x is not None and credit_card.validate(re.sub("[^0-9]", "", x.group())):
                    m = x
                    break
        digits = re.sub("[^0-9]", "", m.group())
        if credit_card.validate(digits, context=m.start() in ctx):
            end = m.end()
            out.append((m.start(), m.end(), digits))
    return out


def test_card_reader_equals_the_overlapped_regex_reading() -> None:
    """`_readings` (one pass per stretch, prefix-sum Luhn) gives what the regex
    retried at every digit gave, with and without a card word near each place."""
    alphabet = [*"0123456789" * 4, *" -.a\u2014\U0001f600  x", "4111", "5500", " 4", "3782"]
    rng = random.Random(12)
    for text in _strings(alphabet, 6000, 12, 70):
        for ctx in (
            set(),
            set(range(len(text))),
            {i for i in range(len(text)) if rng.random() < 0.3},
        ):
            got: list[tuple[int, int, str]] = []

            def keep(
                s: int,
                e: int,
                d: str,
                ctx: set[int] = ctx,
                got: list[tuple[int, int, str]] = got,
            ) -> bool:
                if credit_card.issuer_ok(d) or s in ctx:
                    got.append((s, e, d))
                    return True
                return False

            credit_card._readings(text, keep)
            assert got == _cards_by_regex(text, ctx), text


def test_national_id_fast_gate_is_needed_by_every_id() -> None:
    """A message with no tw_national_id._ID_FAST match has no PATTERN match."""
    rng = random.Random(13)
    seps = ["", "", " ", "-", ".", "/", ",", " - ", "\u2014", "\U0001f600", "號"]
    texts = []
    for _ in range(20000):
        head = rng.choice(["", "a", "1", " ", "號", "é"])
        body = rng.choice("azpo") + rng.choice(seps) + rng.choice("12il9")
        body += "".join(rng.choice(seps) + rng.choice("0123456789oil") for _ in range(8))
        texts.append(head + body + rng.choice(["", "a", "1", " "]))
    found = 0
    for text in texts:
        ids = _spans(tw_national_id.PATTERN, text)
        found += bool(ids)
        if tw_national_id._ID_FAST.search(text) is None:
            assert not ids, text
    assert found > 1000
