"""A learned second look at what the rules allowed (numpy only, no text stored).

    review(doc, result, policy) -> ScanResult

A logistic regression over hashed character 1-3-grams of the normalised text
(lower case) plus the rule engine's signals (its verdict,
the types of the findings it reported or kept aside, the keywords it found).
Heads: 0 is "this message is a leak", 1.. are one-vs-rest matter types, which
name the type of an added finding. Trained by `scripts/train_stage2.py` on the
labelled sets and shipped as `detectors/data/stage2.npz` (weights only: hashed
feature ids, never text).

What it may change, and only that:
- a message the rules allowed whose leak probability reaches `add_threshold`
  gets one `warn` finding of the predicted matter type (rule "stage2", the
  probability as its score, masked value "[type]", span over the whole message);
- a rule `warn` made only of matter findings (no identifier, nothing with a
  checksum, no block) whose leak probability is at most `down_threshold` is
  allowed; its findings move to `suppressed` for --explain. The shipped file
  may disable this (down_threshold < 0) when it did not help on held-out sets.

It runs only where it can matter: on chat text (not OCR: it was trained on chat)
that reached a Doc (a keyword, a digit or a 年), has a keyword of a matter
detector, and that the rules allowed or warned about matters only.
A failure inside the model never hides the rules' answer: `review` returns the
rules' result unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import re
import sys
import zlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
else:

    class _Numpy:
        """numpy, imported on first use: most messages never reach the model, and the
        import costs ~60 ms of `bot.py scan`'s start-up."""

        def __getattr__(self, name: str) -> object:
            import numpy

            globals()["np"] = numpy
            return getattr(numpy, name)

    np = _Numpy()

from detectors import segment
from detectors.base import Finding, ScanResult
from detectors.types import MATTERS as MATTER_TYPES
from detectors.types import TYPES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from detectors.doc import Doc
    from detectors.policy import Policy

MODEL_PATH = Path(__file__).resolve().parent / "data" / "stage2.npz"

BITS = 16  # hashed feature space: 2**16 ids
DIM = 1 << BITS
MAX_CHARS = 500  # n-grams of the first 500 characters only: bounded time per message
RULE = "stage2"

# The matter heads, in the order of the type table (the model's columns follow it).
MATTERS: tuple[str, ...] = tuple(t.name for t in TYPES if t.kind == "matter")
_MATTER_SET = MATTER_TYPES

_PRIME = 1000003
_MOD = 65521  # the largest prime under DIM: n-gram ids are 0..65520


def _token_id(token: str) -> int:
    return zlib.crc32(token.encode("utf-8", "surrogatepass")) & (DIM - 1)


_TOKEN_IDS: dict[str, int] = {}


def _tid(token: str) -> int:
    i = _TOKEN_IDS.get(token)
    if i is None:
        i = _token_id(token)
        if len(_TOKEN_IDS) < 65536:
            _TOKEN_IDS[token] = i
    return i


def features(text: str, words: Iterable[str], result: ScanResult) -> np.ndarray:
    """The hashed feature ids of one message, int64 (repeats count: a bigram
    twice is two ids): character 1-, 2- and 3-grams, then the rule signals.

    `text` is the normalised text (Doc.text), `words` the keywords the engine
    found, `result` the rules' answer. Never raises on any string (lone
    surrogates included). Eight numpy calls whatever the length (~6 us at the
    host's normal speed): hashing bigrams alone in plain Python cost as much for a
    30-character line and lost a third of the added catches across writers."""
    s = "\x01" + text[:MAX_CHARS].lower() + "\x01"  # start and end marks
    tokens = [_tid("v:" + result.verdict)]
    tokens.extend(_tid("t:" + f.type) for f in result.findings)
    tokens.extend(_tid("s:" + f.type) for f in result.suppressed)
    tokens.extend(_tid("k:" + w) for w in words)
    c = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    bi = c[:-1] * _PRIME + c[1:]  # < 2**42
    tri = bi[:-1] * _PRIME + c[2:]  # < 2**62: exact in int64
    grams = np.concatenate((c, bi, tri)) % _MOD
    return np.concatenate((grams, tokens)).astype(np.int64, copy=False)


# A long message read piece by piece (segment.units: a chat log's turns, a 公文's
# items, a notice's lines; a unit or a one-line message longer than `split_long`, its
# sentences): its bag of n-grams mixes speakers and items, so the leak of one sentence
# drowns in it and the n-grams of many ordinary turns and sentences add up to a
# leak's. A sentence still longer than `split_long` is cut at its commas into clauses
# of about half that; a piece shorter than _MIN_PIECE is kept with the one before.
_STRONG = re.compile(r"(?<=[。！？!?；;])")
_WEAK = re.compile(r"(?<=[，,、])")
_MIN_PIECE = 6


