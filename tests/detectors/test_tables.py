"""Every detector against its table (detector_tables.py), and a meta-test that every
detector in DETECTORS has a table with every group."""

from __future__ import annotations

import pytest

from detectors import scan_text
from detectors.policy import FINDING_TYPES
from detectors.registry import DETECTORS
from tests.support.detector_tables import TABLES

GROUPS = {"valid", "invalid", "near_miss", "sentence", "evasion"}

CASES = [
    pytest.param(name, group, text, expect, id=f"{name}-{group}-{i}")
    for name, rows in TABLES.items()
    for i, (group, text, expect) in enumerate(rows)
]


def test_every_detector_has_a_complete_table() -> None:
    names = [d.name for d in DETECTORS]
    assert len(names) == len(set(names)), "duplicate detector name"
    assert set(names) == set(TABLES), "detectors and tables differ"
    assert set(names) == set(FINDING_TYPES), "the policy file's type names and DETECTORS differ"
    for name, rows in TABLES.items():
        groups = {g for g, _, _ in rows}
        assert groups == GROUPS, f"{name}: groups {sorted(groups)}"
        assert all(e in {"flag", "seen", "none", "absent"} for _, _, e in rows)


@pytest.mark.parametrize(("name", "group", "text", "expect"), CASES)
def test_table_row(name: str, group: str, text: str, expect: str) -> None:
    result = scan_text(text)
    reported = [f for f in result.findings if f.type == name]
    weighed = [f for f in result.suppressed if f.type == name]
    if expect == "flag":
        assert reported, f"no {name} reported; verdict={result.verdict}"
        assert result.verdict in ("warn", "block")
    elif expect == "seen":
        assert reported or weighed, f"{name} not seen"
    elif expect == "none":
        assert not reported, f"{name} reported: {[f.rule for f in reported]}"
    else:
        assert not reported and not weighed, f"{name} found: {[f.rule for f in reported + weighed]}"
    # spans point into the original text and the masked value never equals the raw text
    for f in result.findings + result.suppressed:
        assert 0 <= f.start <= f.end <= len(text)
        raw = text[f.start : f.end]
        if len(raw) >= 6 and f.type not in ("person_name",):
            assert f.masked != raw
