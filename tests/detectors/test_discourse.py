"""The shared discourse signals: talk about a matter passes, a disclosure does not.

Rows are grouped by signal; each `allow` row holds a matter word that alone would wake
a detector, each `flag` row the same kind of matter told to someone or not public yet.
"""

from __future__ import annotations

import pytest

from detectors import scan_text
from detectors.discourse import Discourse
from detectors.doc import Doc
from detectors.engine import DEFAULT_POLICY, keyword_index

ROWS: list[tuple[str, str, str]] = [
    # masked values and names
    ("masked", "陳情人：林小姐（姓名已遮蔽），處理情形已函復", "allow"),
    # published / completed state
    ("public", "本案已決標，決標公告已上網，得標廠商請依約履行", "allow"),
    # the disclosure side: not public yet, told to the party
    ("not_public", "搜索票下來了，明天清晨會去，你通知他一下", "flag"),
    ("audience", "他被發布通緝了，你叫他躲好", "flag"),
    ("not_public", "需求書草稿先傳你參考，正式公告下週才上", "flag"),
    # the team's own logistics, a quiz, a roster, a law's article, a completed round
    ("own_asset", "明天的稽查行程改到十點出發", "allow"),
    ("quiz", "是非題：臨檢時間可以先告訴業者。答：✗", "allow"),
    ("roster", "下週稽查小組輪值：阿凱、馬股長（只列稽查員）", "allow"),
    ("rule", "個資法第16條：公務機關對個資的利用應於執行職務必要範圍內", "allow"),
    ("public", "今天稽查跑了43家，都正常", "allow"),
    ("forbidden", "環保稽查前不得預先通知業者，這是內規", "allow"),
    # told with no trigger word: a tip-off, a bidder told, a named person's matter
    ("tipoff", "老闆，後天可能有人去你們那看，小心一點", "flag"),
    ("tipoff", "叫林志明這幾天不要回家", "flag"),
    ("bidder", "另外那家報得比你高一點點", "flag"),
    ("personnel", "人事室說陳怡君要被停職，先不要講", "flag"),
    ("health", "黃志偉的健檢報告出來，B肝帶原", "flag"),
]


@pytest.mark.parametrize(("signal", "text", "expect"), ROWS, ids=[r[0] for r in ROWS])
def test_discourse_rows(signal: str, text: str, expect: str) -> None:
    result = scan_text(text)
    assert (result.verdict != "allow") == (expect == "flag"), result


@pytest.mark.parametrize(
    ("text", "attr"),
    [
        ("身分證 A12****789 已遮蔽", "masked"),
        ("王○明的案子", "masked"),
        ("依個資法規定應遮蔽後再傳", "rule"),
        ("請問拘票可以傳群組嗎？", "question"),
        ("第3題 選擇題：下列何者正確", "quiz"),
        ("稽查大隊的公務車明天送修", "own_asset"),
        ("人事命令已生效", "public"),
        ("開標前先跟你說", "not_public"),
        ("你先跟廠商講一聲", "audience"),
    ],
)
def test_each_signal_is_seen(text: str, attr: str) -> None:
    doc = Doc.of(text, keyword_index(DEFAULT_POLICY))
    assert getattr(Discourse(doc), attr) is not None


def test_an_allowed_message_says_why() -> None:
    result = scan_text("陳情人：林小姐（姓名已遮蔽），處理情形已函復")
    assert result.verdict == "allow"
    why = [step for f in result.suppressed for step in f.why]
    assert any(step.startswith("discourse: masked") for step in why), why


def test_the_start_characters_lose_no_match() -> None:
    """Each pattern is tried only where one of its start characters stands: over the
    corpus, it finds what the plain pattern finds."""
    import json
    import re
    from pathlib import Path

    from detectors import discourse

    corpus = Path(__file__).parents[1] / "corpus" / "text_corpus.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines() if line]
    texts += [t for t, _ in [(r[1], r[2]) for r in ROWS]]
    for name in ("RULE", "QUESTION", "OWN_ASSET", "NOT_PUBLIC", "AUDIENCE", "CASE"):
        gated: re.Pattern[str] = getattr(discourse, name)
        head = gated.pattern.index("])(?:") + 5
        plain = re.compile(gated.pattern[head:-1])
        for t in texts:
            doc_t = Doc.of(t, keyword_index(DEFAULT_POLICY)).text
            assert [m.span() for m in gated.finditer(doc_t)] == [
                m.span() for m in plain.finditer(doc_t)
            ], (name, t)
    for t in texts:
        doc_t = Doc.of(t, keyword_index(DEFAULT_POLICY)).text
        if discourse.MASKED.search(doc_t):
            assert discourse._MASK_GATE.search(doc_t), t
