"""Scan a file by its content: what it is is judged by its bytes, and it is scanned as every
format it opens as.

    scan_image(data, *, engine=None, settings=DEFAULT_SETTINGS, salt, group_id, limits)
        -> ScanResult   (doc_type set when a document is recognised)

- An image (JPEG, PNG, WebP, GIF, BMP, TIFF, MPO, from the header): decoded safely
  (images/decode.py), OCR'd upright (images/orient.py) and analysed (images/scan.py); an
  animation or a multi-page TIFF has its first `MAX_FRAMES` frames read (a leak on frame 2
  of a GIF is found); more frames than that are said with a `partial.frames:...` reason.
- A PDF (a `%PDF-` header at the start, or after other content: a JPEG with a PDF appended
  opens in PDF readers): images/pdf.py.
- Both (a polyglot): both are scanned and the results merged, whatever the file's name.
  When one reading is refused and the other succeeds, the result keeps a
  `partial.refused:<format>:<reason>` reason rather than losing the other reading.
- Neither: ImageRefused("not_an_image").
"""

from __future__ import annotations

from detectors import ScanResult
from images.decode import DEFAULT_LIMITS, ImageRefused, Limits, frame_count, load_for_ocr
from images.orient import ocr_upright
from images.pdf import find_pdf, scan_pdf
from images.scan import DEFAULT_SETTINGS, ScanSettings, analyse_lines, merge_results
from ocr.base import OcrEngine
from ocr.registry import get_engine

MAX_FRAMES = 5


def _scan_frames(
    data: bytes,
    engine: OcrEngine,
    settings: ScanSettings,
    limits: Limits,
    salt: bytes | None,
    group_id: str | None,
) -> ScanResult:
    frames = frame_count(data, limits)
    parts = []
    for index in range(min(frames, MAX_FRAMES)):
        img = load_for_ocr(data, limits=limits, frame=index)
        lines, _ = ocr_upright(engine, img)
        del img
        parts.append(analyse_lines(lines, settings, salt=salt, group_id=group_id))
    result = merge_results(parts)
    if frames > MAX_FRAMES:
        result.reasons.append(f"partial.frames:{frames - MAX_FRAMES} of {frames} frames not read")
    return result


def scan_image(
    data: bytes,
    *,
    engine: OcrEngine | None = None,
    settings: ScanSettings = DEFAULT_SETTINGS,
    salt: bytes | None = None,
    group_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ScanResult:
    """Scan a file by its content: an image (first frames of an animation), a PDF (every
    text layer, the first scanned pages), or both for a polyglot. Raises
    images.ImageRefused for what cannot be read, with the reason."""
    if engine is None:
        engine = get_engine("rapidocr")
    if not data:
        raise ImageRefused("empty", "no data")
    if len(data) > limits.max_bytes:
        raise ImageRefused("file_too_large", f"{len(data)} bytes; the limit is {limits.max_bytes}")
    pdf_at = find_pdf(data)
    results: list[ScanResult] = []
    refused: list[tuple[str, ImageRefused]] = []
    if pdf_at is None or pdf_at > 1024:  # not a plain PDF: try it as an image
        try:
            results.append(_scan_frames(data, engine, settings, limits, salt, group_id))
        except ImageRefused as exc:
            refused.append(("image", exc))
    if pdf_at is not None:
        try:
            results.append(
                scan_pdf(
                    data[pdf_at:], engine=engine, settings=settings, salt=salt, group_id=group_id
                )
            )
        except ImageRefused as exc:
            refused.append(("pdf", exc))
    if not results:
        # Nothing could be read: the PDF's reason when there was a PDF header (more telling
        # than "not an image"), else the image's.
        raise refused[-1][1] if pdf_at is not None else refused[0][1]
    merged = merge_results(results)
    for fmt, why in refused:
        if not (fmt == "image" and why.reason == "not_an_image"):
            merged.reasons.append(f"partial.refused:{fmt}:{why.reason}")
    return merged
