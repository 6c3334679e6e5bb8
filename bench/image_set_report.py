"""How well does the image pipeline do on an independent image set?

    python bench/image_sets/tune_t/gen.py            # draws img/ and labels.jsonl (minutes)
    python bench/image_set_report.py bench/image_sets/tune_t
    python bench/image_sets/untouched_u/gen.py
    python bench/image_set_report.py bench/image_sets/untouched_u   # aggregates only, always

Each set was written by a helper who saw neither the bot's code nor the other set; its
generator is deterministic and the images are not committed (they are regenerated). Every
image goes through the real pipeline (`images.scan_image` with the configured OCR engine,
in this process). A flagged image is one whose verdict is warn or block. Prints recall and
false-positive rate, and, for a set that may be read, the rate per style and the ids
missed or falsely flagged. `untouched_u` was never tuned on: it prints aggregates only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGGREGATE_ONLY = {"untouched_u"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folder", type=Path, help="a set folder holding labels.jsonl and img/")
    ap.add_argument("--engine", default="rapidocr", help="OCR engine name")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from images import ImageRefused, scan_image
    from ocr import get_engine

    labels_path = args.folder / "labels.jsonl"
    if not labels_path.is_file():
        print(f"no {labels_path}: run {args.folder}/gen.py first", file=sys.stderr)
        return 2
    aggregate = args.folder.resolve().name in AGGREGATE_ONLY
    engine = get_engine(args.engine)
    items = [json.loads(line) for line in labels_path.open(encoding="utf-8") if line.strip()]
    pos = neg = tp = fp = refused = 0
    n_style: Counter[str] = Counter()
    hit_style: Counter[str] = Counter()
    wrong: list[str] = []
    t0 = time.perf_counter()
    for item in items:
        data = (args.folder / item["image"]).read_bytes()
        verdict: str
        try:
            verdict = scan_image(data, engine=engine).verdict
        except ImageRefused:
            verdict, refused = "refused", refused + 1
        flagged = verdict in ("warn", "block")
        leak = item["expect"] == "flag"
        style = ("+" if leak else "") + str(item.get("style", "-"))
        n_style[style] += 1
        hit_style[style] += flagged
        if leak:
            pos += 1
            tp += flagged
        else:
            neg += 1
            fp += flagged
        if flagged != leak:
            wrong.append(f"{item['id']} ({'missed' if leak else 'false alarm'})")
    dt = time.perf_counter() - t0
    print(f"== {args.folder.name}: {len(items)} images, {pos} leaks, {neg} ordinary; {dt:.0f} s")
    print(f"recall               {tp / max(pos, 1):.3f} ({tp}/{pos})")
    print(f"false-positive rate  {fp / max(neg, 1):.3f} ({fp}/{neg})")
    print(f"refused              {refused}")
    if aggregate:
        print("(aggregates only: never tuned on; ids and styles withheld)")
        return 0
    print("per style (ordinary: flagged/n; +leak style: caught/n):")
    for style in sorted(n_style):
        print(f"  {style:<24} {hit_style[style]}/{n_style[style]}")
    for line in wrong:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
