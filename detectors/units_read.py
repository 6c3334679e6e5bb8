"""A long or structured message read in its parts: one cut, one judge, two directions.

    reread(text, doc, result, judge, *, source) -> ScanResult

A forwarded chat log, a 公文, meeting minutes, a long notice with an aside: the
whole-message reading ties cues from different parts (a name in one speaker's turn, a
matter word in another's) and lets a leak in one part pass on talk in another (a rule
in 說明一, a quiz by another speaker, a published result in another item). Both errors
have one cure: read each part on its own.

- The cut: `segment.units` (speaker turns without their labels, a 公文's items, minutes'
  reports, a notice's lines), `segment.readings` (each unit, and what units say
  together: a question and its answer, one speaker's turn over several lines), and
  the asides of a long text (另外…, P.S. …, 私下說…), each up to its sentence's end.
- The judge: the engine's scan of the part alone (`Judge`), so only the part's own
  discourse (its own rule, question, published word) can excuse it.
- Told in a part (the message was allowed): a matter the message let pass on talk is
  flagged when a part holding it, read alone by the rules, is flagged for it.
- Said by no part (the message was flagged): when no reading of any part is flagged,
  not even by the learned second look, the finding was put together across parts and
  the message is allowed, every finding kept with the reason. For a chat log
  (`segment.chat_log`) any finding; otherwise only matters and names (a number or an
  address is in one line anyway).

Asymmetric on purpose: a part flags a message on the rules' word alone; a message is
cleared only when no reading of any part, learned or not, flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from detectors import segment
from detectors.base import Finding, ScanResult, Source
from detectors.doc import Doc
from detectors.types import MATTERS

# (the part's text, the learned second look too) -> the part's result read alone
Judge = Callable[[str, bool], ScanResult]
# the learned second look on the whole message's new result (stage2.review)
Review = Callable[[ScanResult], ScanResult]

# The steps by which talk lets a matter pass: a rule, training, a quiz, dampened by a
# word. Not a published result or award (公告) or office workflow (會議) elsewhere:
# reading parts alone for those too caught 3 more leaks and raised 6 false warnings on
# a writer's set used to validate (untouched_s, aggregates only).
_TALK_STEPS = ("discourse:", "training", "talk about the rules", "dampened")


def _excuse_step(step: str) -> bool:
    return step.startswith(_TALK_STEPS)


def _lowered_by_talk(doc: Doc) -> list[Finding]:
    return [f for f in doc.findings if f.why and any(_excuse_step(step) for step in f.why)]


# The word a lowering step names: training (教育訓練), dampened by '要點', public (已完成).
_EXCUSE = re.compile(r"\(([^()]{1,12})\)|'([^']{1,12})'")


def _excused_within(f: Finding, unit: str) -> bool:
    """Every word that let `f` pass stands in `unit` (lower-cased): no excuse came from
    another unit. A step naming no word counts as an excuse from elsewhere."""
    seen = False
    for step in f.why:
        if not _excuse_step(step):
            continue
        m = _EXCUSE.search(step)
        if m is None:
            return False
        if (m.group(1) or m.group(2)).lower() not in unit:
            return False
        seen = True
    return seen


_SCORES = re.compile(r"[0-9]\.[0-9]+")


def _peak_before_excuse(f: Finding) -> float:
    """The highest score `f` reached before a step let it pass; 1.0 when a step set
    its score without saying from what."""
    peak = 0.0
    for step in f.why:
        if _excuse_step(step):
            return peak if "->" in step else 1.0
        for x in _SCORES.findall(step):
            peak = max(peak, float(x))
    return peak


def _shifted(part: ScanResult, start: int, note: str) -> ScanResult:
    """A part's result with its findings' spans moved into the whole message."""
    findings = [
        replace(f, start=f.start + start, end=f.end + start, why=(*f.why, note))
        for f in part.findings
    ]
    return ScanResult(part.verdict, findings, part.reasons, None, part.suppressed)


# ---------------------------------------------------------------- the asides
# An aside in a long message (另外X確診乳癌…; 順帶一提，考績會決議X丙等，還沒核定先別說;
# P.S. 這次檢舉…的就是X; （私下說，…）): up to its sentence's end, it is a part of its own.
_ASIDE = re.compile(
    r"(?<=[。！？!?\s，,：:（(🙏])(?:另外|另查|順帶一提|補充[:：]?|還有[，,]|p\.?s\.?|私下說|偷偷說|對了[，,])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。！？!?\n）)]")
_ASIDE_MIN = 60
_ASIDE_MAX_LEN = 200
_MAX_ASIDES = 4
_ASIDE_NOTE = "read as an aside on its own: the notice around it is no excuse"


def asides(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each aside of a long message, at most `_MAX_ASIDES`."""
    if len(text) < _ASIDE_MIN:
        return []
    out: list[tuple[int, int]] = []
    for m in _ASIDE.finditer(text):
        if len(out) >= _MAX_ASIDES:
            break  # a hostile message full of asides: a few are enough
        s = m.start()
        end = _SENTENCE_END.search(text, m.end(), s + _ASIDE_MAX_LEN)
        out.append((s, end.end() if end is not None else min(len(text), s + _ASIDE_MAX_LEN)))
    return out