def _sentences(text: str, limit: int) -> list[str]:
    out: list[str] = []
    for s in _STRONG.split(text):
        if not s.strip():
            continue
        if len(s) <= limit:
            out.append(s)
            continue
        cur = ""
        for c in _WEAK.split(s):
            if cur and len(cur) + len(c) > limit // 2:
                out.append(cur)
                cur = ""
            cur += c
        if cur:
            out.append(cur)
    merged: list[str] = []
    for s in out:
        if merged and len(merged[-1].strip()) < _MIN_PIECE:
            merged[-1] += s
        else:
            merged.append(s)
    return merged


def subunits(text: str, split_long: int) -> list[str]:
    """The pieces of a long message the model reads one by one: segment.units (short
    ones left to the pairs; one longer than `split_long` cut into its sentences) and
    the pairs of units read together (segment.read_together); a one-line message
    longer than `split_long`, its sentences. [] for a message read whole (fewer than
    two pieces). `split_long` 0: units only, never cut."""
    us = segment.units(text)
    if us:
        out: list[str] = []
        for u in us:
            if u.short:
                continue
            t = text[u.start : u.end]
            out += _sentences(t, split_long) if split_long and len(t) > split_long else [t]
        out += segment.read_together(text, us)
        return out if len(out) >= 2 else []
    if not split_long or len(text) <= split_long:
        return []
    parts = _sentences(text, split_long)
    return parts if len(parts) >= 2 else []


def unit_features(
    text: str, words: Iterable[str], result: ScanResult, split_long: int
) -> list[np.ndarray]:
    """The feature ids of each piece of a long message (subunits), [] for a message
    read whole. A piece carries the keywords found inside it and the rules' signals of
    the whole message."""
    pieces = subunits(text, split_long)
    if not pieces:
        return []
    ws = list(words)
    return [features(u, [w for w in ws if w in u], result) for u in pieces]


def _logit(p: float) -> float:
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-min(max(z, -30.0), 30.0)))


class Model:
    """The shipped weights. The leak head is scored first (one gather and a sum);
    the type heads only for a message the stage is about to flag."""

    __slots__ = (
        "add_threshold",
        "check_probs",
        "check_texts",
        "down_threshold",
        "gate",
        "leak_bias",
        "leak_w",
        "multi_threshold",
        "split_long",
        "type_bias",
        "type_w",
        "unit_whole",
        "z_add",
        "z_down",
        "z_multi",
    )

    def __init__(
        self,
        weights: np.ndarray,
        bias: np.ndarray,
        add_threshold: float,
        down_threshold: float,
        check_texts: tuple[str, ...] = (),
        check_probs: np.ndarray | None = None,
        gate: frozenset[str] | None = None,
        multi_threshold: float = -1.0,
        split_long: int = 0,
        unit_whole: bool = False,
    ) -> None:
        w = np.asarray(weights, dtype=np.float32)
        if w.ndim != 2 or w.shape[0] != DIM or w.shape[1] != len(MATTERS) + 1:
            raise ValueError("stage2 model: unexpected weight shape")
        self.leak_w = np.ascontiguousarray(w[:, 0])
        self.type_w = np.ascontiguousarray(w[:, 1:])
        self.leak_bias = float(bias[0])
        self.type_bias = np.asarray(bias[1:], dtype=np.float32)
        self.add_threshold = add_threshold
        self.down_threshold = down_threshold  # < 0: never downgrade
        self.z_add = _logit(add_threshold)
        self.z_down = _logit(down_threshold) if down_threshold >= 0 else -math.inf
        self.check_texts = check_texts
        self.check_probs = check_probs  # (len(check_texts), heads), from the trainer
        # The matter keywords the model looks for (learned by the trainer: those in
        # at least a few of the leaks it caught on its training data); None: all.
        self.gate = gate
        # A message of several pieces (subunits) is scored by its most likely piece
        # against its own threshold, chosen on its own budget of the training sets'
        # ordinary long messages (< 0: read whole, against add_threshold).
        self.multi_threshold = multi_threshold
        self.z_multi = _logit(multi_threshold) if multi_threshold >= 0 else math.inf
        self.split_long = split_long
        self.unit_whole = unit_whole  # the whole message is one more piece

    @property
    def per_unit(self) -> bool:
        return self.multi_threshold >= 0

    def looks_at(self, words: frozenset[str] | set[str]) -> bool:
        return self.gate is None or not self.gate.isdisjoint(words)

    def leak_logit(self, ids: np.ndarray) -> float:
        return float(self.leak_w[ids].sum(dtype=np.float64)) + self.leak_bias

    def probs(self, ids: np.ndarray) -> np.ndarray:
        """Every head's probability: [leak, *MATTERS]."""
        types = self.type_w[ids].sum(axis=0) + self.type_bias
        z = np.concatenate(([self.leak_logit(ids)], types))
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return out

    def kind(self, ids: np.ndarray) -> str:
        types = self.type_w[ids].sum(axis=0) + self.type_bias
        return MATTERS[int(np.argmax(types))]


