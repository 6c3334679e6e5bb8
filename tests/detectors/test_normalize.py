"""Normalisation: one pass, offsets map back to the original text."""

from __future__ import annotations

import pytest

from detectors.normalize import alnum_of, cn_number, digits_of, normalize, parse_date


def test_fullwidth_and_case_fold_one_to_one() -> None:
    n = normalize("統號：Ｈ２１０４０９１９５ ABC")
    assert n.text == "統號:h210409195 abc"
    assert n.span(3, 13) == (3, 13)


def test_zero_width_characters_are_removed_and_spans_map_back() -> None:
    text = "A\u200b1\u200d2\ufeff3"
    n = normalize(text)
    assert n.text == "a123"
    assert n.span(0, 4) == (0, len(text))
    assert n.span(1, 2) == (2, 3)


def test_chinese_numerals_in_numbers_become_digits() -> None:
    assert normalize("電話 零九一二三四五六七八").text == "電話 0912345678"
    assert normalize("〇九一二 三四五 六七八").text == "0912 345 678"
    assert normalize("洞九幺二三四五六七八").text == "0912345678"


def test_short_chinese_numerals_stay_words() -> None:
    assert normalize("一樓三家店").text == "一樓三家店"


def test_letter_o_typed_for_zero_inside_a_number() -> None:
    assert normalize("0937-44O-215").text == "0937-440-215"
    assert normalize("Open the door").text == "open the door"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("民國75年3月2日", (1986, 3, 2)),
        ("75年03月02日", (1986, 3, 2)),
        ("75.03.02", (1986, 3, 2)),
        ("75/3/2", (1986, 3, 2)),
        ("750302", (1986, 3, 2)),
        ("1020101", (2013, 1, 1)),
        ("1986-03-02", (1986, 3, 2)),
        ("19860302", (1986, 3, 2)),
        ("75.13.02", None),
        ("123", None),
    ],
)
def test_roc_and_gregorian_dates(value: str, expected: tuple[int, int, int] | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("s", "n"), [("七十", 70), ("六十八", 68), ("十二", 12), ("十", 10), ("一〇二", 102)]
)
def test_chinese_numbers(s: str, n: int) -> None:
    assert cn_number(s) == n


def test_compaction_helpers() -> None:
    assert digits_of("0912-345 678") == "0912345678"
    assert alnum_of("a 12-34") == "A1234"


def _reference_normalize(text: str) -> tuple[str, list[int] | None]:
    """The plain, step-by-step normaliser the fast one must equal: every character
    through `_char_map` (lower case, NFKC, look-alikes, digits, marks deleted), with
    its offset; then o/i/l typed for digits and Chinese numeral runs (both 1:1)."""
    from detectors.normalize import _char_map, _convert_cn_runs, _o_to_zero

    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        m = _char_map(c)
        chars.append(m)
        index.extend([i] * len(m))
    folded = _convert_cn_runs(_o_to_zero("".join(chars)))
    if index == list(range(len(text))):
        return folded, None
    return folded, index


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f\u180e\u200e\u200f"


def test_fast_normaliser_equals_the_plain_one_on_random_text() -> None:
    import random

    rng = random.Random(3)
    alphabet = list(
        "0123456789０１２３４５６７８９AaＡａZzＺｚoOｏ -－.．，：（）！？；　\u00a0"
        "零〇洞一幺壹二貳三參四肆五伍六陸七柒八捌九玖十年月日電話王"
        "İ" + ZERO_WIDTH
    )
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 30)))
        got = normalize(text)
        assert (got.text, got._index) == _reference_normalize(text), repr(text)


def test_spaced_han_check_equals_the_pattern() -> None:
    import random

    from detectors.doc import _SPACED_HAN, has_spaced_han

    rng = random.Random(4)
    alphabet = list("拘票底價 \t\t  ab1，")
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 12)))
        assert has_spaced_han(text) == (" " in text and _SPACED_HAN.search(text) is not None)


def test_numeral_runs_are_found_by_the_re_pattern_as_by_the_regex_one() -> None:
    """_convert_cn_runs substitutes with _CN_RUN_FAST (`re`, about twice as fast on a
    5,000-character soup of numerals): the same runs as the reference _CN_RUN, so the
    same text comes out. Runs of numerals, digits and their separators (none, one, two,
    three), just long enough and one short."""
    import random

    from detectors.normalize import _CN_RUN, _CN_RUN_FAST

    rng = random.Random(5)
    alphabet = list("零〇洞一幺兩拐勾九七0912 -,./、，王年")
    cases = [
        "零九一二三四五",
        "零九一二三四",
        "零 九  一   二三四五六",
        "0九1二3四5",
        "七、七、七、七、七、七、七",
    ]
    cases += ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(20000)]
    for text in cases:
        want = [m.span() for m in _CN_RUN.finditer(text)]
        assert [m.span() for m in _CN_RUN_FAST.finditer(text)] == want, repr(text)


def test_digit_count_is_the_same_for_short_and_long_texts() -> None:
    """doc.count_digits counts a long text with str.count: ASCII digits only, as the
    `[0-9]` pattern it uses on short ones (not full-width or Arabic-Indic digits)."""
    import random

    from detectors.doc import _DIGIT, count_digits

    rng = random.Random(6)
    alphabet = "0123456789０１٣𝟏ab 王,"
    for k in (0, 5, 255, 256, 257, 5000):
        for _ in range(50):
            text = "".join(rng.choices(alphabet, k=k))
            assert count_digits(text) == len(_DIGIT.findall(text))
    assert count_digits("1 " * 2500 + "０٣") == 2500


def test_covered_answers_as_a_scan_of_every_span() -> None:
    """tw_national_id.Covered (the split readings of IDs, cards' neighbours, accounts,
    mobiles, passports skip heads inside a whole match): one bisect, the same answer as
    any(s <= pos < e) over the spans, overlapping, nested, empty or unsorted."""
    import random

    from detectors.tw_national_id import Covered

    assert 3 not in Covered([])
    assert 3 in Covered([(0, 10), (2, 4)]) and 10 not in Covered([(0, 10), (2, 4)])
    assert 5 in Covered([(4, 6), (0, 2)]) and 2 not in Covered([(4, 6), (0, 2)])
    assert 7 not in Covered([(5, 5), (6, 7)])
    rng = random.Random(8)
    for _ in range(3000):
        spans = []
        for _ in range(rng.randint(0, 20)):  # a scan up to 8 spans, the bisect past them
            s = rng.randint(0, 40)
            spans.append((s, s + rng.randint(0, 12)))
        covered = Covered(spans)
        for pos in range(-1, 55):
            assert (pos in covered) == any(s <= pos < e for s, e in spans), (spans, pos)


def test_fast_normaliser_equals_the_plain_one_on_long_text() -> None:
    """A text of _LONG characters or more lists its odd characters by its distinct
    ones and counts the Chinese numerals with str.count: the same result as the
    plain normaliser, numeral runs, compatibility ideographs (零 U+F9B2) and all."""
    import random

    from detectors.normalize import _LONG

    rng = random.Random(10)
    alphabet = list(
        "0123456789０１𝟎𝟏①٣AaＡoO -.,，、王年月零〇洞一幺兩拐勾九七\uf9b2\u0301\u200b🙂"
    )
    for k in (_LONG - 1, _LONG, _LONG + 1, 600, 3000):
        for _ in range(20):
            weights = [rng.random() for _ in alphabet]
            text = "".join(rng.choices(alphabet, weights=weights, k=k))
            got = normalize(text)
            assert (got.text, got._index) == _reference_normalize(text)