# ---------------------------------------------------------------- told in a part
_UNIT_NOTE = "read in its own unit (a speaker's turn, an item): talk in another unit is no excuse"


def _told_in_unit(
    text: str, low: list[Finding], us: list[segment.Unit], judge: Judge, warn: float
) -> ScanResult | None:
    for u in us:
        here = [f for f in low if u.start < f.end and f.start < u.end]
        if not here:
            continue
        unit = text[u.start : u.end].lower()
        if all(_excused_within(f, unit) or _peak_before_excuse(f) < warn for f in here):
            continue  # its own excuse, or too weak to warn even unexcused: it passes alone too
        part = judge(text[u.start : u.end], False)
        if part.verdict == "allow":
            continue
        s = u.start
        if not any(
            f.type == g.type and g.start < f.end + s and f.start + s < g.end
            for f in part.findings
            for g in here
        ):
            continue  # something else in the unit: not the matter the message let pass
        return _shifted(part, s, _UNIT_NOTE)
    return None


def told_in_a_part(
    text: str, doc: Doc, judge: Judge, *, source: Source, warn: float
) -> ScanResult | None:
    """An allowed message whose matter was let pass on talk: the first part that, read
    alone by the rules, is flagged (an aside: for anything; a unit: for that matter at
    that place), or None."""
    low = _lowered_by_talk(doc)
    if not low:
        return None
    for s, e in asides(text):
        part = judge(text[s:e], True)
        if part.verdict != "allow":
            return _shifted(part, s, _ASIDE_NOTE)
    # A unit is re-read alone on chat only: an OCR'd page's lines are rows of one page,
    # whose own evidence weighs them (images/evidence.py).
    if source != "text":
        return None
    us = segment.units(text)
    return _told_in_unit(text, low, us, judge, warn) if us else None


# ---------------------------------------------------------------- said by no part
_ACROSS_NOTE = (
    "no unit says it on its own: a matter word in one speaker's turn or item and a name"
    " in another's are not one disclosure"
)
_LOG_NOTE = "read line by line as a forwarded chat log: no line leaks alone"
_JOINABLE = MATTERS | {"person_name"}
_ACROSS_SCORE = 0.3


def said_by_no_part(
    text: str, result: ScanResult, judge: Judge, *, rules: str, review: Review
) -> ScanResult:
    """A flagged message none of whose parts (segment.readings), read alone, is
    flagged: allowed, each finding kept with the reason. A chat log for any finding;
    another long message only when it was flagged for matters and names."""
    us, whole = segment.cut(text)
    if not us or not whole:
        return result  # a part left unread may say it
    log = segment.chat_log(text, us)
    if not log and (
        rules == "allow"
        or any(f.type not in _JOINABLE or f.rule == "config.keyword" for f in result.findings)
    ):
        return result
    # Units holding a finding first: a leak told in one unit is met at once.
    held = [any(u.start < f.end and f.start < u.end for f in result.findings) for u in us]
    order = [u for u, h in zip(us, held, strict=True) if h]
    order += [u for u, h in zip(us, held, strict=True) if not h]
    for read_ in segment.readings(text, order, us, log=log):
        if judge(read_, log).verdict != "allow":
            return result
    if log:
        kept = [replace(f, why=(*f.why, _LOG_NOTE)) for f in (*result.findings, *result.suppressed)]
        return ScanResult("allow", [], [], None, kept)
    kept = [f.with_score(min(f.score, _ACROSS_SCORE), _ACROSS_NOTE) for f in result.findings]
    # the parts were read by the rules: the learned second look has its say on the whole
    return review(ScanResult("allow", [], [], None, [*result.suppressed, *kept]))


def reread(
    text: str,
    doc: Doc,
    result: ScanResult,
    judge: Judge,
    *,
    rules: str,
    review: Review,
    source: Source,
    warn: float,
) -> ScanResult:
    """The one entry: a long message's verdict after its parts are read alone. `rules`
    is the rules' verdict before the learned second look: a message only the learned
    look flagged is cleared by its parts when it is a chat log, never otherwise."""
    if result.verdict == "allow":
        told = told_in_a_part(text, doc, judge, source=source, warn=warn)
        return result if told is None else told
    if len(text) < segment.MIN_LEN or "\n" not in text:
        return result
    return said_by_no_part(text, result, judge, rules=rules, review=review)
