"""Findings -> one verdict per message: allow, warn or block.

Detectors score each finding from its local context (a mobile number next to
關係人 scores high; an office line with 分機 scores low). The policy then weighs
the findings *together*:

- an identifier with a valid checksum (national ID, resident certificate, card)
  is a leak on its own;
- a person's name is harmless alone, and becomes a leak when tied to a birth
  date, home address, phone, ID or a case matter in the same message; the
  other way round, a birth date or an address becomes a leak when tied to a person;
- keyword matters (warrant, investigation, procurement...) are only reported by
  their detectors when the context leaks (see each detector);
- an allow-listed value, a disabled type or a finding under the warn threshold
  is kept aside (`suppressed`) for `--explain`, not reported.

Verdict: the highest final score; >= block threshold -> block, >= warn -> warn.
"""

from __future__ import annotations

from dataclasses import replace

from detectors.base import Finding, Verdict
from detectors.policy import Policy
from detectors.types import CASE_MATTERS, HARD_IDS, PERSONAL_DATA

PERSON_TIE_DISTANCE = 40  # characters between a name and what it is tied to
STAFF_HEALTH_DISTANCE = 12  # a colleague's name and the disclosure of their own illness
# Weak look-alikes (a bare 6-digit date) are tied to a name only when right beside it.
CLOSE_TIE_DISTANCE = 2
CLOSE_TIE_RULES = frozenset({"birth_date.compact"})


def _near(a: Finding, b: Finding, dist: int) -> bool:
    return a.start - dist <= b.end and b.start - dist <= a.end


def decide(
    findings: list[Finding], policy: Policy, *, sample: bool = False
) -> tuple[Verdict, list[Finding], list[Finding], list[str]]:
    """Return (verdict, reported findings, suppressed findings, reasons).

    `sample`: the message shows an allow-listed specimen as an example; its other
    personal data (no checksum) is sample data too and is let pass."""
    if len(findings) == 1 and not sample:
        return _decide_one(findings[0], policy)
    return _decide_all(findings, policy, sample=sample)


