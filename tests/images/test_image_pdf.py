"""PDFs in file messages: text-layer pages are read exactly, scanned pages are OCR'd."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from devtools import synth
from images import ImageRefused, scan_image
from images.pdf import is_pdf
from ocr import OcrEngine
from tests.support.hostile import write_pdf


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer (Courier), written by hand."""
    ops = ["BT /F1 11 Tf 40 800 Td 16 TL"]
    for ln in lines:
        esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) '")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Courier>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
    ]
    return write_pdf(objects)


def test_text_layer_passport_page_is_recognised(engine: OcrEngine) -> None:
    l1, l2 = synth.passport_mrz("LIN", "YA-TING", "312345678", "900101", "F", "300101", "")
    data = text_pdf(
        ["REPUBLIC OF CHINA (TAIWAN) PASSPORT", "Surname LIN", "Given names YA-TING", l1, l2]
    )
    assert is_pdf(data)
    result = scan_image(data, engine=engine)
    assert result.doc_type == "passport" and result.verdict == "block"
    assert "passport_number" in result.types


def test_text_layer_ordinary_page_is_allowed(engine: OcrEngine) -> None:
    data = text_pdf(
        ["Meeting notice", "Time: Friday 14:30", "Place: Room 2", "Agenda: budget review"]
    )
    result = scan_image(data, engine=engine)
    assert result.verdict == "allow" and result.doc_type is None


def test_scanned_pdf_is_rendered_and_ocrd(engine: OcrEngine) -> None:
    if not synth.fonts_available():
        pytest.skip("CJK fonts missing")
    rng = random.Random(8)
    page = synth.warrant(rng)
    buf = io.BytesIO()
    Image.new("RGB", (1240, 1754), "white").save(buf, "PDF", save_all=True, append_images=[page])
    result = scan_image(buf.getvalue(), engine=engine)  # page 1 blank, page 2 the warrant
    assert result.doc_type == "warrant_document" and result.verdict == "block"


@pytest.mark.parametrize("data", [b"%PDF-1.4 garbage that is not a document", b"%PDF-"])
def test_broken_pdf_is_refused(data: bytes, engine: OcrEngine) -> None:
    with pytest.raises(ImageRefused) as info:
        scan_image(data, engine=engine)
    assert info.value.reason == "corrupt"
