"""The masked snippet of an admin alert (incidents/snippet.py), table-driven: the real
scanner finds, the snippet masks. A confidential matter takes its clause, and every other
clause of its sentence, with it; no digit of a reserve price, no bidder, no warrant subject
survives; identifiers keep their own masks."""

from __future__ import annotations

import re

import pytest

from detectors.engine import scan_text
from incidents.snippet import Span, masked_snippet, sentence_end, sentence_start
from locales import t


def snippet_of(text: str, locale: str = "zh-TW") -> str:
    result = scan_text(text)
    assert result.verdict != "allow", text
    spans = [Span(f.start, f.end, f.masked, f.type) for f in result.findings]
    return masked_snippet(text, spans, locale)


# (message, what must not survive, the label that must be there)
MATTERS = [
    # the examples
    (
        "明天開標，底價1,250,000 元，投標廠商有大華營造和信義工程",
        ["1", "250", "000", "大華", "信義工程", "[開標]"],
        "採購保密事項",
    ),
    ("搜索票下來了，明天早上六點去林志明家", ["林志明", "六點", "[搜索]", "票下來了"], "拘票搜索"),
    # similar ones
    ("各位好。明天開標，底價 980,000 元，得標的應該是宏達工程。", ["980", "宏達"], "採購保密事項"),
    # the names come before the keyword, in the same sentence
    ("大華營造和信義工程都有投標，底價是125萬", ["大華", "信義工程", "125"], "採購保密事項"),
    ("林志明那邊，搜索票下來了", ["林志明", "林○明", "票下來了"], "拘票搜索"),
    ("報告組長，今天考績會決議陳美玲丙等。", ["陳美玲", "丙等", "考績會"], "人事保密事項"),
    ("拘票下來了，明天清晨去中山路12號抓陳大文", ["陳大文", "12", "中山路"], "拘票搜索"),
    ("檢舉人是住在信義路的王小華，電話0912345678", ["王小華", "0912", "345", "信義路"], "檢舉人"),
    (
        "這次考績甲等名單：陳美玲乙等，林志強丙等",
        ["陳美玲", "林志強", "乙等", "丙等"],
        "人事保密事項",
    ),
    (
        "密件：本案簽呈請勿外流，偵查中的被告張三豐明天到案",
        ["張三豐", "簽呈", "[密]", "[偵查]"],
        "偵查保密事項",
    ),
    (
        "會議改到 3 樓。檢舉黃大同的人是業務科的李志偉，別說出去",
        ["李志偉", "黃大同", "業務科", "3"],
        "檢舉人",
    ),
]


@pytest.mark.parametrize(("text", "gone", "kind"), MATTERS)
def test_a_confidential_matter_masks_its_clause_and_says_what_it_was(
    text: str, gone: list[str], kind: str
) -> None:
    snip = snippet_of(text)
    for part in gone:
        assert part not in snip, (part, snip)
    assert kind in snip and "已遮蔽" in snip, snip
    assert not re.search(r"[0-9０-９]", snip), snip  # beside a matter no digit at all
    assert not re.search(r"\[[^\]]*\]", snip), snip  # no bracketed keyword as a "mask"


def test_the_label_reads_in_the_alerts_language() -> None:
    snip = snippet_of(MATTERS[0][0], "en")
    assert "procurement details" in snip and "masked" in snip and "1,250" not in snip
    assert "採購" not in snip


def test_the_sentences_around_the_matter_stay_readable() -> None:
    snip = snippet_of("各位好。明天開標，底價 980,000 元，得標的應該是宏達工程。下午三點開會")
    assert snip == "各位好。〔採購保密事項，已遮蔽〕下午三點開會"


# Identifier findings keep the masks they always had.
IDENTIFIERS = [
    ("請幫忙查一下 K257491186 這位民眾的戶籍資料", "K2******86", "K257491186"),
    ("身分證 H274121547 的那位今天會來陳情", "H2******47", "H274121547"),
    ("王先生的手機 0912-345-678 請回電", "09**-***-*78", "345"),
]


@pytest.mark.parametrize(("text", "mask", "raw"), IDENTIFIERS)
def test_identifiers_keep_their_masks_and_the_words_around_them(
    text: str, mask: str, raw: str
) -> None:
    snip = snippet_of(text)
    assert mask in snip and raw not in snip, snip
    assert "已遮蔽" not in snip


def test_grouped_digits_near_an_identifier_are_starred_too() -> None:
    text = "請幫忙查一下 K257491186 這位民眾，欠款 1,250,000 元"
    snip = snippet_of(text)
    assert "K2******86" in snip and "1,250,000" not in snip and "*,***,***" in snip


@pytest.mark.parametrize(
    ("text", "pos", "start", "end"),
    [
        ("明天開標，底價1,250,000 元，投標廠商有大華", 6, 0, 26),  # commas do not end it
        ("甲。乙丙，丁\n戊", 3, 2, 7),
        ("甲\n乙！丙", 2, 2, 4),
        ("abc", 1, 0, 3),
    ],
)
def test_sentence_bounds(text: str, pos: int, start: int, end: int) -> None:
    assert sentence_start(text, pos) == start
    assert sentence_end(text, pos) == end


def test_no_finding_no_snippet_and_an_unknown_kind_still_reads() -> None:
    assert masked_snippet("早安", [], "zh-TW") == ""
    text = "內部代號甲，明天處理。下週再說"
    snip = masked_snippet(text, [Span(0, 4, "[代號]", "custom")], "zh-TW")
    assert snip == t("mask.label", "zh-TW", kinds=t("mask.other", "zh-TW")) + "下週再說"


def test_a_follow_up_row_keeps_the_snippet_in_every_locale_and_reads_older_rows() -> None:
    from incidents.notify import AlertContent

    content = AlertContent(
        {"zh-TW": "〔採購保密事項，已遮蔽〕", "en": "〔procurement details: masked〕"}
    )
    again = AlertContent.unpack(content.pack())
    assert again.snippet_in("en") == "〔procurement details: masked〕"
    assert again.snippet_in("zh-TW") == "〔採購保密事項，已遮蔽〕"
    older = AlertContent.unpack("請幫忙查一下 K2******86 這位")  # written by an older release
    assert older.snippet_in("en") == older.snippet_in("zh-TW") == "請幫忙查一下 K2******86 這位"