def _decide_all(
    findings: list[Finding], policy: Policy, *, sample: bool = False
) -> tuple[Verdict, list[Finding], list[Finding], list[str]]:
    reasons: list[str] = []
    live: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        if f.type in policy.disabled_types:
            suppressed.append(replace(f, rule=f.rule + "+disabled"))
        elif f.rule.endswith(("+allowlist", "+sample")):
            suppressed.append(f)
        else:
            live.append(f)

    names = [f for f in live if f.type == "person_name" and f.score >= 0.3]
    personal = [f for f in live if f.type in PERSONAL_DATA and f.score >= 0.3]
    matters = [f for f in live if f.type in CASE_MATTERS and f.score >= policy.warn_threshold]

    boosted: dict[int, float] = {}
    # Each change to a finding's score, with its reason (joins the finding's `why`).
    notes: dict[int, list[str]] = {}

    def note(f: Finding, score: float, reason: str) -> None:
        i = id(f)
        notes.setdefault(i, []).append(f"{reason}: {boosted.get(i, f.score):.2f} -> {score:.2f}")
        boosted[i] = score

    def boost(f: Finding, score: float, reason: str) -> None:
        if score > boosted.get(id(f), f.score):
            note(f, score, f"policy {reason}")
            if reason not in reasons:
                reasons.append(reason)

    def lower(f: Finding, score: float, reason: str) -> None:
        if score < boosted.get(id(f), f.score):
            note(f, score, f"policy: {reason}")

    # A name tied to personal data or a case matter: both are a leak; a name with
    # two kinds of personal data (birth date and address) is a profile: block.
    for n in names:
        tied = [
            p
            for p in personal
            if p.score >= 0.2
            and _near(
                n, p, CLOSE_TIE_DISTANCE if p.rule in CLOSE_TIE_RULES else PERSON_TIE_DISTANCE
            )
        ]
        tied_score = 0.9 if len({p.type for p in tied}) >= 2 else 0.8
        for p in tied:
            boost(p, max(p.score, tied_score), f"person_name+{p.type}")
            boost(n, tied_score, f"person_name+{p.type}")
        if matters:
            boost(n, 0.75, "person_name+case_matter")

    # A colleague's own health told (同仁X請病假是因為化療): the staff member is the subject.
    health = [f for f in matters if f.rule == "health_info.disclosure"] if matters else []
    for n in live if health else ():
        if n.rule == "person_name.staff" and any(
            _near(n, h, STAFF_HEALTH_DISTANCE) for h in health
        ):
            boost(n, 0.75, "staff_health")

    # Two different kinds of personal data about one person (birth date + address).
    kinds = {p.type for p in personal if p.score >= 0.4 and p.rule not in CLOSE_TIE_RULES}
    if len(kinds) >= 2:
        for p in personal:
            if p.score >= 0.4:
                boost(p, max(p.score, 0.7), "personal_data_combination")

    # Personal data next to a case matter (a phone in a whistleblower message).
    if matters:
        for p in personal:
            if p.score >= 0.2 and p.rule not in (
                "phone_number.office_extension",
                "phone_number.office",
            ):
                boost(p, max(p.score, 0.7), f"{p.type}+case_matter")

    # A mobile number right next to a staff member (王科長 0912-…) is a work number.
    staff = [f for f in live if f.type == "person_name" and f.rule == "person_name.staff"]
    for p in personal:
        if p.rule == "phone_number.mobile" and any(_near(s, p, 12) for s in staff):
            lower(p, 0.3, "a mobile beside a staff member is a work number")

    if sample:
        for p in live:
            if (p.type in PERSONAL_DATA or p.type == "person_name") and not p.checksum:
                lower(p, 0.2, "sample data beside an allow-listed specimen")
        reasons.append("sample_data")

    # One matter explains the message: a warrant being executed is not also an
    # "investigation" unless the investigation detector saw its own disclosure.
    if any(f.type == "warrant" and f.score >= policy.warn_threshold for f in live):
        for f in live:
            if f.type == "investigation_secret" and f.rule.endswith(".context"):
                lower(f, 0.3, "a warrant explains the message")

    final: list[Finding] = []
    for f in live:
        s = boosted.get(id(f), f.score)
        f2 = f if s == f.score else _rescored(f, s, notes[id(f)])
        if s >= policy.warn_threshold:
            final.append(f2)
        else:
            suppressed.append(f2)

    top = max((f.score for f in final), default=0.0)
    verdict: Verdict = "allow"
    if top >= policy.block_threshold:
        verdict = "block"
    elif top >= policy.warn_threshold:
        verdict = "warn"
    for f in final:
        if f.type in HARD_IDS and f.checksum and "hard_identifier" not in reasons:
            reasons.append("hard_identifier")
    final.sort(key=lambda f: (f.start, f.end, f.type))
    return verdict, final, suppressed, reasons


def _rescored(f: Finding, score: float, notes: list[str]) -> Finding:
    out = f.with_score(score)
    out.why = (*f.why, *notes)
    return out


def _decide_one(
    f: Finding, policy: Policy
) -> tuple[Verdict, list[Finding], list[Finding], list[str]]:
    """`decide` for a lone finding (most flagged messages): every rule above ties or
    combines two findings, so its own score decides. Same answer, a tenth of the work
    (tests/detectors/test_policy.py compares the two on every type and score)."""
    if f.type in policy.disabled_types:
        return "allow", [], [replace(f, rule=f.rule + "+disabled")], []
    if f.rule.endswith(("+allowlist", "+sample")) or f.score < policy.warn_threshold:
        return "allow", [], [f], []
    verdict: Verdict = "block" if f.score >= policy.block_threshold else "warn"
    reasons = ["hard_identifier"] if f.type in HARD_IDS and f.checksum else []
    return verdict, [f], [], reasons
