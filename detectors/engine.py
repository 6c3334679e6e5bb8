"""TEMPORARY engine: a national-ID-only placeholder so callers can integrate.

Replaced by the real detection engine (issue #2). The signature is the contract.
"""

from __future__ import annotations

import regex

from detectors.base import Finding, ScanResult, Source, mask_middle, salted_digest

_ID = regex.compile(r"(?<![A-Za-z0-9])[A-Z][12]\d{8}(?![A-Za-z0-9])")
_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"


def _valid(v: str) -> bool:
    n = _LETTERS.index(v[0]) + 10
    digits = [n // 10, n % 10] + [int(c) for c in v[1:]]
    weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 10 == 0


def scan_text(
    text: str,
    *,
    config: object | None = None,
    group_id: str | None = None,
    salt: bytes | None = None,
    source: Source = "text",
) -> ScanResult:
    findings = [
        Finding(
            type="tw_national_id",
            start=m.start(),
            end=m.end(),
            masked=mask_middle(m.group()),
            score=1.0,
            rule="tw_national_id.checksum",
            source=source,
            checksum=True,
            digest=salted_digest(m.group(), salt) if salt else None,
        )
        for m in _ID.finditer(text)
        if _valid(m.group())
    ]
    return ScanResult(verdict="block" if findings else "allow", findings=findings)
