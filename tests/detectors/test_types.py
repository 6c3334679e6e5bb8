"""The one table of finding types agrees with the detectors and the sets derived from it."""

from __future__ import annotations

from detectors import types
from detectors.registry import DETECTORS


def test_the_table_lists_every_detector_in_order() -> None:
    assert tuple(d.name for d in DETECTORS) == types.FINDING_TYPES


def test_derived_sets() -> None:
    assert {"tw_national_id", "tw_resident_id", "credit_card", "passport_number"} == types.HARD_IDS
    assert types.CHECKSUM_TYPES < types.HARD_IDS
    assert {t.name for t in types.TYPES if t.needs} <= types.PERSONAL_DATA
    assert not types.PERSONAL_DATA & types.MATTERS
    assert "person_name" in types.PERSON_TYPES and "person_name" not in types.PERSONAL_DATA
    assert len(types.MATTERS) == 10 and types.CASE_MATTERS < types.MATTERS
