"""Issue 9's hard images through the real pipeline (decoder, embedded OCR engine, text detectors,
document evidence): each row is an image drawn by tests/support/hard_cases.py and photographed or
screenshotted, and must be allowed (specimens, filled-in examples, notices and letters naming
officials, published results, menus, calendars, tickets, chats about the rules) or flagged
(a sideways low-quality bid-price sheet, appraisal lists, promotion scores, a bidders list, a
letter that names the whistleblower to the accused)."""

from __future__ import annotations

import pytest

from devtools import synth
from images import scan_image
from ocr import OcrEngine
from tests.support.hard_cases import PLAN, cases

pytestmark = pytest.mark.skipif(not synth.fonts_available(), reason="CJK fonts missing")


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[bytes, str]]:
    return {name: (data, expect) for name, data, expect in cases()}


@pytest.mark.parametrize("name", [p[0] for p in PLAN])
def test_hard_image(name: str, rendered: dict[str, tuple[bytes, str]], engine: OcrEngine) -> None:
    data, expect = rendered[name]
    result = scan_image(data, engine=engine)
    flagged = result.verdict != "allow"
    assert flagged == (expect == "flag"), (
        f"{name}: {result.verdict} doc={result.doc_type} types={result.types} {result.reasons}"
    )
    if expect == "allow":
        assert result.doc_type is None and not result.findings
