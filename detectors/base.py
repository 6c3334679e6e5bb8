"""Base types shared by every detector, the policy and every caller.

A detector never returns the raw matched value: a `Finding` carries a span into
the original text, a masked value and, when the caller gives a salt, a salted
hash of the normalised value (for repeat detection). Nothing else.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from detectors.doc import Doc

Verdict = Literal["allow", "warn", "block"]
Source = Literal["text", "ocr"]

VERDICT_ORDER: dict[str, int] = {"allow": 0, "warn": 1, "block": 2}


@dataclass(slots=True)
class Finding:
    """One thing a detector found, explained without the raw value.

    Treat it as immutable (re-score with `with_score`). It is not a frozen
    dataclass on purpose: a frozen one sets each of its ten fields through
    `object.__setattr__`, which made building a finding ~3x slower, and every
    detector builds them on the per-message fast path.
    """

    type: str  # one of the finding type names, e.g. "tw_national_id"
    start: int  # span into the ORIGINAL text (not the normalised one)
    end: int
    masked: str  # e.g. "A1******89", "09**-***-*78", "王○明"
    score: float  # 0..1
    rule: str  # which pattern / rule matched, e.g. "tw_national_id.checksum"
    source: Source = "text"
    checksum: bool | None = None  # True valid, False invalid, None: type has no checksum
    context: str | None = None  # the context word seen (a keyword, never a value)
    digest: str | None = None  # salted hash of the normalised value, when a salt was given
    # How the score came to be, one step a line (Presidio's AnalysisExplanation):
    # "strong pattern: 0.80", "rule talk (應), nobody named: 0.80 -> 0.30". Words and
    # masked values only, never the message text.
    why: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_score(self, score: float, reason: str | None = None) -> Finding:
        """The same finding re-scored, the reason added to its history
        (`dataclasses.replace` is ~5x slower)."""
        why = self.why
        if reason is not None:
            why = (*why, f"{reason}: {self.score:.2f} -> {score:.2f}")
        return Finding(
            self.type,
            self.start,
            self.end,
            self.masked,
            score,
            self.rule,
            self.source,
            self.checksum,
            self.context,
            self.digest,
            why,
        )

    def to_contract(self) -> dict[str, Any]:
        """The JSON shape of the `bot.py scan --jsonl` contract."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "masked": self.masked,
            "score": round(self.score, 3),
            "source": self.source,
        }


@dataclass(slots=True)
class ScanResult:
    verdict: Verdict
    findings: list[Finding] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # policy rules that fired (no values)
    doc_type: str | None = None  # set by the image pipeline when a document is recognised
    # Findings the policy weighed and judged harmless (office line, staff name...): for --explain.
    suppressed: list[Finding] = field(default_factory=list)

    @property
    def types(self) -> list[str]:
        return sorted({f.type for f in self.findings})

    def to_contract(self, item_id: Any = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": item_id,
            "verdict": self.verdict,
            "findings": [f.to_contract() for f in self.findings],
        }
        if self.doc_type:
            out["doc_type"] = self.doc_type
        return out


def salted_digest(value: str, salt: bytes) -> str:
    """HMAC-SHA256 of a normalised value, hex, truncated: for repeat detection only."""
    return hmac.new(salt, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


MASK_SHOWN_MAX = 4  # characters of an identifier a mask may show, whatever the caller asks


def mask_middle(value: str, keep_start: int = 2, keep_end: int = 2, fill: str = "*") -> str:
    """`A123456789` -> `A1******89`. At most `MASK_SHOWN_MAX` characters are shown (a copy
    of the database must not narrow a value down to a few guesses), fewer for short values
    so that most is always hidden."""
    n = len(value)
    if n <= 2:
        return fill * n
    keep_start = max(0, min(keep_start, MASK_SHOWN_MAX))
    keep_end = max(0, min(keep_end, MASK_SHOWN_MAX - keep_start))
    if keep_start + keep_end > n // 2:
        keep_start = max(1, n // 4)
        keep_end = max(0, n // 4)
    return value[:keep_start] + fill * (n - keep_start - keep_end) + value[n - keep_end :]


class Score:
    """A score with the history of every change to it, in the manner of Presidio's
    `AnalysisExplanation.set_improved_score`: each change says why. The history
    becomes the finding's `why` (shown by `bot.py scan --explain`)."""

    __slots__ = ("steps", "value")

    def __init__(self, value: float, reason: str) -> None:
        self.value = value
        self.steps: list[str] = [f"{reason}: {value:.2f}"]

    def set_improved_score(self, value: float, reason: str) -> None:
        value = 1.0 if value > 1.0 else 0.0 if value < 0.0 else value
        if value != self.value:
            self.steps.append(f"{reason}: {self.value:.2f} -> {value:.2f}")
            self.value = value

    def add(self, delta: float, reason: str) -> None:
        self.set_improved_score(self.value + delta, reason)

    def cap(self, limit: float, reason: str) -> None:
        """Lower the score to `limit` if above it (a reason the message is not a leak)."""
        if self.value > limit:
            self.set_improved_score(limit, reason)

    def floor(self, limit: float, reason: str) -> None:
        """Raise the score to `limit` if below it (a reason the message is a leak)."""
        if self.value < limit:
            self.set_improved_score(limit, reason)


# ---------------------------------------------------------------- detectors


@dataclass(frozen=True, slots=True)
class Detector:
    """One finding type: how to find it and when it is worth looking.

    `find(doc)` returns findings (spans already mapped to the original text).
    The engine skips a detector whose prefilter cannot match: `needs_digit`
    (the normalised text has no ASCII digit) or `triggers` (none of these words
    occurs; with `after_findings`, unless an earlier detector found something). `words` lists every keyword the detector reads, so the engine can
    find them all in one pass.
    """

    name: str
    find: Callable[[Doc], list[Finding]]
    words: tuple[str, ...] = ()
    triggers: frozenset[str] = frozenset()
    needs_digit: bool = False
    # Skip the detector when the message has fewer ASCII digits than this.
    min_digits: int = 0
    # Also run when an earlier detector found something (person names next to data).
    after_findings: bool = False
    # A detector with no triggers that runs on digit-free text too: the characters
    # it cannot match without (birth_date: 年), so a quiet message skips it.
    wake_chars: str = ""
