"""Run a labelled image set through one OCR engine and say how it did: the evidence for
choosing an engine (`bot.py ocr bench`, bench/image_set_report.py).

    report = run_set(Path("bench/image_sets/tune_t"), engine, limit=40)
    print(format_report(report))            # or report.to_json()

A set is a folder with `labels.jsonl` (one {"id", "image", "expect": allow|flag, "types",
"doc", "style"} object a line, written by the set's own gen.py) and the images it names.
Every image goes through the real pipeline (`scan_image`) in this process with the engine
given: a built-in, a plug-in or the HTTP hook (whose OCR then runs in the hook's server).

The report says: identifiers read per type (images where the type was found, against the
images labelled with it), document types recognised against the kind the label names
(`LABEL_DOC_TYPES`: the labels name documents in words), recall and false-positive rate of
the verdicts (flagged = warn or block), images refused or failed (the engine's service
failing), seconds per image (mean, p95) and the peak resident memory of this process.
A set in `AGGREGATE_ONLY` (never tuned on) is reported in totals only: no image ids, no
per-image rows, no per-style rates, in text and in JSON alike.
Nothing printed carries text read from an image: types, counts and ids only.
"""

from __future__ import annotations

import json
import math
import resource
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from images.content import scan_image
from images.decode import ImageRefused
from images.scan import DEFAULT_SETTINGS, ScanSettings
from ocr.base import OcrEngine, OcrServiceError

AGGREGATE_ONLY = frozenset({"untouched_u"})
FLAGGED = ("warn", "block")

# The labels' document words -> the bot's document type (images/doctype.py); first match
# wins, lower-case substrings. A label that matches none expects no document type.
LABEL_DOC_TYPES: tuple[tuple[str, str], ...] = (
    ("passport", "passport"),
    ("resident certificate", "resident_certificate"),
    ("居留證", "resident_certificate"),
    ("health insurance card", "health_insurance_card"),
    ("health card", "health_insurance_card"),
    ("driver licence", "driver_license"),
    ("driver license", "driver_license"),
    ("warrant", "warrant_document"),
    ("household register", "household_register"),
    ("query screenshot", "record_screenshot"),
    ("national id card", "id_card"),
    ("id card photo", "id_card"),
)


class SetMissing(Exception):
    """The set's labels or images are not there (they are generated, not committed)."""


def expected_doc_type(label_doc: str) -> str | None:
    doc = label_doc.lower()
    for words, doc_type in LABEL_DOC_TYPES:
        if words in doc:
            return doc_type
    return None


@dataclass(frozen=True)
class ImageRow:
    """One image: its labels and what the scan gave. `outcome`: "scanned", "refused:<reason>"
    or "failed:<error type>" (the OCR engine's service failed)."""

    id: str
    style: str
    expect: str
    label_types: tuple[str, ...]
    label_doc_type: str | None
    outcome: str
    verdict: str | None = None
    doc_type: str | None = None
    types: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED

    @property
    def leak(self) -> bool:
        return self.expect == "flag"


@dataclass
class SetReport:
    name: str
    engine: str
    aggregate_only: bool
    rows: list[ImageRow] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    wall_seconds: float = 0.0

    # -- the numbers ------------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        """What the engine's reading gave (no timing, no memory): two engines that read the
        same give the same counts."""
        pos = [r for r in self.rows if r.leak]
        neg = [r for r in self.rows if not r.leak]
        tp = sum(r.flagged for r in pos)
        fp = sum(r.flagged for r in neg)
        return {
            "images": len(self.rows),
            "leaks": len(pos),
            "ordinary": len(neg),
            "caught": tp,
            "false_alarms": fp,
            "recall": round(tp / max(len(pos), 1), 3),
            "false_positive_rate": round(fp / max(len(neg), 1), 3),
            "refused": sum(r.outcome.startswith("refused:") for r in self.rows),
            "failed": sum(r.outcome.startswith("failed:") for r in self.rows),
            "identifiers": self._identifiers(),
            "documents": self._documents(),
        }

    def _identifiers(self) -> dict[str, dict[str, int]]:
        """type -> images where it was read, images labelled with it, and both."""
        read: Counter[str] = Counter()
        labelled: Counter[str] = Counter()
        both: Counter[str] = Counter()
        for r in self.rows:
            read.update(r.types)
            labelled.update(r.label_types)
            both.update(set(r.types) & set(r.label_types))
        return {
            t: {"read": read[t], "labelled": labelled[t], "both": both[t]}
            for t in sorted(read | labelled)
        }

    def _documents(self) -> dict[str, dict[str, int]]:
        """doc type -> images recognised as it, labelled as it, and both."""
        seen: Counter[str] = Counter()
        labelled: Counter[str] = Counter()
        both: Counter[str] = Counter()
        for r in self.rows:
            if r.doc_type:
                seen[r.doc_type] += 1
            if r.label_doc_type:
                labelled[r.label_doc_type] += 1
            if r.doc_type and r.doc_type == r.label_doc_type:
                both[r.doc_type] += 1
        return {
            d: {"recognised": seen[d], "labelled": labelled[d], "both": both[d]}
            for d in sorted(seen | labelled)
        }

    def timing(self) -> dict[str, float]:
        times = sorted(r.seconds for r in self.rows)
        if not times:
            return {"mean": 0.0, "p95": 0.0}
        p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
        return {"mean": round(sum(times) / len(times), 3), "p95": round(p95, 3)}

    def per_style(self) -> dict[str, tuple[int, int]]:
        """style ("+style" for leaks) -> (flagged, images). Not for an aggregate-only set."""
        n: Counter[str] = Counter()
        hit: Counter[str] = Counter()
        for r in self.rows:
            style = ("+" if r.leak else "") + r.style
            n[style] += 1
            hit[style] += r.flagged
        return {s: (hit[s], n[s]) for s in sorted(n)}

    def wrong(self) -> list[str]:
        """Ids missed or falsely flagged. Not for an aggregate-only set."""
        return [
            f"{r.id} ({'missed' if r.leak else 'false alarm'}; {r.outcome})"
            for r in self.rows
            if r.flagged != r.leak
        ]

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "set": self.name,
            "engine": self.engine,
            "aggregate_only": self.aggregate_only,
            **self.counts(),
            "seconds_per_image": self.timing(),
            "wall_seconds": round(self.wall_seconds, 1),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }
        if not self.aggregate_only:
            doc["per_style"] = {s: list(v) for s, v in self.per_style().items()}
            doc["rows"] = [
                {
                    "id": r.id,
                    "expect": r.expect,
                    "outcome": r.outcome,
                    "verdict": r.verdict,
                    "doc_type": r.doc_type,
                    "types": list(r.types),
                    "seconds": round(r.seconds, 3),
                }
                for r in self.rows
            ]
        return doc


# -- running a set ---------------------------------------------------------------------------


def image_path(folder: Path, item: dict[str, Any]) -> Path:
    """Where a label's image is: its `image` is named from the set folder (`img/x.jpg`) or,
    as some writers do, from the folder's `img/` (`x.jpg`)."""
    direct = folder / item["image"]
    if direct.is_file():
        return direct
    under_img = folder / "img" / item["image"]
    return under_img if under_img.is_file() else direct


