"""The repo's labelled image set bench/image_sets/tune_t, drawn by its own gen.py into a
temporary folder: all of it (`generate`, a few minutes) or its first N images (`first`,
identical to the full set's, same ids and labels, without drawing the rest)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GEN = ROOT / "bench" / "image_sets" / "tune_t" / "gen.py"


def generate(dest: Path) -> Path:
    """The whole set in `dest` (img/ and labels.jsonl), by gen.py run as its README says."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(GEN, dest / "gen.py")
    env = {k: v for k, v in os.environ.items() if k not in ("NA", "NF")}
    subprocess.run([sys.executable, "gen.py"], cwd=dest, env=env, check=True, timeout=1800)
    return dest


def first(dest: Path, count: int) -> Path:
    """The set's first `count` images in `dest`: gen.py's own job list (its main(), the same
    seed and shuffle), of which only the first `count` jobs are drawn."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(GEN, dest / "gen.py")
    spec = importlib.util.spec_from_file_location(f"tune_t_gen_{os.getpid()}", dest / "gen.py")
    assert spec is not None and spec.loader is not None
    gen: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.N_ALLOW, gen.N_FLAG = 330, 150  # the set's counts, whatever NA / NF say
    os.makedirs(gen.OUT_IMG, exist_ok=True)
    gen.R.seed(gen.SEED)  # as main() does
    jobs = [("allow", fn.__name__) for fn in gen.expand(gen.ALLOW, gen.N_ALLOW)] + [
        ("flag", fn.__name__) for fn in gen.expand(gen.FLAG, gen.N_FLAG)
    ]
    gen.R.shuffle(jobs)
    labels = [gen.build((i, e, f)) for i, (e, f) in enumerate(jobs[:count], 1)]
    with open(dest / "labels.jsonl", "w", encoding="utf-8") as fh:
        for label in labels:
            fh.write(json.dumps(label, ensure_ascii=False) + "\n")
    return dest
