"""One page's OCR lines to a result: text detection, document evidence, document type.

    analyse_lines(lines, settings, *, salt=None, group_id=None) -> ScanResult
    merge_results([result, ...]) -> ScanResult        (pages, frames, formats: one result)

This is the per-page step every reading shares: an image frame (images/content.py) and a PDF
page (images/pdf.py), from OCR or from a text layer. The OCR text exists only inside this
function: the result carries masked findings (spans point into the joined OCR text), the
verdict, the reasons and the document type. Nothing is logged or written to disk here.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from detectors import Finding, ScanResult, scan_text
from detectors.base import VERDICT_ORDER, mask_middle, salted_digest
from detectors.policy import DEFAULT_POLICY, Policy
from detectors.tw_national_id import LETTER_CODES, checksum_ok
from images.doctype import DocMatch, Signals, filled_rows, recognise
from images.evidence import BLOCK_AT, weigh
from images.layout import Joined, join_lines
from images.mrz import find_mrz
from images.page_kinds import read_page
from ocr.base import OcrLine


@dataclass(frozen=True, slots=True)
class ScanSettings:
    """What a scan needs besides the file: the loaded detection policy and the threshold the
    document evidence weighs verdicts against. Small, frozen, nothing secret in it: the worker
    pool (images/pool.py) sends it to each worker once, when the worker starts."""

    policy: Policy = DEFAULT_POLICY
    block_at: float = BLOCK_AT

    @classmethod
    def for_policy(cls, policy: Policy) -> ScanSettings:
        """The policy, with its own block threshold for the document evidence too."""
        return cls(policy, policy.block_threshold)


DEFAULT_SETTINGS = ScanSettings()

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
    """The identity number checksum (detectors/tw_national_id.py) of a letter and 9 digits."""
    return checksum_ok(LETTER_CODES[v[0]], int(v[1]), v[2:])


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
    such as A800000014): a specimen card whose 樣本 / SPECIMEN mark the engine did not read.
    A published example may fail the checksum (A234567890): the ID-shaped numbers on the page
    count too."""
    ids = [
        f
        for f in (*result.findings, *result.suppressed)
        if f.type in ("tw_national_id", "tw_resident_id") and f.checksum
    ]
    if ids:
        return all(
            f.rule.endswith("+allowlist") or _placeholder(re.sub(r"\W", "", text[f.start : f.end]))
            for f in ids
        )
    shaped = [re.sub(r"\s", "", m.group()) for m in _ID.finditer(text)]
    return bool(shaped) and all(_placeholder(v) for v in shaped)


def analyse_lines(
    lines: Sequence[OcrLine],
    settings: ScanSettings = DEFAULT_SETTINGS,
    *,
    salt: bytes | None = None,
    group_id: str | None = None,
) -> ScanResult:
    """Text detection and document recognition over OCR lines (no pixels needed)."""

    def detect(text: str) -> ScanResult:
        return scan_text(text, policy=settings.policy, group_id=group_id, salt=salt, source="ocr")

    joined = join_lines(lines)
    result = detect(joined.text)
    if joined.compact != joined.text:
        _merge_compact(result, joined, detect(joined.compact))
    repaired = _repair_ids(joined.compact)
    if repaired != joined.compact:
        _merge_compact(result, joined, detect(repaired))
        joined = dataclasses.replace(joined, compact=repaired)
    texts = [ln.text for ln in lines if ln.score >= 0.5]
    mrz = find_mrz(texts)  # read once: the document type gets the answer in its signals
    mrz_passport = mrz is not None and mrz.passport
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
    weigh(result, page, joined.text, block_at=settings.block_at, rescan=detect)
    signals = _signals(joined, mrz_passport, mrz_other, has_findings)
    if page.blank_form and not result.findings:
        # an application form's labels with nothing filled in: nobody's document
        signals = dataclasses.replace(signals, filled=False)
    # A card or form marked as a specimen shows the published example, not a person's document.
    match = None if page.specimen else recognise(texts, signals)
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
