"""Scan one image: decode safely, turn upright, OCR, detect in the text, recognise the document.

    scan_image(data, *, engine=None, config=None) -> ScanResult

The OCR text exists only inside this function: the result carries masked findings (spans point
into the joined OCR text), the verdict, the reasons and the document type. Nothing is logged
or written to disk here.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from typing import Any

from PIL import Image

from detectors import Finding, ScanResult, scan_text
from detectors.base import VERDICT_ORDER, mask_middle, salted_digest
from images.decode import DEFAULT_LIMITS, Limits
from images.doctype import DocMatch, Signals, filled_rows, recognise
from images.evidence import BLOCK_AT, read_page, weigh
from images.layout import Joined, join_lines, rows_in_reading_order
from images.mrz import find_mrz
from ocr.base import OcrEngine, OcrLine

# Every recognised document is sensitive on its own: a photo of an ID card is a leak even when
# the number is unreadable, a warrant is a leak whoever is named.
DOC_VERDICT: dict[str, str] = {
    "id_card": "block",
    "health_insurance_card": "block",
    "driver_license": "block",
    "resident_certificate": "block",
    "passport": "block",
    "warrant_document": "block",
    "record_screenshot": "block",
    "household_register": "block",
    "classified": "block",
}
# Documents whose nature is itself one of the text finding types.
_DOC_FINDING: dict[str, tuple[str, re.Pattern[str]]] = {
    "warrant_document": ("warrant", re.compile(r"拘票|搜索票|押票|通緝書")),
    "classified": ("classified_marking", re.compile(r"極機密|絕對機密|機密|限閱|密")),
}
_RECORD_KIND = (
    ("travel_record", re.compile(r"入出國|入出境|出境|入境")),
    ("criminal_record", re.compile(r"刑案|前科|通緝|判決")),
)
# Spaces inside a number are allowed (OCR boxes "A123 456789"); line breaks are not taken away:
# gluing every line together would join an ID to the digits of the next line ("70/01/01") and
# lose it.
_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z][ \t]?[1289](?:[ \t]?\d){8}(?![A-Za-z0-9])")
_DATE = re.compile(
    r"(民國)?\d{2,4}\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}|\d{1,2}\s?[A-Z]{3}\s?\d{4}"
)
_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
# An identity number as OCR misreads it: digits read as look-alike letters (0/O, 1/I/l, 5/S, 8/B)
# and a lower-case initial. Repaired character for character (offsets stay put) and kept only
# when the checksum then holds.
_ID_LOOSE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][0-9OoDIl|SB]{9}(?![A-Za-z0-9])")
_DIGIT_FIX = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"}
)


def _repair_ids(text: str) -> str:
    """`text` with misread identity numbers repaired in place (same length)."""

    def fix(m: re.Match[str]) -> str:
        v = m.group()
        digits = v[1:].translate(_DIGIT_FIX)
        if (v[1:] == digits and v[0].isupper()) or sum(c.isdigit() for c in v[1:]) < 6:
            return v
        cand = v[0].upper() + digits
        return cand if cand[1] in "1289" and _tw_id_ok(cand) else v

    return _ID_LOOSE.sub(fix, text)


def _tw_id_ok(v: str) -> bool:
    n = _LETTERS.index(v[0]) + 10
    digits = [n // 10, n % 10] + [int(c) for c in v[1:]]
    return (
        sum(d * w for d, w in zip(digits, (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1), strict=True)) % 10 == 0
    )


# --- orientation ------------------------------------------------------------------------------


def _readable_chars(lines: Sequence[OcrLine]) -> float:
    return sum(len(ln.text) * ln.score for ln in lines if ln.score >= 0.5)


LOW_CONFIDENCE = 0.85  # below this mean (per character), an upright reading is worth doubting


def _mean_confidence(lines: Sequence[OcrLine]) -> float:
    """Mean recognition score per character; 1.0 when nothing was read (nothing to doubt)."""
    chars = sum(len(ln.text) for ln in lines)
    return sum(len(ln.text) * ln.score for ln in lines) / chars if chars >= 12 else 1.0


def _sideways_share(lines: Sequence[OcrLine]) -> float:
    long_lines = [ln for ln in lines if len(ln.text) >= 2 and ln.score >= 0.5]
    if not long_lines:
        return 0.0
    total = sum(len(ln.text) for ln in long_lines)
    return sum(len(ln.text) for ln in long_lines if not ln.upright) / total


def _edge_cluster(edges: list[float], tol: float) -> int:
    """How many of `edges` lie within `tol` of the best-supported one."""
    return max(sum(1 for e in edges if abs(e - x) <= tol) for x in edges)


def _row_height(row: Sequence[OcrLine]) -> float:
    return sorted(ln.height for ln in row)[len(row) // 2]


def _upside_down(lines: Sequence[OcrLine]) -> bool:
    """A page read upside down whose lines the engine's classifier turned one by one: the text
    is right but the rows come bottom to top. Votes: the page's left margin stands on the right
    (rows end on one edge, start ragged); the title (the tallest row) is at the bottom; labels
    ("發文日期：") close their rows instead of opening them."""
    rows = [
        r
        for r in rows_in_reading_order([ln for ln in lines if ln.score >= 0.8 and ln.upright])
        if sum(len(ln.text) for ln in r) >= 4
    ]
    if len(rows) < 5:
        return False
    flip = upright = 0
    tol = sorted(_row_height(r) for r in rows)[len(rows) // 2] * 0.5
    lefts = [min(p[0] for ln in r for p in ln.box) for r in rows]
    rights = [max(p[0] for ln in r for p in ln.box) for r in rows]
    right, left = _edge_cluster(rights, tol), _edge_cluster(lefts, tol)
    if right >= 0.6 * len(rows) and left < 0.8 * right:
        flip += 2
    elif left >= 0.6 * len(rows) and right < 0.8 * left:
        upright += 2
    heights = [_row_height(r) for r in rows]
    top, bottom = max(heights[:2]), max(heights[-2:])
    if bottom >= 1.15 * top:
        flip += 2
    elif top >= 1.15 * bottom:
        upright += 2
    for r in rows:
        if len(r) < 2:
            continue
        first, last = (
            r[0].text.rstrip().endswith((":", "：")),
            r[-1].text.rstrip().endswith((":", "：")),
        )
        flip += last and not first
        upright += first and not last
    return flip >= 2 and flip > upright


def _turned_half(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """The same lines with their boxes turned 180° about the page (reading order restored)."""
    xs = [p[0] for ln in lines for p in ln.box]
    ys = [p[1] for ln in lines for p in ln.box]
    w, h = max(xs) + min(xs), max(ys) + min(ys)
    out = []
    for ln in lines:
        a, b, c, d = ((w - x, h - y) for x, y in ln.box)
        out.append(OcrLine(ln.text, (c, d, a, b), ln.score))
    return out


def ocr_upright(engine: OcrEngine, img: Image.Image) -> tuple[list[OcrLine], int]:
    """OCR `img` upright (see `_ocr_turned`), with the rows of a page the engine read upside
    down line by line put back in order."""
    lines, degrees = _ocr_turned(engine, img)
    if _upside_down(lines):
        return _turned_half(lines), (degrees + 180) % 360
    return lines, degrees


def _ocr_turned(engine: OcrEngine, img: Image.Image) -> tuple[list[OcrLine], int]:
    """OCR `img`, turning it when the text stands on its side (90°/270°) or reads poorly
    (180°: an upside-down page whose small lines the engine could not flip); returns
    (lines, degrees)."""
    lines = engine.recognize(img)
    sideways = _sideways_share(lines)
    if sideways < 0.5:
        if _mean_confidence(lines) >= LOW_CONFIDENCE:
            return lines, 0
        flipped = engine.recognize(img.rotate(180))
        if _readable_chars(flipped) > _readable_chars(lines) * 1.3:
            return flipped, 180
        return lines, 0
    best = (_readable_chars(lines) * (1 - sideways), 0, lines)
    for degrees in (90, 270):
        turned = engine.recognize(img.rotate(degrees, expand=True))
        side = _sideways_share(turned)
        quality = _readable_chars(turned) * (1 - side)
        if quality > best[0]:
            best = (quality, degrees, turned)
        if side < 0.3 and quality > 0:
            break
    return best[2], best[1]


# --- from lines to a result ---------------------------------------------------------------------


def _merge_compact(primary: ScanResult, joined: Joined, compact: ScanResult) -> None:
    """Add findings that only appear once numbers split over lines/boxes are rejoined."""
    seen = {(f.type, f.masked) for f in primary.findings}
    for f in compact.findings:
        if (f.type, f.masked) in seen:
            continue
        start = joined.compact_to_text[f.start]
        end = joined.compact_to_text[max(f.start, f.end - 1)] + 1
        primary.findings.append(
            Finding(
                f.type,
                start,
                end,
                f.masked,
                f.score,
                f.rule + "+ocr_join",
                "ocr",
                f.checksum,
                f.context,
                f.digest,
            )
        )
        if VERDICT_ORDER[compact.verdict] > VERDICT_ORDER[primary.verdict]:
            primary.verdict = compact.verdict
        for r in compact.reasons:
            if r not in primary.reasons:
                primary.reasons.append(r)


def _signals(joined: Joined, mrz_passport: bool, mrz_other: bool, has_findings: bool) -> Signals:
    found = (re.sub(r"\s", "", m.group()) for m in _ID.finditer(joined.compact))
    ids = [v for v in found if _tw_id_ok(v)]
    national_id = any(v[1] in "12" for v in ids)
    resident_id = any(v[1] in "89" for v in ids)
    date = _DATE.search(joined.text) is not None
    filled = (
        has_findings
        or national_id
        or resident_id
        or mrz_passport
        or mrz_other
        # two different dates (birth and issue, birth and expiry): one date alone may be the
        # form's own (申請日期 on a blank application)
        or len({m.group() for m in _DATE.finditer(joined.text)}) >= 2
        or filled_rows(joined.text.split("\n")) >= 2
    )
    return Signals(
        national_id=national_id,
        resident_id=resident_id,
        mrz_passport=mrz_passport,
        mrz_other=mrz_other,
        date=date,
        filled=filled,
        personal=has_findings,
    )


def _placeholder(value: str) -> bool:
    """A number no office issues: the serial after the letter and the first digit is one digit
    repeated (A800000014) or counts up (A123456789), as on specimens and in examples."""
    serial = value[2:9]
    if len(serial) != 7 or not serial.isdigit():
        return False
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(serial)}
    return len(set(serial[:-1])) == 1 or steps == {1}


def _specimen_number_only(result: ScanResult, text: str) -> bool:
    """The page's only identity numbers are specimens (allow-listed, or a placeholder serial
    such as A800000014): a specimen card whose 樣本 / SPECIMEN mark the engine did not read."""
    ids = [
        f
        for f in (*result.findings, *result.suppressed)
        if f.type in ("tw_national_id", "tw_resident_id") and f.checksum
    ]
    return bool(ids) and all(
        f.rule.endswith("+allowlist") or _placeholder(re.sub(r"\W", "", text[f.start : f.end]))
        for f in ids
    )


def analyse_lines(
    lines: Sequence[OcrLine],
    *,
    config: Any = None,
    salt: bytes | None = None,
    group_id: str | None = None,
) -> ScanResult:
    """Text detection and document recognition over OCR lines (no pixels needed)."""
    joined = join_lines(lines)
    result = scan_text(joined.text, config=config, group_id=group_id, salt=salt, source="ocr")
    if joined.compact != joined.text:
        _merge_compact(
            result,
            joined,
            scan_text(joined.compact, config=config, group_id=group_id, salt=salt, source="ocr"),
        )
    repaired = _repair_ids(joined.compact)
    if repaired != joined.compact:
        _merge_compact(
            result,
            joined,
            scan_text(repaired, config=config, group_id=group_id, salt=salt, source="ocr"),
        )
        joined = dataclasses.replace(joined, compact=repaired)
    texts = [ln.text for ln in lines if ln.score >= 0.5]
    mrz = find_mrz(texts)
    mrz_passport = (
        mrz is not None and mrz.valid and mrz.format == "TD3" and mrz.doc_code.startswith("P")
    )
    mrz_other = mrz is not None and mrz.valid and not mrz_passport
    if (
        mrz is not None
        and mrz.valid
        and not any(f.type == "passport_number" for f in result.findings)
    ):
        result.findings.append(
            Finding(
                type="passport_number"
                if mrz_passport
                else "tw_resident_id"
                if mrz.country == "TWN"
                else "passport_number",
                start=0,
                end=0,
                masked=mask_middle(mrz.number, 2, 2),
                score=0.99,
                rule=f"mrz.{mrz.format.lower()}.check_digits",
                source="ocr",
                checksum=True,
                digest=salted_digest(mrz.number, salt) if salt else None,
            )
        )
    has_findings = bool(result.findings)
    page = read_page(joined.text.split("\n"), [ln.text for ln in lines if ln.score >= 0.5])
    if not page.specimen and _specimen_number_only(result, joined.text):
        page = dataclasses.replace(page, specimen=True)
    weigh(
        result,
        page,
        joined.text,
        block_at=getattr(config, "block_threshold", BLOCK_AT),
        rescan=lambda part: scan_text(
            part, config=config, group_id=group_id, salt=salt, source="ocr"
        ),
    )
    # A card or form marked as a specimen shows the published example, not a person's document.
    match = (
        None
        if page.specimen
        else recognise(texts, _signals(joined, mrz_passport, mrz_other, has_findings))
    )
    if page.specimen and "doc_evidence.specimen" not in result.reasons:
        result.reasons.append("doc_evidence.specimen")
    if match is not None:
        _apply_doc_type(result, match, joined.text)
    result.findings.sort(key=lambda f: (f.start, f.end))
    return result


def _apply_doc_type(result: ScanResult, match: DocMatch, text: str) -> None:
    result.doc_type = match.doc_type
    verdict = DOC_VERDICT.get(match.doc_type, "warn")
    if VERDICT_ORDER[verdict] > VERDICT_ORDER[result.verdict]:
        result.verdict = verdict  # type: ignore[assignment]
    result.reasons.append(f"doc_type.{match.doc_type}")
    kinds: list[tuple[str, re.Pattern[str]]] = []
    if match.doc_type in _DOC_FINDING:
        kinds.append(_DOC_FINDING[match.doc_type])
    if match.doc_type == "record_screenshot":
        kinds.extend(_RECORD_KIND)
    present = {f.type for f in result.findings}
    for ftype, pattern in kinds:
        m = pattern.search(text)
        if ftype in present or m is None:
            continue
        result.findings.append(
            Finding(
                type=ftype,
                start=m.start(),
                end=m.end(),
                masked=m.group(),  # a document keyword, not personal data
                score=0.9,
                rule=f"doc_type.{match.doc_type}",
                source="ocr",
                context=m.group(),
            )
        )
        if match.doc_type == "record_screenshot":
            break


def scan_image(
    data: bytes,
    *,
    engine: OcrEngine | None = None,
    config: Any = None,
    salt: bytes | None = None,
    group_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ScanResult:
    """Scan a file by its content: an image (first frames of an animation), a PDF (every
    text layer, the first scanned pages), or both for a polyglot (images/content.py). Raises
    images.ImageRefused for what cannot be read, with the reason."""
    if engine is None:
        from ocr.registry import get_engine

        engine = get_engine(getattr(config, "ocr_engine", None) or "rapidocr")
    from images.content import scan_content  # sniffs images, PDFs, polyglots, frames

    return scan_content(
        data, engine=engine, config=config, salt=salt, group_id=group_id, limits=limits
    )
