"""`bot.py worker` on the command line: what it needs is said in one line, exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.cluster import ROOT


def _worker(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "LINE_"))}
    base |= {"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t"}
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "worker", *args],
        cwd=tmp_path,
        env=base | {"BOT_DB_PATH": str(tmp_path / "bot.db"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_a_postgresql_url_the_worker_says_what_to_set(tmp_path: Path) -> None:
    r = _worker(tmp_path)
    assert r.returncode == 2
    assert "bot.py worker needs BOT_DATABASE_URL=postgresql://" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "bot.db").exists()  # nothing created on the way


def test_bad_options_are_refused_before_anything_starts(tmp_path: Path) -> None:
    for args, words in (
        (("--concurrency", "0"), "must be 1 or more"),
        (("--stalled-after", "0.5"), "must be 1 or more"),
        (("--ocr-retry-delays", "30,soon"), "not seconds separated by commas"),
    ):
        r = _worker(tmp_path, *args)
        assert r.returncode == 2, args
        assert words in r.stderr, (args, r.stderr)
