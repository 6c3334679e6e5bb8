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
