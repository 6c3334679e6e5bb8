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
- Told in a part (the message was allowed): a matter the message let pass on talk, a
  published word, workflow or a dampening word is flagged when a part holding it,
  read alone by the rules, is flagged for it; when the excuse was not talk, the part
  must tell the matter itself (a leaking pattern, a named cue), not add up weak cues.
  The header (title, 主旨) holds over every item of the kind of matter it speaks of:
  such an item is read under it (決標公告 over a bidder count).
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
# word. Other steps that lower a matter (a published result, workflow, a roster) count
# too, with a stricter bar (_TELLS): counting them with the talk steps' bar caught 3
# more leaks and raised 6 false warnings on untouched_s (aggregates only); with the bar
# the same 3 leaks and no false warning.
_TALK_STEPS = ("discourse:", "training", "talk about the rules", "dampened")


_ARROW = re.compile(r"([0-9]\.[0-9]+) -> ([0-9]\.[0-9]+)$")
_SET_LOW = ("published", "after the award")
# A unit let pass on a published word or workflow elsewhere counts only when it tells
# the matter itself: a leaking pattern, or a cue that names or hushes (點名, 別說), not a
# sum of weak cues (a person, a time).
_TELLS = re.compile(r"leaking pattern|^cue (?:named|leak)")


def _talk_step(step: str) -> bool:
    return step.startswith(_TALK_STEPS)


def _excuse_step(step: str) -> bool:
    return _talk_step(step) or _other_excuse(step)


def _other_excuse(step: str) -> bool:
    """A step that lowered a matter on anything but talk: a published result (公告),
    office workflow (會報), a roster, a word that dampens (避免, 提醒)."""
    if _talk_step(step):
        return False
    m = _ARROW.search(step)
    if m is not None:
        return float(m.group(2)) < float(m.group(1))
    return any(k in step for k in _SET_LOW)


def _lowered(doc: Doc) -> list[Finding]:
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


# A document's header: its title line and its 主旨 (subject). What the header says about
# a kind of matter (決標公告: this is a published award) holds for every item of that
# kind; about another kind (【公告】…教育訓練實施計畫) it excuses nothing in the items.
_SUBJECT = re.compile(r"[【\[(（]?[^\n]{0,8}?主旨")


def _header(text: str, us: list[segment.Unit]) -> str:
    head = [text[us[0].start : us[0].end]]
    head += [text[u.start : u.end] for u in us[1:3] if _SUBJECT.match(text, u.start)]
    return "\n".join(head)


def _told_in_unit(
    text: str,
    low: list[Finding],
    us: list[segment.Unit],
    judge: Judge,
    warn: float,
    named: list[Finding],
) -> ScanResult | None:
    header: str | None = None
    header_types: frozenset[str] = frozenset()
    for n, u in enumerate(us):
        here = [f for f in low if u.start < f.end and f.start < u.end]
        if not here:
            continue
        unit = text[u.start : u.end].lower()
        if all(_excused_within(f, unit) or _peak_before_excuse(f) < warn for f in here):
            continue  # its own excuse, or too weak to warn even unexcused: it passes alone too
        read_ = text[u.start : u.end]
        s = u.start
        if n > 0:
            if header is None:
                header = _header(text, us)
                h = judge(header, False)
                header_types = frozenset(f.type for f in (*h.findings, *h.suppressed))
            if any(f.type in header_types for f in here):
                # the header speaks of this kind of matter: the item is read under it
                read_ = f"{header}\n{read_}"
                s -= len(header) + 1
        part = judge(read_, False)
        if part.verdict == "allow":
            continue
        same = [
            f
            for f in part.findings
            if any(f.type == g.type and g.start < f.end + s and f.start + s < g.end for g in here)
        ]
        if not same:
            continue  # something else in the unit: not the matter the message let pass
        talk = any(_talk_step(st) for g in here for st in g.why)
        if not talk and not any(_TELLS.search(st) for f in same for st in f.why):
            continue  # let pass on a published word or workflow elsewhere: the unit must tell it
        if s != u.start:  # read under the header: only the item's own findings are kept
            kept = [f for f in part.findings if f.start + s >= u.start]
            part = ScanResult(part.verdict, kept, part.reasons, None, part.suppressed)
        return _shifted(part, s, _UNIT_NOTE)
    return _told_elsewhere(text, low, us, judge, named)


# Where the matter's word stood elsewhere, the item must tell it by a leaking pattern
# (a named cue alone, 有問題請洽急診部X, is a contact line: 6 false warnings on indep_n).
_PATTERN = "leaking pattern"
# A name the message holds, strong enough to be someone (not a surname read alone).
_NAMED = 0.4
_ELSEWHERE_NOTE = (
    "read in its own unit: the message's matter word stood in another unit, whose frame"
    " let it pass; this unit tells a matter of that kind itself"
)


def _told_elsewhere(
    text: str,
    low: list[Finding],
    us: list[segment.Unit],
    judge: Judge,
    named: list[Finding],
) -> ScanResult | None:
    """A matter let pass where its word first stood (another item's 泰國, the header's
    調查局), told again in an item of its own that names someone (據移民署資料，X已於…入境):
    the item, read alone by the rules, tells a matter of the same kind by a leaking
    pattern."""
    kinds = {f.type for f in low}
    for u in us:
        if any(u.start < f.end and f.start < u.end for f in low):
            continue  # read above
        if not any(u.start <= f.start and f.end <= u.end for f in named):
            continue
        part = judge(text[u.start : u.end], False)
        if part.verdict == "allow":
            continue
        if any(f.type in kinds and any(_PATTERN in st for st in f.why) for f in part.findings):
            return _shifted(part, u.start, _ELSEWHERE_NOTE)
    return None


def told_in_a_part(
    text: str, doc: Doc, judge: Judge, *, source: Source, warn: float
) -> ScanResult | None:
    """An allowed message whose matter was let pass on talk: the first part that, read
    alone by the rules, is flagged (an aside: for anything; a unit: for that matter at
    that place), or None."""
    low = _lowered(doc)
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
    if not us:
        return None
    named = [f for f in doc.findings if f.type == "person_name" and f.score >= _NAMED]
    return _told_in_unit(text, low, us, judge, warn, named)


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
