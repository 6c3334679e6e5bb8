"""PDFs sent as file messages: the first pages, read from their text layer or rendered and OCR'd.

A forwarded 公文, warrant or name list often travels as a PDF. PDFium (pypdfium2, the engine
Chrome uses) opens it in the worker process; each of the first `MAX_PAGES` pages is read
from its text layer when it has one (exact, no OCR) and otherwise rendered at a long side of
1600 px and OCR'd like a photo. Refusals use the image reasons: `not_an_image`/`corrupt` for
a broken file, `encrypted` for a password-protected one, `dimensions_too_large` for absurd
page sizes.
"""

from __future__ import annotations

from typing import Any

from detectors import ScanResult
from detectors.base import VERDICT_ORDER
from images.decode import OCR_LONG_SIDE, ImageRefused
from ocr.base import OcrEngine, OcrLine

MAX_PAGES = 5
MAX_PAGE_POINTS = 14_400  # PDF's own limit for a page side (200 inches)
MIN_TEXT_CHARS = 20  # a page with less text than this in its text layer is treated as a scan


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def _text_lines(text: str) -> list[OcrLine]:
    """Text-layer lines as OCR lines, stacked top to bottom (the layer is already in order)."""
    lines = []
    for i, raw in enumerate(t for t in text.splitlines() if t.strip()):
        y = 20.0 + 50.0 * i
        w = 20.0 * max(1, len(raw))
        lines.append(
            OcrLine(
                raw.strip(), ((10.0, y), (10.0 + w, y), (10.0 + w, y + 40), (10.0, y + 40)), 1.0
            )
        )
    return lines


def pdf_pages_lines(data: bytes, engine: OcrEngine) -> list[list[OcrLine]]:
    """The lines of each of the first pages (text layer, else OCR of the rendered page)."""
    import pypdfium2 as pdfium

    from images.scan import ocr_upright

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImageRefused("encrypted", "the PDF is password-protected") from exc
        raise ImageRefused("corrupt", "the PDF cannot be opened") from exc
    pages: list[list[OcrLine]] = []
    try:
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            try:
                width, height = page.get_size()
                if max(width, height) > MAX_PAGE_POINTS or min(width, height) <= 0:
                    raise ImageRefused(
                        "dimensions_too_large", f"page {index + 1} is {width:.0f}x{height:.0f} pt"
                    )
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_bounded()
                finally:
                    textpage.close()
                if len("".join(text.split())) >= MIN_TEXT_CHARS:
                    pages.append(_text_lines(text))
                    continue
                bitmap = page.render(scale=OCR_LONG_SIDE / max(width, height))
                try:
                    img = bitmap.to_pil().convert("RGB")
                finally:
                    bitmap.close()
                lines, _ = ocr_upright(engine, img)
                del img
                pages.append(lines)
            finally:
                page.close()
    finally:
        pdf.close()
    return pages


def scan_pdf(
    data: bytes,
    *,
    engine: OcrEngine,
    config: Any = None,
    salt: bytes | None = None,
    group_id: str | None = None,
) -> ScanResult:
    """One result for the whole PDF: the worst page decides; the first document type found wins."""
    from images.scan import analyse_lines

    merged = ScanResult(verdict="allow")
    for lines in pdf_pages_lines(data, engine):
        page = analyse_lines(lines, config=config, salt=salt, group_id=group_id)
        if VERDICT_ORDER[page.verdict] > VERDICT_ORDER[merged.verdict]:
            merged.verdict = page.verdict
        merged.findings.extend(page.findings)
        merged.reasons.extend(r for r in page.reasons if r not in merged.reasons)
        merged.doc_type = merged.doc_type or page.doc_type
    return merged
