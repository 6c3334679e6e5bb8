"""The detection pipeline: normalise once, find keywords once, run detectors, decide.

    scan_text(text, *, policy=None, group_id=None, salt=None, source="text") -> ScanResult

`policy` is a loaded `Policy` (`detectors.policy.load_policy`) or None for the
built-in one: scanning never reads or stats a file. `config=` (a path or an object
with a `policy_path`, resolved through the policy file cache) is kept for old
callers. `salt` (bytes or str) adds a salted hash of each found value for repeat
detection.
"""

from __future__ import annotations

import gc
import itertools
import logging
import unicodedata
from collections.abc import Callable

from detectors import lexicon, stage2, units_read
from detectors.base import Detector, Finding, ScanResult, Source
from detectors.discourse import (
    FICTION_WORDS,
    OWN_DATA_GAP,
    fiction_labelled,
    fictional,
    own_data,
)
from detectors.doc import MAX_FINDINGS_PER_DETECTOR, Doc, KeywordIndex, capped, read
from detectors.person_name import may_count as names_may_count
from detectors.policy import DEFAULT_POLICY, Policy, PolicyError, resolve_policy
from detectors.registry import DETECTORS
from detectors.types import HARD_IDS, PERSONAL_DATA, VALUE_TYPES
from detectors.verdict import decide

_log = logging.getLogger(__name__)
_indexes: dict[tuple[tuple[str, tuple[str, ...]], ...], KeywordIndex] = {}


class _Plan:
    """Which detectors a message wakes: precomputed once, looked up per message.

    Detectors are bits of an int; a message's keywords OR their masks together.
    """

    __slots__ = (
        "_runs",
        "always",
        "by_word",
        "detectors",
        "digit",
        "quiet_ok",
        "wake_chars",
    )

    def __init__(self, detectors: tuple[Detector, ...]) -> None:
        self.always = sum(
            1 << i for i, d in enumerate(detectors) if not d.triggers and not d.needs_digit
        )
        self.digit = sum(
            1 << i for i, d in enumerate(detectors) if not d.triggers and d.needs_digit
        )
        by_word: dict[str, int] = {}
        for i, d in enumerate(detectors):
            for w in d.triggers:
                by_word[w] = by_word.get(w, 0) | (1 << i)
        self.by_word = by_word
        # A message with no keyword and no digit wakes no detector when every one
        # that runs unasked names the characters it needs (birth_date: 年).
        unasked = [d for d in detectors if not d.triggers and not d.needs_digit]
        self.quiet_ok = all(d.wake_chars for d in unasked)
        self.wake_chars = "".join(sorted({c for d in unasked for c in d.wake_chars}))
        self.detectors = detectors
        self._runs: dict[int, tuple[_Step, ...]] = {}

    def steps(self, wake: int) -> tuple[_Step, ...]:
        """The detectors to consider for this wake mask, in DETECTORS order: the
        woken ones and the late ones. Cached per mask (a few hundred occur)."""
        run = self._runs.get(wake)
        if run is None:
            run = tuple(
                (
                    d.find,
                    max(d.min_digits, 1 if d.needs_digit else 0),
                    bool(wake >> i & 1),
                    d.after_findings,
                )
                for i, d in enumerate(self.detectors)
                if wake >> i & 1 or d.after_findings
            )
            if len(self._runs) < _MAX_RUNS:
                self._runs[wake] = run
        return run


# (find, digits needed, woken by the message, runs late when something was found)
_Step = tuple[Callable[[Doc], list[Finding]], int, bool, bool]
_MAX_RUNS = 4096


_PLAN: list[_Plan] = []


def _plan() -> _Plan:
    if not _PLAN:
        _PLAN.append(_Plan(DETECTORS))
    return _PLAN[0]


