"""How well does the text engine do on our labelled sets?

    python bench/corpus_report.py                 # every set below, one after the other
    python bench/corpus_report.py --misses        # ... plus ids and notes missed / falsely flagged
    python bench/corpus_report.py --set PATH      # only this file (repeatable)
    python bench/corpus_report.py --set PATH --aggregate-only   # a set nobody may read

The sets: tests/corpus/text_corpus.jsonl (ours, tuned on), tests/corpus/text_holdout.jsonl
and tests/corpus/untouched_*.jsonl (aggregates only, always: never tuned on, the honest
figures) and tests/corpus/indep_*.jsonl (written by independent writers; tuned on once
scored, so training data now). Each line: {"id", "text", "expect", "types",
"note"} and optionally "style" (how the message is written; "-" when absent).

A message is flagged when `scan_text` returns warn or block. Per set: recall, false-positive
rate, per-type recall (of the leaks labelled T, the share flagged at all) and detection (the
share where a finding of type T was reported), and the false-positive rate per style.

An aggregate-only set (the holdout, or `--aggregate-only`) prints counts only, never an
id, a note or a text: nobody should tune the engine on it. No message text is ever
printed, for any set.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "corpus"
CORPUS = CORPUS_DIR / "text_corpus.jsonl"
HOLDOUT = CORPUS_DIR / "text_holdout.jsonl"
# Written by independent writers and never tuned on (untouched_u, the third writer's; then
# untouched_y, untouched_q ...): the honest figures, printed as aggregates only (like the
# holdout). Nobody reads their lines.
# Every later untouched set (untouched_y, untouched_q, ...) is kept the same way: any file
# named untouched_*.jsonl prints aggregates only, wherever it is given.
UNTOUCHED_SETS = sorted(CORPUS_DIR.glob("untouched_*.jsonl"))


def aggregate_only_set(path: Path) -> bool:
    """Sets nobody reads: the holdout and every untouched_*.jsonl."""
    return path.resolve() == HOLDOUT.resolve() or path.name.startswith("untouched_")


EVASION = re.compile(r"evasion=([a-z_0-9]+)")


def default_sets() -> list[tuple[Path, bool]]:
    """(path, aggregates only) of every set in tests/corpus/."""
    sets = [(CORPUS, False), (HOLDOUT, True)] + [(p, True) for p in UNTOUCHED_SETS]
    sets += [(p, False) for p in sorted(CORPUS_DIR.glob("indep_*.jsonl"))]
    return [(p, agg) for p, agg in sets if p.exists()]


# Later writers were given a shorter type vocabulary than the engine's names; read their
# labels in the engine's names so per-type detection compares like with like.
TYPE_ALIASES = {
    "health_record": "health_info",
    "investigation": "investigation_secret",
    "whistleblower": "whistleblower_identity",
    "personnel_result": "personnel_secret",
    "resident_cert": "tw_resident_id",
    "classified": "classified_marking",
}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    for it in items:
        it["types"] = [TYPE_ALIASES.get(t, t) for t in it.get("types", [])]
    return items


def evaluate(items: list[dict]) -> dict:
    sys.path.insert(0, str(ROOT))
    from detectors import scan_text

    rows = []
    scan_text("warm-up")  # compile patterns outside the timing
    started = time.perf_counter()
    for it in items:
        result = scan_text(it["text"])
        rows.append((it, result.verdict, {f.type for f in result.findings}))
    elapsed = time.perf_counter() - started

    pos = [r for r in rows if r[0]["expect"] == "flag"]
    neg = [r for r in rows if r[0]["expect"] == "allow"]
    per_type: dict[str, list[int]] = {}
    for it, verdict, found in pos:
        for t in it["types"]:
            stat = per_type.setdefault(t, [0, 0, 0])
            stat[0] += 1
            stat[1] += verdict != "allow"
            stat[2] += t in found
    per_style: dict[str, list[int]] = {}
    for it, verdict, _ in neg:
        stat = per_style.setdefault(str(it.get("style") or "-"), [0, 0])
        stat[0] += 1
        stat[1] += verdict != "allow"
    per_style_recall: dict[str, list[int]] = {}
    for it, verdict, _ in pos:
        stat = per_style_recall.setdefault(str(it.get("style") or "-"), [0, 0])
        stat[0] += 1
        stat[1] += verdict != "allow"
    per_evasion: dict[str, list[int]] = {}
    for it, verdict, _ in rows:
        for ev in EVASION.findall(it.get("note", "")):
            stat = per_evasion.setdefault(ev, [0, 0])
            stat[0] += 1
            stat[1] += (verdict != "allow") == (it["expect"] == "flag")
    return {
        "n": len(rows),
        "positives": len(pos),
        "negatives": len(neg),
        "misses": [(it, v) for it, v, _ in pos if v == "allow"],
        "false_flags": [(it, v, found) for it, v, found in neg if v != "allow"],
        "verdicts": Counter(v for _, v, _ in rows),
        "per_type": per_type,
        "per_style": per_style,
        "per_style_recall": per_style_recall,
        "per_evasion": per_evasion,
        "extra_types": Counter(
            t for it, v, found in pos for t in found if t not in it["types"] and v != "allow"
        ),
        "seconds": elapsed,
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:6.3f} ({a}/{b})" if b else "   n/a"


def summary(stats: dict) -> tuple[float, float]:
    """(recall, false-positive rate)."""
    pos, neg = stats["positives"], stats["negatives"]
    recall = (pos - len(stats["misses"])) / pos if pos else 1.0
    fpr = len(stats["false_flags"]) / neg if neg else 0.0
    return recall, fpr


def report(name: str, stats: dict, *, show_ids: bool, aggregate_only: bool = False) -> None:
    pos, neg = stats["positives"], stats["negatives"]
    missed, false = len(stats["misses"]), len(stats["false_flags"])
    print(f"== {name}: {stats['n']} messages, {pos} leaks, {neg} negatives")
    if aggregate_only:
        print("(aggregates only: ids, notes and texts are withheld)")
    print(f"recall               {_ratio(pos - missed, pos)}")
    print(f"false-positive rate  {_ratio(false, neg)}")
    print(f"verdicts             {dict(sorted(stats['verdicts'].items()))}")
    print(f"scan time            {stats['seconds'] * 1e6 / max(stats['n'], 1):.0f} us/message")
    print(f"{'type':24} {'n':>4}  {'recall':>14}  {'detection':>14}")
    for t in sorted(stats["per_type"]):
        n, flagged, detected = stats["per_type"][t]
        print(f"{t:24} {n:4}  {_ratio(flagged, n):>14}  {_ratio(detected, n):>14}")
    if stats["per_style"]:
        print(f"{'style (ordinary)':24} {'n':>4}  {'false-positive rate':>20}")
        for st, (n, flagged) in sorted(stats["per_style"].items()):
            print(f"{st:24} {n:4}  {_ratio(flagged, n):>20}")
    if set(stats["per_style_recall"]) != {"-"}:
        print(f"{'style (leaks)':24} {'n':>4}  {'recall':>20}")
        for st, (n, flagged) in sorted(stats["per_style_recall"].items()):
            print(f"{st:24} {n:4}  {_ratio(flagged, n):>20}")
    if stats["per_evasion"]:
        print("evasions (share judged right):")
        for ev, (n, right) in sorted(stats["per_evasion"].items()):
            print(f"  {ev:20} {_ratio(right, n)}")
    if stats["extra_types"]:
        extra = ", ".join(f"{t} {c}" for t, c in stats["extra_types"].most_common())
        print(f"unlabelled finding types on flagged leaks: {extra}")
    if show_ids and not aggregate_only:
        for it, _ in stats["misses"]:
            style = it.get("style") or "-"
            print(f"  missed  {it['id']}  {','.join(it['types'])}  [{style}] ({it['note']})")
        for it, verdict, found in stats["false_flags"]:
            style = it.get("style") or "-"
            kinds = ",".join(sorted(found))
            print(f"  false {verdict:5} {it['id']}  {kinds}  [{style}] ({it['note']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set", action="append", type=Path, metavar="PATH", help="score this file only"
    )
    parser.add_argument(
        "--aggregate-only",
        action="store_true",
        help="with --set: print aggregates only (a set nobody may read)",
    )
    parser.add_argument(
        "--holdout", action="store_true", help="only the holdout set (aggregates only)"
    )
    parser.add_argument("--misses", action="store_true", help="list missed / false ids and notes")
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):  # `| head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if args.set:
        sets = [(p, args.aggregate_only or aggregate_only_set(p)) for p in args.set]
    elif args.holdout:
        sets = [(HOLDOUT, True)]
    else:
        sets = default_sets()
    rc = 0
    table = []
    for path, aggregate_only in sets:
        if not path.exists():
            print(f"{path} does not exist", file=sys.stderr)
            rc = 1
            continue
        stats = evaluate(load(path))
        report(path.name, stats, show_ids=args.misses, aggregate_only=aggregate_only)
        table.append((path.name, stats))
        print()
    if len(table) > 1:
        print(f"{'set':28} {'leaks':>6} {'ordinary':>8}  {'recall':>7}  {'FPR':>7}")
        for name, stats in table:
            recall, fpr = summary(stats)
            print(
                f"{name:28} {stats['positives']:6} {stats['negatives']:8}  "
                f"{recall:7.3f}  {fpr * 100:6.2f}%"
            )
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
