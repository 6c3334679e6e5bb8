"""The engine may skip the person-name finder; the answer must not change.

With no other finding of 0.2 or more and no lookup or case word, the engine does
not run the name finder (names are harmless alone). Forcing it to run on every
message must give the same verdict, findings and reasons; only names kept aside
for --explain may differ. Checked on the labelled corpus and on generated traffic.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from detectors import engine, scan_text
from detectors.person_name import ALONE_MAX, may_stand_alone

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import bench_text  # noqa: E402


def _messages() -> list[str]:
    lines = (ROOT / "tests/corpus/text_corpus.jsonl").read_text(encoding="utf-8").splitlines()
    corpus = [json.loads(line)["text"] for line in lines if line.strip()]
    return corpus + bench_text.traffic(4000, 0.3, seed=5)


def test_skipping_the_name_finder_changes_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    msgs = _messages()
    skipped = [scan_text(m, salt=b"s") for m in msgs]
    monkeypatch.setattr(engine, "names_may_count", lambda doc: True)
    forced = [scan_text(m, salt=b"s") for m in msgs]
    differ = 0
    for m, a, b in zip(msgs, skipped, forced, strict=True):
        assert (a.verdict, a.findings, a.reasons) == (b.verdict, b.findings, b.reasons), m
        if a.suppressed != b.suppressed:
            differ += 1
            assert a.verdict == "allow" and not a.findings
            assert [f for f in b.suppressed if f.type != "person_name"] == a.suppressed
    assert differ > 100  # the skip happens (otherwise this test checks nothing)


def test_a_name_above_alone_max_needs_a_lookup_or_case_word() -> None:
    seen_high = 0
    for m in _messages():
        doc = engine.Doc.of(m, engine.keyword_index(engine.DEFAULT_POLICY))
        doc.names()
        for f in doc.findings:
            if f.type == "person_name" and f.score > ALONE_MAX:
                seen_high += 1
                assert may_stand_alone(doc), m
    assert seen_high > 10


def test_subject_names_are_read_only_where_three_han_stand_together() -> None:
    """person_name reads _SUBJECT (沈寶琴以前…) only in a text where _HAN3 finds three
    Han characters in a row: every _SUBJECT match holds them, so the gate drops none."""
    import random

    from detectors.person_name import _HAN3, _SUBJECT

    rng = random.Random(9)
    alphabet = ["沈", "寶", "琴", "以前", "叫", "是", " ", "，", "1", "a", "的", "王"]
    seen = 0
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 10)))
        if _SUBJECT.search(text) is not None:
            seen += 1
            assert _HAN3.search(text) is not None, text
    assert seen > 500