_SHARED_WORDS: tuple[str, ...] = (
    lexicon.PERSON_ROLES
    + lexicon.STAFF_TITLES
    + lexicon.RULE_TALK
    + lexicon.OPERATIONAL
    + lexicon.PUBLISHED
    + lexicon.TRAINING
    + lexicon.TIME_WORDS
    + lexicon.BENIGN
    + lexicon.EXAMPLE
    + FICTION_WORDS
)


def keyword_index(policy: Policy) -> KeywordIndex:
    idx = _indexes.get(policy.keywords)
    if idx is None:
        extra = policy.extra_words()
        words: list[str] = list(_SHARED_WORDS)
        for det in DETECTORS:
            words.extend(det.words)
            words.extend(det.triggers)
        words.extend(extra)
        idx = KeywordIndex(words)
        _indexes[policy.keywords] = idx
    return idx


def _keyword_findings(doc: Doc, policy: Policy) -> list[Finding]:
    """The organisation's own keywords (policy file): each occurrence is a finding."""
    out: list[Finding] = []
    for type_, words in policy.keywords:
        ws = frozenset(words)
        for s, e, w in doc.all(ws):
            out.append(
                doc.finding(
                    type_,
                    s,
                    e,
                    masked=f"[{type_}]",
                    score=policy.keyword_score,
                    rule="config.keyword",
                    context=w,
                )
            )
    return out


# When two value findings overlap (a 16-digit number near 帳號 that is also a
# valid card), keep one: checksum-validated first, then the higher score.
_VALUE_TYPES = VALUE_TYPES


# "範例：王小明 A123456789 0912345678": a form's sample row, recognised by the
# allow-listed test ID beside an example word. Its other values are samples too.
_EXAMPLE = frozenset(lexicon.EXAMPLE)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    if len(findings) < 2:
        return findings
    values = [f for f in findings if f.type in _VALUE_TYPES]
    if len(values) < 2:
        return findings
    values.sort(key=lambda f: f.start)
    dropped: set[int] = set()
    cluster: list[Finding] = []
    cluster_end = -1

    def settle() -> None:
        if len(cluster) < 2:
            return
        kept: list[Finding] = []
        for f in sorted(cluster, key=lambda f: (not f.checksum, -f.score, f.start)):
            if any(f.start < k.end and k.start < f.end for k in kept):
                dropped.add(id(f))
            else:
                kept.append(f)

    for f in values:
        if f.start >= cluster_end:
            settle()
            cluster = []
        cluster.append(f)
        cluster_end = max(cluster_end, f.end)
    settle()
    return [f for f in findings if id(f) not in dropped]


# Personal data the sender gives as their own (我的手機 0932…): below any tie's reach.
_OWN_DATA_SCORE = 0.1
_PERSONAL = PERSONAL_DATA


def _placeholder_shaped(span: str) -> bool:
    """A number made up to fill a form, not someone's: its serial digits (the last eight)
    are one or two digits repeated (A100000001) or a straight run (A123456789). The label
    假資料： alone never clears a real-looking ID: anyone could type it before one."""
    digits = "".join(
        str(unicodedata.digit(c)) for c in span if unicodedata.digit(c, None) is not None
    )
    if len(digits) < 8:
        return False
    body = digits[-8:]
    steps = {int(b) - int(a) for a, b in itertools.pairwise(body)}
    return len(set(body)) <= 2 or steps in ({1}, {-1})


def _said_sample(doc: Doc) -> None:
    """A checksum-valid ID the message labels as made up (假資料：王小明、A1…) is the
    sample it says it is: set aside like an allow-listed specimen (rule `+sample`).
    One beside the word without its label (範例檔裡混了王大明 A1… 是真的) still counts."""
    text = doc.original  # findings' spans are into the original text
    for i, f in enumerate(doc.findings):
        if (
            f.checksum
            and f.type in HARD_IDS
            and _placeholder_shaped(text[f.start : f.end])
            and fiction_labelled(text, f.start)
        ):
            g = f.with_score(0.0, "said to be made-up data")
            g.rule = f.rule + "+sample"
            doc.findings[i] = g


