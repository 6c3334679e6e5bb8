"""The image pipeline on a set written independently of devtools/synth (other layouts, wordings
and photo conditions), with the hard negatives that once fooled it: a blank ID application
template, a news story about a 拘票, an NHI poster listing the card's fields, a passport
application form."""

from __future__ import annotations

from pathlib import Path

import pytest

from images import scan_image
from ocr import OcrEngine
from tests.support.independent_gen import SANS, samples


@pytest.mark.skipif(not Path(SANS).exists(), reason="Noto CJK fonts missing")
def test_independent_set_documents_and_hard_negatives(engine: OcrEngine) -> None:
    wrong = []
    for name, data, expect in samples():
        result = scan_image(data, engine=engine)
        flagged = result.verdict != "allow"
        if expect is None and (flagged or result.doc_type is not None):
            wrong.append(f"{name}: ordinary image read as {result.doc_type} ({result.verdict})")
        if expect is not None and (not flagged or result.doc_type != expect):
            wrong.append(f"{name}: expected {expect}, got {result.doc_type} ({result.verdict})")
    assert not wrong, wrong
