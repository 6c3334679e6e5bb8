"""Text-engine cost in CPU instructions per message: a figure a loaded, shared host cannot blur.

    python bench/bench_text_instructions.py                 # 500 lines of indep_h + indep_p
    python bench/bench_text_instructions.py --sample bench  # 500 lines of bench_text's traffic
    python bench/bench_text_instructions.py --sample leaks  # 500 lines of bench_scan_cli's input
    python bench/bench_text_instructions.py --profile       # plus call counts (cProfile), no valgrind
    python bench/bench_text_instructions.py --long          # each hostile 5,000-character message

Runs the engine under `valgrind --tool=callgrind` twice: once scanning the sample one
time, once three times, each after `warm_up()` (the service's start-up). The
difference of the two instruction totals is what one more pass over the sample costs,
so start-up, imports, first-use caches and exit cancel out; divided by twice the
sample's size it is instructions per message. The sample is fixed (every k-th line of the sets,
the same every run) and the hash seed is pinned, so two runs of the same code read
the same figure to a fraction of a percent.

`--long`: instructions of one scan of each of bench_text.py's hostile 5,000-character
messages (its second scan, after warm_up; callgrind dumps its counters at a marker call
between the scans).

`--profile` counts calls instead (deterministic, no valgrind): how many messages reach
a Doc, stage 2's feature extraction, the regex searches and the top functions by calls.
No message text is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "corpus"
SETS = ("indep_h.jsonl", "indep_p.jsonl")  # tunable sets only (tests/corpus/README.md)
SIZE = 500
EXTRA = 2  # passes measured beyond the first


def sample(kind: str, size: int = SIZE) -> list[str]:
    """The fixed sample: `size` messages, every k-th line of each set in turn."""
    if kind == "bench":
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_text import traffic

        return traffic(size, 0.08, 7)
    if kind == "leaks":  # bench_scan_cli.py's leak-heavy lines (half of them leaks), its seed
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_scan_cli import _message

        rng = random.Random(11)
        return [_message(rng, rng.random() < 0.5) for _ in range(size)]
    texts: list[str] = []
    per_set = size // len(SETS)
    for name in SETS:
        with (CORPUS_DIR / name).open(encoding="utf-8") as f:
            lines = [json.loads(line)["text"] for line in f if line.strip()]
        step = max(1, len(lines) // per_set)
        texts.extend(lines[::step][:per_set])
    return texts


def _inner(kind: str, passes: int) -> None:
    """The process valgrind measures: start up, then scan the sample `passes` times."""
    sys.path.insert(0, str(ROOT))
    from detectors import scan_text
    from detectors.engine import warm_up

    texts = sample(kind)
    warm_up()
    for _ in range(passes):
        for t in texts:
            scan_text(t)


def _inner_long() -> None:
    """The process valgrind measures for --long: each hostile message scanned twice,
    a marker call (zlib.adler32, where callgrind dumps) just before the second scan and
    after it."""
    import zlib

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_text import LONG_CHARS, long_messages

    from detectors import scan_text
    from detectors.engine import warm_up

    warm_up()
    for text in long_messages(LONG_CHARS, 13).values():
        scan_text(text)
        zlib.adler32(b"start")
        scan_text(text)
        zlib.adler32(b"end")


def _long() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_text import LONG_CHARS, long_messages

    names = list(long_messages(LONG_CHARS, 13))
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            "valgrind",
            "--tool=callgrind",
            "--dump-before=adler32",
            f"--callgrind-out-file={tmp}/out",
            sys.executable,
            __file__,
            "--inner-long",
        ]
        subprocess.run(cmd, env=_env(), capture_output=True, text=True, check=True)
        totals = []
        for i in range(1, 2 * len(names) + 1):  # the last dump, at exit, is "out"
            text = Path(f"{tmp}/out.{i}").read_text()
            m = _TOTALS.search(text)
            totals.append(int(m.group(1)) if m else 0)
    # dump 1 ends at the first marker; dump 2k ends at message k's second "start" + 1
    per = {name: totals[2 * k + 1] for k, name in enumerate(names)}
    width = max(len(n) for n in names)
    for name, n in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"{name:{width}}  {n:>13,} instructions")
    print(f"{'slowest':{width}}  {max(per.values()):>13,}")


_TOTALS = re.compile(r"^totals:\s*(\d+)", re.M)
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def _env() -> dict[str, str]:
    # One thread: an idle BLAS worker spinning would count as our instructions.
    return dict(
        os.environ,
        PYTHONHASHSEED="0",
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
    )


def _instructions(kind: str, passes: int) -> int:
    env = _env()
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={tmp}/out",
            sys.executable,
            __file__,
            "--inner",
            str(passes),
            "--sample",
            kind,
        ]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    m = _COLLECTED.search(proc.stderr)
    if m is None:
        raise SystemExit("valgrind printed no instruction total:\n" + proc.stderr[-2000:])
    return int(m.group(1))


def _profile(kind: str) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from detectors import scan_text
    from detectors.engine import warm_up

    texts = sample(kind)
    warm_up()
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        scan_text(t)
    prof.disable()
    stats = pstats.Stats(prof)
    rows = []
    for (file, _line, func), (_cc, ncalls, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((ncalls, tt, f"{Path(file).name}:{func}"))
    print(f"{len(texts)} messages; top functions by calls (calls, own seconds):")
    for ncalls, tt, name in sorted(rows, reverse=True)[:40]:
        print(f"{ncalls:9}  {tt:8.4f}  {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", choices=("corpus", "bench", "leaks"), default="corpus")
    ap.add_argument("--profile", action="store_true", help="call counts, no valgrind")
    ap.add_argument("--long", action="store_true", help="each hostile 5,000-character message")
    ap.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--inner-long", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.inner_long:
        _inner_long()
        return 0
    if args.long:
        _long()
        return 0
    if args.inner is not None:
        _inner(args.sample, args.inner)
        return 0
    if args.profile:
        _profile(args.sample)
        return 0
    n = len(sample(args.sample))
    one = _instructions(args.sample, 1)
    more = _instructions(args.sample, 1 + EXTRA)
    per = (more - one) / (n * EXTRA)
    print(f"sample {args.sample}: {n} messages")
    print(f"instructions, start-up + 1 pass   {one:,}")
    print(f"instructions, start-up + {1 + EXTRA} passes  {more:,}")
    print(f"instructions per message          {per:,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