def _own_data(doc: Doc) -> None:
    """Self-disclosure (discourse.own_data): a value right after 我的手機 / 我身分證 is
    the sender's own; it is lowered, with the reason, so it neither warns nor ties a
    name to it."""
    starts = own_data(doc)
    if not starts:
        return
    findings = doc.findings
    for i, f in enumerate(findings):
        if f.type not in _PERSONAL or f.score <= _OWN_DATA_SCORE:
            continue
        s, _ = doc.norm_span(f)
        for end, label in starts:
            if end <= s <= end + OWN_DATA_GAP:
                findings[i] = f.with_score(_OWN_DATA_SCORE, f"discourse: own data ({label})")
                break


def _has_any(text: str, chars: str) -> bool:
    for c in chars:  # noqa: SIM110 (a loop: any() over a generator costs more here)
        if c in text:
            return True
    return False


def _allow() -> ScanResult:
    """The answer for most messages. Built with positional lists: the dataclass's
    default factories cost more than the rest of a quiet message's scan."""
    return ScanResult("allow", [], [], None, [])


def scan_text(
    text: str,
    *,
    policy: Policy | None = None,
    group_id: str | None = None,
    salt: bytes | str | None = None,
    source: Source = "text",
    config: object | None = None,
) -> ScanResult:
    """Scan one message. Never raises on any string: an internal error fails closed
    (a warn verdict whose finding says the scan failed), logged by exception type
    only. A bad policy file still raises `PolicyError`: the operator's to fix."""
    try:
        return _scan_text(
            text, policy=policy, config=config, group_id=group_id, salt=salt, source=source
        )
    except PolicyError:
        raise
    except Exception as exc:
        return scan_failed(text, exc, source)


SCAN_FAILED = "scan_failed"


def scan_failed(text: object, exc: BaseException, source: Source = "text") -> ScanResult:
    """The fail-closed answer when a scan broke: warn, never allow silently."""
    _log.error("scan failed: %s", type(exc).__name__)  # never the text or a value
    end = len(text) if isinstance(text, str) else 0
    finding = Finding(SCAN_FAILED, 0, end, "[scan failed]", 1.0, "engine.scan_failed", source)
    return ScanResult("warn", [finding], [SCAN_FAILED], None, [])


