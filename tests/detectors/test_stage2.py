"""The learned second stage (detectors/stage2.py) as shipped in detectors/data/stage2.npz."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detectors import scan_text, stage2
from detectors.base import ScanResult
from detectors.doc import Doc
from detectors.engine import keyword_index
from detectors.policy import DEFAULT_POLICY, PolicyError, parse_policy

OFF = replace(DEFAULT_POLICY, stage2=False)


def _model() -> stage2.Model:
    m = stage2.model()
    assert m is not None, "detectors/data/stage2.npz is missing or unreadable"
    return m


def _ids(text: str) -> np.ndarray:
    """The ids the trainer computed its check vector from (see train_stage2.py)."""
    ids = stage2.look(text, OFF)[1]
    if ids is None:
        ids = stage2.features(text, (), scan_text(text, config=OFF))
    return ids


def test_shipped_model_loads_and_is_small() -> None:
    m = stage2.load()
    assert m.leak_w.shape == (stage2.DIM,)
    assert m.type_w.shape == (stage2.DIM, len(stage2.MATTERS))
    assert 0.0 < m.add_threshold < 1.0
    assert m.down_threshold < m.add_threshold
    assert stage2.MODEL_PATH.stat().st_size < 2 * 1024 * 1024


def test_predictions_match_the_trainers_check_vector() -> None:
    m = _model()
    assert m.check_probs is not None
    assert len(m.check_texts) >= 5
    assert m.check_probs.shape == (len(m.check_texts), 1 + len(stage2.MATTERS))
    for text, expected in zip(m.check_texts, m.check_probs, strict=True):
        np.testing.assert_allclose(m.probs(_ids(text)), expected, atol=1e-4)


def _flagged_by_stage2() -> list[str]:
    m = _model()
    assert m.check_probs is not None
    out = []
    for text, probs in zip(m.check_texts, m.check_probs, strict=True):
        rules, ids, words = stage2.look(text, OFF)
        if (
            ids is not None
            and m.looks_at(words)
            and rules.verdict == "allow"
            and probs[0] >= m.add_threshold
            and not stage2.talked_about(Doc.of(text, keyword_index(OFF), policy=OFF))
        ):
            out.append(text)
    return out


def test_no_warning_is_added_where_the_discourse_says_talk() -> None:
    # the model reads words: 先別跟他說 scores high, the surprise says it is no secret
    for text in (
        "下週是主任生日，先別跟他說，我們要給他驚喜",
        "明天會去你們學校開會，車子先停在側門",
    ):
        rules, ids, _ = stage2.look(text, OFF)
        assert rules.verdict == "allow" and ids is not None
        assert _model().probs(ids)[0] >= _model().add_threshold  # the model alone would warn
        assert stage2.talked_about(Doc.of(text, keyword_index(OFF), policy=OFF))
        assert scan_text(text).verdict == "allow"


def test_an_added_warning_names_a_matter_and_no_text() -> None:
    texts = _flagged_by_stage2()
    assert texts, "no check text is one the rules miss and the model catches"
    for text in texts:
        res = scan_text(text)
        assert res.verdict == "warn"
        (f,) = res.findings
        assert f.rule == stage2.RULE
        assert f.type in stage2.MATTERS
        assert f.masked == f"[{f.type}]"
        assert (f.start, f.end) == (0, len(text))
        assert _model().add_threshold <= f.score <= 1.0
        assert any(r.startswith("stage2.leak(") for r in res.reasons)


def test_the_switch_turns_it_off() -> None:
    for text in _flagged_by_stage2():
        assert scan_text(text, config=OFF).verdict == "allow"
        assert scan_text(text).verdict == "warn"
    assert parse_policy({"stage2": False}).stage2 is False
    assert parse_policy({}).stage2 is True
    pol = parse_policy({"stage2": False, "groups": {"Cx": {"stage2": True}}})
    assert pol.for_group("Cx").stage2 is True
    assert pol.for_group("Cy").stage2 is False
    with pytest.raises(PolicyError, match="stage2"):
        parse_policy({"stage2": "yes"})


def test_ordinary_and_checksummed_messages_are_left_to_the_rules() -> None:
    for text in ("好的，收到", "會議改到 3/15 下午兩點，第二會議室"):
        assert scan_text(text).verdict == "allow"
    # a checksummed identifier's block is never touched
    res = scan_text("身分證 A800000014 請幫忙查")
    assert res.verdict == scan_text("身分證 A800000014 請幫忙查", config=OFF).verdict
    assert not any(f.rule == stage2.RULE for f in res.findings)


def test_downgrade_only_touches_matter_warnings() -> None:
    m = _model()
    rules = scan_text("這次來投的就三家，其他兩家價格都比你高", config=OFF)
    assert rules.verdict == "warn"
    assert stage2._downgradable(rules)
    sure = stage2.Model(
        np.full((stage2.DIM, 1 + len(stage2.MATTERS)), -1.0, dtype=np.float32),
        np.zeros(1 + len(stage2.MATTERS), dtype=np.float32),
        m.add_threshold,
        0.5,
    )
    ids = np.array([1, 2, 3], dtype=np.int64)
    out = stage2.decide(ids, rules, sure, 10)
    assert out.verdict == "allow"
    assert out.findings == []
    assert out.suppressed[-len(rules.findings) :] == rules.findings
    blocked = ScanResult("block", rules.findings, [], None, [])
    assert stage2.decide(ids, blocked, sure, 10) is blocked


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=300))
def test_features_never_raise(text: str) -> None:
    """Any string, lone surrogates included."""
    ids = stage2.features(text, ["查", text[:3]], scan_text("好"))
    assert ids.dtype == np.int64
    assert ids.min() >= 0
    assert ids.max() < stage2.DIM
    m = _model()
    res = stage2.decide(ids, ScanResult("allow", [], [], None, []), m, len(text))
    assert res.verdict in ("allow", "warn")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_scan_with_stage2_never_raises(text: str) -> None:
    res = scan_text(text)
    assert res.verdict in ("allow", "warn", "block")
    for f in res.findings:
        if f.rule == stage2.RULE:
            assert f.masked == f"[{f.type}]"


def test_explain_shows_the_stage2_probability() -> None:
    texts = _flagged_by_stage2()
    assert texts
    root = stage2.MODEL_PATH.parent.parent.parent
    p = subprocess.run(
        [sys.executable, str(root / "bot.py"), "scan", "--explain", texts[0]],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=root,
        timeout=120,
        check=False,
    )
    assert p.returncode == 0
    assert p.stdout.startswith("verdict: warn")
    assert "rule=stage2" in p.stdout
    assert "stage 2 (learned):" in p.stdout and "p=0." in p.stdout
    assert texts[0] not in p.stdout  # masked: no raw text


# A long message read piece by piece (stage2.subunits): a chat log's turns, a 公文's
# items, a long one-line message's sentences past split_long. Made-up rows.
SUBUNIT_ROWS = [
    # (text, split_long, pieces at least / exactly 0)
    ("好的，收到", 100, 0),
    ("[王主任] 明天開會\n[李股長] 好，我會準時到\n[陳科員] 收到，謝謝", 0, 3),
    ("一、總務報告：冷氣下週保養。\n二、人事報告：新進同仁報到。\n三、臨時動議：無。", 0, 3),
    # one line: read whole unless longer than split_long
    (
        "今天驗車線驗了四百台，下午測試機異常，已經通知廠商明早來修，明天上午可能只能開兩線，"
        "請服務台先跟預約的民眾說明。明天上午我在外面開會，有事請留言。",
        0,
        0,
    ),
    (
        "今天驗車線驗了四百台，下午測試機異常，已經通知廠商明早來修，明天上午可能只能開兩線，"
        "請服務台先跟預約的民眾說明。明天上午我在外面開會，有事請留言。",
        40,
        2,
    ),
]


@pytest.mark.parametrize(("text", "split_long", "n"), SUBUNIT_ROWS)
def test_subunits(text: str, split_long: int, n: int) -> None:
    pieces = stage2.subunits(text, split_long)
    if n == 0:
        assert pieces == []
    else:
        assert len(pieces) >= n
        assert all(p.strip() for p in pieces)
        assert all(line in text for p in pieces for line in p.split("\n"))


def _toy(multi: float, *, whole: bool = False) -> stage2.Model:
    """Leak head: id 7 is a leak's n-gram (+4), ids 100.. are mildly leak-like (+0.3
    each), bias -2. Per-unit with a multi-unit threshold `multi`."""
    w = np.zeros((stage2.DIM, 1 + len(stage2.MATTERS)), dtype=np.float32)
    w[7, 0] = 4.0
    w[100:200, 0] = 0.3
    w[900:1000, 0] = -0.5
    bias = np.zeros(1 + len(stage2.MATTERS), dtype=np.float32)
    bias[0] = -2.0
    return stage2.Model(w, bias, 0.5, -1.0, multi_threshold=multi, unit_whole=whole)


ALLOW = ScanResult("allow", [], [], None, [])


def test_piled_up_ngrams_of_ordinary_turns_add_nothing_per_unit() -> None:
    # read whole, 20 mildly leak-like n-grams sum to a leak's score; no turn does
    turns = [np.arange(100 + 4 * k, 104 + 4 * k, dtype=np.int64) for k in range(5)]
    whole = np.concatenate(turns)
    assert stage2.decide(whole, ALLOW, _toy(-1.0), 50).verdict == "warn"  # read whole
    assert stage2.decide(whole, ALLOW, _toy(0.5), 50, turns).verdict == "allow"
    # a model that reads the whole message as one more piece keeps the whole's score
    assert stage2.decide(whole, ALLOW, _toy(0.5, whole=True), 50, turns).verdict == "warn"


def test_a_leak_buried_in_one_unit_is_read_on_its_own() -> None:
    leak_turn = np.array([7, 950], dtype=np.int64)  # 4 - 0.5 - 2 = 1.5: p = 0.82
    others = [np.arange(900 + 5 * k, 905 + 5 * k, dtype=np.int64) for k in range(6)]
    whole = np.concatenate([leak_turn, *others])  # drowned: 4 - 15.5 - 2
    assert stage2.decide(whole, ALLOW, _toy(-1.0), 80).verdict == "allow"
    res = stage2.decide(whole, ALLOW, _toy(0.8), 80, [*others, leak_turn])
    assert res.verdict == "warn"
    (f,) = res.findings
    assert f.rule == stage2.RULE and (f.start, f.end) == (0, 80)
    # its own threshold: above the piece's probability, nothing is added
    assert stage2.decide(whole, ALLOW, _toy(0.9), 80, [*others, leak_turn]).verdict == "allow"
    # a message read whole (no pieces) keeps the single-message threshold
    assert stage2.decide(leak_turn, ALLOW, _toy(0.99), 10, []).verdict == "warn"
