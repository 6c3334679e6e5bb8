"""The masked snippet in an admin alert: a short window of the message that says where
the leak was without carrying it.

- An identifier or personal-data finding (a national ID, a phone number, a name) is
  replaced by its own masked value (`K2******86`, `09**-***-*78`, `王○明`).
- A confidential-matter finding (a reserve price, a warrant, a whistleblower...) is not a
  value: what leaks is the clause around its keyword (`底價1,250,000 元`, `票下來了`) and the
  clauses beside it (`投標廠商有大華營造`, `大華營造和信義工程都有投標，底價…`). So the whole
  sentence holding the keyword (between 。！？ or line breaks), every clause of it, is
  replaced by one readable label: 「〔採購保密事項，已遮蔽〕」.
- In what remains visible, every run of 4 or more digits (also `1,250,000`, `0912 345 678`)
  is starred; beside a confidential matter every digit is (a time, a house number).

Pure functions of the text and the findings' spans: nothing is stored or logged here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from detectors.types import BY_NAME
from locales import messages, t

# What ends a sentence (a matter's clause and every other clause of its sentence are masked);
# an ASCII full stop is left out (3.5, e.g.).
SENTENCE_MARKS = "。！？!?\n"
_DIGIT_RUN = re.compile(r"[0-9０-９](?:[0-9０-９]|[,.，．\-\s](?=[0-9０-９]))*")
_DIGIT = re.compile(r"[0-9０-９]")


@dataclass(frozen=True, slots=True)
class Span:
    """A finding as the snippet needs it: where, its masked value, its type."""

    start: int
    end: int
    masked: str
    type: str


def is_matter(span: Span) -> bool:
    """A confidential matter (or an organisation keyword, or a failed scan): masked as a
    bracketed keyword, which is no mask at all for the words around it."""
    info = BY_NAME.get(span.type)
    if info is not None and info.kind == "matter":
        return True
    return span.masked.startswith("[") and span.masked.endswith("]")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts (just after the previous 。！？ or line break)."""
    i = min(pos, len(text)) - 1
    while i >= 0 and text[i] not in SENTENCE_MARKS:
        i -= 1
    return i + 1


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding `pos` ends (its 。！？ or line break included)."""
    i = max(pos, 0)
    while i < len(text) and text[i] not in SENTENCE_MARKS:
        i += 1
    return min(len(text), i + 1)


def mask_label(types: Sequence[str], locale: str) -> str:
    """「〔採購保密事項，已遮蔽〕」: what kind of thing was masked, in words."""
    table = messages(locale) or messages("zh-TW")
    kinds: list[str] = []
    for ty in types:
        word = str(table.get(f"mask.{ty}") or t("mask.other", locale))
        if word not in kinds:
            kinds.append(word)
    return t("mask.label", locale, kinds=t("item.sep", locale).join(kinds))


def readable_masked(types: Sequence[str], masked: Sequence[str], locale: str) -> list[str]:
    """An incident's stored masked values for a person to read: an identifier keeps its mask
    (`K2******86`); a confidential matter, stored as its bracketed keyword (`[開標]`), is
    shown as the snippet's label of the incident's matter types (「〔採購保密事項，已遮蔽〕」),
    once. A display mapping only: the stored rows are not changed."""
    table = messages(locale) or messages("zh-TW")
    kinds = [ty for ty in types if f"mask.{ty}" in table] or ["other"]
    out: list[str] = []
    for value in masked:
        if value.startswith("[") and value.endswith("]"):
            value = mask_label(kinds, locale)
        if value not in out:
            out.append(value)
    return out


def _regions(text: str, spans: Sequence[Span], locale: str) -> list[tuple[int, int, str]]:
    """Every span to replace: matter clauses (merged where they touch) and the other
    findings outside them, sorted, none overlapping."""
    matters: list[tuple[int, int, list[str]]] = []
    for sp in sorted((s for s in spans if is_matter(s)), key=lambda s: s.start):
        lo = sentence_start(text, sp.start)
        hi = max(sentence_end(text, sp.start), sp.end)
        if matters and lo <= matters[-1][1]:
            plo, phi, types = matters[-1]
            matters[-1] = (plo, max(phi, hi), [*types, sp.type])
        else:
            matters.append((lo, hi, [sp.type]))
    out = [(lo, hi, mask_label(types, locale)) for lo, hi, types in matters]
    for sp in sorted((s for s in spans if not is_matter(s)), key=lambda s: s.start):
        if sp.end <= sp.start:
            continue
        covered = any(lo <= sp.start and sp.end <= hi for lo, hi, _ in out)
        overlapping = [r for r in out if r[0] < sp.end and sp.start < r[1]]
        if covered:
            continue
        if overlapping:  # a value half inside a masked clause: widen the clause over it
            lo, hi, lab = overlapping[0]
            out[out.index(overlapping[0])] = (min(lo, sp.start), max(hi, sp.end), lab)
            continue
        out.append((sp.start, sp.end, sp.masked))
    out.sort()
    merged: list[tuple[int, int, str]] = []
    for r in out:
        if merged and r[0] < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], r[1]), last[2])
        else:
            merged.append(r)
    return merged


def _star(chunk: str, every_digit: bool) -> str:
    if every_digit:
        return _DIGIT.sub("*", chunk)
    return _DIGIT_RUN.sub(
        lambda m: _DIGIT.sub("*", m.group()) if len(_DIGIT.findall(m.group())) >= 4 else m.group(),
        chunk,
    )


def masked_snippet(
    text: str, spans: Sequence[Span], locale: str, *, width: int = 24, max_regions: int = 3
) -> str:
    """A window of `text` around its first findings, every finding masked as above; "" when
    there is no finding. Never a raw value, a digit beside a matter, or a matter's clause."""
    if not spans:
        return ""
    regions = _regions(text, spans, locale)
    every_digit = any(is_matter(s) for s in spans)
    lo = max(0, regions[0][0] - width)
    hi = min(len(text), max(e for _, e, _ in regions[:max_regions]) + width)
    starred = _star(text, every_digit)  # 1:1, so the regions' offsets still hold
    out: list[str] = []
    pos = lo
    for s, e, masked in regions:
        if s >= hi:
            break
        out.append(starred[pos:s])
        out.append(masked)
        pos = max(pos, e)
    if pos < hi:
        out.append(starred[pos:hi])
    snippet = "".join(out).replace("\n", " ").strip()
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")