def _scan_text(
    text: str,
    *,
    policy: Policy | None,
    config: object | None,
    group_id: str | None,
    salt: bytes | str | None,
    source: Source,
    aside: bool = False,
    learned: bool = True,
) -> ScanResult:
    if policy is None:
        policy = DEFAULT_POLICY if config is None else resolve_policy(config)
    if group_id is not None and policy.groups:
        policy = policy.for_group(group_id)
    index = keyword_index(policy)
    plan = _PLAN[0] if _PLAN else _plan()
    norm, found, digits, spaced = read(text, index)
    t = norm.text
    # Ordinary chat (about a fifth of the bench traffic): no keyword, no digit once
    # normalised, so nothing wakes; answered before a Doc is built. A check on the
    # RAW text before normalising (any character that can start a keyword) was
    # tried and removed: common characters (的, 到, 我, 家) start keywords, so it
    # let only ~2% of messages through and cost more than it saved.
    if (
        plan.quiet_ok
        and not found
        and not digits
        and not spaced
        and not _has_any(t, plan.wake_chars)
    ):
        return _allow()
    if isinstance(salt, str):
        salt = salt.encode("utf-8")
    doc = Doc(
        norm,
        index,
        found,
        digits=digits,
        spaced=spaced,
        salt=salt or None,
        source=source,
        policy=policy,
    )
    if plan.quiet_ok and not doc.words and not digits and not _has_any(t, plan.wake_chars):
        return _allow()  # spaced, but no keyword hid across the spaces
    wake = plan.always | plan.digit if doc.has_digit else plan.always
    by_word = plan.by_word
    for w in doc.words:
        bits = by_word.get(w)
        if bits is not None:
            wake |= bits
    findings = doc.findings
    for find, min_digits, woken, after in plan.steps(wake):
        if not woken:
            if not (after and any(f.score >= 0.2 for f in findings)):
                continue
        elif digits < min_digits:
            continue
        new = find(doc)
        findings.extend(capped(new) if len(new) > MAX_FINDINGS_PER_DETECTOR else new)
    if policy.keywords:
        findings.extend(_keyword_findings(doc, policy))
    # Names are found on demand (`Doc.names()`): by a matter detector, by the name
    # detector's turn when personal data was found, or here when a name can count in
    # the verdict (something else found, or a lookup or case word lets a name stand
    # alone). Skipping the finder otherwise is most of its cost on ordinary chat.
    if doc._names is None and names_may_count(doc):
        doc.names()
    if doc.findings and "我" in t:
        _own_data(doc)
    if not doc.findings:
        result = _allow()
    else:
        fiction = fictional(doc)
        if fiction is not None:
            _said_sample(doc)
        sample = (
            doc.has(_EXAMPLE) and any(f.rule.endswith("+allowlist") for f in doc.findings)
        ) or fiction is not None
        verdict, findings, suppressed, reasons = decide(
            _dedupe(doc.findings), policy, sample=sample
        )
        result = ScanResult(verdict, findings, reasons, None, suppressed)
    rules = result.verdict
    if learned:
        result = stage2.review(doc, result, policy)  # the learned second look (policy.stage2)
    if not aside:
        # A long or structured message: its parts read alone (detectors/units_read.py).
        def judge(part: str, learned: bool) -> ScanResult:
            return _scan_text(
                part,
                policy=policy,
                config=None,
                group_id=group_id,
                salt=salt,
                source=source,
                aside=True,
                learned=learned,
            )

        def review(cleared: ScanResult) -> ScanResult:
            return stage2.review(doc, cleared, policy) if learned else cleared

        result = units_read.reread(
            text,
            doc,
            result,
            judge,
            rules=rules,
            review=review,
            source=source,
            warn=policy.warn_threshold,
        )
    return result


# One message per detector and per code path (digits, full width, Chinese numerals,
# spaced keywords, names, matters, a quiet message): scanning them does every
# first-use cost (pattern compiles inside `regex`, keyword index, caches) up front.
_WARM_UP_MESSAGES: tuple[str, ...] = (
    "好的，收到",
    "身分證 A123456789，電話 0912-345-678，住址 臺北市中正區重慶南路一段 122 號",
    "王小明 民國75年3月2日生，居留證 A800000014，護照 312345678",
    "卡號 4111 1111 1111 1111，帳號 012-345-678901，email a.b@example.com",
    "車號 ABC-1234 車主是誰？統號給你：Ａ１２３４５６７８９",
    "零九一二三四五六七八 民國六十八年十二月一日生",
    "拘 票下來了，搜索票明天執行，檢舉人是陳志明，別說是我講的",
    "【密】聯合查察對象名單，底價 500 萬，只有 3 家來投，錄取名單先給你",
    "他有前科，確診住院，上週剛從日本回來，下週稽查衛生局會來查",
)


def warm_up(config: object | None = None, *, freeze: bool = True) -> None:
    """Pay every first-use cost now, not on the first real message.

    Builds the detector plan and the keyword index of the policy (and of each
    per-group override), scans one message per code path, then (with `freeze`)
    runs a full collection and moves every object alive now into the permanent
    generation (`gc.freeze()`): compiled patterns and indexes are never walked by
    a later collection, which keeps GC pauses out of per-message times.
    """
    policy = resolve_policy(config)
    _plan()
    for pol in (policy, *(p for _, p in policy.groups)):
        keyword_index(pol).use_dfa()  # a long-running process: the faster automaton now
        for m in _WARM_UP_MESSAGES:
            scan_text(m, policy=pol, salt=b"warm-up")
    if freeze:
        gc.collect()
        gc.freeze()
