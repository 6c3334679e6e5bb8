"""How well does the image pipeline do on an independent image set?

    python bench/image_sets/tune_t/gen.py            # draws img/ and labels.jsonl (minutes)
    python bench/image_set_report.py bench/image_sets/tune_t
    python bench/image_sets/untouched_u/gen.py
    python bench/image_set_report.py bench/image_sets/untouched_u   # aggregates only, always

Each set was written by a helper who saw neither the bot's code nor the other set; its
generator is deterministic and the images are not committed (they are regenerated). Every
image goes through the real pipeline (`images.scan_image` with the named OCR engine, in this
process). The run and the report are images/bench.py's (`run_set`, `format_report`), the
same as `bot.py ocr bench --set FOLDER`: recall and false-positive rate (flagged = warn or
block), identifiers and documents read, seconds per image, peak memory, and, for a set that
may be read, the rate per style and the ids missed or falsely flagged. `untouched_u` was
never tuned on: it prints aggregates only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folder", type=Path, help="a set folder holding labels.jsonl and img/")
    ap.add_argument("--engine", default="rapidocr", help="OCR engine name")
    ap.add_argument(
        "--ocr-cache",
        type=Path,
        help="a JSON file (outside the repo) to store the engine's readings in and replay them\n"
        "from on the next run (bench/ocr_cache.py): tune the text side in seconds",
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from config import Config
    from images.bench import SetMissing, format_report, run_set
    from ocr import HookSettings

    hook = HookSettings.from_config(Config.from_env(require_line=False))
    engine = hook.with_engine(args.engine).get()
    cached = None
    if args.ocr_cache is not None:
        from bench.ocr_cache import CachedEngine

        engine = cached = CachedEngine(engine, args.ocr_cache)
    try:
        report = run_set(args.folder, engine)
    except SetMissing as exc:
        print(f"{exc}: run {args.folder}/gen.py first", file=sys.stderr)
        return 2
    finally:
        if cached is not None:
            cached.save()
    if cached is not None:
        print(f"ocr cache: {cached.hits} readings replayed, {cached.misses} read", file=sys.stderr)
    sys.stdout.write(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
