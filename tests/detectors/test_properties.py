"""Property tests: every valid identifier survives every evasion; an identifier
with a wrong check digit is never reported; spans always map back."""

from __future__ import annotations

import itertools
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from detectors import scan_text
from detectors.base import mask_middle
from detectors.credit_card import luhn_ok
from detectors.normalize import normalize
from detectors.tw_national_id import LETTER_CODES
from detectors.tw_national_id import validate as nid_valid
from detectors.tw_resident_id import validate as res_valid
from tests.support.idgen import luhn_card, national_id, resident_new, resident_old, wrong_check

LETTERS = sorted(LETTER_CODES)
BODY = st.text(alphabet=string.digits, min_size=7, max_size=7)
# Keep clear of the default allow-list entry (A123456789).
NIDS = st.builds(national_id, st.sampled_from(LETTERS), st.sampled_from([1, 2]), BODY).filter(
    lambda v: v != "A123456789"
)
RES_NEW = st.builds(resident_new, st.sampled_from(LETTERS), st.sampled_from([8, 9]), BODY)
RES_OLD = st.builds(resident_old, st.sampled_from(LETTERS), st.sampled_from("ABCD"), BODY)


def _fullwidth(v: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in v)


EVASIONS = {
    "plain": lambda v: v,
    "fullwidth": _fullwidth,
    "lowercase": str.lower,
    "spaced": lambda v: " ".join(v),
    "dashed": lambda v: f"{v[:4]}-{v[4:7]}-{v[7:]}",
    "dotted": lambda v: ".".join(v[i : i + 3] for i in range(0, len(v), 3)),
    "zero_width": lambda v: "\u200b".join(v),
    "emoji": lambda v: f"{v[:3]}🙂{v[3:6]}👍{v[6:]}",
    "split": lambda v: f"{v[:5]}\n{v[5:]}",
}
FRAMES = ["{}", "身分證 {} 請查", "請問民眾的統號{}可以嗎？", "ID: {}, thanks"]


@settings(max_examples=60, deadline=None)
@given(NIDS, st.sampled_from(sorted(EVASIONS)), st.sampled_from(FRAMES))
def test_every_valid_national_id_survives_every_evasion(value: str, ev: str, frame: str) -> None:
    written = EVASIONS[ev](value)
    text = frame.format(written)
    found = [f for f in scan_text(text).findings if f.type == "tw_national_id"]
    assert len(found) == 1, (ev, frame)
    f = found[0]
    assert f.masked == mask_middle(value)
    assert f.checksum is True
    start = text.index(written)
    assert (f.start, f.end) == (start, start + len(written))


@settings(max_examples=40, deadline=None)
@given(st.one_of(RES_NEW, RES_OLD), st.sampled_from(sorted(EVASIONS)))
def test_every_valid_resident_id_survives_every_evasion(value: str, ev: str) -> None:
    text = f"居留證 {EVASIONS[ev](value)}"
    found = [f for f in scan_text(text).findings if f.type == "tw_resident_id"]
    assert len(found) == 1, ev
    assert found[0].masked == mask_middle(value)


@settings(max_examples=80, deadline=None)
@given(st.one_of(NIDS, RES_NEW, RES_OLD), st.sampled_from(sorted(EVASIONS)))
def test_no_invalid_checksum_is_reported_as_an_id(value: str, ev: str) -> None:
    bad = wrong_check(value)
    assert not nid_valid(bad) and not res_valid(bad)
    result = scan_text(f"身分證 {EVASIONS[ev](bad)}")
    types = {f.type for f in result.findings + result.suppressed}
    assert "tw_national_id" not in types and "tw_resident_id" not in types


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["4", "51", "35", "62"]), st.integers(0, 9))
def test_cards_need_a_valid_luhn(prefix: str, bump: int) -> None:
    card = luhn_card(prefix)
    assert any(f.type == "credit_card" for f in scan_text(f"卡號 {card}").findings)
    bad = card[:-1] + str((int(card[-1]) + 1 + bump % 9) % 10)
    assert not luhn_ok(bad)
    assert not any(f.type == "credit_card" for f in scan_text(f"卡號 {bad}").findings)


TEXT = st.text(
    alphabet=st.sampled_from(list("王小明身分證電話0123456789ABCaz \u200b\u200d\ufeffＡ１－。")),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_normalised_spans_map_back_into_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.text) <= len(text)
    for i in range(len(norm.text)):
        s, e = norm.span(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert text[s] not in "\u200b\u200d\ufeff"
    for f in scan_text(text).findings:
        assert 0 <= f.start <= f.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gets_a_verdict_and_no_raw_id(text: str) -> None:
    result = scan_text(text)
    assert result.verdict in ("allow", "warn", "block")
    for f in result.findings:
        if f.type in ("tw_national_id", "tw_resident_id"):
            assert "*" in f.masked


# Any code point, lone surrogates (half an emoji) included.
ANY_CHAR = st.characters(codec=None, blacklist_categories=())
# Characters the normaliser rewrites, mixed with digits and ID letters.
TRICKY = st.sampled_from(
    [
        *"0123456789 -./,@EeAaOoIl身分證電話卡號護照零九兩拐勾洞",
        *("\ud83d", "\udc00", "\u0301", "\u20e3", "\ufe0f", "\u200b", "𝟐", "①", "⑩", "٣"),
        *("Е", "Ρ", "ﬁ", "…", "㈠", "İ", "ß", "\u3000", "＠", "．", "🙂", "\U0010ffff"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(ANY_CHAR, max_size=300), st.text(TRICKY, max_size=300)))
def test_no_string_makes_scan_text_raise(text: str) -> None:
    result = scan_text(text, salt=b"s")
    assert result.verdict in ("allow", "warn", "block")
    assert all(f.type != "scan_failed" for f in result.findings), "an internal error"
    for f in result.findings + result.suppressed:
        assert 0 <= f.start <= f.end <= len(text)
        f.masked.encode("utf-8")  # a masked value is always printable UTF-8


@settings(max_examples=200, deadline=None)
@given(st.text(TRICKY, max_size=120))
def test_normalised_offsets_are_monotone_and_in_range(text: str) -> None:
    norm = normalize(text)
    norm.text.encode("utf-8")  # no lone surrogate survives
    idx = norm._index
    if idx is None:
        assert len(norm.text) == len(text)
        return
    assert len(idx) == len(norm.text)
    assert all(0 <= a <= b < len(text) for a, b in itertools.pairwise(idx))


@settings(max_examples=60, deadline=None)
@given(NIDS, st.sampled_from(["\ud83d", "\udc00", "\udfff"]), st.integers(0, 3))
def test_a_lone_surrogate_anywhere_leaves_the_id_found(value: str, half: str, where: int) -> None:
    text = ["身分證 ", value, " 請查"]
    text.insert(where, half)
    msg = "".join(text)
    found = [f for f in scan_text(msg).findings if f.type == "tw_national_id"]
    assert len(found) == 1
    assert msg[found[0].start : found[0].end] == value
