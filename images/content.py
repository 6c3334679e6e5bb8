"""What a file is, judged by its bytes: scanned as every format it opens as.

    scan_content(data, *, engine, config, salt, group_id, limits) -> ScanResult

- An image (JPEG, PNG, WebP, GIF, BMP, TIFF, MPO, from the header): decoded safely and OCR'd;
  an animation or a multi-page TIFF has its first `MAX_FRAMES` frames read (a leak on frame 2
  of a GIF is found); more frames than that are said with a `partial.frames:...` reason.
- A PDF (a `%PDF-` header at the start, or after other content: a JPEG with a PDF appended
  opens in PDF readers): images/pdf.py.
- Both (a polyglot): both are scanned and the results merged, whatever the file's name.
  When one reading is refused and the other succeeds, the result keeps a
  `partial.refused:<format>:<reason>` reason rather than losing the other reading.
- Neither: ImageRefused("not_an_image").
"""

from __future__ import annotations

from typing import Any

from detectors import ScanResult
from detectors.base import VERDICT_ORDER
from images.decode import DEFAULT_LIMITS, ImageRefused, Limits, frame_count, load_for_ocr
from ocr.base import OcrEngine

MAX_FRAMES = 5


def merge_results(results: list[ScanResult]) -> ScanResult:
    """One result for several readings (pages, frames, formats): the worst verdict decides,
    the first document type found wins, a finding seen twice is kept once."""
    merged = ScanResult(verdict="allow")
    seen: set[tuple[str, str, str | None]] = set()
    for part in results:
        if VERDICT_ORDER[part.verdict] > VERDICT_ORDER[merged.verdict]:
            merged.verdict = part.verdict
        for f in part.findings:
            key = (f.type, f.masked, f.digest)
            if key not in seen:
                seen.add(key)
                merged.findings.append(f)
        merged.reasons.extend(r for r in part.reasons if r not in merged.reasons)
        merged.doc_type = merged.doc_type or part.doc_type
    return merged


def _scan_frames(data: bytes, engine: OcrEngine, limits: Limits, **kw: Any) -> ScanResult:
    from images.scan import analyse_lines, ocr_upright

    frames = frame_count(data, limits)
    parts = []
    for index in range(min(frames, MAX_FRAMES)):
        img = load_for_ocr(data, limits=limits, frame=index)
        lines, _ = ocr_upright(engine, img)
        del img
        parts.append(analyse_lines(lines, **kw))
    result = merge_results(parts)
    if frames > MAX_FRAMES:
        result.reasons.append(f"partial.frames:{frames - MAX_FRAMES} of {frames} frames not read")
    return result


def scan_content(
    data: bytes,
    *,
    engine: OcrEngine,
    config: Any = None,
    salt: bytes | None = None,
    group_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ScanResult:
    from images.pdf import find_pdf, scan_pdf

    if not data:
        raise ImageRefused("empty", "no data")
    if len(data) > limits.max_bytes:
        raise ImageRefused("file_too_large", f"{len(data)} bytes; the limit is {limits.max_bytes}")
    kw: dict[str, Any] = {"config": config, "salt": salt, "group_id": group_id}
    pdf_at = find_pdf(data)
    results: list[ScanResult] = []
    refused: list[tuple[str, ImageRefused]] = []
    if pdf_at is None or pdf_at > 1024:  # not a plain PDF: try it as an image
        try:
            results.append(_scan_frames(data, engine, limits, **kw))
        except ImageRefused as exc:
            refused.append(("image", exc))
    if pdf_at is not None:
        try:
            results.append(scan_pdf(data[pdf_at:], engine=engine, **kw))
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
