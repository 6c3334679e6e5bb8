"""A learned second look at what the rules allowed (numpy only, no text stored).

    review(doc, result, policy) -> ScanResult

A logistic regression over hashed character n-grams (1-3) of the normalised text
(digits folded to 0, lower case) plus the rule engine's signals (its verdict,
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

It runs only where it can matter: on messages that reached a Doc (a keyword, a
digit or a 年) and that the rules allowed, or warned about matters only.
A failure inside the model never hides the rules' answer: `review` returns the
rules' result unchanged.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from detectors.base import Finding, ScanResult

if TYPE_CHECKING:
    from collections.abc import Iterable

    from detectors.config import Policy
    from detectors.doc import Doc

MODEL_PATH = Path(__file__).resolve().parent / "data" / "stage2.npz"

BITS = 16  # hashed feature space: 2**16 ids
DIM = 1 << BITS
MAX_CHARS = 1000  # n-grams of the first 1,000 characters only: bounded time per message
NGRAMS = (1, 2, 3)
RULE = "stage2"

MATTERS: tuple[str, ...] = (
    "health_info",
    "criminal_record",
    "travel_record",
    "warrant",
    "investigation_secret",
    "whistleblower_identity",
    "procurement_secret",
    "classified_marking",
    "personnel_secret",
    "inspection_plan",
)
_MATTER_SET = frozenset(MATTERS)

_FOLD = str.maketrans("0123456789", "0000000000")
_MULT = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing
_PRIME = np.uint64(0x100000001B3)
_SHIFT = np.uint64(64 - BITS)
_ORDER_SALT = (np.uint64(0), np.uint64(0x51ED270B27A3C1D5), np.uint64(0xC2B2AE3D27D4EB4F))


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
    """The sorted unique hashed feature ids of one message.

    `text` is the normalised text (Doc.text), `words` the keywords the engine
    found, `result` the rules' answer. Never raises on any string (lone
    surrogates included)."""
    s = text[:MAX_CHARS].lower().translate(_FOLD)
    cps = np.frombuffer(
        ("\x01" + s + "\x01").encode("utf-32-le", "surrogatepass"), dtype=np.uint32
    ).astype(np.uint64)
    parts: list[np.ndarray] = []
    h = np.zeros(0, dtype=np.uint64)
    for n in NGRAMS:
        if n == 1:
            h = cps.copy()
        else:
            if len(h) < 2:
                break
            h = h[:-1] * _PRIME + cps[n - 1 :]
        parts.append(((h + _ORDER_SALT[n - 1]) * _MULT) >> _SHIFT)
    extra = [_tid("v:" + result.verdict)]
    extra.extend(_tid("t:" + f.type) for f in result.findings)
    extra.extend(_tid("s:" + f.type) for f in result.suppressed)
    extra.extend(_tid("k:" + w) for w in words)
    parts.append(np.array(extra, dtype=np.uint64))
    return np.unique(np.concatenate(parts)).astype(np.int64)


@dataclass(frozen=True, slots=True)
class Model:
    weights: np.ndarray  # (DIM, heads) float32
    bias: np.ndarray  # (heads,) float32
    add_threshold: float
    down_threshold: float  # < 0: never downgrade
    check_texts: tuple[str, ...] = ()
    check_probs: np.ndarray | None = None  # (len(check_texts), heads), from the trainer

    def probs(self, ids: np.ndarray) -> np.ndarray:
        z = self.weights[ids].sum(axis=0) + self.bias
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return out


def load(path: Path = MODEL_PATH) -> Model:
    with np.load(path, allow_pickle=False) as z:
        w = z["weights"].astype(np.float32)
        if w.shape[0] != DIM or w.shape[1] != len(MATTERS) + 1:
            raise ValueError("stage2 model: unexpected weight shape")
        return Model(
            weights=w,
            bias=z["bias"].astype(np.float32),
            add_threshold=float(z["add_threshold"]),
            down_threshold=float(z["down_threshold"]),
            check_texts=tuple(str(t) for t in z["check_texts"]),
            check_probs=z["check_probs"].astype(np.float32),
        )


_MODEL: list[Model | None] = []


def model() -> Model | None:
    """The shipped model, loaded once; None when the file is missing or unreadable
    (the rules' answers then stand, and `available()` says so)."""
    if not _MODEL:
        try:
            _MODEL.append(load())
        except (OSError, ValueError, KeyError):
            _MODEL.append(None)
    return _MODEL[0]


def available() -> bool:
    return model() is not None


def _downgradable(result: ScanResult) -> bool:
    return result.verdict == "warn" and all(
        f.type in _MATTER_SET and not f.checksum and f.rule != RULE for f in result.findings
    )


def decide(probs: np.ndarray, result: ScanResult, m: Model, length: int) -> ScanResult:
    """The second stage's change to the rules' result (or the result itself).
    `length`: the original message's length (an added finding spans all of it)."""
    p = float(probs[0])
    if result.verdict == "allow":
        if p < m.add_threshold:
            return result
        kind = MATTERS[int(np.argmax(probs[1:]))]
        found = Finding(kind, 0, length, f"[{kind}]", round(p, 3), RULE)
        return ScanResult(
            "warn",
            [found],
            [*result.reasons, f"stage2.leak({p:.3f})"],
            result.doc_type,
            result.suppressed,
        )
    if m.down_threshold >= 0 and p <= m.down_threshold and _downgradable(result):
        return ScanResult(
            "allow",
            [],
            [*result.reasons, f"stage2.ordinary({p:.3f})"],
            result.doc_type,
            [*result.suppressed, *result.findings],
        )
    return result


def wants(result: ScanResult) -> bool:
    """Whether the second stage could change this result at all."""
    return result.verdict == "allow" or _downgradable(result)


def review(doc: Doc, result: ScanResult, policy: Policy) -> ScanResult:
    """The engine's hook: the rules' result, possibly changed by the model."""
    if not policy.stage2 or not wants(result):
        return result
    m = _MODEL[0] if _MODEL else model()
    if m is None:
        return result
    try:
        probs = m.probs(features(doc.text, doc.words, result))
    except (ValueError, UnicodeError, IndexError):  # pragma: no cover - fail to the rules
        return result
    return decide(probs, result, m, len(doc.original))