def _columns(path: Path, z: object) -> np.ndarray:
    """The model's weights as float32, (DIM, heads): from the copy kept beside the byte
    code when it was made from this very file, else converted from the shipped float16
    (and that copy written). The same numbers either way; the copy saves the
    decompression and the conversion (~3/4 of loading the model)."""
    from detectors.rxcache import cache_file

    data = path.read_bytes()
    key = hashlib.blake2b(data, digest_size=16).digest()
    copy = cache_file("stage2.f32")
    heads = len(MATTERS) + 1
    size = DIM * heads * 4
    try:
        raw = copy.read_bytes()
        if len(raw) == 16 + size and raw[:16] == key:
            return np.frombuffer(raw, dtype=np.float32, offset=16).reshape(DIM, heads)
    except OSError:
        pass
    w = np.asarray(z["weights"], dtype=np.float32)  # type: ignore[index]
    if w.shape == (DIM, heads) and not sys.dont_write_bytecode:
        tmp = copy.with_name(f"{copy.name}.{os.getpid()}.tmp")
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(key + np.ascontiguousarray(w).tobytes())
            os.replace(tmp, copy)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return w


def load(path: Path = MODEL_PATH) -> Model:
    with np.load(path, allow_pickle=False) as z:
        return Model(
            weights=_columns(path, z),
            bias=z["bias"].astype(np.float32),
            add_threshold=float(z["add_threshold"]),
            down_threshold=float(z["down_threshold"]),
            check_texts=tuple(str(t) for t in z["check_texts"]),
            check_probs=z["check_probs"].astype(np.float32),
            gate=frozenset(str(w) for w in z["gate_words"]) if "gate_words" in z else None,
            multi_threshold=float(z["multi_threshold"]) if "multi_threshold" in z else -1.0,
            split_long=int(z["split_long"]) if "split_long" in z else 0,
            unit_whole=bool(z["unit_whole"]) if "unit_whole" in z else False,
        )


_MODEL: list[Model | None] = []


def model() -> Model | None:
    """The shipped model, loaded once; None when the file is missing or unreadable
    (the rules' answers then stand)."""
    if not _MODEL:
        try:
            _MODEL.append(load())
        except (OSError, ValueError, KeyError):
            _MODEL.append(None)
    return _MODEL[0]


def _downgradable(result: ScanResult) -> bool:
    return result.verdict == "warn" and all(
        f.type in _MATTER_SET and not f.checksum and f.rule != RULE for f in result.findings
    )


def decide(
    ids: np.ndarray,
    result: ScanResult,
    m: Model,
    length: int,
    units: list[np.ndarray] | None = None,
) -> ScanResult:
    """The second stage's change to the rules' result (or the result itself).
    `length`: the original message's length (an added finding spans all of it);
    `units`: the feature ids of a long message's pieces (unit_features; per-unit
    models only): the most likely piece decides, against the multi-unit threshold."""
    threshold = m.z_add
    if units and m.per_unit and result.verdict == "allow":
        pieces = [ids, *units] if m.unit_whole else units
        zs = [m.leak_logit(u) for u in pieces]
        best = int(np.argmax(zs))
        ids, z, threshold = pieces[best], zs[best], m.z_multi
    else:
        z = m.leak_logit(ids)
    if result.verdict == "allow":
        if z < threshold:
            return result
        p = _sigmoid(z)
        kind = m.kind(ids)
        found = Finding(kind, 0, length, f"[{kind}]", round(p, 3), RULE)
        return ScanResult(
            "warn",
            [found],
            [*result.reasons, f"stage2.leak({p:.3f})"],
            result.doc_type,
            result.suppressed,
        )
    if z <= m.z_down and _downgradable(result):
        return ScanResult(
            "allow",
            [],
            [*result.reasons, f"stage2.ordinary({_sigmoid(z):.3f})"],
            result.doc_type,
            [*result.suppressed, *result.findings],
        )
    return result


_GATE: list[frozenset[str]] = []


def gate_words() -> frozenset[str]:
    """The keywords of the matter detectors: a message without one is left to the
    rules (the model only runs where a matter is talked about)."""
    if not _GATE:
        from detectors.registry import DETECTORS

        _GATE.append(
            frozenset(
                w for d in DETECTORS if d.name in _MATTER_SET for w in (*d.words, *d.triggers)
            )
        )
    return _GATE[0]


