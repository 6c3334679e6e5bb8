"""A group's allow-list: sentences its admins declared harmless there, and their effect on
a scan (text and image alike).

An entry is made by scanning the sentence as the group's messages are scanned (its policy,
the hash key) and keeping, never the sentence, but:

- its **marks**: for each finding, its type and the keyed hash of its value (`phone_number|
  9f…`), or, for a finding without a value (a matter's keyword), its type, rule and masked
  keyword (`procurement_secret|procurement_secret.before_award|[開標]`);
- its **clauses**: a keyed hash of each clause of the sentence (split at 。！？；, line
  breaks), letters and digits only, so spacing, punctuation and full-width forms do not
  matter;
- its **label**: the sentence with every finding replaced by its masked value.

A scan result is allowed by an entry when it holds every mark of the entry, and either the
entry has a value mark (a hash of a value is specific) or the message holds every clause
of the entry (a keyword alone is not: `[開標]` is in every procurement leak). Then the
findings carrying the entry's marks (keyword findings: only inside the matched clauses)
move to `suppressed`, explained, and the verdict is taken again from what is left. An
image's OCR text never leaves its worker, so there only value entries apply: a sentence
whose only findings are keywords allows text messages only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from detectors import Finding, ScanResult, scan_text
from detectors.base import VERDICT_ORDER, Verdict, salted_digest
from detectors.normalize import alnum_of, normalize
from detectors.policy import Policy
from storage.groups import AllowEntry, GroupSettingsBackend

ENTRY_MAX_CHARS = 300
_CLAUSE_END = re.compile(r"[。！？；!?;\n]+")
_DIGITS = re.compile(r"\d+")
SUPPRESSED_RULE = "+group_allow"


class NothingToAllow(ValueError):
    """The sentence raises no finding: there is nothing to allow."""


@dataclass(frozen=True)
class EntryDraft:
    label: str
    marks: list[str]
    phrase: str  # the clause hashes, space separated
    result: ScanResult  # the sentence's own scan (for the console's explanation)


def mark_of(f: Finding) -> str:
    return f"{f.type}|{f.digest}" if f.digest else f"{f.type}|{f.rule}|{f.masked}"


def _is_value_mark(mark: str) -> bool:
    return mark.count("|") == 1


def clauses(text: str, salt: bytes) -> list[tuple[int, int, str]]:
    """(start, end, keyed hash) of each clause of `text` that has letters or digits."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for m in (*_CLAUSE_END.finditer(text), None):
        end = m.start() if m else len(text)
        key = alnum_of(normalize(text[pos:end]).text)
        if key:
            out.append((pos, end, salted_digest(key, salt)))
        pos = m.end() if m else len(text)
    return out


def masked_label(text: str, findings: list[Finding]) -> str:
    """The sentence, each finding replaced by its masked value, every other digit starred."""
    out: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.start < pos or f.end <= f.start:
            continue
        out.append(_DIGITS.sub(lambda m: "*" * len(m.group()), text[pos : f.start]))
        out.append(f.masked)
        pos = f.end
    out.append(_DIGITS.sub(lambda m: "*" * len(m.group()), text[pos:]))
    return "".join(out).replace("\n", " ").strip()


def draft_entry(text: str, policy: Policy, group_id: str, salt: bytes) -> EntryDraft:
    """What an allow-list entry for `text` in `group_id` would keep (NothingToAllow when the
    sentence raises no finding; ValueError when it is empty or too long)."""
    text = text.strip()
    if not text or len(text) > ENTRY_MAX_CHARS:
        raise ValueError(f"an entry has 1 to {ENTRY_MAX_CHARS} characters")
    result = scan_text(text, policy=policy, group_id=group_id, salt=salt)
    if not result.findings:
        raise NothingToAllow("the sentence raises no finding")
    return EntryDraft(
        label=masked_label(text, result.findings),
        marks=sorted({mark_of(f) for f in result.findings}),
        phrase=" ".join(dict.fromkeys(h for _, _, h in clauses(text, salt))),
        result=result,
    )


def _verdict(findings: list[Finding], policy: Policy) -> Verdict:
    top = max((f.score for f in findings), default=0.0)
    if top >= policy.block_threshold:
        return "block"
    return "warn" if top >= policy.warn_threshold else "allow"


def apply_allow_list(
    result: ScanResult,
    entries: list[AllowEntry],
    policy: Policy,
    *,
    salt: bytes,
    text: str | None = None,
) -> tuple[ScanResult, list[int]]:
    """The result with what `entries` allow moved aside, and the ids of the entries used.
    `text`: the message (None for an image: only value entries apply)."""
    if not entries or not result.findings:
        return result, []
    have = {mark_of(f) for f in result.findings}
    spans = clauses(text, salt) if text is not None else []
    msg_clauses = {h for _, _, h in spans}
    drop: dict[int, int] = {}  # finding index -> entry id
    used: list[int] = []
    for entry in entries:
        marks = set(entry.marks)
        if not marks or not marks <= have:
            continue
        wanted = set(entry.phrase.split())
        phrase_ok = bool(wanted) and text is not None and wanted <= msg_clauses
        by_value = any(_is_value_mark(m) for m in marks)
        if not (by_value or phrase_ok):
            continue
        inside = [(s, e) for s, e, h in spans if h in wanted]
        hit = False
        for i, f in enumerate(result.findings):
            if mark_of(f) not in marks or i in drop:
                continue
            if (
                f.digest
                or (phrase_ok and any(s <= f.start and f.end <= e for s, e in inside))
                or (text is None and by_value)
            ):
                drop[i] = entry.id
                hit = True
        if hit:
            used.append(entry.id)
    if not drop:
        return result, []
    kept = [f for i, f in enumerate(result.findings) if i not in drop]
    moved = [
        replace(
            f,
            rule=f.rule + SUPPRESSED_RULE,
            why=(*f.why, f"allow-listed in this group (entry {drop[i]})"),
        )
        for i, f in enumerate(result.findings)
        if i in drop
    ]
    verdict: Verdict = _verdict(kept, policy) if kept else "allow"
    if result.doc_type or VERDICT_ORDER[verdict] > VERDICT_ORDER[result.verdict]:
        verdict = result.verdict  # a recognised document stays what it was; never raised
    reasons = [*result.reasons, "group allow-list"]
    out = ScanResult(verdict, kept, reasons, result.doc_type, [*result.suppressed, *moved])
    return out, used


def add_entry(
    store: GroupSettingsBackend,
    policy: Policy,
    group_id: str,
    text: str,
    salt: bytes,
    now: float,
    by: str | None = None,
) -> tuple[int, EntryDraft]:
    """Allow `text` in `group_id` (the console's "add" button): the new entry's id."""
    draft = draft_entry(text, policy.for_group(group_id), group_id, salt)
    entry_id = store.add_allow_entry(group_id, draft.label, draft.marks, draft.phrase, now, by)
    return entry_id, draft


def try_sentence(
    store: GroupSettingsBackend, policy: Policy, group_id: str, text: str, salt: bytes
) -> tuple[ScanResult, list[int]]:
    """The console's "test a sentence" box: the scan of `text` as a message of `group_id`
    would be scanned, its allow-list applied (what it let pass is in `suppressed`)."""
    text = text[: ENTRY_MAX_CHARS * 10]
    pol = policy.for_group(group_id)
    result = scan_text(text, policy=pol, group_id=group_id, salt=salt)
    return apply_allow_list(result, store.allow_entries(group_id), pol, salt=salt, text=text)