def read_labels(folder: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The set's labels (the first `limit`); SetMissing when the set was not generated."""
    labels = folder / "labels.jsonl"
    if not labels.is_file():
        raise SetMissing(f"no {labels}")
    items = [json.loads(line) for line in labels.open(encoding="utf-8") if line.strip()]
    if limit is not None:
        items = items[:limit]
    missing = [item["image"] for item in items if not image_path(folder, item).is_file()]
    if missing:
        raise SetMissing(f"{len(missing)} images named in {labels} are missing")
    return items


def _peak_rss_mb() -> float:
    # Linux reports kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_set(
    folder: Path,
    engine: OcrEngine,
    *,
    limit: int | None = None,
    settings: ScanSettings = DEFAULT_SETTINGS,
) -> SetReport:
    """Scan the set's images (the first `limit`) with `engine`, in this process."""
    items = read_labels(folder, limit)
    name = folder.resolve().name
    report = SetReport(name, engine.name, name in AGGREGATE_ONLY)
    t_start = time.perf_counter()
    for item in items:
        data = image_path(folder, item).read_bytes()
        base: dict[str, Any] = {
            "id": str(item.get("id", item["image"])),
            "style": str(item.get("style", "-")),
            "expect": str(item["expect"]),
            "label_types": tuple(item.get("types") or ()),
            "label_doc_type": expected_doc_type(str(item.get("doc", ""))),
        }
        t0 = time.perf_counter()
        try:
            result = scan_image(data, engine=engine, settings=settings)
        except ImageRefused as exc:
            row = ImageRow(**base, outcome=f"refused:{exc.reason}")
        except OcrServiceError as exc:
            row = ImageRow(**base, outcome=f"failed:{type(exc).__name__}")
        else:
            row = ImageRow(
                **base,
                outcome="scanned",
                verdict=result.verdict,
                doc_type=result.doc_type,
                types=tuple(result.types),
            )
        report.rows.append(replace(row, seconds=time.perf_counter() - t0))
        del data
    report.wall_seconds = time.perf_counter() - t_start
    report.peak_rss_mb = _peak_rss_mb()
    return report


# -- the text report -------------------------------------------------------------------------


def format_report(report: SetReport) -> str:
    c = report.counts()
    t = report.timing()
    out = [
        f"== {report.name}: {c['images']} images ({c['leaks']} leaks, {c['ordinary']} "
        f"ordinary), engine {report.engine}",
        f"recall               {c['recall']:.3f} ({c['caught']}/{c['leaks']})",
        f"false-positive rate  {c['false_positive_rate']:.3f} "
        f"({c['false_alarms']}/{c['ordinary']})",
        f"refused              {c['refused']}",
        f"failed (OCR service) {c['failed']}",
        f"seconds per image    mean {t['mean']:.2f}, p95 {t['p95']:.2f} "
        f"(wall {report.wall_seconds:.0f} s)",
        f"peak memory (RSS)    {report.peak_rss_mb:.0f} MB (this process)",
        "identifiers read (images: read / labelled / both):",
    ]
    for typ, n in c["identifiers"].items():
        out.append(f"  {typ:<24} {n['read']:>4} / {n['labelled']:>4} / {n['both']:>4}")
    out.append("document types (images: recognised / labelled / both):")
    for doc, n in c["documents"].items():
        out.append(f"  {doc:<24} {n['recognised']:>4} / {n['labelled']:>4} / {n['both']:>4}")
    if report.aggregate_only:
        out.append("(aggregates only: never tuned on; ids and styles withheld)")
        return "\n".join(out) + "\n"
    out.append("per style (ordinary: flagged/n; +leak style: caught/n):")
    for style, (hit, n) in report.per_style().items():
        out.append(f"  {style:<24} {hit}/{n}")
    out.extend(f"  {line}" for line in report.wrong())
    return "\n".join(out) + "\n"