def wants(words: frozenset[str] | set[str], result: ScanResult) -> bool:
    """Whether the second stage looks at this message: a matter keyword, and a
    result it could change."""
    gate = _GATE[0] if _GATE else gate_words()
    return not gate.isdisjoint(words) and (result.verdict == "allow" or _downgradable(result))


def review(doc: Doc, result: ScanResult, policy: Policy) -> ScanResult:
    """The engine's hook: the rules' result, possibly changed by the model."""
    if not policy.stage2 or doc.source != "text":
        return result
    gate = _GATE[0] if _GATE else gate_words()
    if gate.isdisjoint(doc.words):
        # No matter keyword: `wants` says no whatever the model. Asked before the
        # model loads, so a run that never meets one never imports numpy (~100 ms).
        return result
    m = _MODEL[0] if _MODEL else model()
    if m is None or (m.gate is not None and m.gate.isdisjoint(doc.words)):
        return result  # the cheapest no first: most messages have none of the gate's words
    if not wants(doc.words, result):
        return result
    if result.verdict != "allow":
        if m.z_down == -math.inf:
            return result  # downgrading is off in the shipped file: no change possible
    elif doc._discourse is not None and doc._discourse.talk() is not None:
        return result  # read already (by a matter rule) and it says talk: nothing is added
    try:
        units = (
            unit_features(doc.text, doc.words, result, m.split_long)
            if m.per_unit and result.verdict == "allow"
            else None
        )
        changed = decide(features(doc.text, doc.words, result), result, m, len(doc.original), units)
    except (ValueError, UnicodeError, IndexError, FloatingPointError):  # pragma: no cover
        return result  # the rules' answer stands
    if changed is not result and result.verdict == "allow" and talked_about(doc):
        return result  # the model reads words; the discourse says nothing is disclosed
    return changed


def talked_about(doc: Doc) -> bool:
    """A talk signal the rules trust (a rule, a question, a quiz, a masked value, a
    published state, a reminder, the agency's own unit), a colleague's surprise, a
    visit for a meeting or a course, the team's own arrangements with no target
    (discourse.crew) or a visit reported after it was made (discourse.visited): the
    stage adds no warning there. Read only when
    the model would add one."""
    from detectors.discourse import MEAL, MEETING_VISIT, SOCIAL, crew, visited

    text = doc.text
    return (
        doc.discourse().talk() is not None
        or SOCIAL.search(text) is not None
        or MEAL.search(text) is not None
        or MEETING_VISIT.search(text) is not None
        or crew(doc) is not None
        or visited(text) is not None
    )


def look(
    text: str, policy: Policy | None = None
) -> tuple[ScanResult, np.ndarray | None, frozenset[str]]:
    """What the engine would hand this stage for `text`: the rules' result (stage 2
    off), the feature ids (None where the stage does not look) and the keywords
    found (for the model's own gate, `Model.looks_at`). Mirrors the
    engine's early answers (no keyword, digit or 年: no Doc is built). For the
    trainer, the tests and --explain; the engine itself calls `review`."""
    from detectors.doc import Doc, read
    from detectors.engine import keyword_index, scan_text
    from detectors.policy import DEFAULT_POLICY

    pol = replace(policy or DEFAULT_POLICY, stage2=False)
    rules = scan_text(text, policy=pol)
    index = keyword_index(pol)
    norm, found, digits, spaced = read(text, index)
    t = norm.text
    if not (found or digits or spaced or "年" in t):
        return rules, None, frozenset()
    doc = Doc(norm, index, found, digits=digits, spaced=spaced, policy=pol)
    words = frozenset(doc.words)
    if not (doc.words or digits or "年" in t) or not wants(doc.words, rules):
        return rules, None, words
    return rules, features(doc.text, doc.words, rules), words


def look_units(text: str, policy: Policy | None, split_long: int) -> list[np.ndarray]:
    """The pieces' feature ids the engine would score for `text` (unit_features), []
    where the stage does not look or reads the message whole. For the trainer."""
    from detectors.doc import Doc, read
    from detectors.engine import keyword_index, scan_text
    from detectors.policy import DEFAULT_POLICY

    pol = replace(policy or DEFAULT_POLICY, stage2=False)
    rules = scan_text(text, policy=pol)
    if rules.verdict != "allow":
        return []
    index = keyword_index(pol)
    norm, found, digits, spaced = read(text, index)
    doc = Doc(norm, index, found, digits=digits, spaced=spaced, policy=pol)
    return unit_features(doc.text, doc.words, rules, split_long)
