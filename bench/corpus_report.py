"""How well does the text engine do on our labelled corpus?

    python bench/corpus_report.py              # tests/corpus/text_corpus.jsonl
    python bench/corpus_report.py --misses     # ... plus the ids and notes missed / falsely flagged
    python bench/corpus_report.py --holdout    # tests/corpus/text_holdout.jsonl, aggregates only

A message is flagged when `scan_text` returns warn or block. For each finding type T:
- recall: of the positives whose labels contain T, the share that was flagged at all;
- detection: of the same positives, the share where a finding of type T was reported.

The holdout set is our stand-in for the unseen judging set, so for it this script prints only
aggregates: never an id, a note or a text (nobody should tune the engine on it). No message text
is ever printed, for either set.
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
CORPUS = ROOT / "tests" / "corpus" / "text_corpus.jsonl"
HOLDOUT = ROOT / "tests" / "corpus" / "text_holdout.jsonl"
EVASION = re.compile(r"evasion=([a-z_0-9]+)")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


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
    per_evasion: dict[str, list[int]] = {}
    for it, verdict, _ in rows:
        for ev in EVASION.findall(it["note"]):
            stat = per_evasion.setdefault(ev, [0, 0])
            stat[0] += 1
            stat[1] += (verdict != "allow") == (it["expect"] == "flag")
    return {
        "n": len(rows),
        "positives": len(pos),
        "negatives": len(neg),
        "misses": [(it, v) for it, v, _ in pos if v == "allow"],
        "false_flags": [(it, v) for it, v, _ in neg if v != "allow"],
        "verdicts": Counter(v for _, v, _ in rows),
        "per_type": per_type,
        "per_evasion": per_evasion,
        "extra_types": Counter(
            t for it, v, found in pos for t in found if t not in it["types"] and v != "allow"
        ),
        "seconds": elapsed,
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:6.3f} ({a}/{b})" if b else "   n/a"


def report(name: str, stats: dict, *, show_ids: bool) -> None:
    pos, neg = stats["positives"], stats["negatives"]
    missed, false = len(stats["misses"]), len(stats["false_flags"])
    print(f"== {name}: {stats['n']} messages, {pos} leaks, {neg} negatives")
    print(f"recall               {_ratio(pos - missed, pos)}")
    print(f"false-positive rate  {_ratio(false, neg)}")
    print(f"verdicts             {dict(sorted(stats['verdicts'].items()))}")
    print(f"scan time            {stats['seconds'] * 1e6 / max(stats['n'], 1):.0f} us/message")
    print(f"{'type':24} {'n':>4}  {'recall':>14}  {'detection':>14}")
    for t in sorted(stats["per_type"]):
        n, flagged, detected = stats["per_type"][t]
        print(f"{t:24} {n:4}  {_ratio(flagged, n):>14}  {_ratio(detected, n):>14}")
    if stats["per_evasion"]:
        print("evasions (share judged right):")
        for ev, (n, right) in sorted(stats["per_evasion"].items()):
            print(f"  {ev:20} {_ratio(right, n)}")
    if stats["extra_types"]:
        extra = ", ".join(f"{t} {c}" for t, c in stats["extra_types"].most_common())
        print(f"unlabelled finding types on flagged leaks: {extra}")
    if show_ids:
        for it, _ in stats["misses"]:
            print(f"  missed  {it['id']}  {','.join(it['types'])}  ({it['note']})")
        for it, verdict in stats["false_flags"]:
            print(f"  false {verdict:5} {it['id']}  ({it['note']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--holdout", action="store_true", help="score the holdout set (aggregates only)"
    )
    parser.add_argument("--misses", action="store_true", help="list missed / false ids and notes")
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):  # `| head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    path = HOLDOUT if args.holdout else CORPUS
    if not path.exists():
        print(f"{path} does not exist", file=sys.stderr)
        return 1
    if args.holdout and args.misses:
        print("(holdout: ids and notes are withheld; aggregates only)")
    report(path.name, evaluate(load(path)), show_ids=args.misses and not args.holdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
